// Differential script: zlib's one-shot functions (sync, callback, promisified): round trips of every
// format, zlib's errors on corrupt and truncated input, option validation, and the module's shape.
// Compressed sizes are never printed: pluginhost's compressed bytes differ from Node's.
'use strict';
const zlib = require('zlib');
const util = require('util');

const text = Buffer.from(Array.from({ length: 3000 }, (_, i) => `line ${i} ${'abc'.repeat(i % 7)}`).join('\n'));

function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', Buffer.isBuffer(r) ? `${r.length} ${JSON.stringify(r.toString('latin1', 0, 20))}` : r);
  } catch (err) {
    console.log(label, 'threw', err.name, err.code, err.errno, JSON.stringify(err.message));
  }
}

module.exports = async function main() {
  const formats = [
    ['gzip', zlib.gzipSync, zlib.gunzipSync], ['deflate', zlib.deflateSync, zlib.inflateSync],
    ['raw', zlib.deflateRawSync, zlib.inflateRawSync], ['brotli', zlib.brotliCompressSync, zlib.brotliDecompressSync],
    ['unzip', zlib.gzipSync, zlib.unzipSync],
  ];
  for (const [name, enc, dec] of formats) {
    for (const input of ['', 'x', text]) {
      console.log(name, input.length, dec(enc(input)).equals(Buffer.from(input)));
    }
  }
  for (const level of [0, 1, 9]) {
    console.log('level', level, zlib.inflateSync(zlib.deflateSync(text, { level, strategy: zlib.constants.Z_RLE })).equals(text));
  }
  const dictionary = Buffer.from('line abcabcabc');
  console.log('dictionary', zlib.inflateSync(zlib.deflateSync(text, { dictionary }), { dictionary }).equals(text));
  attempt('missing dictionary', () => zlib.inflateSync(zlib.deflateSync(text, { dictionary })));
  attempt('wrong dictionary', () => zlib.inflateSync(zlib.deflateSync(text, { dictionary }), { dictionary: Buffer.from('x') }));

  const gz = zlib.gzipSync(text);
  attempt('garbage gunzip', () => zlib.gunzipSync(Buffer.from('not compressed at all')));
  attempt('garbage inflate', () => zlib.inflateSync(Buffer.from('not compressed at all')));
  attempt('garbage inflateRaw', () => zlib.inflateRawSync(Buffer.from('not compressed at all')));
  attempt('garbage brotli', () => zlib.brotliDecompressSync(Buffer.from('not compressed at all')));
  attempt('truncated', () => zlib.gunzipSync(gz.subarray(0, gz.length - 10)));
  attempt('empty', () => zlib.inflateSync(Buffer.alloc(0)));
  attempt('bad crc', () => { const b = Buffer.from(gz); b[b.length - 6] ^= 1; return zlib.gunzipSync(b); });
  attempt('bad size', () => { const b = Buffer.from(gz); b[b.length - 2] ^= 1; return zlib.gunzipSync(b); });
  attempt('stored lengths', () => zlib.inflateRawSync(Buffer.from([0x01, 5, 0, 5, 0])));
  attempt('block type', () => zlib.inflateRawSync(Buffer.from([0x07, 0, 0])));
  attempt('too far back', () => zlib.inflateRawSync(Buffer.from([0x63, 0x00, 0x42, 0x00])));
  attempt('members', () => zlib.gunzipSync(Buffer.concat([zlib.gzipSync('one '), zlib.gzipSync('two'), Buffer.alloc(4)])));
  attempt('maxOutputLength', () => zlib.gunzipSync(gz, { maxOutputLength: 100 }));
  attempt('level 11', () => zlib.deflateSync('x', { level: 11 }));
  attempt('level string', () => zlib.deflateSync('x', { level: '1' }));
  attempt('chunkSize', () => zlib.deflateSync('x', { chunkSize: 8 }));
  attempt('windowBits', () => zlib.gzipSync('x', { windowBits: 8 }));
  attempt('brotli param', () => zlib.brotliCompressSync('x', { params: { 42: 1 } }));
  attempt('input', () => zlib.gzipSync(42));
  attempt('info', () => Object.keys(zlib.gzipSync('x', { info: true })).join());

  await new Promise((resolve) => zlib.gzip(text, (err, out) => {
    zlib.gunzip(out, (err2, back) => {
      console.log('callbacks', err, err2, back.equals(text));
      resolve();
    });
  }));
  await new Promise((resolve) => zlib.inflate(Buffer.from('nope'), (err) => {
    console.log('callback error', err.code, err.errno, err.message);
    resolve();
  }));
  const brotli = util.promisify(zlib.brotliCompress);
  const unbrotli = util.promisify(zlib.brotliDecompress);
  console.log('promisified', (await unbrotli(await brotli(text))).equals(text));
  await util.promisify(zlib.unzip)(Buffer.from('nope')).catch((err) => console.log('promisified error', err.code, err.message));

  console.log(Object.keys(zlib).filter((k) => k !== 'crc32').join(' '));
  console.log(zlib.constants.Z_BEST_COMPRESSION, zlib.constants.BROTLI_PARAM_QUALITY, zlib.Z_SYNC_FLUSH, zlib.codes.Z_DATA_ERROR, zlib.codes['-3']);
  console.log(zlib.createGzip() instanceof zlib.Gzip, zlib.Gunzip() instanceof require('stream').Transform);
};
{
  const z = require('zlib');
  console.log('crc32', z.crc32('hello'), z.crc32(Buffer.from('hello')), z.crc32('world', z.crc32('hello ')), z.crc32('hello world'));
  console.log('crc32 more', z.crc32(''), z.crc32(new Uint16Array([1, 2])), z.crc32('ü'), z.crc32('a', 2 ** 32 - 1), z.crc32(new DataView(new ArrayBuffer(3))));
  for (const [d, v] of [[5, 0], ['a', 'x'], ['a', -1], ['a', 1.5], ['a', NaN], ['a', 2 ** 33], ['a', Infinity], ['a', undefined], ['a', null]]) {
    try { console.log('crc32 ok', z.crc32(d, v)); } catch (e) { console.log('crc32 error', e.code, e.message); }
  }
  console.log('zlib keys', Object.keys(z).join());
}
