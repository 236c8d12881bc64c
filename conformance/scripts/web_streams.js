// WHATWG streams: readers, controllers, byte streams and BYOB readers, tee, pipes, transforms,
// strategies, async iteration and the errors Node 20 gives.
'use strict';

const show = (label, v) => console.log(label, JSON.stringify(v));
const err = (label, e) => console.log(label, e && e.name, e && e.code, e && e.message);

async function collect(stream) {
  const out = [];
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return out;
    out.push(value instanceof Uint8Array ? Array.from(value) : value);
  }
}

async function defaultStreams() {
  const rs = new ReadableStream({
    start(c) { c.enqueue('a'); c.enqueue('b'); },
    pull(c) { c.enqueue('p'); c.close(); },
  }, { highWaterMark: 2 });
  show('locked before', rs.locked);
  const reader = rs.getReader();
  show('locked after', rs.locked);
  show('read1', await reader.read());
  show('read2', await reader.read());
  show('read3', await reader.read());
  show('read4', await reader.read());
  await reader.closed;
  console.log('closed resolved');
  reader.releaseLock();
  show('locked released', rs.locked);

  let desired;
  const rs2 = new ReadableStream({ start(c) { desired = c.desiredSize; c.enqueue(1); desired += ',' + c.desiredSize; } }, new CountQueuingStrategy({ highWaterMark: 3 }));
  show('desiredSize', desired);
  await rs2.cancel('no').then(() => console.log('cancel ok'));

  const errored = new ReadableStream({ start(c) { c.error(new TypeError('boom')); } });
  try { await errored.getReader().read(); } catch (e) { err('errored read', e); }

  const cancelled = [];
  const rs3 = new ReadableStream({ cancel(reason) { cancelled.push(reason); return 'ignored'; } });
  show('cancel result', await rs3.cancel('why'));
  show('cancelled', cancelled);

  const rs4 = new ReadableStream();
  const r4 = rs4.getReader();
  const pending = r4.read();
  r4.releaseLock();
  try { await pending; } catch (e) { err('pending read on release', e); }
  try { await r4.closed; } catch (e) { err('closed on release', e); }
  try { await r4.read(); } catch (e) { err('read after release', e); }
}

async function errors() {
  const tries = {
    lockedCancel: async () => { const r = new ReadableStream(); r.getReader(); await r.cancel(); },
    lockedGetReader: () => { const r = new ReadableStream(); r.getReader(); r.getReader(); },
    enqueueClosed: () => { new ReadableStream({ start(c) { c.close(); c.enqueue(1); } }); },
    byobNonBytes: () => { new ReadableStream().getReader({ mode: 'byob' }); },
    badMode: () => { new ReadableStream().getReader({ mode: 'x' }); },
    badType: () => { new ReadableStream({ type: 'x' }); },
    badHwm: () => { new ReadableStream({}, { highWaterMark: -1 }); },
    badSource: () => { new ReadableStream(5); },
    badPull: () => { new ReadableStream({ pull: 5 }); },
    badSize: () => { new ReadableStream({ start(c) { c.enqueue(1); } }, { size() { return -1; } }); },
    sizeOnBytes: () => { new ReadableStream({ type: 'bytes' }, { size() { return 1; } }); },
    writerLocked: () => { const w = new WritableStream(); w.getWriter(); w.getWriter(); },
    writeReleased: async () => { const w = new WritableStream(); const wr = w.getWriter(); wr.releaseLock(); await wr.write(1); },
    writeClosed: async () => { const w = new WritableStream(); const wr = w.getWriter(); wr.close(); await wr.write(1); },
    closeClosed: async () => { const w = new WritableStream(); const wr = w.getWriter(); wr.close(); await wr.close(); },
    abortLocked: async () => { const w = new WritableStream(); w.getWriter(); await w.abort(); },
    badSinkType: () => { new WritableStream({ type: 'x' }); },
    pipeLocked: async () => { const r = new ReadableStream(); r.getReader(); await r.pipeTo(new WritableStream()); },
    pipeBadDest: async () => { await new ReadableStream().pipeTo({}); },
    pipeThroughBad: () => { new ReadableStream().pipeThrough({}); },
    illegalReader: () => { new ReadableStreamDefaultReader(5); },
    illegalController: () => { new ReadableStreamDefaultController(); },
    byobZero: async () => { const r = new ReadableStream({ type: 'bytes' }); await r.getReader({ mode: 'byob' }).read(new Uint8Array(0)); },
    byobNoView: async () => { const r = new ReadableStream({ type: 'bytes' }); await r.getReader({ mode: 'byob' }).read(); },
    bytesEnqueueString: () => { new ReadableStream({ type: 'bytes', start(c) { c.enqueue('x'); } }); },
    fromNumber: () => { ReadableStream.from(5); },
    readerThis: async () => { await ReadableStreamDefaultReader.prototype.read.call({}); },
    lockedThis: () => { Object.getOwnPropertyDescriptor(ReadableStream.prototype, 'locked').get.call({}); },
    strategyNoInit: () => { new ByteLengthQueuingStrategy(); },
    strategyNoHWM: () => { new CountQueuingStrategy({}); },
    terminated: async () => { const t = new TransformStream({ start(c) { c.terminate(); } }); await t.writable.getWriter().write(1); },
    transformType: () => { new TransformStream({ readableType: 'x' }); },
    writerReleasedClosed: async () => { const w = new WritableStream(); const wr = w.getWriter(); const c = wr.closed; wr.releaseLock(); await c; },
  };
  for (const [name, fn] of Object.entries(tries)) {
    try {
      await fn();
      console.log(name, 'no error');
    } catch (e) {
      err(name, e);
    }
  }
}

