// The differential-script runner: the same file runs each script under Node (`node run.cjs
// <script>`) and under pluginhost (its exports.run is called by scripts_test.go), so both sides load
// and await a script the same way. A script is a CommonJS module; when it exports a function, that
// function is called and awaited. A thrown error or rejection is printed, not fatal, so the two
// outputs stay comparable.
'use strict';

async function run(file) {
  try {
    const main = require(file);
    if (typeof main === 'function') await main();
  } catch (err) {
    console.log('script failed:', err && err.name, err && err.code, err && err.message);
  }
}

exports.run = run;

if (require.main === module && process.argv.length > 2) {
  run(require('path').resolve(process.argv[2]));
}
