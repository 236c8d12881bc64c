// Records a scenario's golden output under Node: `node record.cjs fd.js > fd.golden`. The scenario
// runs with the globals the Go test gives it: fs, and dir, a fresh temporary directory, which is
// also the working directory.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const vm = require('vm');

const file = path.resolve(process.argv[2]);
globalThis.fs = fs;
globalThis.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-golden-'));
process.chdir(globalThis.dir);
const result = vm.runInThisContext(fs.readFileSync(file, 'utf8'), { filename: file });
Promise.resolve(result).then((out) => {
  process.stdout.write(out + '\n');
  fs.rmSync(globalThis.dir, { recursive: true, force: true });
});
