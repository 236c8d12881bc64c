import { a } from './a.mjs';
export const b = 'B';
export function readA() { return a; }
