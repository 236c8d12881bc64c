const a = require('./a');
exports.seenA = Object.keys(a).join(',');
exports.done = true;
