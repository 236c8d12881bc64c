// The deprecated timer members of node:timers: enroll, unenroll, active and _unrefActive, which make
// any object a timer (its _onTimeout runs after its _idleTimeout), each warning once as Node's do. Go
// passes natives (nodeerr's errors, util's deprecate) and the timer functions of the globals.
(function (natives, timers, exports) {
  'use strict';

  const TIMEOUT_MAX = 2 ** 31 - 1;
  // kTimer is the Timeout an active item runs on.
  const kTimer = Symbol('kTimer');

  // duration is Node's getTimerDuration: a non-negative finite number, cut to TIMEOUT_MAX with a
  // TimeoutOverflowWarning.
  function duration(msecs, name) {
    if (typeof msecs !== 'number') throw natives.argType(name, ['number'], msecs);
    if (msecs < 0 || !Number.isFinite(msecs)) throw natives.outOfRange(name, 'a non-negative finite number', msecs);
    if (msecs > TIMEOUT_MAX) {
      globalThis.process?.emitWarning?.(`${msecs} does not fit into a 32-bit signed integer.` +
        `\nTimer duration was truncated to ${TIMEOUT_MAX}.`, 'TimeoutOverflowWarning');
      return TIMEOUT_MAX;
    }
    return msecs;
  }

  function stop(item) {
    if (item[kTimer] !== undefined) {
      timers.clearTimeout(item[kTimer]);
      item[kTimer] = undefined;
    }
    // Out of the timer lists: Node's linked-list fields are cleared.
    item._idleNext = null;
    item._idlePrev = null;
  }

  function unenroll(item) {
    if (item._destroyed) return;
    item._destroyed = true;
    stop(item);
    item._idleTimeout = -1;
  }

  // enroll prepares item to be a timer of msecs milliseconds; active starts it.
  function enroll(item, msecs) {
    msecs = duration(msecs, 'msecs');
    if (item._idleNext) unenroll(item);
    item._idleNext = item;
    item._idlePrev = item;
    item._idleTimeout = msecs;
  }

  // start (re)starts item's timer: after item._idleTimeout milliseconds item._onTimeout() runs, unless
  // the item is unenrolled or restarted first.
  function start(item, refed) {
    const msecs = item._idleTimeout;
    if (msecs < 0 || msecs === undefined) return;
    if (item[kTimer] !== undefined) timers.clearTimeout(item[kTimer]);
    else Object.defineProperty(item, kTimer, { value: undefined, writable: true, configurable: true });
    item._idleNext = item;
    item._idlePrev = item;
    item._destroyed = false;
    const timer = timers.setTimeout(() => {
      item[kTimer] = undefined;
      item._idleNext = null;
      item._idlePrev = null;
      try {
        item._onTimeout();
      } finally {
        if (!item._idleNext && !item._idlePrev) item._destroyed = true;
      }
    }, Math.trunc(msecs));
    if (!refed) timer.unref();
    item[kTimer] = timer;
  }

  exports._unrefActive = natives.deprecate((item) => start(item, false),
    'timers._unrefActive() is deprecated. Please use timeout.refresh() instead.', 'DEP0127');
  exports.active = natives.deprecate((item) => start(item, true),
    'timers.active() is deprecated. Please use timeout.refresh() instead.', 'DEP0126');
  exports.unenroll = natives.deprecate(unenroll,
    'timers.unenroll() is deprecated. Please use clearTimeout instead.', 'DEP0096');
  exports.enroll = natives.deprecate(enroll,
    'timers.enroll() is deprecated. Please use setTimeout instead.', 'DEP0095');
});
