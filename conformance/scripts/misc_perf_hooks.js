// perf_hooks and the performance global: user timing, observers, timerify, histograms (no absolute
// times are printed).
'use strict';
const perf = require('perf_hooks');
const log = (...args) => console.log(...args);

module.exports = async function main() {
  const { performance, PerformanceObserver, PerformanceMark, PerformanceEntry, createHistogram } = perf;
  log('same object', performance === globalThis.performance, perf.PerformanceMark === globalThis.PerformanceMark);
  log('global descriptor', Object.getOwnPropertyDescriptor(globalThis, 'performance').enumerable, typeof Object.getOwnPropertyDescriptor(globalThis, 'performance').get);
  log('keys', Object.keys(perf).sort().join());
  log('now', typeof performance.now(), performance.now() >= 0, performance.now() <= performance.now());
  log('timeOrigin', typeof performance.timeOrigin, performance.timeOrigin > 1.6e12);
  log('tag', Object.prototype.toString.call(performance), String(performance));
  log('instanceof EventTarget', performance instanceof EventTarget);

  const seen = [];
  const obs = new PerformanceObserver((list, observer) => {
    seen.push(list.getEntries().map((e) => e.entryType + ':' + e.name).join());
    log('observer same', observer === obs, list.getEntriesByType('mark').length, list.getEntriesByName('b').length);
  });
  obs.observe({ entryTypes: ['mark', 'measure'] });

  // Explicit start times: what now() reads at this point differs between a fresh runtime and Node.
  const a = performance.mark('a', { startTime: 1, detail: { step: 1 } });
  log('mark', a.name, a.entryType, a.startTime, a.duration, JSON.stringify(a.detail), a instanceof PerformanceMark, a instanceof PerformanceEntry);
  log('mark json keys', Object.keys(a.toJSON()).join());
  const b = performance.mark('b', { startTime: 5 });
  log('explicit start', b.startTime);
  const m = performance.measure('a-to-now', 'a');
  log('measure', m.entryType, m.startTime === a.startTime, m.duration >= 0, m.detail);
  const m2 = performance.measure('fixed', { start: 2, end: 7, detail: 'd' });
  log('measure options', m2.startTime, m2.duration, m2.detail);
  const m3 = performance.measure('dur', { start: 'b', duration: 3 });
  log('measure duration', m3.startTime, m3.duration);
  log('entries', performance.getEntries().map((e) => e.name).join());
  log('by type', performance.getEntriesByType('measure').map((e) => e.name).join());
  log('by name', performance.getEntriesByName('a').length, performance.getEntriesByName('a', 'measure').length);
  await new Promise((resolve) => setImmediate(resolve));
  log('observed', seen.join(' | '));
  obs.disconnect();
  performance.clearMarks('a');
  log('after clearMarks a', performance.getEntriesByType('mark').map((e) => e.name).join());
  performance.clearMarks();
  performance.clearMeasures();
  log('cleared', performance.getEntries().length);

  const errors = [];
  for (const fn of [
    () => performance.mark(),
    () => performance.measure('x', 'nope'),
    () => performance.mark('neg', { startTime: -1 }),
    () => performance.measure('x', { start: 1, end: 2, duration: 3 }),
    () => performance.measure('x', { start: 1 }, 'e'),
    () => new PerformanceEntry(),
    () => new perf.Performance(),
    () => new PerformanceObserver(1),
    () => performance.now.call({}),
  ]) {
    try { fn(); errors.push('no error'); } catch (e) { errors.push([e.name, e.code, e.message].join('/')); }
  }
  log(errors.join('\n'));

  const f = performance.timerify(function double(x) { return x * 2; });
  log('timerify', f.name, f.length, f(21));
  const fnSeen = [];
  const fobs = new PerformanceObserver((list) => fnSeen.push(...list.getEntries().map((e) => e.entryType + ':' + e.name + ':' + e.detail.join())));
  fobs.observe({ type: 'function' });
  f(1);
  await new Promise((resolve) => setImmediate(resolve));
  fobs.disconnect();
  log('function entries', fnSeen.join());

  const h = createHistogram();
  log('empty histogram', h.count, h.min, h.max, h.mean, h.exceeds, JSON.stringify(h.toJSON()));
  for (const v of [5, 10, 10, 1000]) h.record(v);
  log('histogram', h.count, h.min, h.max, h.mean, h.percentile(50), h.percentile(99), [...h.percentiles].join(' '));
  try { h.record(0); } catch (e) { log('record 0', e.code); }
  h.reset();
  log('reset', h.count);
  const loop = perf.monitorEventLoopDelay();
  log('monitor', loop.enable(), loop.enable(), loop.disable(), loop.disable());
  log('supported', PerformanceObserver.supportedEntryTypes.join());
  log('elu', Object.keys(performance.eventLoopUtilization()).join());
  log('toJSON keys', Object.keys(performance.toJSON()).join());
  log('nodeTiming', performance.nodeTiming.name, performance.nodeTiming.entryType);
  log('constants', perf.constants.NODE_PERFORMANCE_GC_MAJOR, perf.constants.NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE);
};
