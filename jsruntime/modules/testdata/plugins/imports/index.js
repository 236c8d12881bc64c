module.exports = require('pkg');
try { require('#dep'); } catch (e) { module.exports.outside = e.code; }
