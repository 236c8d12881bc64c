'use strict';
// Async iteration: for await over readables, break destroys, errors reject, destroyOnReturn.
// The sources are object streams and stream events are logged only after the loop: how many
// chunks a byte stream coalesces between loop turns, and where its events fall between them,
// depends on microtask counts that differ between Node's native async generators and the lowered
// ones (and the nextTick emulation) here.
const { Readable, PassThrough } = require('stream');
const { run, settle, logEvents, show } = require('./harness');

function counter(n, opts) {
  let i = 0;
  return new Readable(Object.assign({
    objectMode: true,
    read() {
      i++;
      this.push(i <= n ? 'c' + i : null);
    },
  }, opts));
}

// state logs what happened to r, for after the loop.
function state(r) {
  return 'ended ' + r.readableEnded + ' destroyed ' + r.destroyed + ' errored ' + (r.errored && (r.errored.code || r.errored.message));
}

module.exports = run([
  async function iterateAll() {
    const r = counter(3);
    for await (const chunk of r) console.log('chunk', show(chunk));
    console.log('loop done', state(r));
  },

  async function iterateObjects() {
    const r = new Readable({ objectMode: true, read() {} });
    r.push({ a: 1 });
    r.push({ b: 2 });
    r.push(null);
    const out = [];
    for await (const obj of r) out.push(JSON.stringify(obj));
    console.log(out.join(' '));
  },

  async function breakDestroys() {
    const r = counter(10, { highWaterMark: 2 });
    const events = [];
    r.on('close', () => events.push('close'));
    r.on('error', (err) => events.push('error ' + err.code));
    for await (const chunk of r) {
      console.log('chunk', show(chunk));
      if (chunk === 'c2') break;
    }
    console.log('after break', state(r));
    await settle();
    console.log('events', events.join(','));
  },

  async function errorRejects() {
    const r = new Readable({ objectMode: true, read() {} });
    setTimeout(() => r.destroy(new Error('broken')), 1);
    r.push('a');
    try {
      for await (const chunk of r) console.log('chunk', show(chunk));
    } catch (err) {
      console.log('caught', err.message, r.destroyed);
    }
  },

  async function throwInLoop() {
    const r = counter(5);
    try {
      for await (const chunk of r) {
        console.log('chunk', show(chunk));
        throw new Error('consumer failed');
      }
    } catch (err) {
      console.log('caught', err.message);
    }
    console.log('after throw', state(r));
  },

  async function destroyOnReturnFalse() {
    const r = counter(4);
    for await (const chunk of r.iterator({ destroyOnReturn: false })) {
      console.log('chunk', show(chunk));
      break;
    }
    console.log('after break', state(r));
    for await (const chunk of r) console.log('rest', show(chunk));
    console.log('after rest', state(r));
  },

  async function manualNext() {
    const p = new PassThrough({ objectMode: true });
    const it = p.iterator();
    const first = it.next();
    const second = it.next();
    p.write(1);
    p.write(2);
    console.log(JSON.stringify(await first), JSON.stringify(await second));
    p.end();
    console.log(JSON.stringify(await it.next()));
    console.log(JSON.stringify(await it.next()));
  },

  async function delayedPushes() {
    const r = new Readable({ objectMode: true, read() {} });
    let i = 0;
    const timer = setInterval(() => {
      i++;
      r.push(i < 4 ? 'd' + i : null);
      if (i >= 4) clearInterval(timer);
    }, 1);
    const out = [];
    for await (const chunk of r) out.push(chunk);
    console.log(out.join(','));
  },

  async function bytesConcatenated() {
    const r = new Readable({ read() {} });
    r.push('ab');
    r.push('cd');
    r.push(null);
    let all = '';
    for await (const chunk of r) all += chunk;
    console.log('all', all, state(r));
  },

  async function encodedChunksAreStrings() {
    const r = new PassThrough();
    r.setEncoding('utf8');
    r.end(Buffer.from('h\u00e9llo'));
    const types = [];
    for await (const chunk of r) types.push(typeof chunk);
    console.log('types', types.join(','));
  },

  async function premature() {
    const r = new Readable({ objectMode: true, read() {} });
    r.push('a');
    setTimeout(() => r.destroy(), 1);
    try {
      for await (const chunk of r) console.log('chunk', show(chunk));
      console.log('loop ended');
    } catch (err) {
      console.log('caught', err.code);
    }
  },
]);
