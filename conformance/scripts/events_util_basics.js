// events.once / events.on and the util helpers plugins reach for, against Node.
const events = require('events');
const util = require('util');
const { EventEmitter } = events;

module.exports = async function main() {
  const ee = new EventEmitter();
  setTimeout(() => ee.emit('ready', 1, 2), 1);
  console.log('once', JSON.stringify(await events.once(ee, 'ready')));

  const ac = new AbortController();
  const seen = [];
  setTimeout(() => { ee.emit('tick', 'a'); ee.emit('tick', 'b'); ee.emit('tick', 'c'); }, 1);
  try {
    for await (const [v] of events.on(ee, 'tick', { signal: ac.signal })) {
      seen.push(v);
      if (seen.length === 3) ac.abort();
    }
  } catch (e) { console.log('on ended', e.name, e.code); }
  console.log('on', seen.join());

  const errEE = new EventEmitter();
  setTimeout(() => errEE.emit('error', new Error('bad')), 1);
  try { await events.once(errEE, 'never'); } catch (e) { console.log('once error', e.message); }

  console.log('listenerCount', events.listenerCount(ee, 'tick'), EventEmitter.defaultMaxListeners, typeof events.getEventListeners);

  const sleep = util.promisify((ms, cb) => setTimeout(() => cb(null, ms * 2), ms));
  console.log('promisify', await sleep(1));
  const cb = util.callbackify(async (x) => { if (x) throw new Error('no'); return 'yes'; });
  await new Promise((r) => cb(0, (err, v) => { console.log('callbackify', err, v); r(); }));
  await new Promise((r) => cb(1, (err) => { console.log('callbackify err', err.message); r(); }));
  function A() {} function B() {} util.inherits(B, A);
  console.log('inherits', new B() instanceof A, B.super_ === A);
  console.log('types', util.types.isPromise(Promise.resolve()), util.types.isRegExp(/x/), util.types.isDate(new Date()), util.types.isUint8Array(Buffer.alloc(1)));
  console.log('isDeepStrictEqual', util.isDeepStrictEqual({ a: [1] }, { a: [1] }), util.isDeepStrictEqual([1], ['1']));
  const dep = util.deprecate(() => 'r', 'old thing', 'DEP_X');
  console.log('deprecate', dep());
  console.log('format', util.format('%s=%d %j %%', 'a', 1, { b: 2 }), util.inspect(new Map([['k', { v: [1, 2, 3] }]])));
  console.log('TextEncoder', util.TextEncoder === TextEncoder, new util.TextDecoder().decode(new util.TextEncoder().encode('é')));
  console.log('types extra', util.types.isAsyncFunction(async () => {}), util.types.isGeneratorFunction(function* () {}), util.isArray([]));
  console.log('parseArgs', typeof util.parseArgs, typeof util.styleText, typeof util.stripVTControlCharacters, typeof util.toUSVString);
};
