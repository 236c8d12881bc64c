'use strict';
// Object mode: one object per read, highWaterMark counted in objects, per-side object modes.
const { Readable, Writable, Duplex, Transform } = require('stream');
const { run, settle, logEvents, show } = require('./harness');

module.exports = run([
  async function objectReadable() {
    const r = new Readable({ objectMode: true, read() {} });
    console.log('hwm', r.readableHighWaterMark, 'objectMode', r.readableObjectMode);
    console.log('push obj', r.push({ a: 1 }));
    console.log('push 0', r.push(0));
    console.log('push empty string', r.push(''));
    console.log('length', r.readableLength);
    r.push(null);
    r.on('data', (d) => console.log('data', show(d)));
    r.on('end', () => console.log('end'));
  },

  async function objectHighWaterMark() {
    const r = new Readable({ objectMode: true, highWaterMark: 2, read() {} });
    console.log(r.push(1), r.push(2), r.push(3), r.readableLength);
    await settle();
    r.on('readable', () => {
      let v;
      while ((v = r.read()) !== null) console.log('read', v);
    });
    await settle();
    r.push(null);
  },

  async function objectWritable() {
    const w = new Writable({
      objectMode: true,
      highWaterMark: 2,
      write(obj, enc, cb) {
        console.log('_write', show(obj), enc);
        setTimeout(cb, 1);
      },
    });
    logEvents('w', w, ['drain', 'finish']);
    console.log('w1', w.write({ x: 1 }), w.writableLength);
    console.log('w2', w.write('str'), w.writableLength);
    console.log('w3', w.write([1, 2]), w.writableLength);
    w.end();
    await new Promise((resolve) => w.on('finish', resolve));
  },

  async function mixedDuplex() {
    const d = new Duplex({
      readableObjectMode: true,
      read() {},
      write(chunk, enc, cb) {
        this.push({ len: chunk.length });
        cb();
      },
      final(cb) {
        this.push(null);
        cb();
      },
    });
    console.log('readableObjectMode', d.readableObjectMode, 'writableObjectMode', d.writableObjectMode);
    console.log('hwms', d.readableHighWaterMark, d.writableHighWaterMark);
    logEvents('d', d, ['data', 'end', 'finish', 'close']);
    d.write('hello');
    d.end('hi');
  },

  async function objectTransform() {
    const t = new Transform({
      objectMode: true,
      transform(obj, enc, cb) {
        if (obj.skip) return cb();
        cb(null, Object.assign({ seen: true }, obj));
      },
    });
    t.on('data', (d) => console.log('data', show(d)));
    t.on('end', () => console.log('end'));
    t.write({ n: 1 });
    t.write({ n: 2, skip: true });
    t.end({ n: 3 });
  },

  async function nullInObjectMode() {
    const w = new Writable({ objectMode: true, write(c, e, cb) { cb(); } });
    try {
      w.write(null);
    } catch (err) {
      console.log('threw', err.code);
    }
    console.log('undefined accepted', w.write(undefined));
  },
]);
