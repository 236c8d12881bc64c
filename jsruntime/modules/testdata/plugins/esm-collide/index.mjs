import { createRequire } from 'module';
import { fileURLToPath } from 'url';
import * as metaNames from './meta.mjs';
const require = createRequire(import.meta.url);
const __filename = fileURLToPath(import.meta.url);
const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));
const module = { name: 'mine' };
const exports = { name: 'mine-exports' };
const lib = require('./lib.cjs');
export const info = { id: 'collide' };
export const out = {
  lib: lib.kind,
  filename: __filename,
  dirname: __dirname,
  module: module.name,
  exports: exports.name,
  typeofRequire: typeof require,
  resolved: require.resolve('./lib.cjs'),
  metaDirname: metaNames.__dirname,
  metaFilename: metaNames.__filename,
};
export default { info, module, exports };
