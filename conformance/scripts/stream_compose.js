// stream.compose, stream.duplexPair, Duplex.from's inputs and _isArrayBufferView against Node.
const stream = require('stream');
const { Readable, Writable, Duplex, Transform, PassThrough, compose, duplexPair } = stream;

const upper = () => new Transform({ transform(chunk, enc, cb) { cb(null, String(chunk).toUpperCase()); } });
const exclaim = () => new Transform({ transform(chunk, enc, cb) { cb(null, chunk + '!'); } });

async function collect(readable) {
  const out = [];
  for await (const chunk of readable) out.push(String(chunk));
  return out;
}

function show(label, fn) {
  try {
    const v = fn();
    console.log(label, 'ok', typeof v);
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message.split(' Received ')[0]);
  }
}

module.exports = async function main() {
  console.log('keys', Object.keys(stream).join());
  console.log('isArrayBufferView', stream._isArrayBufferView(new Uint8Array(1)), stream._isArrayBufferView(new DataView(new ArrayBuffer(1))),
    stream._isArrayBufferView([]), stream._isArrayBufferView(Buffer.alloc(1)));

  // compose of node streams.
  const c = compose(upper(), exclaim());
  console.log('compose type', c instanceof Duplex, c.readable, c.writable);
  const composed = collect(c);
  c.write('a');
  c.write('b');
  c.end('c');
  console.log('compose', (await composed).join('|'));

  // compose with a readable head: not writable.
  const ro = compose(Readable.from(['x', 'y']), upper());
  console.log('readable head', ro.writable, (await collect(ro)).join('|'));

  // compose with an async function transformer (written chunks in, values out).
  const fnStage = compose(async function* (source) {
    for await (const chunk of source) yield String(chunk).repeat(2);
  }, upper());
  const fnOut = collect(fnStage);
  fnStage.end('ab');
  console.log('function stage', (await fnOut).join('|'));

  // A function at the end that consumes everything and returns a promise.
  const seen = [];
  const sink = compose(upper(), async function (source) {
    for await (const chunk of source) seen.push(String(chunk));
  });
  await new Promise((resolve) => { sink.on('finish', resolve); sink.end('z'); });
  console.log('function sink', seen.join('|'), sink.readable);

  // compose of a web TransformStream.
  const web = compose(upper(), new TransformStream({ transform(chunk, ctl) { ctl.enqueue(String(chunk) + '?'); } }));
  const webOut = collect(web);
  web.end('w');
  console.log('web stage', (await webOut).join('|'));

  // Errors propagate and destroy the composed stream.
  const failing = compose(upper(), new Transform({ transform(chunk, enc, cb) { cb(new Error('broken')); } }));
  failing.on('error', (e) => console.log('compose error', e.message));
  failing.write('x');
  await new Promise((r) => failing.on('close', r));
  console.log('destroyed', failing.destroyed);

  show('compose()', () => compose());
  show('compose(one)', () => compose(upper()));
  show('compose writable first', () => compose(new Writable({ write(c, e, cb) { cb(); } }), upper()));
  show('compose readable last', () => compose(upper(), Readable.from(['a'])));

  // Duplex.from.
  console.log('from duplex', Duplex.from(c) === c);
  console.log('from iterable', (await collect(Duplex.from(['i', 'j']))).join('|'));
  console.log('from promise', (await collect(Duplex.from(Promise.resolve('p')))).join('|'));
  console.log('from string', (await collect(Duplex.from('str'))).join('|'));
  const pairSide = new PassThrough();
  const fromPair = Duplex.from({ readable: Readable.from(['r1', 'r2']), writable: pairSide });
  const pairWritten = collect(pairSide);
  fromPair.end('w1');
  console.log('from pair', (await collect(fromPair)).join('|'), (await pairWritten).join('|'));
  const readOnly = Duplex.from(Readable.from(['only']));
  console.log('from readable', readOnly.writable, (await collect(readOnly)).join('|'));
  show('from number', () => Duplex.from(5));
  show('from bad function', () => Duplex.from(() => 5));

  // pipeline with web streams: chunks keep their types.
  const webOutChunks = [];
  const webReturned = await new Promise((resolve, reject) => {
    const sinkStream = new WritableStream({ write(chunk) { webOutChunks.push(typeof chunk + ':' + String(chunk)); } });
    const last = stream.pipeline(
      new ReadableStream({ start(ctl) { ctl.enqueue('a'); ctl.enqueue('b'); ctl.close(); } }),
      new TransformStream({ transform(chunk, ctl) { ctl.enqueue(chunk + chunk); } }),
      async function* (source) { for await (const chunk of source) yield chunk.toUpperCase(); },
      new TransformStream({ transform(chunk, ctl) { ctl.enqueue(chunk + '.'); } }),
      sinkStream,
      (err) => (err ? reject(err) : resolve(last === sinkStream)));
  });
  console.log('pipeline web', webOutChunks.join('|'), webReturned);
  const nodeSink = [];
  await new Promise((resolve, reject) => stream.pipeline(
    Readable.from(['n1', 'n2']),
    new TransformStream({ transform(chunk, ctl) { ctl.enqueue(typeof chunk); } }),
    new Writable({ objectMode: true, write(c, e, cb) { nodeSink.push(c); cb(); } }),
    (err) => (err ? reject(err) : resolve())));
  console.log('pipeline node to web to node', nodeSink.join('|'));

  // duplexPair.
  const [left, right] = duplexPair();
  const rightGot = new Promise((r) => right.once('data', (d) => r(String(d))));
  left.write('to right');
  const leftGot = new Promise((r) => left.once('data', (d) => r(String(d))));
  right.write('to left');
  console.log('pair', await rightGot, '/', await leftGot, left instanceof Duplex, Object.getOwnPropertySymbols(left).map(String).join());
  const ended = new Promise((r) => right.on('end', () => r('right ended')));
  right.resume();
  left.end();
  console.log(await ended);
};
