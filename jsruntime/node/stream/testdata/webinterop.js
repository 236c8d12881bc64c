'use strict';
// Web-stream interop: Readable/Writable/Duplex toWeb and fromWeb, Duplex.from of web streams.
const { Readable, Writable, Duplex, PassThrough } = require('stream');
const { run, logEvents, show } = require('./harness');

async function readAll(rs) {
  const out = [];
  const reader = rs.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return out.join(' ');
    out.push(value instanceof Uint8Array && !Buffer.isBuffer(value) ? 'u8:' + Array.from(value) : show(value));
  }
}

module.exports = run([
  async function readableToWebBytes() {
    const r = new Readable({ read() {} });
    r.push(Buffer.from('ab'));
    r.push(Buffer.from('c'));
    r.push(null);
    logEvents('r', r, ['end', 'close']);
    const rs = Readable.toWeb(r);
    console.log('flowing', r.readableFlowing);
    console.log(await readAll(rs));
  },

  async function readableToWebObjects() {
    console.log(await readAll(Readable.toWeb(Readable.from([{ a: 1 }, 'two']))));
  },

  async function readableToWebError() {
    const r = new Readable({ read() { this.destroy(new Error('boom')); } });
    try {
      await readAll(Readable.toWeb(r));
    } catch (err) {
      console.log('rejected', err.message);
    }
  },

  async function readableToWebCancel() {
    const r = new Readable({ read() {} });
    logEvents('r', r, ['error', 'close']);
    await Readable.toWeb(r).cancel(new Error('stop'));
    const destroyed = r.destroyed;
    // The stream's events come on the next ticks, whose order against promise jobs differs here.
    await new Promise((resolve) => setTimeout(resolve, 2));
    console.log('destroyed', destroyed);
  },

  async function readableFromWeb() {
    const rs = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('hi')); c.enqueue('s'); c.close(); } });
    const r = Readable.fromWeb(rs);
    console.log('objectMode', r.readableObjectMode);
    logEvents('r', r, ['data', 'end', 'close']);
  },

  async function readableFromWebObjectMode() {
    const r = Readable.fromWeb(new ReadableStream({ start(c) { c.enqueue({ n: 1 }); c.close(); } }), { objectMode: true });
    logEvents('r', r, ['data', 'end']);
  },

  async function readableFromWebError() {
    const r = Readable.fromWeb(new ReadableStream({ pull(c) { c.error(new Error('web err')); } }));
    logEvents('r', r, ['error', 'close']);
    r.resume();
  },

  async function writableToWeb() {
    const chunks = [];
    const w = new Writable({ write(c, e, cb) { chunks.push(c.toString()); cb(); } });
    logEvents('w', w, ['finish', 'close']);
    const writer = Writable.toWeb(w).getWriter();
    await writer.write(new TextEncoder().encode('A'));
    await writer.write('B');
    await writer.close();
    console.log(chunks.join(','), w.writableFinished);
  },

  async function writableFromWeb() {
    const got = [];
    const w = Writable.fromWeb(new WritableStream({ write(c) { got.push(show(c)); }, close() { console.log('sink closed'); } }));
    logEvents('w', w, ['finish', 'close']);
    w.write('x');
    w.end('y');
    await new Promise((resolve) => w.on('close', resolve));
    console.log(got.join(' '));
  },

  async function duplexWeb() {
    const d = Duplex.fromWeb({
      readable: new ReadableStream({ start(c) { c.enqueue(new Uint8Array([65])); c.close(); } }),
      writable: new WritableStream({ write(c) { console.log('wrote', show(c)); } }),
    });
    d.end('q');
    await new Promise((resolve) => d.on('finish', resolve));
    console.log('finished');
    const read = [];
    for await (const c of d) read.push(show(c));
    console.log('read', read.join(' '));
    const pair = Duplex.toWeb(new PassThrough());
    console.log(Object.keys(pair).join());
    const writer = pair.writable.getWriter();
    writer.write(new Uint8Array([66]));
    writer.close();
    console.log(await readAll(pair.readable));
  },

  async function duplexFrom() {
    const d = Duplex.from(new ReadableStream({ start(c) { c.enqueue('z'); c.close(); } }));
    console.log('readable', d.readable, 'writable', d.writable);
    logEvents('d', d, ['data', 'end']);
  },

  async function badArguments() {
    for (const fn of [() => Readable.fromWeb({}), () => Readable.toWeb({}), () => Writable.fromWeb({}), () => Writable.toWeb({})]) {
      try {
        fn();
      } catch (err) {
        console.log(err.code, err.message);
      }
    }
  },
]);
