'use strict';
// pipeline and stream/promises pipeline: success, failures destroying every stream, generator
// transforms and iterable sources.
const { pipeline, Readable, Writable, Transform, PassThrough } = require('stream');
const promises = require('stream/promises');
const { run, settle, logEvents, show } = require('./harness');

function source(label, chunks, fail) {
  let i = 0;
  const r = new Readable({
    read() {
      if (fail && i === fail.at) return this.destroy(new Error(fail.message));
      this.push(i < chunks.length ? chunks[i++] : null);
    },
  });
  logEvents(label, r, ['end', 'close', 'error']);
  return r;
}

function sink(label, got, fail) {
  const w = new Writable({
    write(chunk, enc, cb) {
      got.push(chunk.toString());
      if (fail) return cb(new Error(fail));
      cb();
    },
  });
  logEvents(label, w, ['finish', 'close', 'error']);
  return w;
}

function upper(label) {
  const t = new Transform({
    transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); },
  });
  logEvents(label, t, ['end', 'finish', 'close', 'error']);
  return t;
}

module.exports = run([
  async function success() {
    const got = [];
    const ret = pipeline(source('src', ['a', 'b']), upper('up'), sink('dst', got), (err) => {
      console.log('callback', err === undefined ? 'undefined' : err && err.message, got.join(''));
    });
    console.log('returns last', ret instanceof Writable);
  },

  async function sourceFails() {
    const got = [];
    const src = source('src', ['a', 'b', 'c'], { at: 1, message: 'source broke' });
    const up = upper('up');
    const dst = sink('dst', got);
    pipeline(src, up, dst, (err) => {
      console.log('callback', err && err.message);
      console.log('destroyed', src.destroyed, up.destroyed, dst.destroyed);
    });
  },

  async function sinkFails() {
    const got = [];
    const src = source('src', ['a', 'b', 'c']);
    const dst = sink('dst', got, 'sink broke');
    pipeline(src, upper('up'), dst, (err) => {
      console.log('callback', err && err.message, 'src destroyed', src.destroyed);
    });
  },

  async function middleDestroyed() {
    const src = source('src', ['a', 'b', 'c']);
    const mid = new PassThrough();
    logEvents('mid', mid, ['close', 'error']);
    const dst = sink('dst', []);
    pipeline(src, mid, dst, (err) => {
      console.log('callback', err && err.code, err && err.message);
    });
    mid.destroy();
  },

  async function generatorTransform() {
    const got = [];
    pipeline(
      source('src', ['x', 'y']),
      async function* (input) {
        for await (const chunk of input) yield chunk.toString() + chunk.toString();
      },
      sink('dst', got),
      (err) => console.log('callback', err, got.join(',')),
    );
  },

  async function iterableSource() {
    const got = [];
    pipeline(['1', '2', '3'], sink('dst', got), (err) => console.log('callback', err, got.join(',')));
  },

  async function generatorThrows() {
    pipeline(
      source('src', ['x', 'y']),
      async function* (input) {
        for await (const chunk of input) {
          yield chunk;
          throw new Error('generator failed');
        }
      },
      sink('dst', []),
      (err) => console.log('callback', err && err.message),
    );
  },

  async function promiseSuccess() {
    const got = [];
    await promises.pipeline(source('src', ['p', 'q']), sink('dst', got));
    console.log('resolved', got.join(''));
  },

  async function promiseFailure() {
    try {
      await promises.pipeline(source('src', ['p']), sink('dst', [], 'nope'));
    } catch (err) {
      console.log('rejected', err.message);
    }
  },

  async function asyncFunctionDestination() {
    const result = await promises.pipeline(source('src', ['a', 'b']), async function (input) {
      let all = '';
      for await (const chunk of input) all += chunk;
      return all;
    });
    console.log('result', result);
  },

  async function missingCallback() {
    try {
      pipeline(source('src', []), sink('dst', []));
    } catch (err) {
      console.log('threw', err.code);
    }
    try {
      pipeline(source('src2', []), () => {});
    } catch (err) {
      console.log('threw', err.code);
    }
  },

  async function abortSignal() {
    const ac = new AbortController();
    const src = new Readable({ read() {} });
    logEvents('src', src, ['close', 'error']);
    const p = promises.pipeline(src, sink('dst', []), { signal: ac.signal });
    src.push('a');
    ac.abort();
    try {
      await p;
    } catch (err) {
      console.log('rejected', err.name, err.code);
    }
  },
]);
