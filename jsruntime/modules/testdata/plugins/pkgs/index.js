module.exports = {
  cjs: require('dual').kind,
  feature: require('dual/feature'),
  sub: require('dual/sub/x'),
  arr: require('dual/arr'),
  pj: require('dual/package.json').name,
  mainonly: require('mainonly'),
  mainfolder: require('mainfolder'),
  noindex: require('noindex'),
  scoped: require('@scope/pkg'),
  scopedSub: require('@scope/pkg/extra'),
  esm: require('./esm-importer.mjs'),
  resolved: require.resolve('dual'),
};
try { require('dual/sub/private/y'); } catch (e) { module.exports.privateErr = e.code; }
try { require('dual/missing'); } catch (e) { module.exports.missingErr = e.code; }
try { require('broken-target'); } catch (e) { module.exports.brokenErr = e.code; }
module.exports.mainfalse = require('mainfalse');
