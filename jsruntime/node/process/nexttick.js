// process.nextTick: one FIFO queue drained by a single promise job. goja gives no hook to run
// callbacks before the promise jobs of the same turn, so the queue is drained as a promise job; a
// callback queued while draining joins the same drain and so still runs before promise jobs queued
// meanwhile, which is the order Node code relies on (stream's deferred events, for example). Each
// callback runs in the async context current when it was queued (AsyncLocalStorage), not the one of
// the drain.
(function (invalidCallback, reportError, asyncContext, enterAsyncContext) {
  'use strict';
  var ticks = [];
  var next = 0; // the queue's head, shared so that a drain nested in a callback (runNextTicks) resumes it
  var scheduled = Promise.resolve();
  function drain() {
    var outer = asyncContext();
    while (next < ticks.length) {
      var tick = ticks[next];
      ticks[next++] = undefined;
      enterAsyncContext(tick.context);
      try {
        tick.fn.apply(undefined, tick.args);
      } catch (err) {
        // Node would crash on this; a plugin must not stop the host, so it is reported as uncaught
        // (process's capture callback, 'uncaughtException', else the log) and the remaining
        // callbacks still run.
        reportError(err);
      }
    }
    enterAsyncContext(outer);
    ticks.length = 0;
    next = 0;
  }
  return {
    nextTick: function nextTick(fn) {
      if (typeof fn !== 'function') throw invalidCallback(fn);
      var args = [];
      for (var i = 1; i < arguments.length; i++) args.push(arguments[i]);
      ticks.push({ fn: fn, args: args, context: asyncContext() });
      if (ticks.length === 1) scheduled.then(drain);
    },
    // runNextTicks (process._tickCallback) runs the queued callbacks now; the drain already scheduled
    // then finds the queue empty.
    runNextTicks: function runNextTicks() {
      drain();
    },
  };
})
