module.exports = { express: require('express'), nodeFs: require('node:fs') === require('fs') };
try { require('node:nonexistent'); } catch (e) { module.exports.unknown = e.code; }
