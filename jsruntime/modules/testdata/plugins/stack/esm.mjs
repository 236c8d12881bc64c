export const info = { id: 'stack' };

export function boom() {
  throw new Error('esm boom');
}
