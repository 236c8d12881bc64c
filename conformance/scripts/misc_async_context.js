// AsyncLocalStorage context propagation across every scheduler, and AsyncResource scopes.
'use strict';
const { AsyncLocalStorage, AsyncResource, executionAsyncId, triggerAsyncId, createHook } = require('async_hooks');
const EventEmitter = require('events');
const fs = require('fs');
const path = require('path');

const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
const log = (...args) => console.log(...args);

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// request records what it sees in its own list, so the output does not depend on how the timers of
// concurrent requests interleave.
async function request(id, delay) {
  const seen = [];
  const see = (what) => seen.push(what + '=' + als.getStore().id);
  await als.run({ id }, async () => {
    see('start');
    await sleep(delay);
    see('after sleep');
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(() => { see('immediate'); resolve(); }));
    await new Promise((resolve) => process.nextTick(() => { see('tick'); resolve(); }));
    await new Promise((resolve) => queueMicrotask(() => { see('microtask'); resolve(); }));
  });
  return id + ': ' + seen.join(' ');
}

module.exports = async function main() {
  log('outside', als.getStore(), als.run(1, () => als.getStore()), als.getStore());
  log('return value', als.run('s', (a, b) => a + b + als.getStore(), 'x', 'y'));

  // Interleaved requests keep their own stores.
  const results = await Promise.all([request('a', 20), request('b', 5), request('c', 10)]);
  log(results.join('\n'));

  // then() callbacks take the context of the then() call.
  const p = Promise.resolve(1);
  await als.run('then-ctx', () => p.then(() => log('then', als.getStore())));
  await p.then(() => log('then outside', als.getStore()));

  // Timers, intervals and their arguments.
  await new Promise((resolve) => {
    als.run('timer', () => {
      setTimeout((x) => { log('timeout', als.getStore(), x); resolve(); }, 1, 'arg');
    });
  });
  await new Promise((resolve) => {
    als.run('interval', () => {
      let n = 0;
      const t = setInterval(() => {
        n++;
        log('interval', n, als.getStore());
        if (n === 3) { clearInterval(t); resolve(); }
      }, 1);
    });
  });

  // Nested run and exit.
  als.run('outer', () => {
    other.run('o', () => {
      als.run('inner', () => log('nested', als.getStore(), other.getStore()));
      log('restored', als.getStore(), other.getStore());
      als.exit(() => log('exit', als.getStore(), other.getStore()));
      log('after exit', als.getStore());
    });
  });
  log('exit outside run', als.exit((x) => x * 2, 21));

  // enterWith lasts for the rest of the synchronous code and what it schedules.
  await new Promise((resolve) => {
    setTimeout(() => {
      log('before enterWith', als.getStore());
      als.enterWith('entered');
      log('after enterWith', als.getStore());
      setTimeout(() => { log('enterWith timer', als.getStore()); resolve(); }, 1);
    }, 1);
  });
  await sleep(1);
  log('enterWith did not leak', als.getStore());

  // EventEmitter listeners run in the emitter's caller context.
  const ee = new EventEmitter();
  ee.on('ev', (tag) => log('listener', tag, als.getStore()));
  als.run('emitter-A', () => ee.emit('ev', 'first'));
  als.run('emitter-B', () => ee.emit('ev', 'second'));
  ee.emit('ev', 'none');

  // AsyncResource captures the context at construction.
  const res = als.run('resource', () => new AsyncResource('MyResource'));
  log('resource scope', res.runInAsyncScope(function (a) { return [als.getStore(), this.tag, a].join(); }, { tag: 't' }, 'arg'));
  log('resource ids', typeof res.asyncId(), res.asyncId() > 1, res.triggerAsyncId() === executionAsyncId());
  log('in scope id', res.runInAsyncScope(() => executionAsyncId() === res.asyncId() && triggerAsyncId() === res.triggerAsyncId()));
  log('emitDestroy returns this', res.emitDestroy() === res);
  const bound = als.run('bound', () => res.bind(function (x) { return [als.getStore(), x].join(); }));
  log('bind', bound('y'), bound.length, bound.asyncResource === res);
  const staticBound = als.run('static-bind', () => AsyncResource.bind((x) => als.getStore() + x));
  log('static bind', staticBound('!'));
  const alsBound = als.run('als-bind', () => AsyncLocalStorage.bind(() => als.getStore()));
  log('ALS.bind', alsBound(), als.getStore());
  const snapshot = als.run('snap', () => AsyncLocalStorage.snapshot());
  log('snapshot', snapshot((a) => als.getStore() + a, '+'));

  // disable.
  const temp = new AsyncLocalStorage();
  temp.enterWith('x');
  log('disable before', temp.getStore());
  temp.disable();
  log('disable after', temp.getStore());
  log('run re-enables', temp.run('y', () => temp.getStore()));

  // Host callbacks and promises settled by Go work.
  const file = path.join(process.env.SCRIPT_TMPDIR, 'ctx.txt');
  fs.writeFileSync(file, 'data');
  await als.run('fs-promise', async () => {
    const data = await fs.promises.readFile(file, 'utf8');
    log('fs promise', data, als.getStore());
  });
  await new Promise((resolve) => {
    als.run('fs-callback', () => {
      fs.readFile(file, 'utf8', (err, data) => { log('fs callback', err, data, als.getStore()); resolve(); });
    });
  });

  // Errors and validation.
  try { new AsyncResource(42); } catch (e) { log('bad type', e.code); }
  try { new AsyncResource('x', { triggerAsyncId: -2 }); } catch (e) { log('bad trigger', e.name, e.code, e.message); }
  try { createHook({ init: 1 }); } catch (e) { log('bad hook', e.name, e.code, e.message); }
  const hook = createHook({ init() {} });
  log('hook', hook.enable() === hook, hook.disable() === hook);
  log('top level', executionAsyncId() > 0, typeof triggerAsyncId());
  log('store object keys', Object.keys(new AsyncLocalStorage()).join());
};
