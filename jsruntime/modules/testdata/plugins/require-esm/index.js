const esm = require('./lib.mjs');
const { createRequire, builtinModules, isBuiltin } = require('module');
const { pathToFileURL } = require('url');
const r1 = createRequire(__filename);
const r2 = createRequire(pathToFileURL(__filename).href);
const r3 = createRequire(pathToFileURL(__filename));
const r4 = createRequire(__dirname + '/');
module.exports = {
  named: esm.named,
  def: esm.default,
  esModule: esm.__esModule,
  same: [r1('./dep'), r2('./dep'), r3('./dep'), r4('./dep')].join(','),
  builtins: builtinModules.includes('module') && builtinModules.includes('url'),
  isBuiltin: [isBuiltin('fs'), isBuiltin('node:fs'), isBuiltin('nope')].join(','),
  mainSeen: r1.main === require.main,
};
try { createRequire('relative/path.js'); } catch (e) { module.exports.badArg = e.code; }
