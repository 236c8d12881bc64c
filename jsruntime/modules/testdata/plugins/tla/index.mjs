export const info = { id: 'tla' };

const x = await Promise.resolve(1);
export default x;
