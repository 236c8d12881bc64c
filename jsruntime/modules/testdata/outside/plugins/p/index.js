let leak = 'none';
try { leak = require('leak'); } catch (e) { leak = e.code; }
module.exports = { leak, kind: 'cjs' };
