'use strict';
// construct, addAbortSignal, signal options, legacy Stream pipe, allowHalfOpen, highWaterMark
// validation, isDisturbed/isErrored/isReadable, stream.destroy.
const stream = require('stream');
const { Readable, Writable, Duplex, PassThrough } = stream;
const EventEmitter = require('events');
const { run, settle, logEvents, show } = require('./harness');

module.exports = run([
  async function constructDelaysRead() {
    const r = new Readable({
      construct(cb) {
        console.log('construct');
        setTimeout(() => {
          console.log('constructed');
          cb();
        }, 1);
      },
      read() {
        console.log('_read');
        this.push('after construct');
        this.push(null);
      },
    });
    r.on('data', (d) => console.log('data', show(d)));
    console.log('listening');
    await new Promise((resolve) => r.on('close', resolve));
  },

  async function constructDelaysWrite() {
    const w = new Writable({
      construct(cb) {
        setTimeout(cb, 1);
      },
      write(chunk, enc, cb) {
        console.log('_write', show(chunk));
        cb();
      },
    });
    logEvents('w', w, ['finish', 'close']);
    console.log('write', w.write('early'), 'len', w.writableLength);
    w.end();
  },

  async function constructFails() {
    const r = new Readable({
      construct(cb) { cb(new Error('cannot open')); },
      read() {},
    });
    logEvents('r', r, ['error', 'close']);
  },

  async function destroyDuringConstruct() {
    const w = new Writable({
      construct(cb) {
        setTimeout(() => {
          console.log('construct done');
          cb();
        }, 1);
      },
      write(c, e, cb) { cb(); },
      destroy(err, cb) {
        console.log('_destroy', err && err.message);
        cb(err);
      },
    });
    logEvents('w', w, ['error', 'close']);
    w.destroy(new Error('early'));
    console.log('destroyed', w.destroyed);
  },

  async function abortSignalOption() {
    const ac = new AbortController();
    const r = new Readable({ read() {}, signal: ac.signal });
    logEvents('r', r, ['error', 'close']);
    ac.abort();
  },

  async function addAbortSignal() {
    const ac = new AbortController();
    const w = stream.addAbortSignal(ac.signal, new Writable({ write(c, e, cb) { cb(); } }));
    w.on('error', (err) => console.log('error', err.name, err.code, err.cause && err.cause.name));
    w.on('close', () => console.log('close'));
    ac.abort();
    try {
      stream.addAbortSignal('nope', w);
    } catch (err) {
      console.log('threw', err.code);
    }
  },

  async function alreadyAborted() {
    const r = new PassThrough({ signal: AbortSignal.abort() });
    logEvents('r', r, ['error', 'close']);
    console.log('destroyed', r.destroyed);
  },

  async function legacyPipe() {
    const src = new stream.Stream();
    const dst = new PassThrough();
    dst.on('data', (d) => console.log('dst data', show(d)));
    dst.on('finish', () => console.log('dst finish'));
    src.pipe(dst);
    src.emit('data', 'legacy');
    src.emit('end');
    console.log('Stream is EventEmitter', src instanceof EventEmitter);
  },

  async function allowHalfOpenFalse() {
    const d = new Duplex({
      allowHalfOpen: false,
      read() {},
      write(c, e, cb) { cb(); },
    });
    logEvents('d', d, ['end', 'finish', 'close']);
    d.push(null);
    d.resume();
  },

  async function halfOpenDefault() {
    const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
    logEvents('d', d, ['end', 'finish', 'close']);
    d.push(null);
    d.resume();
    await settle();
    console.log('after end: writable', d.writable, 'destroyed', d.destroyed);
    d.end();
  },

  async function readableWritableFalse() {
    const d = new Duplex({ readable: false, write(c, e, cb) { cb(); } });
    console.log('readable', d.readable, 'writable', d.writable, 'ended', d.readableEnded);
    logEvents('d', d, ['finish', 'close']);
    d.end('x');
  },

  async function invalidHighWaterMark() {
    for (const hwm of [-1, 1.5, 'big']) {
      try {
        new Readable({ highWaterMark: hwm });
        console.log('accepted', hwm);
      } catch (err) {
        console.log('threw', err.code, err.message);
      }
    }
    try {
      new Duplex({ readableHighWaterMark: -2 });
    } catch (err) {
      console.log('threw', err.code, err.message);
    }
    const r = new Readable({ highWaterMark: 2.0 });
    console.log('hwm', r.readableHighWaterMark);
  },

  async function utilities() {
    const r = new Readable({ read() {} });
    console.log('readable', stream.isReadable(r), 'disturbed', stream.isDisturbed(r), 'errored', stream.isErrored(r));
    r.push('x');
    r.read();
    console.log('disturbed after read', stream.isDisturbed(r));
    r.on('error', () => {});
    stream.destroy(r, new Error('utility destroy'));
    console.log('readable', stream.isReadable(r), 'destroyed', r.destroyed);
    await settle();
    console.log('errored', stream.isErrored(r));
    const w = new Writable();
    console.log('writable', stream.isWritable(w));
  },

  async function readNotImplementedWritev() {
    const w = new Writable({
      writev(chunks, cb) {
        console.log('_writev only', chunks.map((c) => show(c.chunk)).join(','));
        cb();
      },
    });
    w.write('a');
    w.write('b');
    w.end('c');
    await settle();
    const plain = new Writable();
    plain.on('error', (err) => console.log('error', err.code, err.message));
    try {
      plain.write('x');
    } catch (err) {
      console.log('threw', err.code, err.message);
    }
  },

  async function writeCallbackOnce() {
    const w = new Writable({
      write(chunk, enc, cb) {
        cb();
        cb();
      },
    });
    w.on('error', (err) => console.log('error', err.code));
    w.write('x');
  },
]);
