// Globals Node 20 creates on first use: the shape of each property before it is read, after, and after
// an assignment. pluginhost defines the same accessors, so a runtime builds these only when a plugin
// touches them.
'use strict';
const log = (...args) => console.log(...args);

function shape(obj, name) {
  const d = Object.getOwnPropertyDescriptor(obj, name);
  if (!d) return 'missing';
  if (d.get || d.set) {
    return `accessor get=${d.get && d.get.name} set=${d.set && d.set.name} enumerable=${d.enumerable} configurable=${d.configurable}`;
  }
  return `data writable=${d.writable} enumerable=${d.enumerable} configurable=${d.configurable} type=${typeof d.value}`;
}

module.exports = function main() {
  const classes = ['Performance', 'PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure', 'PerformanceObserver',
    'PerformanceObserverEntryList', 'PerformanceResourceTiming', 'Crypto', 'CryptoKey', 'SubtleCrypto', 'Blob', 'ReadableStream',
    'TextDecoderStream', 'Headers', 'MessageChannel'];
  for (const name of classes) log(name, 'before', shape(globalThis, name));
  log('performance before', shape(globalThis, 'performance'));
  log('crypto before', shape(globalThis, 'crypto'));
  log('flags before', shape(process, 'allowedNodeEnvironmentFlags'));

  for (const name of classes) {
    const cls = globalThis[name];
    log(name, 'read', typeof cls, cls.name, shape(globalThis, name));
  }
  log('performance read', typeof performance.now, shape(globalThis, 'performance'), performance === require('perf_hooks').performance);
  log('crypto read', typeof crypto.randomUUID, shape(globalThis, 'crypto'), crypto === require('crypto').webcrypto);
  const flags = process.allowedNodeEnvironmentFlags;
  // Not flags.size: Node's counts --inspect, --inspect-brk and --inspect-wait twice (its forEach
  // visits them twice too); pluginhost's set holds each flag once.
  log('flags read', [...flags].length, flags.has('--inspect'), flags.has('max_old_space_size'), shape(process, 'allowedNodeEnvironmentFlags'));
  log('flags same', flags === process.allowedNodeEnvironmentFlags);

  // Assignment before and after the first read.
  globalThis.PerformanceMark = 1;
  log('class assigned', PerformanceMark, shape(globalThis, 'PerformanceMark'));
  const realPerformance = performance;
  globalThis.performance = 2;
  log('performance assigned', performance, shape(globalThis, 'performance'));
  globalThis.performance = realPerformance;
  process.allowedNodeEnvironmentFlags = 3;
  log('flags assigned', process.allowedNodeEnvironmentFlags, shape(process, 'allowedNodeEnvironmentFlags'));
  try {
    (function () { 'use strict'; globalThis.crypto = 4; })();
    log('crypto assigned', typeof crypto);
  } catch (err) {
    log('crypto assign throws', err.name);
  }
};
