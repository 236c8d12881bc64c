'use strict';
// Readable.from over arrays, generators, async generators, promises, strings and Buffers.
const { Readable } = require('stream');
const { run, settle, logEvents, show } = require('./harness');

async function collect(r) {
  const out = [];
  for await (const v of r) out.push(show(v));
  return out.join(' ');
}

module.exports = run([
  async function fromArray() {
    const r = Readable.from(['a', 'b', 'c']);
    console.log('objectMode', r.readableObjectMode, 'hwm', r.readableHighWaterMark);
    logEvents('r', r, ['data', 'end', 'close']);
  },

  async function fromGenerator() {
    function* gen() {
      yield 1;
      yield 2;
      yield 3;
    }
    console.log(await collect(Readable.from(gen())));
  },

  async function fromAsyncGenerator() {
    async function* gen() {
      yield 'x';
      await new Promise((r) => setTimeout(r, 1));
      yield 'y';
    }
    console.log(await collect(Readable.from(gen())));
  },

  async function promisesAreAwaited() {
    console.log(await collect(Readable.from([Promise.resolve('p1'), 'v', Promise.resolve('p2')])));
  },

  async function stringIsOneChunk() {
    console.log(await collect(Readable.from('hello')));
    console.log(await collect(Readable.from(Buffer.from('buf'))));
  },

  async function notObjectMode() {
    const r = Readable.from(['ab', 'cd'], { objectMode: false });
    console.log('objectMode', r.readableObjectMode);
    console.log(await collect(r));
  },

  async function nullValueFails() {
    const r = Readable.from(['a', null, 'b']);
    logEvents('r', r, ['data', 'error', 'close']);
  },

  async function generatorThrows() {
    function* gen() {
      yield 'ok';
      throw new Error('generator broke');
    }
    const r = Readable.from(gen());
    logEvents('r', r, ['data', 'error', 'close']);
  },

  async function destroyRunsFinally() {
    async function* gen() {
      try {
        yield 1;
        yield 2;
        yield 3;
      } finally {
        console.log('generator finally');
      }
    }
    const r = Readable.from(gen());
    logEvents('r', r, ['close']);
    for await (const v of r) {
      console.log('value', v);
      break;
    }
  },

  async function notIterable() {
    try {
      Readable.from(42);
    } catch (err) {
      console.log('threw', err.code);
    }
  },
]);