async function byteStreams() {
  const rs = new ReadableStream({
    type: 'bytes',
    start(c) { c.enqueue(new Uint8Array([1, 2, 3])); },
    pull(c) {
      const req = c.byobRequest;
      if (req) {
        req.view[0] = 9;
        req.respond(1);
      } else {
        c.enqueue(new Uint8Array([4]));
      }
      c.close();
      if (c.byobRequest) c.byobRequest.respond(0);
    },
  });
  const reader = rs.getReader({ mode: 'byob' });
  let r = await reader.read(new Uint8Array(2));
  show('byob1', [r.done, r.value.constructor.name, Array.from(r.value)]);
  r = await reader.read(new Uint8Array(4));
  show('byob2', [r.done, Array.from(r.value)]);
  r = await reader.read(new Uint8Array(4));
  show('byob3', [r.done, Array.from(r.value)]);
  r = await reader.read(new Uint8Array(4));
  show('byob4', [r.done, r.value && r.value.byteLength]);

  const chunk = new Uint8Array([7, 8]);
  const rs2 = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(chunk); c.close(); } });
  show('transferred source', chunk.byteLength);
  const view = new Uint8Array(8);
  r = await rs2.getReader({ mode: 'byob' }).read(view);
  show('byob into', [view.byteLength, Array.from(r.value), r.value.buffer.byteLength]);

  const rs3 = new ReadableStream({
    type: 'bytes',
    start(c) { c.enqueue(new Uint8Array([1])); },
    pull(c) { c.enqueue(new Uint8Array([2, 3])); c.close(); },
  });
  r = await rs3.getReader({ mode: 'byob' }).read(new Uint8Array(4), { min: 3 });
  show('byob min', [r.done, Array.from(r.value)]);

  const rs4 = new ReadableStream({ type: 'bytes', autoAllocateChunkSize: 4, pull(c) { c.byobRequest.view.set([5, 6]); c.byobRequest.respond(2); c.close(); } });
  show('autoAllocate', await collect(rs4));

  const rs5 = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 2, 3, 4])); c.close(); } });
  r = await rs5.getReader({ mode: 'byob' }).read(new Uint16Array(1));
  show('uint16 view', [r.value.constructor.name, r.value.length, r.value.byteLength]);

  const [a, b] = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 2])); c.enqueue(new Uint8Array([3])); c.close(); } }).tee();
  const ra = await a.getReader({ mode: 'byob' }).read(new Uint8Array(1));
  show('byte tee a', Array.from(ra.value));
  show('byte tee b', await collect(b));
}

async function teeAndFrom() {
  const [a, b] = new ReadableStream({ start(c) { c.enqueue('x'); c.enqueue('y'); c.close(); } }).tee();
  show('tee', [await collect(a), await collect(b)]);

  const reasons = [];
  const src = new ReadableStream({ cancel(r) { reasons.push(r); } });
  const [c1, c2] = src.tee();
  await Promise.all([c1.cancel('one'), c2.cancel('two')]);
  show('tee cancel', reasons);

  show('from array', await collect(ReadableStream.from(['a', Promise.resolve('b')])));
  const gen = { i: 0, [Symbol.asyncIterator]() { return this; }, next() { return Promise.resolve(this.i < 2 ? { value: this.i++, done: false } : { done: true }); }, return() { console.log('return called'); return Promise.resolve({ done: true }); } };
  const fromGen = ReadableStream.from(gen);
  const rd = fromGen.getReader();
  show('from iterator', await rd.read());
  await rd.cancel('stop');
  show('from string', await collect(ReadableStream.from('hé')));
}

async function iteration() {
  const out = [];
  for await (const x of new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); } })) out.push(x);
  show('for await', out);

  let cancelled = 0;
  const rs = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); }, cancel() { cancelled++; } });
  for await (const x of rs.values({ preventCancel: true })) { show('first', x); break; }
  show('after preventCancel', [rs.locked, cancelled]);
  for await (const x of rs) { show('second', x); break; }
  show('after break', [rs.locked, cancelled]);

  const failing = new ReadableStream({ start(c) { c.enqueue(1); c.error(new Error('mid')); } });
  try { for await (const x of failing) show('got', x); } catch (e) { err('iteration error', e); }

  const it = new ReadableStream({ start(c) { c.close(); } })[Symbol.asyncIterator]();
  show('iterator', [typeof it.next, typeof it.return, it[Symbol.asyncIterator]() === it, await it.next()]);
}

