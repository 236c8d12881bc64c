// Under Node: decompresses every file produce.js wrote (directory in argv[2]) and prints one line per
// file that does not give back its input.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { small, text, mixed } = require('./content');

const inputs = { empty: Buffer.alloc(0), small, text, mixed, 'small+text': Buffer.concat([small, text]) };
const dir = process.argv[2];
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json')));
let failed = 0;
for (const { name, decompress, input, options } of manifest) {
  const opts = options && options.dictionary ? { dictionary: Buffer.from('hello world dictionary') } : undefined;
  try {
    const out = zlib[decompress](fs.readFileSync(path.join(dir, name)), opts);
    if (!out.equals(inputs[input])) throw new Error(`got ${out.length} bytes, want ${inputs[input].length}`);
  } catch (err) {
    failed++;
    console.log(name, err.message);
  }
}
console.log(`${manifest.length - failed} of ${manifest.length} decompressed by Node`);
