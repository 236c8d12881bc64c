// Differential script: zlib streams. Output chunking and bytesWritten on Node-written input fed in
// pieces, truncated and corrupt input, gzip members, flush(), params(), reset(), close(), destroy,
// pipe and pipeline, backpressure, and the callback and promisified one-shot functions. The input
// is the zlib package's test data (content.js and the fixtures Node 20 compressed from it, made by
// its make-fixtures.js); compressing streams print only what does not depend on the compressed
// bytes (pluginhost's differ from Node's).
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const util = require('util');
const { pipeline, PassThrough, Readable, Writable } = require('stream');

const testdata = path.join(__dirname, '..', '..', 'jsruntime', 'node', 'zlib', 'testdata');
const { text, mixed } = require(path.join(testdata, 'content.js'));

const fixture = (name) => fs.readFileSync(path.join(testdata, 'fixtures', name));
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

// watch logs a stream's events (data as sizes) and resolves when it closes.
function watch(label, s) {
  return new Promise((resolve) => {
    const sizes = [];
    s.on('data', (d) => sizes.push(d.length));
    s.on('error', (e) => console.log(label, 'error', e.code, e.errno, JSON.stringify(e.message), s.bytesWritten, s.destroyed));
    s.on('end', () => console.log(label, 'end', JSON.stringify(sizes), s.bytesWritten));
    s.on('finish', () => console.log(label, 'finish'));
    s.on('close', () => {
      console.log(label, 'close', s._closed);
      resolve(sizes);
    });
  });
}

// feed writes data in pieces of n bytes, then ends.
function feed(s, data, n) {
  for (let i = 0; i < data.length; i += n) s.write(data.subarray(i, i + n));
  s.end();
}

