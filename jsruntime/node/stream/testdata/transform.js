'use strict';
// Transform and PassThrough: _transform/_flush, backpressure through the readable side, errors.
const { Transform, PassThrough } = require('stream');
const { run, settle, logEvents, show } = require('./harness');

module.exports = run([
  async function upperWithFlush() {
    const t = new Transform({
      transform(chunk, enc, cb) {
        console.log('_transform', show(chunk), enc);
        cb(null, chunk.toString().toUpperCase());
      },
      flush(cb) {
        console.log('_flush');
        cb(null, '!');
      },
    });
    logEvents('t', t, ['data', 'end', 'finish', 'prefinish', 'close']);
    t.write('ab');
    t.write('cd');
    t.end();
    console.log('after end');
  },

  async function asyncFlush() {
    const t = new Transform({
      transform(chunk, enc, cb) {
        this.push(chunk);
        this.push(chunk);
        cb();
      },
      flush(cb) {
        setTimeout(() => {
          this.push('tail');
          cb();
        }, 1);
      },
    });
    logEvents('t', t, ['data', 'end', 'finish', 'close']);
    t.end('x');
  },

  async function transformBackpressure() {
    let n = 0;
    const t = new Transform({
      highWaterMark: 2,
      transform(chunk, enc, cb) {
        n++;
        console.log('_transform', n);
        cb(null, chunk);
      },
    });
    logEvents('t', t, ['drain', 'finish']);
    for (let i = 0; i < 5; i++) console.log('write', i, t.write('ab'), 'r', t.readableLength, 'w', t.writableLength);
    await settle();
    console.log('transforms so far', n);
    t.on('data', (d) => console.log('data', show(d)));
    t.end();
    await settle();
  },

  async function transformError() {
    const t = new Transform({
      transform(chunk, enc, cb) {
        cb(new Error('cannot transform'));
      },
    });
    logEvents('t', t, ['error', 'close', 'finish', 'end']);
    t.write('x', (err) => console.log('write cb', err && err.message));
    t.resume();
  },

  async function flushError() {
    const t = new Transform({
      transform(chunk, enc, cb) { cb(null, chunk); },
      flush(cb) { cb(new Error('flush failed')); },
    });
    logEvents('t', t, ['error', 'close', 'finish', 'end']);
    t.resume();
    t.end('x');
  },

  async function passThrough() {
    const p = new PassThrough();
    logEvents('p', p, ['data', 'end', 'finish', 'close']);
    p.write('one');
    p.end('two');
  },

  async function transformThrows() {
    const t = new Transform({
      transform() {
        throw new Error('thrown in transform');
      },
    });
    logEvents('t', t, ['error', 'close']);
    try {
      t.write('x');
    } catch (err) {
      console.log('write threw', err.message);
    }
  },

  async function halfOpenTransformEndFirst() {
    const t = new PassThrough();
    logEvents('t', t, ['end', 'finish', 'close']);
    t.end('data');
    await settle();
    console.log('finished', t.writableFinished, 'ended', t.readableEnded, 'destroyed', t.destroyed);
    t.resume();
  },
]);
