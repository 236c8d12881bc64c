import d, { kind } from 'dual';
export { kind };
export const def = d;