module.exports = async function main() {
  console.log('## chunking of Node-written input');
  for (const [name, make, piece] of [
    ['text.gz', zlib.createGunzip, 100], ['text.gz', zlib.createGunzip, 1], ['text.gz', zlib.createUnzip, 4000],
    ['mixed.zz', zlib.createInflate, 3000], ['text-fixed.raw', zlib.createInflateRaw, 333],
    ['text-1.gz', () => zlib.createGunzip({ chunkSize: 1000 }), 500], ['mixed-9.gz', zlib.createGunzip, 1 << 20],
    ['text.br', zlib.createBrotliDecompress, 100], ['flushed.gz', zlib.createGunzip, 50],
  ]) {
    const s = make();
    const done = watch(`${name}/${piece}`, s);
    feed(s, fixture(name), piece);
    await done;
  }

  console.log('## truncated and corrupt');
  for (const [label, make, data] of [
    ['gunzip truncated', zlib.createGunzip, fixture('text.gz').subarray(0, 2000)],
    ['inflate truncated', zlib.createInflate, fixture('text.zz').subarray(0, 3)],
    ['brotli truncated', zlib.createBrotliDecompress, fixture('text.br').subarray(0, 1500)],
    ['gunzip garbage', zlib.createGunzip, Buffer.from('this is not gzip at all')],
    ['inflate bad check', zlib.createInflate, Buffer.concat([fixture('text.zz').subarray(0, -1), Buffer.from([0])])],
    ['brotli garbage', zlib.createBrotliDecompress, Buffer.from('garbage data here')],
    ['gunzip members', zlib.createGunzip, fixture('members.gz')],
    ['gunzip zero padding', zlib.createGunzip, Buffer.concat([fixture('members.gz'), Buffer.alloc(9)])],
    ['gunzip trailing garbage', zlib.createGunzip, Buffer.concat([fixture('members.gz'), Buffer.from('junk')])],
    ['inflate trailing garbage', zlib.createInflate, Buffer.concat([fixture('text.zz'), Buffer.from('junk')])],
    ['inflate of gzip', zlib.createInflate, fixture('text.gz')],
    ['sync flush finish', () => zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }), fixture('text.gz').subarray(0, 2000)],
  ]) {
    const s = make();
    const done = watch(label, s);
    feed(s, data, 700);
    await done;
  }
  {
    const s = zlib.createGunzip();
    const done = watch('end(data)', s);
    s.end(fixture('text.gz').subarray(0, 100));
    await done;
  }

  console.log('## compressing streams');
  for (const [label, enc, dec] of [
    ['gzip', zlib.createGzip, zlib.gunzipSync], ['deflate', zlib.createDeflate, zlib.inflateSync],
    ['raw', zlib.createDeflateRaw, zlib.inflateRawSync], ['brotli', zlib.createBrotliCompress, zlib.brotliDecompressSync],
  ]) {
    const s = enc();
    const parts = [];
    s.on('data', (d) => parts.push(d));
    s.on('end', () => console.log(label, 'end', s.bytesWritten, dec(Buffer.concat(parts)).equals(mixed)));
    await new Promise((resolve) => {
      s.on('close', resolve);
      s.write(mixed.subarray(0, 10000));
      s.flush(() => {
        // Everything written so far decodes before the stream ends.
        console.log(label, 'flushed', s.bytesWritten,
          dec(Buffer.concat(parts), { finishFlush: label === 'brotli' ? 1 : 2 }).equals(mixed.subarray(0, 10000)));
        s.write(mixed.subarray(10000, 30000));
        s.flush(zlib.constants.Z_FULL_FLUSH, () => {
          s.end(mixed.subarray(30000));
          s.flush(() => console.log(label, 'flush after end'));
        });
      });
    });
    await new Promise((resolve) => s.flush(() => { console.log(label, 'flush after finish'); resolve(); }));
  }
  {
    // A repeated flush adds nothing: zlib skips a flush with no input since one as strong.
    const s = zlib.createDeflate();
    const sizes = [];
    s.on('data', (d) => sizes.push(d.length));
    s.write('abc');
    await new Promise((resolve) => s.flush(resolve));
    const n = sizes.length;
    await new Promise((resolve) => s.flush(zlib.constants.Z_SYNC_FLUSH, resolve));
    await new Promise((resolve) => s.flush(resolve));
    console.log('repeated flush adds data events:', sizes.length - n);
    s.end();
  }
  {
    const s = zlib.createDeflate({ level: 1 });
    const parts = [];
    s.on('data', (d) => parts.push(d));
    s.write(text.subarray(0, 20000));
    await new Promise((resolve) => s.params(9, zlib.constants.Z_HUFFMAN_ONLY, resolve));
    console.log('params', s._level, s._strategy);
    await new Promise((resolve) => s.params(9, zlib.constants.Z_HUFFMAN_ONLY, resolve));
    try {
      s.params(10, 0);
    } catch (e) {
      console.log('params error', e.code, e.message);
    }
    // 'end' comes once every chunk was emitted, however long the machine takes.
    const ended = new Promise((resolve) => s.on('end', resolve));
    await new Promise((resolve) => s.end(text.subarray(20000), resolve));
    await ended;
    console.log('params round trip', zlib.inflateSync(Buffer.concat(parts)).equals(text));
  }
  {
    // reset() starts a new stream: what was written before it is dropped.
    const s = zlib.createGzip();
    const parts = [];
    s.on('data', (d) => parts.push(d));
    // The write's callback runs once its chunk is processed: reset() during a write is refused.
    await new Promise((resolve) => s.write('discarded', resolve));
    await settle();
    const before = parts.length;
    s.reset();
    s.end('kept');
    await new Promise((resolve) => s.on('end', resolve));
    console.log('reset', before, JSON.stringify(zlib.gunzipSync(Buffer.concat(parts.slice(before))).toString()));
  }

  console.log('## close and destroy');
  {
    const s = zlib.createDeflate();
    console.log('before close', s._closed, s.destroyed);
    await new Promise((resolve) => {
      s.on('close', () => console.log('close event', s._closed));
      s.close((err) => {
        console.log('close callback', err && err.code, s._closed);
        resolve();
      });
    });
    try {
      s.reset();
    } catch (e) {
      console.log('reset after close', e.code, e.message.split('\n')[0]);
    }
    s.write('x', (err) => console.log('write after close', err && err.code));
    await settle();
  }
  {
    const s = zlib.createGunzip();
    const done = watch('destroy while writing', s);
    s.write(fixture('text.gz'));
    s.destroy();
    await done;
  }
  {
    const s = zlib.createGunzip();
    const done = watch('destroy with error', s);
    s.destroy(new Error('boom'));
    await done;
  }

  console.log('## pipes');
  await new Promise((resolve) => {
    const out = [];
    pipeline(Readable.from([mixed.subarray(0, 50000), mixed.subarray(50000)]), zlib.createGzip(), zlib.createGunzip(),
      new Writable({ write(chunk, enc, cb) { out.push(chunk); cb(); } }),
      (err) => {
        console.log('pipeline', err, Buffer.concat(out).equals(mixed));
        resolve();
      });
  });
  await new Promise((resolve) => {
    pipeline(Readable.from([fixture('text.gz').subarray(0, 3000)]), zlib.createGunzip(), new PassThrough(), (err) => {
      console.log('pipeline truncated', err.code, err.errno, err.message);
      resolve();
    });
  });
  await new Promise((resolve) => {
    const src = new PassThrough();
    const gunzip = zlib.createGunzip();
    let n = 0;
    src.pipe(zlib.createBrotliCompress()).pipe(zlib.createBrotliDecompress()).pipe(zlib.createDeflateRaw())
      .pipe(zlib.createInflateRaw()).pipe(zlib.createGzip()).pipe(gunzip);
    gunzip.on('data', (d) => { n += d.length; });
    gunzip.on('end', () => {
      console.log('pipe chain', n);
      resolve();
    });
    feed(src, text, 7000);
  });
  {
    // Backpressure: nothing is read until the reader resumes, and the output still arrives whole.
    const s = zlib.createInflate({ highWaterMark: 1024, chunkSize: 1024 });
    s.write(fixture('mixed.zz'));
    s.end();
    // Inflating stops once the readable buffer is full; wait for that, however long the machine takes.
    while (s.readableLength < s.readableHighWaterMark) await new Promise((resolve) => setImmediate(resolve));
    await settle();
    console.log('paused readable length', s.readableLength, s.bytesWritten);
    const sizes = await new Promise((resolve) => {
      const got = [];
      s.on('data', (d) => got.push(d.length));
      s.on('end', () => resolve(got));
    });
    console.log('after resume', sizes.length, sizes.reduce((a, b) => a + b, 0), s.bytesWritten);
  }
  {
    // Async iteration over a decompressing stream.
    const s = zlib.createGunzip();
    s.end(fixture('text-1.gz'));
    let n = 0;
    for await (const chunk of s) n += chunk.length;
    console.log('async iteration', n);
  }

  console.log('## callback and promise forms');
  await new Promise((resolve) => zlib.gunzip(fixture('text.gz'), (err, res) => {
    console.log('gunzip', err, res.equals(text));
    resolve();
  }));
  await new Promise((resolve) => zlib.inflate(Buffer.from('nope'), (err, res) => {
    console.log('inflate error', err.code, err.errno, err.message, res);
    resolve();
  }));
  await new Promise((resolve) => zlib.unzip(fixture('text.zz'), { chunkSize: 512 }, (err, res) => {
    console.log('unzip', err, res.equals(text));
    resolve();
  }));
  await new Promise((resolve) => zlib.deflate(text, { info: true }, (err, res) => {
    console.log('info', err, Object.keys(res).join(), res.engine.constructor.name, res.engine.bytesWritten);
    resolve();
  }));
  await new Promise((resolve) => zlib.gunzip(fixture('text.gz'), { maxOutputLength: 100 }, (err) => {
    console.log('maxOutputLength', err.code, err.message);
    resolve();
  }));
  await new Promise((resolve) => zlib.brotliCompress('', (err, res) => {
    console.log('brotli empty', err, zlib.brotliDecompressSync(res).length);
    resolve();
  }));
  await new Promise((resolve) => zlib.gzip(new Uint16Array([1, 2, 3]), (err, res) => {
    console.log('typed array', err, zlib.gunzipSync(res).toString('hex'));
    resolve();
  }));
  await new Promise((resolve) => zlib.gzip(new Uint8Array([1, 2, 3]).buffer, (err, res) => {
    console.log('ArrayBuffer', err, zlib.gunzipSync(res).toString('hex'));
    resolve();
  }));
  for (const fn of ['gzip', 'gunzip', 'deflate', 'inflate', 'deflateRaw', 'inflateRaw', 'unzip', 'brotliCompress', 'brotliDecompress']) {
    const p = util.promisify(zlib[fn]);
    const input = fn === 'gunzip' || fn === 'unzip' ? fixture('text.gz') : fn === 'inflate' ? fixture('text.zz') :
      fn === 'inflateRaw' ? fixture('text-fixed.raw') : fn === 'brotliDecompress' ? fixture('text.br') : text;
    const out = await p(input);
    const back = { gzip: zlib.gunzipSync, deflate: zlib.inflateSync, deflateRaw: zlib.inflateRawSync, brotliCompress: zlib.brotliDecompressSync }[fn];
    console.log('promisified', fn, (back ? back(out) : out).equals(text));
  }
  try {
    await util.promisify(zlib.gunzip)(Buffer.from('nope'));
  } catch (err) {
    console.log('promisified rejection', err.code, err.message);
  }
  try {
    zlib.gzip('x');
  } catch (err) {
    console.log('no callback', err.code, err.message);
  }
  try {
    zlib.gzip('x', {}, 'cb');
  } catch (err) {
    console.log('bad callback', err.code, err.message);
  }
  try {
    zlib.gzip(42, () => console.log('called back'));
  } catch (err) {
    console.log('bad input', err.code, err.message);
  }
};
