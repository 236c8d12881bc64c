// Deterministic sample data shared by the scenarios, make-fixtures.js and the differential script
// conformance/scripts/zlib_streams.js: text with repeats (so it compresses into dynamic blocks with
// long matches) and noise (so stored blocks appear too).
'use strict';

const words = ['zlib', 'stream', 'plugin', 'gzip', 'deflate', 'window', 'huffman', 'the', 'a', 'of',
  'brotli', 'buffer', 'chunk', 'flush', 'member', 'header', 'trailer', 'checksum', 'node', 'goja'];

function text(size, seed) {
  let x = seed;
  const parts = [];
  let n = 0;
  while (n < size) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const w = words[x % words.length] + (x % 11 === 0 ? '\n' : ' ');
    parts.push(w);
    n += w.length;
  }
  return Buffer.from(parts.join('').slice(0, size));
}

function noise(size, seed) {
  let x = seed;
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >> 16;
  }
  return b;
}

module.exports = {
  small: Buffer.from('hello world'),
  text: text(40000, 7),
  mixed: Buffer.concat([text(12000, 3), noise(16000, 5), text(12000, 9)]),
  makeText: text,
  makeNoise: noise,
};
