const lib = require('./lib');
const data = require('./data.json');
const self = this;
module.exports = {
  info: { id: 'cjs-bare' },
  init() {},
  lib: lib.name,
  libLoadedWhileRunning: lib.loadedFlag,
  answer: data.answer,
  thisIsExports: self === exports,
  isMain: require.main === module,
  id: module.id,
  filename: __filename,
  dirname: __dirname,
  loaded: module.loaded,
  children: module.children.length,
  paths0: module.paths[0],
  resolved: require.resolve('./lib'),
  cached: require.cache[__filename] === module,
  libParentIsMe: require.cache[require.resolve('./lib')].parent === module,
  moduleRequire: module.require('./lib') === lib,
};
