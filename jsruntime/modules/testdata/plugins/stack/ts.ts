interface A { x: number }
export const info: A = { x: 1 };

export function boom(): never {
  throw new Error('ts boom');
}
