// Runs a scenario under Node the way the Go tests run it: require it and await the function it
// exports.
'use strict';
const path = require('path');
const main = require(path.resolve(process.argv[2]));
Promise.resolve(typeof main === 'function' ? main() : main).catch((err) => {
  console.log('main rejected:', err);
  process.exitCode = 1;
});
