// Regenerates testdata/fixtures with Node 20's zlib: `node testdata/make-fixtures.js`. The Go tests
// decompress these to check that pluginhost reads what Node writes (and, through the scenarios,
// that it reports the same errors and output chunking on them).
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { text, mixed, small } = require('./content');

const dir = path.join(__dirname, 'fixtures');
fs.mkdirSync(dir, { recursive: true });
const write = (name, data) => fs.writeFileSync(path.join(dir, name), data);

write('text.gz', zlib.gzipSync(text));
write('text-1.gz', zlib.gzipSync(text, { level: 1 }));
write('mixed-9.gz', zlib.gzipSync(mixed, { level: 9 }));
write('text.zz', zlib.deflateSync(text));
write('mixed.zz', zlib.deflateSync(mixed, { level: 0 }));
write('text-huffman.raw', zlib.deflateRawSync(text, { strategy: zlib.constants.Z_HUFFMAN_ONLY }));
write('text-fixed.raw', zlib.deflateRawSync(text, { strategy: zlib.constants.Z_FIXED }));
write('text-rle.zz', zlib.deflateSync(text, { strategy: zlib.constants.Z_RLE }));
write('text-wb9.zz', zlib.deflateSync(text, { windowBits: 9 }));
write('text.br', zlib.brotliCompressSync(text));
write('mixed-q5.br', zlib.brotliCompressSync(mixed, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }));
write('dict.zz', zlib.deflateSync(small, { dictionary: Buffer.from('hello world dictionary') }));
write('dict.raw', zlib.deflateRawSync(small, { dictionary: Buffer.from('hello world dictionary') }));
write('members.gz', Buffer.concat([zlib.gzipSync('first member\n'), zlib.gzipSync(''), zlib.gzipSync('third\n')]));

// A stream flushed between writes, so it holds sync and full flush points.
const gz = zlib.createGzip();
const parts = [];
gz.on('data', (d) => parts.push(d));
gz.on('end', () => write('flushed.gz', Buffer.concat(parts)));
gz.write(text.subarray(0, 1000));
gz.flush(zlib.constants.Z_SYNC_FLUSH, () => {
  gz.write(text.subarray(1000, 5000));
  gz.flush(() => gz.end(text.subarray(5000, 6000)));
});
