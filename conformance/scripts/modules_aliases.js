// Built-in modules that are another module's member or a global: the very same objects as in Node.
const path = require('path');
const util = require('util');
console.log('console', require('console') === console, require('node:console') === console);
console.log('path/posix', require('path/posix') === path.posix, require('node:path/posix') === path.posix);
console.log('path/win32', require('path/win32') === path.win32, require('path/win32').join('a', 'b'));
console.log('util/types', require('util/types') === util.types, require('util/types').isDate(new Date()));
console.log('node: only', (() => { try { require('node:nope'); } catch (e) { return e.code; } })());
