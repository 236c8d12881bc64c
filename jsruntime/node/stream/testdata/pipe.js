'use strict';
// pipe: to Writables and to a response-like emitter with write/end (backpressure through
// 'drain'), unpipe, {end: false}, several destinations, errors on the destination.
const { Readable, Writable, PassThrough } = require('stream');
const EventEmitter = require('events');
const { run, settle, logEvents, show } = require('./harness');

// fakeRes is shaped like an HTTP response: an emitter with write/end, whose write returns false
// once `limit` bytes are pending and emits 'drain' when they have been "sent".
function fakeRes(limit) {
  const res = new EventEmitter();
  let pending = 0;
  res.body = [];
  res.write = function (chunk) {
    res.body.push(chunk.toString());
    pending += chunk.length;
    const ok = pending < limit;
    console.log('res.write', show(chunk), '->', ok);
    if (!ok) {
      setTimeout(() => {
        pending = 0;
        console.log('res drain');
        res.emit('drain');
      }, 1);
    }
    return ok;
  };
  res.end = function (chunk) {
    if (chunk) res.body.push(chunk.toString());
    console.log('res.end', res.body.join(''));
    res.emit('finish');
    res.emit('close');
  };
  return res;
}

function chunks(list, opts) {
  let i = 0;
  return new Readable(Object.assign({
    read() {
      this.push(i < list.length ? list[i++] : null);
    },
  }, opts));
}

module.exports = run([
  async function toResponse() {
    const src = chunks(['hello ', 'big chunk ', 'world']);
    const res = fakeRes(8);
    logEvents('src', src, ['pause', 'resume', 'end', 'close']);
    res.on('pipe', (s) => console.log('res pipe', s === src));
    res.on('unpipe', (s) => console.log('res unpipe', s === src));
    src.pipe(res);
    await new Promise((resolve) => res.on('finish', resolve));
  },

  async function toSlowWritable() {
    const src = chunks(['a', 'b', 'c', 'd', 'e'], { highWaterMark: 2 });
    const dst = new Writable({
      highWaterMark: 2,
      write(chunk, enc, cb) {
        console.log('_write', show(chunk));
        setTimeout(cb, 1);
      },
    });
    logEvents('dst', dst, ['drain', 'pipe', 'unpipe', 'finish', 'close']);
    logEvents('src', src, ['end', 'close']);
    src.pipe(dst);
    await new Promise((resolve) => dst.on('close', resolve));
  },

  async function endFalse() {
    const src = chunks(['x']);
    const dst = new PassThrough();
    logEvents('dst', dst, ['finish', 'unpipe']);
    src.on('end', () => console.log('src end, dst writable', dst.writable));
    src.pipe(dst, { end: false });
    dst.resume();
  },

  async function unpipeStops() {
    const src = new Readable({ read() {} });
    const dst = new PassThrough();
    dst.on('data', (d) => console.log('dst data', show(d)));
    logEvents('dst', dst, ['unpipe']);
    logEvents('src', src, ['pause']);
    src.pipe(dst);
    src.push('1');
    await settle();
    src.unpipe(dst);
    console.log('flowing after unpipe', src.readableFlowing, 'pipes', src.readableLength);
    src.push('2');
    await settle();
    console.log('buffered', src.readableLength);
  },

  async function twoDestinations() {
    const src = chunks(['p', 'q']);
    const a = new PassThrough();
    const b = new PassThrough();
    a.on('data', (d) => console.log('a', show(d)));
    b.on('data', (d) => console.log('b', show(d)));
    a.on('end', () => console.log('a end'));
    b.on('end', () => console.log('b end'));
    src.pipe(a);
    src.pipe(b);
  },

  async function destinationError() {
    const src = new Readable({ read() {} });
    const dst = new Writable({ write(c, e, cb) { cb(new Error('dst broke')); } });
    logEvents('dst', dst, ['error', 'unpipe', 'close']);
    logEvents('src', src, ['pause', 'close']);
    src.pipe(dst);
    src.push('x');
    await settle();
    console.log('src destroyed', src.destroyed, 'flowing', src.readableFlowing);
  },

  async function pipeAfterEnd() {
    const src = new Readable({ read() {} });
    src.push(null);
    src.resume();
    await settle();
    const dst = new PassThrough();
    logEvents('dst', dst, ['finish']);
    src.pipe(dst);
    dst.resume();
  },

  async function writableCannotPipe() {
    const w = new Writable({ write(c, e, cb) { cb(); } });
    logEvents('w', w, ['error', 'close']);
    w.pipe(new PassThrough());
  },

  async function needDrainBeforePipe() {
    const dst = new Writable({
      highWaterMark: 1,
      write(chunk, enc, cb) {
        setTimeout(cb, 1);
      },
    });
    dst.write('xx');
    console.log('needDrain', dst.writableNeedDrain);
    const src = chunks(['1', '2']);
    logEvents('src', src, ['pause', 'resume', 'end']);
    logEvents('dst', dst, ['drain', 'finish']);
    src.pipe(dst);
    console.log('flowing', src.readableFlowing);
    await new Promise((resolve) => dst.on('finish', resolve));
  },
]);
