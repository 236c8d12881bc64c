exports.name = 'lib';
exports.loadedFlag = module.loaded;
