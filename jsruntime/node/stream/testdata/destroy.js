'use strict';
// destroy: 'error' then 'close' on a later tick, callbacks, _destroy, emitClose and autoDestroy.
const { Readable, Writable, Duplex } = require('stream');
const { run, settle, logEvents } = require('./harness');

module.exports = run([
  async function destroyPlain() {
    const r = new Readable({ read() {} });
    logEvents('r', r, ['error', 'close', 'end']);
    r.destroy();
    console.log('destroyed', r.destroyed, 'closed', r.closed, 'readable', r.readable);
    Promise.resolve().then(() => console.log('microtask'));
    setTimeout(() => console.log('closed later', r.closed), 0);
  },

  async function destroyWithError() {
    const w = new Writable({ write(c, e, cb) { cb(); } });
    logEvents('w', w, ['error', 'close', 'finish']);
    w.destroy(new Error('bye'));
    console.log('errored', w.errored && w.errored.message, 'writable', w.writable);
    w.destroy(new Error('second'));
  },

  async function destroyCallback() {
    const r = new Readable({ read() {} });
    logEvents('r', r, ['error', 'close']);
    r.destroy(new Error('cb error'), (err) => console.log('destroy cb', err && err.message));
    r.destroy(null, (err) => console.log('second destroy cb', err));
  },

  async function asyncDestroyImpl() {
    const r = new Readable({
      read() {},
      destroy(err, cb) {
        console.log('_destroy', err && err.message);
        setTimeout(() => cb(err), 1);
      },
    });
    logEvents('r', r, ['error', 'close']);
    r.destroy(new Error('slow'));
    console.log('after destroy call');
  },

  async function destroyImplReplacesError() {
    const r = new Readable({
      read() {},
      destroy(err, cb) { cb(new Error('replaced')); },
    });
    logEvents('r', r, ['error', 'close']);
    r.destroy();
  },

  async function emitCloseFalse() {
    const r = new Readable({ read() {}, emitClose: false });
    logEvents('r', r, ['end', 'close']);
    r.push(null);
    r.resume();
    await settle();
    console.log('destroyed', r.destroyed);
  },

  async function autoDestroyFalse() {
    const r = new Readable({ read() {}, autoDestroy: false });
    logEvents('r', r, ['end', 'close']);
    r.push(null);
    r.resume();
    await settle();
    console.log('destroyed', r.destroyed);
    r.destroy();
  },

  async function autoDestroyFalseError() {
    const w = new Writable({ autoDestroy: false, write(c, e, cb) { cb(new Error('w fail')); } });
    logEvents('w', w, ['error', 'close']);
    w.write('x');
    await settle();
    console.log('destroyed', w.destroyed, 'errored', w.errored && w.errored.message);
  },

  async function writeAfterDestroy() {
    const w = new Writable({ write(c, e, cb) { cb(); } });
    logEvents('w', w, ['error', 'close']);
    w.destroy();
    console.log('write returned', w.write('x', (err) => console.log('write cb', err && err.code)));
  },

  async function pendingWritesFail() {
    const w = new Writable({
      write(c, e, cb) {
        console.log('_write', c.toString());
        setTimeout(cb, 5);
      },
    });
    logEvents('w', w, ['error', 'close']);
    w.write('1', (err) => console.log('cb 1', err && err.code));
    w.write('2', (err) => console.log('cb 2', err && err.code));
    w.end((err) => console.log('end cb', err && err.code));
    w.destroy();
    await new Promise((r) => setTimeout(r, 10));
  },

  async function duplexDestroy() {
    const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
    logEvents('d', d, ['error', 'close', 'end', 'finish']);
    d.destroy(new Error('duplex gone'));
    console.log('destroyed', d.destroyed, 'readable', d.readable, 'writable', d.writable);
  },

  async function destroyAfterEnd() {
    const r = new Readable({ read() {} });
    logEvents('r', r, ['end', 'close', 'error']);
    r.push('x');
    r.push(null);
    r.on('data', () => {});
    r.on('end', () => r.destroy(new Error('late')));
  },

  async function stateGetters() {
    const r = new Readable({ read() {} });
    const w = new Writable({ write(c, e, cb) { cb(); } });
    console.log('r', r.readable, r.readableEnded, r.readableFlowing, r.readableLength, r.readableHighWaterMark, r.readableObjectMode, r.destroyed, r.closed, r.errored, r.readableAborted, r.readableDidRead, r.readableEncoding);
    console.log('w', w.writable, w.writableEnded, w.writableFinished, w.writableLength, w.writableHighWaterMark, w.writableObjectMode, w.writableNeedDrain, w.writableCorked, w.destroyed, w.closed, w.errored, w.writableAborted);
    r.destroy(new Error('x'));
    w.destroy(new Error('y'));
    r.on('error', () => {});
    w.on('error', () => {});
    await settle();
    console.log('r', r.readable, r.destroyed, r.closed, r.errored.message, r.readableAborted);
    console.log('w', w.writable, w.destroyed, w.closed, w.errored.message, w.writableAborted);
  },
]);
