exports.a1 = 'a1';
const b = require('./b');
exports.a2 = 'a2';
exports.fromB = b.seenA;
exports.bDone = b.done;
