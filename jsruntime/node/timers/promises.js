// The body of node:timers/promises. Go passes natives (Node's argument errors), the timer functions of
// the globals and the exports object.
(function (natives, timers, exports) {
  'use strict';

  function abortError(signal) {
    const err = new Error('The operation was aborted');
    err.name = 'AbortError';
    err.code = 'ABORT_ERR';
    err.cause = signal.reason;
    return err;
  }

  // validate checks options as Node does and returns its signal, if any.
  function validate(options) {
    if (options === null || typeof options !== 'object') throw natives.invalidArgType('options', 'of type object', options);
    const { signal } = options;
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw natives.invalidArgType('options.signal', 'an instance of AbortSignal', signal);
    }
    return signal;
  }

  // later settles with value once the timer start(cb) makes fires, or rejects when signal aborts
  // first; either way the other side is cleaned up so neither the timer nor the listener outlives it.
  function later(value, options, start, clear) {
    let signal;
    try {
      signal = validate(options);
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
    return later(value, options, (cb) => timers.setTimeout(cb, delay), timers.clearTimeout);
  }

  function setImmediate(value, options = {}) {
    return later(value, options, (cb) => timers.setImmediate(cb), timers.clearImmediate);
  }

  exports.setTimeout = setTimeout;
  exports.setImmediate = setImmediate;
  exports.scheduler = {
    wait: (delay, options) => setTimeout(delay, undefined, options),
    yield: () => setImmediate(),
  };
});
