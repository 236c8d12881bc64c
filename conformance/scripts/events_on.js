// events.on as an async iterator: buffering, close events, errors, abort, watermarks, return/throw,
// EventTarget sources and argument errors, against Node.
const events = require('events');
const { EventEmitter, on } = events;

function show(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message);
  }
}

async function drain(iter, limit = 10) {
  const out = [];
  try {
    for await (const v of iter) {
      out.push(JSON.stringify(v));
      if (out.length >= limit) break;
    }
    out.push('done');
  } catch (e) {
    out.push('threw ' + e.name + ' ' + (e.code || '') + ' ' + e.message + (e.cause !== undefined ? ' cause=' + e.cause : ''));
  }
  return out.join(' ');
}

module.exports = async function main() {
  const ee = new EventEmitter();
  show('on(ee, x, {signal: 1})', () => on(ee, 'x', { signal: 1 }));
  show('on(ee, x, {highWaterMark: 0})', () => on(ee, 'x', { highWaterMark: 0 }));
  show('on(ee, x, {highWaterMark: 1.5})', () => on(ee, 'x', { highWaterMark: 1.5 }));
  show('on(ee, x, {lowWaterMark: "2"})', () => on(ee, 'x', { lowWaterMark: '2' }));
  show('on(ee, x, {highWatermark: 2})', () => on(ee, 'x', { highWatermark: 2 }).return());
  show('on({}, x)', () => on({}, 'x'));
  show('aborted signal', () => on(ee, 'x', { signal: AbortSignal.abort('why') }));
  console.log('listeners after failed calls', ee.listenerCount('x'), ee.listenerCount('error'));

  // Events emitted before next() are buffered, with all their arguments.
  const buffered = new EventEmitter();
  const it = on(buffered, 'data');
  buffered.emit('data', 1, 'a');
  buffered.emit('data', 2);
  buffered.emit('data');
  console.log('buffered', JSON.stringify(await it.next()), JSON.stringify(await it.next()), JSON.stringify(await it.next()));
  console.log('listening', buffered.listenerCount('data'), buffered.listenerCount('error'));
  console.log('return', JSON.stringify(await it.return()), buffered.listenerCount('data'), buffered.listenerCount('error'));
  console.log('after return', JSON.stringify(await it.next()));
  console.log('is async iterable', it[Symbol.asyncIterator]() === it, typeof Object.getPrototypeOf(it)[Symbol.asyncIterator]);

  // close events end the iteration; buffered events are still delivered first.
  const closing = new EventEmitter();
  setTimeout(() => { closing.emit('data', 'x'); closing.emit('data', 'y'); closing.emit('end'); closing.emit('data', 'z'); }, 1);
  console.log('close', await drain(on(closing, 'data', { close: ['end', 'finish'] })));
  console.log('close listeners', closing.listenerCount('data'), closing.listenerCount('end'), closing.listenerCount('finish'));

  // An 'error' event rejects the pending next(), then the iterator is done.
  const failing = new EventEmitter();
  setTimeout(() => { failing.emit('data', 1); failing.emit('error', new Error('broke')); }, 1);
  console.log('error', await drain(on(failing, 'data')));
  // Iterating 'error' itself yields the errors as values.
  const errs = new EventEmitter();
  const errIt = on(errs, 'error');
  errs.emit('error', 'first');
  console.log('error as event', JSON.stringify(await errIt.next()), errs.listenerCount('error'));
  await errIt.return();
  // An error that arrives while nobody waits is kept for the next call.
  const later = new EventEmitter();
  const laterIt = on(later, 'data');
  later.emit('data', 1);
  later.emit('error', new Error('kept'));
  console.log('error kept', JSON.stringify(await laterIt.next()));
  await laterIt.next().then((v) => console.log('unexpected', v), (e) => console.log('then rejects', e.message));
  console.log('then done', JSON.stringify(await laterIt.next()));

  // Abort.
  const ac = new AbortController();
  const aborting = new EventEmitter();
  setTimeout(() => { aborting.emit('tick', 1); ac.abort('stop'); }, 1);
  console.log('abort', await drain(on(aborting, 'tick', { signal: ac.signal })));
  console.log('abort listeners', aborting.listenerCount('tick'), aborting.listenerCount('error'));

  // throw(): only Errors, and it ends the iteration.
  const thrown = new EventEmitter();
  const thrownIt = on(thrown, 'data');
  show('throw(1)', () => thrownIt.throw(1));
  const pending = thrownIt.next();
  thrownIt.throw(new Error('from throw'));
  await pending.then((v) => console.log('unexpected', v), (e) => console.log('throw rejects', e.message));
  console.log('throw done', JSON.stringify(await thrownIt.next()), thrown.listenerCount('data'));

  // Watermarks: above highWaterMark unread events the emitter is paused, below lowWaterMark resumed.
  const calls = [];
  const flow = new EventEmitter();
  flow.pause = () => calls.push('pause');
  flow.resume = () => calls.push('resume');
  const flowIt = on(flow, 'data', { highWaterMark: 2, lowWaterMark: 1 });
  const wm = flowIt[Symbol.for('nodejs.watermarkData')];
  for (let i = 0; i < 4; i++) flow.emit('data', i);
  console.log('watermark', calls.join(), wm.size, wm.high, wm.low, wm.isPaused);
  await flowIt.next(); await flowIt.next(); await flowIt.next();
  console.log('watermark resumed', calls.join(), wm.size, wm.isPaused);
  await flowIt.return();

  // An EventTarget source gives the Event as the single value.
  const target = new EventTarget();
  const targetIt = on(target, 'ping');
  target.dispatchEvent(new Event('ping'));
  const first = await targetIt.next();
  console.log('event target', first.done, Array.isArray(first.value), first.value.length, first.value[0].type);
  await targetIt.return();

  // break in for await calls return().
  const broken = new EventEmitter();
  setTimeout(() => { for (let i = 0; i < 5; i++) broken.emit('n', i); }, 1);
  console.log('break', await drain(on(broken, 'n'), 2), broken.listenerCount('n'));
};
