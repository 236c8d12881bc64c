// Writes what pluginhost's zlib compresses into SCRIPT_TMPDIR, with a manifest saying how to
// decompress each file and what it must give; verify.js checks them under Node.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { small, text, mixed } = require('./content');

const inputs = { empty: Buffer.alloc(0), small, text, mixed };
const dict = Buffer.from('hello world dictionary');

// stream compresses input through a stream, in pieces, with the given flushes between them.
function stream(make, input, flushes) {
  return new Promise((resolve, reject) => {
    const s = make();
    const parts = [];
    s.on('data', (d) => parts.push(d));
    s.on('error', reject);
    s.on('end', () => resolve(Buffer.concat(parts)));
    const step = Math.ceil(input.length / (flushes.length + 1)) || 1;
    let i = 0;
    const next = () => {
      const piece = input.subarray(i * step, (i + 1) * step);
      const flush = flushes[i++];
      if (flush === undefined) return s.end(piece);
      s.write(piece);
      s.flush(flush, next);
    };
    next();
  });
}

module.exports = async function main() {
  const dir = process.env.SCRIPT_TMPDIR;
  const manifest = [];
  const add = (name, data, decompress, input, options) => {
    fs.writeFileSync(path.join(dir, name), data);
    manifest.push({ name, decompress, input, options });
  };
  const C = zlib.constants;
  for (const [key, input] of Object.entries(inputs)) {
    for (const level of [-1, 0, 1, 6, 9]) {
      for (const strategy of [0, C.Z_HUFFMAN_ONLY, C.Z_RLE]) {
        const o = { level, strategy };
        add(`${key}-${level}-${strategy}.gz`, zlib.gzipSync(input, o), 'gunzipSync', key);
        add(`${key}-${level}-${strategy}.zz`, zlib.deflateSync(input, o), 'inflateSync', key);
        add(`${key}-${level}-${strategy}.raw`, zlib.deflateRawSync(input, o), 'inflateRawSync', key);
      }
    }
    for (const quality of [0, 4, 11]) {
      add(`${key}-q${quality}.br`, zlib.brotliCompressSync(input, { params: { [C.BROTLI_PARAM_QUALITY]: quality } }), 'brotliDecompressSync', key);
    }
    add(`${key}-dict.zz`, zlib.deflateSync(input, { dictionary: dict }), 'inflateSync', key, { dictionary: 'dict' });
    add(`${key}-dict.raw`, zlib.deflateRawSync(input, { dictionary: dict }), 'inflateRawSync', key, { dictionary: 'dict' });
    add(`${key}-stream.gz`, await stream(zlib.createGzip, input, [C.Z_SYNC_FLUSH, C.Z_FULL_FLUSH, C.Z_PARTIAL_FLUSH, C.Z_BLOCK]), 'gunzipSync', key);
    add(`${key}-stream.zz`, await stream(() => zlib.createDeflate({ level: 1 }), input, [C.Z_FULL_FLUSH, C.Z_NO_FLUSH]), 'inflateSync', key);
    add(`${key}-stream.br`, await stream(zlib.createBrotliCompress, input, [C.BROTLI_OPERATION_FLUSH, C.BROTLI_OPERATION_PROCESS]), 'brotliDecompressSync', key);
    add(`${key}-async.gz`, await new Promise((res, rej) => zlib.gzip(input, (e, r) => (e ? rej(e) : res(r)))), 'gunzipSync', key);
  }
  add('members.gz', Buffer.concat([zlib.gzipSync(small), zlib.gzipSync(text)]), 'gunzipSync', 'small+text');
  {
    // params() midway: the stream continues at another level and strategy.
    const s = zlib.createDeflate({ level: 1 });
    const parts = [];
    s.on('data', (d) => parts.push(d));
    s.write(mixed.subarray(0, 20000));
    await new Promise((resolve) => s.params(9, C.Z_HUFFMAN_ONLY, resolve));
    s.end(mixed.subarray(20000));
    await new Promise((resolve) => s.on('end', resolve));
    add('params.zz', Buffer.concat(parts), 'inflateSync', 'mixed');
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  console.log(manifest.length, 'files');
};
