// The one-shot sync API: round trips, Node-written fixtures, zlib's errors on corrupt and truncated
// input, option validation, info, maxOutputLength, dictionaries, input types and the module's shape.
// Nothing printed depends on the compressed bytes (ours differ from Node's).
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { small, text, mixed } = require('./content');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));

// show prints an error with its own enumerable keys (Node's zlib errors carry errno and code). A
// 'stack' key is left out: whether it is enumerable is the process module's business.
function show(err) {
  const keys = Object.keys(err).filter((k) => k !== 'stack');
  return `${err.name} ${err.code} ${err.errno} ${JSON.stringify(err.message)} [${keys}]`;
}

function attempt(label, fn) {
  try {
    const r = fn();
    if (Buffer.isBuffer(r)) console.log(label, 'ok', r.length, JSON.stringify(r.toString('latin1', 0, 24)));
    else console.log(label, 'ok', r);
  } catch (err) {
    console.log(label, 'threw', show(err));
  }
}

module.exports = async function main() {
  console.log('## round trips');
  const pairs = [
    ['gzip', 'gunzipSync', 'gzipSync'], ['deflate', 'inflateSync', 'deflateSync'],
    ['raw', 'inflateRawSync', 'deflateRawSync'], ['brotli', 'brotliDecompressSync', 'brotliCompressSync'],
    ['unzip(gzip)', 'unzipSync', 'gzipSync'], ['unzip(deflate)', 'unzipSync', 'deflateSync'],
  ];
  for (const [name, dec, enc] of pairs) {
    for (const input of [Buffer.alloc(0), small, text, mixed]) {
      const back = zlib[dec](zlib[enc](input));
      console.log(name, input.length, back.equals(input));
    }
  }
  for (const level of [-1, 0, 1, 2, 5, 6, 9]) {
    for (const strategy of [0, 1, 2, 3, 4]) {
      const ok = zlib.inflateSync(zlib.deflateSync(mixed, { level, strategy })).equals(mixed) &&
        zlib.gunzipSync(zlib.gzipSync(text, { level, strategy })).equals(text);
      if (!ok) console.log('level', level, 'strategy', strategy, 'failed');
    }
  }
  for (const quality of [0, 1, 5, 9, 11]) {
    const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_LGWIN]: 16 };
    console.log('brotli quality', quality, zlib.brotliDecompressSync(zlib.brotliCompressSync(mixed, { params })).equals(mixed));
  }
  console.log('string input', zlib.gunzipSync(zlib.gzipSync('héllo')).toString());
  console.log('ArrayBuffer input', zlib.inflateSync(zlib.deflateSync(new Uint8Array([1, 2, 3]).buffer)).toString('hex'));
  console.log('Uint16Array input', zlib.inflateRawSync(zlib.deflateRawSync(new Uint16Array([1, 2]))).toString('hex'));
  console.log('DataView input', zlib.gunzipSync(zlib.gzipSync(new DataView(new ArrayBuffer(3)))).toString('hex'));

  console.log('## fixtures written by Node');
  const expected = {
    'text.gz': text, 'text-1.gz': text, 'mixed-9.gz': mixed, 'text.zz': text, 'mixed.zz': mixed,
    'text-huffman.raw': text, 'text-fixed.raw': text, 'text-rle.zz': text, 'text-wb9.zz': text,
    'text.br': text, 'mixed-q5.br': mixed,
  };
  for (const [name, want] of Object.entries(expected)) {
    const data = fixture(name);
    const fn = name.endsWith('.gz') ? 'gunzipSync' : name.endsWith('.zz') ? 'inflateSync' :
      name.endsWith('.raw') ? 'inflateRawSync' : 'brotliDecompressSync';
    const { buffer, engine } = zlib[fn](data, { info: true });
    console.log(name, buffer.equals(want), engine.bytesWritten === data.length, engine.constructor.name, engine._closed);
    if (!name.endsWith('.br')) console.log(' unzip', name.endsWith('.raw') || zlib.unzipSync(data).equals(want));
  }
  console.log('members', JSON.stringify(zlib.gunzipSync(fixture('members.gz')).toString()));
  console.log('members unzip', JSON.stringify(zlib.unzipSync(fixture('members.gz')).toString()));
  console.log('flushed', zlib.gunzipSync(fixture('flushed.gz')).equals(text.subarray(0, 6000)));
  const dict = Buffer.from('hello world dictionary');
  attempt('dict zlib', () => zlib.inflateSync(fixture('dict.zz'), { dictionary: dict }));
  attempt('dict zlib missing', () => zlib.inflateSync(fixture('dict.zz')));
  attempt('dict zlib wrong', () => zlib.inflateSync(fixture('dict.zz'), { dictionary: Buffer.from('nope') }));
  attempt('dict raw', () => zlib.inflateRawSync(fixture('dict.raw'), { dictionary: dict }));
  attempt('dict raw missing', () => zlib.inflateRawSync(fixture('dict.raw')));
  attempt('dict round trip', () => zlib.inflateSync(zlib.deflateSync(text, { dictionary: dict }), { dictionary: dict }).equals(text));
  attempt('dict raw round trip', () => zlib.inflateRawSync(zlib.deflateRawSync(small, { dictionary: dict }), { dictionary: dict }));
  attempt('dict ArrayBuffer', () => zlib.inflateSync(fixture('dict.zz'), { dictionary: new Uint8Array(dict).buffer }));

  console.log('## corrupt and truncated input');
  const gz = fixture('text.gz');
  const zz = fixture('text.zz');
  const raw = fixture('text-fixed.raw');
  const br = fixture('text.br');
  const flip = (buf, i, fn) => { const b = Buffer.from(buf); b[i < 0 ? b.length + i : i] = fn(b[i < 0 ? b.length + i : i]); return b; };
  attempt('gunzip garbage', () => zlib.gunzipSync(Buffer.from('garbage data here')));
  attempt('inflate garbage', () => zlib.inflateSync(Buffer.from('garbage data here')));
  attempt('inflateRaw garbage', () => zlib.inflateRawSync(Buffer.from('garbage data here')));
  attempt('unzip garbage', () => zlib.unzipSync(Buffer.from('garbage data here')));
  attempt('brotli garbage', () => zlib.brotliDecompressSync(Buffer.from('garbage data here')));
  attempt('gunzip truncated', () => zlib.gunzipSync(gz.subarray(0, 2000)));
  attempt('gunzip truncated sync flush', () => zlib.gunzipSync(gz.subarray(0, 2000), { finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  attempt('gunzip header only', () => zlib.gunzipSync(gz.subarray(0, 10)));
  attempt('inflate truncated', () => zlib.inflateSync(zz.subarray(0, 100)));
  attempt('inflateRaw truncated sync flush', () => zlib.inflateRawSync(raw.subarray(0, 300), { finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  attempt('brotli truncated', () => zlib.brotliDecompressSync(br.subarray(0, 1000)));
  attempt('brotli truncated flush', () => zlib.brotliDecompressSync(br.subarray(0, 1000), { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }));
  attempt('gunzip empty', () => zlib.gunzipSync(Buffer.alloc(0)));
  attempt('inflate empty', () => zlib.inflateSync(''));
  attempt('brotli empty', () => zlib.brotliDecompressSync(Buffer.alloc(0)));
  attempt('gunzip trailing zeros', () => zlib.gunzipSync(Buffer.concat([fixture('members.gz'), Buffer.alloc(7)])));
  attempt('gunzip trailing garbage', () => zlib.gunzipSync(Buffer.concat([gz, Buffer.from('xyz')])));
  attempt('gunzip zero then garbage', () => zlib.gunzipSync(Buffer.concat([fixture('members.gz'), Buffer.from('\0xyz')])));
  attempt('inflate trailing garbage', () => zlib.inflateSync(Buffer.concat([fixture('dict.zz'), Buffer.from('xyz')]), { dictionary: dict }));
  attempt('brotli trailing garbage', () => zlib.brotliDecompressSync(Buffer.concat([br, Buffer.from('xyz')])).equals(text));
  attempt('gunzip bad crc', () => zlib.gunzipSync(flip(gz, -5, (b) => b ^ 1)));
  attempt('gunzip bad length', () => zlib.gunzipSync(flip(gz, -1, (b) => b ^ 1)));
  attempt('gunzip bad method', () => zlib.gunzipSync(flip(gz, 2, () => 7)));
  attempt('gunzip bad flags', () => zlib.gunzipSync(flip(gz, 3, () => 0xe0)));
  attempt('gunzip header crc', () => zlib.gunzipSync(Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 2, 0, 0, 0, 0, 0, 3, 0, 0]), gz.subarray(10)])));
  attempt('inflate bad adler', () => zlib.inflateSync(flip(zz, -1, (b) => b ^ 1)));
  attempt('inflate bad method', () => zlib.inflateSync(Buffer.from([0x79, 0x9c, 1, 2])));
  attempt('inflate window', () => zlib.inflateSync(fixture('text-wb9.zz'), { windowBits: 8 }));
  attempt('inflate big window', () => zlib.inflateSync(zz, { windowBits: 9 }));
  attempt('inflate of gzip', () => zlib.inflateSync(gz));
  attempt('gunzip of zlib', () => zlib.gunzipSync(zz));
  attempt('unzip of raw', () => zlib.unzipSync(raw));
  attempt('block type 3', () => zlib.inflateRawSync(Buffer.from([0x07, 0, 0])));
  attempt('stored lengths', () => zlib.inflateRawSync(Buffer.from([0x01, 5, 0, 5, 0])));
  attempt('too far back', () => zlib.inflateRawSync(Buffer.from([0x63, 0x00, 0x42, 0x00])));
  attempt('too many symbols', () => zlib.inflateRawSync(Buffer.from([0xfd, 0xff, 0xff, 0xff])));
  attempt('corrupt body', () => zlib.inflateRawSync(flip(raw, 100, (b) => b ^ 0x55)));
  for (let i = 0; i < 40; i++) {
    // Damage spread over a dynamic-block stream exercises the table and code errors.
    const bad = Buffer.from(zz);
    bad[2 + ((i * 7919) % 300)] ^= 1 << (i % 8);
    attempt(`damaged ${i}`, () => zlib.inflateSync(bad).length);
  }
  attempt('maxOutputLength', () => zlib.gunzipSync(gz, { maxOutputLength: 1000 }));
  attempt('maxOutputLength brotli', () => zlib.brotliDecompressSync(br, { maxOutputLength: 39999 }));
  attempt('maxOutputLength exact', () => zlib.inflateSync(zz, { maxOutputLength: 40000 }));

  console.log('## options');
  const C = zlib.constants;
  attempt('level 10', () => zlib.gzipSync('abc', { level: 10 }));
  attempt('level string', () => zlib.gzipSync('abc', { level: '1' }));
  attempt('level Infinity', () => zlib.gzipSync('abc', { level: Infinity }));
  attempt('level NaN', () => zlib.gunzipSync(zlib.gzipSync('abc', { level: NaN })));
  attempt('windowBits 8 gzip', () => zlib.gzipSync('abc', { windowBits: 8 }));
  attempt('windowBits 16', () => zlib.deflateSync('abc', { windowBits: 16 }));
  attempt('windowBits 8 raw', () => zlib.inflateRawSync(zlib.deflateRawSync('abc', { windowBits: 8 })));
  attempt('memLevel 0', () => zlib.gzipSync('abc', { memLevel: 0 }));
  attempt('strategy 5', () => zlib.gzipSync('abc', { strategy: 5 }));
  attempt('chunkSize 10', () => zlib.gzipSync('abc', { chunkSize: 10 }));
  attempt('chunkSize huge', () => zlib.gzipSync('abc', { chunkSize: 2 ** 40 }));
  attempt('chunkSize 64', () => zlib.gunzipSync(zlib.gzipSync(text, { chunkSize: 64 }), { chunkSize: 64 }).equals(text));
  attempt('flush -1', () => zlib.gzipSync('abc', { flush: -1 }));
  attempt('finishFlush 9', () => zlib.gzipSync('abc', { finishFlush: 9 }));
  attempt('brotli finishFlush 4', () => zlib.brotliCompressSync('abc', { finishFlush: 4 }));
  attempt('maxOutputLength 0', () => zlib.gzipSync('abc', { maxOutputLength: 0 }));
  attempt('dictionary string', () => zlib.deflateSync('abc', { dictionary: 'abc' }));
  attempt('input number', () => zlib.gzipSync(123));
  attempt('input object', () => zlib.gzipSync({}));
  attempt('input null', () => zlib.deflateSync(null));
  attempt('brotli param 99', () => zlib.brotliCompressSync('abc', { params: { 99: 1 } }));
  attempt('brotli param foo', () => zlib.brotliCompressSync('abc', { params: { foo: 1 } }));
  attempt('brotli param 1.5', () => zlib.brotliCompressSync('abc', { params: { 1.5: 1 } }));
  attempt('brotli value string', () => zlib.brotliCompressSync('abc', { params: { 1: '3' } }));
  attempt('brotli value bool', () => zlib.brotliDecompressSync(zlib.brotliCompressSync('abc', { params: { [C.BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING]: true } })));
  attempt('brotli quality 20', () => zlib.brotliDecompressSync(zlib.brotliCompressSync('abc', { params: { [C.BROTLI_PARAM_QUALITY]: 20 } })));
  attempt('brotli lgwin 5', () => zlib.brotliDecompressSync(zlib.brotliCompressSync('abc', { params: { [C.BROTLI_PARAM_LGWIN]: 5 } })));
  attempt('brotli mode text', () => zlib.brotliDecompressSync(zlib.brotliCompressSync('abc', { params: { [C.BROTLI_PARAM_MODE]: C.BROTLI_MODE_TEXT, [C.BROTLI_PARAM_SIZE_HINT]: 3 } })));
  attempt('brotli decoder param 5', () => zlib.brotliDecompressSync('abc', { params: { 5: 1 } }));
  attempt('brotli decoder param 1', () => zlib.brotliDecompressSync(zlib.brotliCompressSync('abc'), { params: { [C.BROTLI_DECODER_PARAM_LARGE_WINDOW]: 1 } }));
  attempt('info', () => Object.keys(zlib.deflateSync('a', { info: true })).join());
  attempt('objectMode ignored', () => zlib.inflateSync(zlib.deflateSync('abc', { objectMode: true, encoding: 'hex' })));

  console.log('## module');
  // zlib.crc32 (Node 20.15+) is deliberately not provided.
  console.log(Object.keys(zlib).filter((k) => k !== 'crc32').join(' '));
  console.log(Object.getOwnPropertyNames(zlib).filter((k) => !Object.keys(zlib).includes(k)).join(' '));
  console.log(JSON.stringify(zlib.constants));
  console.log(Object.getPrototypeOf(zlib.constants), Object.isFrozen(zlib.constants));
  const d = Object.getOwnPropertyDescriptor(zlib, 'constants');
  console.log(d.writable, d.enumerable, d.configurable);
  const z = Object.getOwnPropertyDescriptor(zlib, 'Z_BEST_SPEED');
  console.log(z.value, z.writable, z.enumerable, z.configurable, zlib.BROTLI_PARAM_QUALITY);
  console.log(zlib.codes, Object.isFrozen(zlib.codes));
  const stream = require('stream');
  for (const name of ['Deflate', 'Inflate', 'Gzip', 'Gunzip', 'DeflateRaw', 'InflateRaw', 'Unzip', 'BrotliCompress', 'BrotliDecompress']) {
    const s = zlib[name]();
    const c = zlib['create' + name]();
    console.log(name, zlib[name].name, s instanceof zlib[name], s instanceof stream.Transform, c.constructor.name,
      typeof s.params, s._closed, s.bytesWritten, s._chunkSize, s._defaultFlushFlag, s._finishFlushFlag, s._maxOutputLength);
  }
  const g = zlib.createGzip({ level: 3, strategy: 1 });
  console.log(g._level, g._strategy, g._info, Object.getPrototypeOf(Object.getPrototypeOf(g)) === Object.getPrototypeOf(zlib.createInflate()).__proto__);
};
