import { helper } from './helper.js';
export const info = { id: 'esm-type' };
export const out = helper();
export const moduleType = typeof module;
