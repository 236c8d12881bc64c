const util = require('../../src/util');
exports.required = util.answer;
exports.sameInstance = util === require('../../src/util.js');
try {
    require('../../src/nope.js');
} catch (error) {
    exports.missing = error.code;
}
// A path inside the plugins directory is never offered to HostFiles.
exports.inside = require('../host-files/local.js');
