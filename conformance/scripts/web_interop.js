// Node streams and web streams converted into each other: Readable/Writable/Duplex toWeb and fromWeb,
// Duplex.from of web streams, and web streams consumed by Readable.from and pipeline.
'use strict';

const { Readable, Writable, Duplex, PassThrough } = require('stream');
const { pipeline } = require('stream/promises');

const describe = (c) => (typeof c === 'string' ? 'string:' + c : (Buffer.isBuffer(c) ? 'Buffer:' : c.constructor.name + ':') + Array.from(c).join(','));
const err = (label, e) => console.log(label, e && e.name, e && e.code, e && e.message);

async function all(iterable) {
  const out = [];
  for await (const c of iterable) out.push(describe(c));
  return out;
}

module.exports = async function main() {
  console.log('toWeb objectMode', await all(Readable.toWeb(Readable.from(['a', 'b']))));
  const bytes = new Readable({ read() {} });
  bytes.push(Buffer.from('xy'));
  bytes.push(null);
  console.log('toWeb bytes', await all(Readable.toWeb(bytes)));

  const fromWeb = Readable.fromWeb(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('hi')); c.close(); } }));
  console.log('fromWeb', fromWeb.readableObjectMode, await all(fromWeb));
  const objects = Readable.fromWeb(new ReadableStream({ start(c) { c.enqueue({ n: 1 }); c.enqueue('s'); c.close(); } }), { objectMode: true });
  const seen = [];
  for await (const c of objects) seen.push(JSON.stringify(c));
  console.log('fromWeb objectMode', seen);
  const decoded = Readable.fromWeb(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('txt')); c.close(); } }), { encoding: 'utf8' });
  for await (const c of decoded) console.log('fromWeb encoding', typeof c, c);

  const chunks = [];
  const nodeWritable = new Writable({ write(c, e, cb) { chunks.push(c.toString()); cb(); } });
  const ws = Writable.toWeb(nodeWritable);
  const writer = ws.getWriter();
  await writer.write(new TextEncoder().encode('A'));
  await writer.write('B');
  await writer.close();
  console.log('Writable.toWeb', chunks, nodeWritable.writableFinished);

  const got = [];
  const fw = Writable.fromWeb(new WritableStream({ write(c) { got.push(describe(c)); } }));
  fw.write('x');
  await new Promise((resolve) => fw.end('y', resolve));
  console.log('Writable.fromWeb', got);

  const d = Duplex.fromWeb({
    readable: new ReadableStream({ start(c) { c.enqueue(new Uint8Array([65])); c.close(); } }),
    writable: new WritableStream({ write(c) { console.log('duplex wrote', describe(c)); } }),
  });
  d.end('q');
  await new Promise((resolve) => d.on('finish', resolve));
  console.log('duplex read', await all(d));

  const pair = Duplex.toWeb(new PassThrough());
  console.log('Duplex.toWeb', Object.keys(pair), pair.readable instanceof ReadableStream, pair.writable instanceof WritableStream);
  const pw = pair.writable.getWriter();
  pw.write(new Uint8Array([66]));
  pw.close();
  console.log('through pair', await all(pair.readable));

  const fromRs = Duplex.from(new ReadableStream({ start(c) { c.enqueue('q'); c.enqueue(new Uint8Array([65])); c.close(); } }));
  console.log('Duplex.from readable', fromRs.readable, fromRs.writable, await all(fromRs));
  const sink = [];
  const fromWs = Duplex.from(new WritableStream({ write(c) { sink.push(describe(c)); } }));
  console.log('Duplex.from writable', fromWs.readable, fromWs.writable);
  await new Promise((resolve) => { fromWs.write('x'); fromWs.end(resolve); });
  console.log('Duplex.from wrote', sink);

  for (const [name, fn] of Object.entries({
    fromWebBad: () => Readable.fromWeb({}),
    toWebBad: () => Readable.toWeb({}),
    writableFromWebBad: () => Writable.fromWeb({}),
    fromWebEncoding: () => Readable.fromWeb(new ReadableStream(), { encoding: 'nope' }),
  })) {
    try { fn(); console.log(name, 'no error'); } catch (e) { err(name, e); }
  }

  const failing = new Readable({ read() { this.destroy(new Error('boom')); } });
  try { await all(Readable.toWeb(failing)); } catch (e) { err('toWeb error', e); }
  const cancelled = new Readable({ read() {} });
  cancelled.push('a');
  await Readable.toWeb(cancelled).cancel(new Error('stop'));
  console.log('cancel destroys', cancelled.destroyed);
  const webFailing = Readable.fromWeb(new ReadableStream({ pull(c) { c.error(new Error('web err')); } }));
  try { await all(webFailing); } catch (e) { err('fromWeb error', e); }
  let webCancelled;
  const toCancel = new ReadableStream({ pull(c) { c.enqueue(new Uint8Array([1])); }, cancel(r) { webCancelled = r && r.message; } });
  const destroyed = Readable.fromWeb(toCancel);
  destroyed.on('error', (e) => console.log('destroyed with', e.message));
  destroyed.destroy(new Error('node side'));
  await new Promise((resolve) => setTimeout(resolve, 5));
  console.log('destroy cancels web', webCancelled);

  console.log('Readable.from(web)', await all(Readable.from(new ReadableStream({ start(c) { c.enqueue('z'); c.close(); } }))));
  const collected = [];
  await pipeline(
    new ReadableStream({ start(c) { c.enqueue('p1'); c.enqueue('p2'); c.close(); } }),
    new Writable({ objectMode: true, write(c, e, cb) { collected.push(c); cb(); } }),
  );
  console.log('pipeline from web', collected);
};
