// The body of node:timers/promises. Go passes natives (Node's argument errors), the timer functions of
// the globals and the exports object.
(function (natives, timers, exports) {
  'use strict';

  var asyncIterator = Symbol.asyncIterator || Symbol.for('Symbol.asyncIterator');

  function abortError(signal) {
    const err = new Error('The operation was aborted', { cause: signal && signal.reason });
    err.name = 'AbortError';
    err.code = 'ABORT_ERR';
    return err;
  }

  // validate checks the delay and options as Node does, throwing its argument errors, and returns
  // the options' signal, if any.
  function validate(delay, options) {
    if (delay !== undefined && typeof delay !== 'number') throw natives.argType('delay', 'of type number', delay);
    if (options === null || typeof options !== 'object') throw natives.argType('options', 'of type object', options);
    const { signal, ref } = options;
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw natives.argType('options.signal', 'an instance of AbortSignal', signal);
    }
    if (ref !== undefined && typeof ref !== 'boolean') throw natives.argType('options.ref', 'of type boolean', ref);
    return signal;
  }

  // later settles with value once the timer start(cb) makes fires, or rejects when signal aborts
  // first; either way the other side is cleaned up so neither the timer nor the listener outlives it.
  function later(delay, value, options, start, clear) {
    let signal;
    try {
      signal = validate(delay, options);
    } catch (err) {
      return Promise.reject(err);
    }
    if (signal && signal.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clear(handle);
        reject(abortError(signal));
      };
      const handle = start(() => {
        if (signal) signal.removeEventListener('abort', onAbort);
        resolve(value);
      });
      if (options.ref === false) handle.unref();
      if (signal) signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  function setTimeout(delay, value, options = {}) {
    return later(delay, value, options, (cb) => timers.setTimeout(cb, delay), timers.clearTimeout);
  }

  function setImmediate(value, options = {}) {
    return later(undefined, value, options, (cb) => timers.setImmediate(cb), timers.clearImmediate);
  }

  // setInterval is Node's async generator, written out by hand because goja has no async generators:
  // nothing runs until the first next(); ticks that fire while nobody waits are counted and each is
  // yielded once; calls to next, return and throw queue behind each other as a generator's do.
  function setInterval(delay, value, options = {}) {
    let state = 'start'; // then 'running', then 'done'
    let signal, interval, onAbort, wake;
    let ticks = 0;
    let active = false;
    const waiting = [];

    function cleanup() {
      state = 'done';
      if (interval !== undefined) timers.clearInterval(interval);
      if (signal && onAbort) signal.removeEventListener('abort', onAbort);
    }

    function begin() {
      signal = validate(delay, options);
      if (signal && signal.aborted) throw abortError(signal);
      interval = timers.setInterval(() => {
        ticks++;
        if (wake) {
          const w = wake;
          wake = undefined;
          w.resolve();
        }
      }, delay);
      if (options.ref === false) interval.unref();
      if (signal) {
        onAbort = () => {
          timers.clearInterval(interval);
          if (wake) {
            const w = wake;
            wake = undefined;
            w.reject(abortError(signal));
          }
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }
      state = 'running';
    }

    // step is one resumption of the generator body: a result at once when a tick is pending, else a
    // promise of the next tick.
    function step() {
      if (state === 'done') return { value: undefined, done: true };
      if (state === 'start') begin();
      if (ticks > 0) {
        ticks--;
        return { value, done: false };
      }
      if (signal && signal.aborted) throw abortError(signal);
      return new Promise((resolve, reject) => { wake = { resolve, reject }; }).then(() => {
        ticks--;
        return { value, done: false };
      });
    }

    // run performs fn now; an error ends the generator, as an exception escaping its body does.
    function run(fn) {
      active = true;
      let p;
      try {
        const r = fn();
        p = r instanceof Promise ? r.then(undefined, (err) => { cleanup(); throw err; }) : Promise.resolve(r);
      } catch (err) {
        cleanup();
        p = Promise.reject(err);
      }
      const done = () => {
        active = false;
        if (waiting.length > 0) waiting.shift()();
      };
      p.then(done, done);
      return p;
    }

    function enqueue(fn) {
      if (!active) return run(fn);
      return new Promise((resolve) => waiting.push(() => resolve(run(fn))));
    }

    const iterator = {
      next: () => enqueue(step),
      return: (v) => enqueue(() => {
        cleanup();
        return { value: v, done: true };
      }),
      throw: (err) => enqueue(() => {
        cleanup();
        throw err;
      }),
      [asyncIterator]() { return this; },
    };
    Object.defineProperty(iterator, Symbol.toStringTag, { value: 'AsyncGenerator' });
    return iterator;
  }

  const kScheduler = Symbol('kScheduler');

  // Scheduler is the class of timers/promises' scheduler; only the module makes one.
  function Scheduler() {
    throw natives.error('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }
  function checkThis(self) {
    if (self === null || typeof self !== 'object' || !self[kScheduler]) {
      throw natives.error('TypeError', 'ERR_INVALID_THIS', 'Value of "this" must be of type Scheduler');
    }
  }
  Object.defineProperties(Scheduler.prototype, {
    yield: {
      value: function yield_() {
        checkThis(this);
        return setImmediate();
      },
      writable: true,
      configurable: true,
    },
    wait: {
      value: function wait(delay, options) {
        checkThis(this);
        return setTimeout(delay, undefined, options);
      },
      writable: true,
      configurable: true,
    },
  });
  Object.defineProperty(Scheduler.prototype.yield, 'name', { value: 'yield' });
  const scheduler = Object.create(Scheduler.prototype);
  Object.defineProperty(scheduler, kScheduler, { value: true });

  exports.setTimeout = setTimeout;
  exports.setImmediate = setImmediate;
  exports.setInterval = setInterval;
  exports.scheduler = scheduler;
});
