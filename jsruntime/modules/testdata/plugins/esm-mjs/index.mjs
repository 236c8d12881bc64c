import fs from 'node:fs';
import { readFileSync } from 'fs';
import lib, { named } from './lib.mjs';
import cjs from './cjs.cjs';
import * as ns from './lib.mjs';
export const info = { id: 'esm-mjs' };
export async function init(router) {}
export const meta = {
  url: import.meta.url,
  dirname: import.meta.dirname,
  filename: import.meta.filename,
  resolved: import.meta.resolve('./lib.mjs'),
  builtin: import.meta.resolve('fs'),
};
export const types = [typeof module, typeof exports, typeof require, typeof __dirname, typeof __filename].join(',');
export const fsOK = fs.fake === true && readFileSync === fs.readFileSync;
export const libs = [lib, named, cjs.kind, ns.default, ns.named].join(',');
export const thisAtTop = typeof this;
export const strict = (function () { return this === undefined; })();
