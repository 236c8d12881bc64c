const util = require('../../src/util');
exports.required = util.answer;
exports.sameInstance = util === require('../../src/util.js');
exports.viaURL = require(require('url').pathToFileURL(__dirname + '/../../src/util.js').href) === util;
try {
    require('../../src/nope.js');
} catch (error) {
    exports.missing = error.code;
}
// A path inside the plugins directory is never offered to HostFiles.
exports.inside = require('../host-files/local.js');
