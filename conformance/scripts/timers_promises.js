// timers/promises: setTimeout, setImmediate, setInterval as an async iterator, scheduler, with
// AbortSignal and Node's argument errors.
'use strict';
const tp = require('timers/promises');
const timers = require('timers');

const shape = (e) => [e.name, e.code, e.message, e.cause === undefined ? '-' : String(e.cause)].join('|');

async function settle(label, p) {
  try {
    console.log(label, 'ok', JSON.stringify(await p));
  } catch (e) {
    console.log(label, 'rejects', shape(e));
  }
}

module.exports = async function main() {
  console.log('same module', timers.promises === tp, require('node:timers/promises') === tp);
  await settle('setTimeout', tp.setTimeout(5, 'value'));
  await settle('setTimeout no value', tp.setTimeout(1));
  await settle('setImmediate', tp.setImmediate('imm'));
  await settle('setTimeout bad delay', tp.setTimeout('5'));
  await settle('setTimeout bad options', tp.setTimeout(5, 1, 'x'));
  await settle('setTimeout bad signal', tp.setTimeout(5, 1, { signal: {} }));
  await settle('setTimeout bad ref', tp.setTimeout(5, 1, { ref: 0 }));
  await settle('setTimeout pre-aborted', tp.setTimeout(5, 1, { signal: AbortSignal.abort('early') }));

  const c = new AbortController();
  const pending = tp.setTimeout(10000, 1, { signal: c.signal });
  c.abort();
  await settle('setTimeout aborted', pending.catch((e) => { throw Object.assign(e, { cause: e.cause.name }); }));

  // setInterval: ticks while nobody waits are yielded one by one.
  let n = 0;
  for await (const v of tp.setInterval(2, 'tick')) {
    console.log('interval', v, ++n);
    if (n === 3) break;
  }
  const it = tp.setInterval(2, 'x');
  console.log('toString', Object.prototype.toString.call(it), it[Symbol.asyncIterator]() === it);
  await settle('next', it.next());
  await settle('return', it.return('done'));
  await settle('next after return', it.next());

  const c2 = new AbortController();
  const it2 = tp.setInterval(1000, 'y', { signal: c2.signal });
  const waiting = it2.next();
  const queued = it2.next();
  c2.abort('stop');
  await settle('interval aborted', waiting);
  await settle('interval queued', queued);
  const bad = tp.setInterval(1, 1, 42);
  console.log('created lazily');
  await settle('interval bad options', bad.next());
  await settle('interval bad delay', tp.setInterval(null).next());
  await settle('interval throw', tp.setInterval(1).throw(new Error('thrown')));

  await settle('scheduler.wait', tp.scheduler.wait(2));
  await settle('scheduler.yield', tp.scheduler.yield());
  await settle('scheduler.wait aborted', tp.scheduler.wait(5, { signal: AbortSignal.abort() }));
  console.log('scheduler', Object.keys(tp.scheduler).length, tp.scheduler.constructor.name);
  try {
    tp.scheduler.wait.call({}, 1);
  } catch (e) {
    console.log('bad this', shape(e));
  }
};
