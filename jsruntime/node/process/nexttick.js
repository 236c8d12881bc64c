// process.nextTick: one FIFO queue drained by a single promise job. goja gives no hook to run
// callbacks before the promise jobs of the same turn, so the queue is drained as a promise job; a
// callback queued while draining joins the same drain and so still runs before promise jobs queued
// meanwhile, which is the order Node code relies on (stream's deferred events, for example). Each
// callback runs in the async context current when it was queued (AsyncLocalStorage), not the one of
// the drain.
(function (invalidCallback, reportError, asyncContext, enterAsyncContext) {
  'use strict';
  var ticks = [];
  var scheduled = Promise.resolve();
  function drain() {
    var outer = asyncContext();
    for (var i = 0; i < ticks.length; i++) {
      var tick = ticks[i];
      ticks[i] = undefined;
      enterAsyncContext(tick.context);
      try {
        tick.fn.apply(undefined, tick.args);
      } catch (err) {
        // Node would crash on this; a plugin must not stop the host, so it is logged and the
        // remaining callbacks still run.
        reportError(err);
      }
    }
    enterAsyncContext(outer);
    ticks.length = 0;
  }
  return function nextTick(fn) {
    if (typeof fn !== 'function') throw invalidCallback(fn);
    var args = [];
    for (var i = 1; i < arguments.length; i++) args.push(arguments[i]);
    ticks.push({ fn: fn, args: args, context: asyncContext() });
    if (ticks.length === 1) scheduled.then(drain);
  };
})
