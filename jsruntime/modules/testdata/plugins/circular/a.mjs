import { b, readA } from './b.mjs';
export const a = 'A';
export const fromB = b;
export const late = readA();
