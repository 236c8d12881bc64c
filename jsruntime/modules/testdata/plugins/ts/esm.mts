export const mts: string = 'mts';