async function writables() {
  const log = [];
  const ws = new WritableStream({
    start() { log.push('start'); },
    write(chunk, c) { log.push('write ' + chunk + ' ' + (c.signal instanceof AbortSignal)); return new Promise((r) => setTimeout(r, 1)); },
    close() { log.push('close'); },
    abort(r) { log.push('abort ' + r); },
  }, { highWaterMark: 2 });
  const w = ws.getWriter();
  show('desired', w.desiredSize);
  const p1 = w.write('a');
  show('desired after write', w.desiredSize);
  w.write('b');
  await w.ready;
  await p1;
  await w.close();
  await w.closed;
  show('writable log', log);

  const aborted = [];
  const ws2 = new WritableStream({ abort(r) { aborted.push(r); } });
  await ws2.abort('stop');
  show('aborted', aborted);

  const ws3 = new WritableStream({ write() { throw new Error('wfail'); } });
  const w3 = ws3.getWriter();
  try { await w3.write(1); } catch (e) { err('write rejects', e); }
  try { await w3.write(2); } catch (e) { err('then errored', e); }
  try { await w3.closed; } catch (e) { err('closed rejects', e); }

  const ws4 = new WritableStream({ start(c) { c.error(new Error('ctl')); } });
  try { await ws4.getWriter().write(1); } catch (e) { err('controller error', e); }
}

async function transforms() {
  const upper = new TransformStream({
    transform(chunk, c) { c.enqueue(String(chunk).toUpperCase()); },
    flush(c) { c.enqueue('!'); },
  });
  const src = new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } });
  show('pipeThrough', await collect(src.pipeThrough(upper)));

  const identity = new TransformStream();
  const w = identity.writable.getWriter();
  w.write(1); w.write(2); w.close();
  show('identity', await collect(identity.readable));

  const t = new TransformStream({ cancel(r) { console.log('transformer cancel', r); } });
  await t.readable.cancel('why');
  try { await t.writable.getWriter().write(1); } catch (e) { console.log('write after cancel', e); }

  const failing = new TransformStream({ transform() { throw new Error('tfail'); } });
  const fw = failing.writable.getWriter();
  const pendingRead = failing.readable.getReader().read();
  try { await fw.write(1); } catch (e) { err('transform throws', e); }
  try { await pendingRead; } catch (e) { err('readable errored', e); }
}

async function pipes() {
  const written = [];
  const dest = new WritableStream({ write(c) { written.push(c); } });
  await new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); } }).pipeTo(dest);
  show('piped', written);

  const dest2 = new WritableStream({ abort(r) { console.log('dest aborted', r && r.message); } });
  try {
    await new ReadableStream({ start(c) { c.error(new Error('src broke')); } }).pipeTo(dest2);
  } catch (e) { err('pipe source error', e); }

  let srcCancelled;
  const src3 = new ReadableStream({ pull(c) { c.enqueue('x'); }, cancel(r) { srcCancelled = r && r.message; } });
  try {
    await src3.pipeTo(new WritableStream({ write() { throw new Error('dest broke'); } }));
  } catch (e) { err('pipe dest error', e); }
  show('source cancelled', srcCancelled);

  const ac = new AbortController();
  const src4 = new ReadableStream({ pull(c) { c.enqueue('y'); return new Promise((r) => setTimeout(r, 1)); }, cancel() { console.log('src4 cancelled'); } });
  const p = src4.pipeTo(new WritableStream({ write() { ac.abort(new Error('user abort')); } }), { signal: ac.signal });
  try { await p; } catch (e) { err('pipe aborted', e); }

  const kept = new WritableStream();
  await new ReadableStream({ start(c) { c.close(); } }).pipeTo(kept, { preventClose: true });
  show('preventClose', kept.locked);
  const kw = kept.getWriter();
  await kw.write('still open');
  console.log('writable still open');
}

async function strategies() {
  const b = new ByteLengthQueuingStrategy({ highWaterMark: 16 });
  const c = new CountQueuingStrategy({ highWaterMark: '3' });
  show('strategies', [b.highWaterMark, b.size(new Uint8Array(5)), c.highWaterMark, c.size(), b.size === new ByteLengthQueuingStrategy({ highWaterMark: 1 }).size]);
  show('toStringTags', [ReadableStream, WritableStream, TransformStream, ReadableStreamDefaultReader, ByteLengthQueuingStrategy].map((C) => C.prototype[Symbol.toStringTag]));
  show('proto names', [Object.getOwnPropertyNames(ReadableStream.prototype), Object.getOwnPropertyNames(WritableStream.prototype), Object.getOwnPropertyNames(ReadableStreamDefaultReader.prototype)]);
  const web = require('stream/web');
  show('stream/web', [web.ReadableStream === ReadableStream, Object.keys(web).sort()]);
}

module.exports = async function main() {
  await defaultStreams();
  await errors();
  await byteStreams();
  await teeAndFrom();
  await iteration();
  await writables();
  await transforms();
  await pipes();
  await strategies();
};
