'use strict';
// Backpressure: write() and push() return values, 'drain', cork/uncork with _writev, end(chunk, cb).
const { Writable, Readable } = require('stream');
const { run, settle, logEvents, show } = require('./harness');

function slowWritable(label, hwm, extra) {
  return new Writable(Object.assign({
    highWaterMark: hwm,
    write(chunk, enc, cb) {
      console.log(label, '_write', show(chunk), enc);
      setTimeout(cb, 1);
    },
  }, extra));
}

module.exports = run([
  async function writeReturnsFalse() {
    const w = slowWritable('w', 5);
    logEvents('w', w, ['drain', 'finish', 'close', 'prefinish']);
    console.log('write 1', w.write('abc'), 'len', w.writableLength, 'needDrain', w.writableNeedDrain);
    console.log('write 2', w.write('def', () => console.log('cb 2')), 'len', w.writableLength, 'needDrain', w.writableNeedDrain);
    await new Promise((resolve) => w.once('drain', resolve));
    console.log('drained, len', w.writableLength, 'needDrain', w.writableNeedDrain);
    w.end('!', () => console.log('end cb'));
    console.log('ended', w.writableEnded, 'finished', w.writableFinished, 'writable', w.writable);
    await new Promise((resolve) => w.once('close', resolve));
    console.log('finished', w.writableFinished, 'closed', w.closed);
  },

  async function syncWrites() {
    const w = new Writable({
      highWaterMark: 3,
      write(chunk, enc, cb) {
        console.log('_write', show(chunk));
        cb();
      },
    });
    logEvents('w', w, ['drain', 'finish', 'close']);
    console.log('write a', w.write('a', () => console.log('cb a')));
    console.log('write bcd', w.write('bcd', () => console.log('cb bcd')));
    console.log('write e', w.write('e', () => console.log('cb e')));
    w.end(() => console.log('end cb'));
    console.log('after end');
  },

  async function corkWritev() {
    const w = new Writable({
      write(chunk, enc, cb) {
        console.log('_write', show(chunk));
        cb();
      },
      writev(chunks, cb) {
        console.log('_writev', chunks.length, chunks.map((c) => show(c.chunk)).join(','));
        cb();
      },
    });
    logEvents('w', w, ['finish', 'close']);
    w.cork();
    w.write('a');
    w.write('b', () => console.log('cb b'));
    console.log('corked', w.writableCorked, 'len', w.writableLength);
    w.uncork();
    console.log('uncorked', w.writableCorked);
    w.cork();
    w.write('c');
    w.cork();
    w.write('d');
    w.end('e');
  },

  async function pushReturnsFalse() {
    const r = new Readable({ highWaterMark: 4, read() { console.log('_read'); } });
    console.log('push ab', r.push('ab'));
    console.log('push cd', r.push('cd'));
    console.log('push ef', r.push('ef'));
    console.log('length', r.readableLength, 'hwm', r.readableHighWaterMark);
    await settle();
    console.log('read 3', show(r.read(3)));
    await settle();
    r.push(null);
  },

  async function writeAfterEnd() {
    const w = new Writable({ write(c, e, cb) { cb(); } });
    logEvents('w', w, ['error', 'finish', 'close']);
    w.end();
    const ret = w.write('x', (err) => console.log('write cb', err && err.code));
    console.log('write returned', ret);
  },

  async function endTwice() {
    const w = new Writable({ write(c, e, cb) { cb(); } });
    logEvents('w', w, ['error', 'finish', 'close']);
    w.end(() => console.log('first end cb'));
    await settle();
    w.end((err) => console.log('second end cb', err && err.code));
  },

  async function writeErrorAsync() {
    const w = new Writable({
      write(chunk, enc, cb) {
        setTimeout(() => cb(new Error('disk full')), 1);
      },
    });
    logEvents('w', w, ['error', 'finish', 'close']);
    w.write('a', (err) => console.log('cb a', err && err.message));
    w.write('b', (err) => console.log('cb b', err && err.message));
    w.end((err) => console.log('end cb', err && err.message));
  },

  async function writeErrorSync() {
    const w = new Writable({
      write(chunk, enc, cb) {
        cb(new Error('bad chunk'));
      },
    });
    logEvents('w', w, ['error', 'finish', 'close']);
    console.log('write', w.write('a', (err) => console.log('cb', err && err.message)));
    console.log('errored', w.errored && w.errored.message, 'destroyed', w.destroyed);
  },

  async function finalCallback() {
    const w = new Writable({
      write(c, e, cb) { cb(); },
      final(cb) {
        console.log('_final');
        setTimeout(cb, 1);
      },
    });
    logEvents('w', w, ['prefinish', 'finish', 'close']);
    w.write('x');
    w.end(() => console.log('end cb'));
  },

  async function finalError() {
    const w = new Writable({
      write(c, e, cb) { cb(); },
      final(cb) { cb(new Error('final failed')); },
    });
    logEvents('w', w, ['prefinish', 'finish', 'error', 'close']);
    w.end((err) => console.log('end cb', err && err.message));
  },

  async function invalidChunk() {
    const w = new Writable({ write(c, e, cb) { cb(); } });
    try {
      w.write(42);
    } catch (err) {
      console.log('threw', err.code);
    }
    try {
      w.write(null);
    } catch (err) {
      console.log('threw', err.code, err.message);
    }
  },
]);
