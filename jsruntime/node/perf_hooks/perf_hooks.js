// node:perf_hooks and the `performance` global for pluginhost, after Node 20's lib/internal/perf: the
// User Timing API (marks, measures, their buffers), PerformanceObserver (dispatched with setImmediate,
// as in Node), timerify and histograms. Time comes from the runtime's Clock (natives.now, in
// milliseconds since the runtime started) and natives.timeOrigin.
(function (natives, global) {
  'use strict';

  const EventTarget = global.EventTarget;
  const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

  function codeError(Ctor, code, message) {
    const e = new Ctor(message);
    e.code = code;
    return e;
  }
  const illegalConstructor = () => codeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  const missingArgs = (name) => codeError(TypeError, 'ERR_MISSING_ARGS', 'The "' + name + '" argument must be specified');
  const invalidTimestamp = (t) => codeError(TypeError, 'ERR_PERFORMANCE_INVALID_TIMESTAMP', t + ' is not a valid timestamp');
  const invalidMeasure = (msg) => codeError(TypeError, 'ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS', msg);

  function brandCheck(obj, key, name) {
    if (obj === null || typeof obj !== 'object' || !(key in obj)) {
      throw natives.argType('this', 'an instance of ' + name, obj);
    }
  }

  function defineTag(proto, tag) {
    Object.defineProperty(proto, Symbol.toStringTag, { value: tag, writable: false, enumerable: false, configurable: true });
  }

  function enumerable(proto, names) {
    for (const name of names) {
      const d = Object.getOwnPropertyDescriptor(proto, name);
      d.enumerable = true;
      Object.defineProperty(proto, name, d);
    }
  }

  const now = natives.now;
  const kSkipThrow = Symbol('kSkipThrow');

  // Entries.
  const kName = Symbol('PerformanceEntry.Name');
  const kEntryType = Symbol('PerformanceEntry.EntryType');
  const kStartTime = Symbol('PerformanceEntry.StartTime');
  const kDuration = Symbol('PerformanceEntry.Duration');
  const kDetail = Symbol('kDetail');

  class PerformanceEntry {
    constructor(skip = undefined, name = undefined, type = undefined, start = undefined, duration = undefined) {
      if (skip !== kSkipThrow) throw illegalConstructor();
      this[kName] = name;
      this[kEntryType] = type;
      this[kStartTime] = start;
      this[kDuration] = duration;
    }
    get name() { brandCheck(this, kName, 'PerformanceEntry'); return this[kName]; }
    get entryType() { brandCheck(this, kName, 'PerformanceEntry'); return this[kEntryType]; }
    get startTime() { brandCheck(this, kName, 'PerformanceEntry'); return this[kStartTime]; }
    get duration() { brandCheck(this, kName, 'PerformanceEntry'); return this[kDuration]; }
    [inspectCustom](depth, options, inspect) {
      if (depth < 0 || typeof inspect !== 'function') return this;
      return this.constructor.name + ' ' + inspect(this.toJSON(), { ...options, depth: options.depth == null ? null : options.depth - 1 });
    }
    toJSON() {
      brandCheck(this, kName, 'PerformanceEntry');
      return { name: this[kName], entryType: this[kEntryType], startTime: this[kStartTime], duration: this[kDuration] };
    }
  }
  enumerable(PerformanceEntry.prototype, ['name', 'entryType', 'startTime', 'duration', 'toJSON']);

  // A PerformanceEntry with detail: timerify's 'function' entries.
  class PerformanceNodeEntry extends PerformanceEntry {
    get detail() { brandCheck(this, kDetail, 'NodePerformanceEntry'); return this[kDetail]; }
    toJSON() {
      return { ...super.toJSON(), detail: this[kDetail] };
    }
  }

  const markTimings = new Map();

  function cloneDetail(detail) {
    return detail != null ? global.structuredClone(detail) : null;
  }

  class PerformanceMark extends PerformanceEntry {
    constructor(name, options = undefined) {
      if (arguments.length === 0) throw missingArgs('name');
      name = `${name}`;
      if (options != null && typeof options !== 'object') {
        throw natives.argType('options', 'of type object', options);
      }
      const startTime = options?.startTime ?? now();
      if (typeof startTime !== 'number') throw natives.argType('startTime', 'of type number', startTime);
      if (startTime < 0) throw invalidTimestamp(startTime);
      markTimings.set(name, startTime);
      const detail = cloneDetail(options?.detail);
      super(kSkipThrow, name, 'mark', startTime, 0);
      this[kDetail] = detail;
    }
    get detail() { brandCheck(this, kDetail, 'PerformanceMark'); return this[kDetail]; }
    toJSON() {
      return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this[kDetail] };
    }
  }
  enumerable(PerformanceMark.prototype, ['detail']);
  defineTag(PerformanceMark.prototype, 'PerformanceMark');

  class PerformanceMeasure extends PerformanceEntry {
    constructor(skip = undefined, name = undefined, type = undefined, start = undefined, duration = undefined) {
      if (skip !== kSkipThrow) throw illegalConstructor();
      super(skip, name, type, start, duration);
    }
    get detail() { brandCheck(this, kDetail, 'PerformanceMeasure'); return this[kDetail]; }
    toJSON() {
      return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this[kDetail] };
    }
  }
  enumerable(PerformanceMeasure.prototype, ['detail']);
  defineTag(PerformanceMeasure.prototype, 'PerformanceMeasure');

  // Resource timing entries come from Node's own fetch; pluginhost's fetch records none, so the class
  // exists for instanceof checks only.
  class PerformanceResourceTiming extends PerformanceEntry {
    constructor() {
      throw illegalConstructor();
    }
  }
  defineTag(PerformanceResourceTiming.prototype, 'PerformanceResourceTiming');

  // Buffers and observers.
  let markBuffer = [];
  let measureBuffer = [];
  const observers = new Set();
  const pending = new Set();
  let dispatchQueued = false;
  const supportedEntryTypes = Object.freeze(['dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource']);
  const kBuffer = Symbol('kBuffer');
  const kMaybeBuffer = Symbol('kMaybeBuffer');
  const kDispatch = Symbol('kDispatch');

  function queuePending() {
    if (dispatchQueued) return;
    dispatchQueued = true;
    global.setImmediate(() => {
      dispatchQueued = false;
      const list = Array.from(pending);
      pending.clear();
      for (const observer of list) observer[kDispatch]();
    });
  }

  function enqueue(entry) {
    for (const observer of observers) observer[kMaybeBuffer](entry);
  }

  function filterEntries(name, type) {
    let entries;
    if (type === 'mark') entries = markBuffer.slice();
    else if (type === 'measure') entries = measureBuffer.slice();
    else if (type === undefined) entries = markBuffer.concat(measureBuffer);
    else entries = [];
    if (name !== undefined) entries = entries.filter((e) => e.name === name);
    return entries.sort((a, b) => a.startTime - b.startTime);
  }

  function clearBuffer(type, name) {
    const keep = (e) => name !== undefined && e.name !== name;
    if (type === 'mark') markBuffer = markBuffer.filter(keep);
    else measureBuffer = measureBuffer.filter(keep);
  }

  class PerformanceObserverEntryList {
    constructor(skip = undefined, entries = []) {
      if (skip !== kSkipThrow) throw illegalConstructor();
      this[kBuffer] = entries.sort((a, b) => a.startTime - b.startTime);
    }
    getEntries() {
      brandCheck(this, kBuffer, 'PerformanceObserverEntryList');
      return this[kBuffer].slice();
    }
    getEntriesByType(type) {
      brandCheck(this, kBuffer, 'PerformanceObserverEntryList');
      if (arguments.length === 0) throw missingArgs('type');
      type = `${type}`;
      return this[kBuffer].filter((e) => e.entryType === type);
    }
    getEntriesByName(name, type = undefined) {
      brandCheck(this, kBuffer, 'PerformanceObserverEntryList');
      if (arguments.length === 0) throw missingArgs('name');
      name = `${name}`;
      return this[kBuffer].filter((e) => e.name === name && (type == null || e.entryType === type));
    }
  }
  enumerable(PerformanceObserverEntryList.prototype, ['getEntries', 'getEntriesByType', 'getEntriesByName']);
  defineTag(PerformanceObserverEntryList.prototype, 'PerformanceObserverEntryList');

  // An observer sees the marks, measures and timerify entries made after observe(); pluginhost makes no
  // gc, http, net, dns or resource entries.
  class PerformanceObserver {
    #buffer = [];
    #entryTypes = new Set();
    #type;
    #callback;
    constructor(callback) {
      if (typeof callback !== 'function') throw natives.argType('callback', 'of type function', callback);
      this.#callback = callback;
    }
    observe(options = {}) {
      if (options === null || typeof options !== 'object') throw natives.argType('options', 'of type object', options);
      const { entryTypes, type, buffered } = { ...options };
      if (entryTypes === undefined && type === undefined) {
        throw codeError(TypeError, 'ERR_MISSING_ARGS', 'The "options.entryTypes" or "options.type" argument must be specified');
      }
      if (entryTypes != null && type != null) {
        throw natives.argValue('options.entryTypes', entryTypes, 'options.entryTypes can not set with options.type together');
      }
      if (this.#type === undefined) {
        this.#type = entryTypes !== undefined ? 'multiple' : 'single';
      } else if (this.#type === 'single' && entryTypes !== undefined) {
        throw new global.DOMException('PerformanceObserver can not change to multiple observations', 'InvalidModificationError');
      } else if (this.#type === 'multiple' && type !== undefined) {
        throw new global.DOMException('PerformanceObserver can not change to single observation', 'InvalidModificationError');
      }
      if (this.#type === 'multiple') {
        if (!Array.isArray(entryTypes)) throw natives.argType('options.entryTypes', 'of type string[]', entryTypes);
        this.#entryTypes.clear();
        for (const t of entryTypes) if (supportedEntryTypes.includes(t)) this.#entryTypes.add(t);
      } else {
        if (!supportedEntryTypes.includes(type)) return;
        this.#entryTypes.add(type);
        if (buffered) {
          this.#buffer.push(...filterEntries(undefined, type));
          pending.add(this);
          queuePending();
        }
      }
      if (this.#entryTypes.size) observers.add(this);
      else this.disconnect();
    }
    disconnect() {
      observers.delete(this);
      pending.delete(this);
      this.#buffer = [];
      this.#entryTypes.clear();
      this.#type = undefined;
    }
    takeRecords() {
      const list = this.#buffer;
      this.#buffer = [];
      return list;
    }
    static get supportedEntryTypes() {
      return supportedEntryTypes;
    }
    [kMaybeBuffer](entry) {
      if (!this.#entryTypes.has(entry.entryType)) return;
      this.#buffer.push(entry);
      pending.add(this);
      queuePending();
    }
    [kDispatch]() {
      this.#callback(new PerformanceObserverEntryList(kSkipThrow, this.takeRecords()), this);
    }
  }
  enumerable(PerformanceObserver.prototype, ['observe', 'disconnect', 'takeRecords']);
  defineTag(PerformanceObserver.prototype, 'PerformanceObserver');

  // User timing.
  const nodeTimingNames = new Set(['nodeStart', 'v8Start', 'environment', 'loopStart', 'loopExit', 'bootstrapComplete']);

  // The milestones of the runtime, which has no bootstrap phases of its own: they all read 0, and the
  // loop has been running since the start.
  class PerformanceNodeTiming {
    get name() { return 'node'; }
    get entryType() { return 'node'; }
    get startTime() { return 0; }
    get duration() { return now(); }
    get nodeStart() { return 0; }
    get v8Start() { return 0; }
    get environment() { return 0; }
    get bootstrapComplete() { return 0; }
    get loopStart() { return 0; }
    get loopExit() { return -1; }
    get idleTime() { return 0; }
    toJSON() {
      return {
        name: 'node', entryType: 'node', startTime: 0, duration: this.duration, nodeStart: 0, v8Start: 0,
        bootstrapComplete: 0, environment: 0, loopStart: 0, loopExit: -1, idleTime: 0,
      };
    }
  }
  enumerable(PerformanceNodeTiming.prototype, ['name', 'entryType', 'startTime', 'duration', 'nodeStart', 'v8Start',
    'environment', 'bootstrapComplete', 'loopStart', 'loopExit', 'idleTime']);
  const nodeTiming = new PerformanceNodeTiming();

  function getMark(name) {
    if (name === undefined) return undefined;
    if (typeof name === 'number') {
      if (name < 0) throw invalidTimestamp(name);
      return name;
    }
    name = `${name}`;
    if (nodeTimingNames.has(name)) return nodeTiming[name];
    const ts = markTimings.get(name);
    if (ts === undefined) throw new global.DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
    return ts;
  }

  function mark(name, options) {
    const entry = new PerformanceMark(name, options);
    enqueue(entry);
    markBuffer.push(entry);
    return entry;
  }

  function startAndDuration(startOrOptions, endMark) {
    startOrOptions ??= 0;
    let start, end, duration;
    let optionsValid = false;
    if (typeof startOrOptions === 'object') {
      ({ start, end, duration } = startOrOptions);
      optionsValid = start !== undefined || end !== undefined;
    }
    if (optionsValid) {
      if (endMark !== undefined) throw invalidMeasure('endMark must not be specified');
      if (start !== undefined && end !== undefined && duration !== undefined) {
        throw invalidMeasure('Must not have options.start, options.end, and options.duration specified');
      }
    }
    if (endMark !== undefined) end = getMark(endMark);
    else if (optionsValid && end !== undefined) end = getMark(end);
    else if (optionsValid && start !== undefined && duration !== undefined) end = getMark(start) + getMark(duration);
    else end = now();
    if (typeof startOrOptions === 'string') start = getMark(startOrOptions);
    else if (optionsValid && start !== undefined) start = getMark(start);
    else if (optionsValid && duration !== undefined && end !== undefined) start = end - getMark(duration);
    else start = 0;
    return { start, duration: end - start };
  }

  function measure(name, startOrOptions, endMark) {
    if (typeof name !== 'string') throw natives.argType('name', 'of type string', name);
    const { start, duration } = startAndDuration(startOrOptions, endMark);
    const entry = new PerformanceMeasure(kSkipThrow, name, 'measure', start, duration);
    entry[kDetail] = cloneDetail(startOrOptions?.detail);
    enqueue(entry);
    measureBuffer.push(entry);
    return entry;
  }

  function timerify(fn, options = {}) {
    if (typeof fn !== 'function') throw natives.argType('fn', 'of type function', fn);
    if (options === null || typeof options !== 'object') throw natives.argType('options', 'of type object', options);
    const { histogram } = options;
    if (histogram !== undefined && !(histogram instanceof RecordableHistogram)) {
      throw natives.argType('options.histogram', 'an instance of RecordableHistogram', histogram);
    }
    function complete(start, args) {
      const duration = now() - start;
      if (histogram !== undefined) histogram.record(Math.ceil(duration * 1e6));
      const entry = new PerformanceNodeEntry(kSkipThrow, fn.name, 'function', start, duration);
      entry[kDetail] = args;
      for (let n = 0; n < args.length; n++) entry[n] = args[n];
      enqueue(entry);
    }
    function timerified(...args) {
      const construct = new.target !== undefined;
      const start = now();
      const result = construct ? Reflect.construct(fn, args, fn) : Reflect.apply(fn, this, args);
      if (!construct && typeof result?.finally === 'function') {
        return result.finally(() => complete(start, args));
      }
      complete(start, args);
      return result;
    }
    Object.defineProperties(timerified, {
      length: { configurable: false, enumerable: true, value: fn.length },
      name: { configurable: false, enumerable: true, value: `timerified ${fn.name}` },
    });
    return timerified;
  }

  // Histograms. Values are kept exactly (Node keeps an HDR histogram): percentiles are nearest-rank.
  const kValues = Symbol('kValues');
  const kExceeds = Symbol('kExceeds');
  const emptyMin = 9223372036854776000;

  class Histogram {
    constructor(skip) {
      if (skip !== kSkipThrow) throw illegalConstructor();
      this[kValues] = [];
      this[kExceeds] = 0;
    }
    get count() { return this[kValues].length; }
    get countBigInt() { return BigInt(this.count); }
    get min() { return this[kValues].length ? Math.min(...this[kValues]) : emptyMin; }
    get minBigInt() { return BigInt(this.min); }
    get max() { return this[kValues].length ? Math.max(...this[kValues]) : 0; }
    get maxBigInt() { return BigInt(this.max); }
    get mean() {
      const v = this[kValues];
      return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
    }
    get exceeds() { return this[kExceeds]; }
    get exceedsBigInt() { return BigInt(this[kExceeds]); }
    get stddev() {
      const v = this[kValues];
      if (!v.length) return NaN;
      const mean = this.mean;
      return Math.sqrt(v.reduce((a, b) => a + (b - mean) * (b - mean), 0) / v.length);
    }
    percentile(p) {
      if (typeof p !== 'number') throw natives.argType('percentile', 'of type number', p);
      if (!(p > 0 && p <= 100)) {
        throw codeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "percentile" is out of range. It must be > 0 && <= 100. Received ${p}`);
      }
      const sorted = this[kValues].slice().sort((a, b) => a - b);
      if (!sorted.length) return 0;
      return sorted[Math.max(Math.ceil((p / 100) * sorted.length) - 1, 0)];
    }
    percentileBigInt(p) { return BigInt(this.percentile(p)); }
    get percentiles() {
      const map = new Map();
      const sorted = this[kValues].slice().sort((a, b) => a - b);
      if (!sorted.length) {
        map.set(100, 0);
        return map;
      }
      const max = sorted[sorted.length - 1];
      map.set(0, sorted[0]);
      for (let p = 50, step = 50; p < 100; step /= 2, p += step) {
        const v = sorted[Math.max(Math.ceil((p / 100) * sorted.length) - 1, 0)];
        map.set(p, v);
        if (v === max) break;
      }
      map.set(100, max);
      return map;
    }
    get percentilesBigInt() {
      const map = new Map();
      for (const [k, v] of this.percentiles) map.set(k, BigInt(v));
      return map;
    }
    reset() {
      this[kValues] = [];
      this[kExceeds] = 0;
    }
    toJSON() {
      return {
        count: this.count, min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds,
        stddev: this.stddev, percentiles: Object.fromEntries(this.percentiles),
      };
    }
  }

  class RecordableHistogram extends Histogram {
    #lastDelta;
    constructor(skip) {
      if (skip !== kSkipThrow) throw illegalConstructor();
      super(skip);
    }
    record(val) {
      if (typeof val === 'bigint') val = Number(val);
      if (typeof val !== 'number') throw natives.argType('val', 'of type number or bigint', val);
      if (!(val >= 1 && val <= Number.MAX_SAFE_INTEGER)) {
        throw codeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "val" is out of range. It must be >= 1 && <= 9007199254740991. Received ${val}`);
      }
      this[kValues].push(val);
    }
    recordDelta() {
      const t = now();
      if (this.#lastDelta !== undefined) {
        const delta = Math.max(Math.round((t - this.#lastDelta) * 1e6), 1);
        this[kValues].push(delta);
      }
      this.#lastDelta = t;
    }
    add(other) {
      if (!(other instanceof RecordableHistogram)) throw natives.argType('other', 'an instance of RecordableHistogram', other);
      this[kValues].push(...other[kValues]);
      this[kExceeds] += other[kExceeds];
    }
  }

  // monitorEventLoopDelay's histogram: the runtime does not sample its loop's delay, so it stays
  // empty; enable and disable report state changes as in Node.
  class IntervalHistogram extends Histogram {
    #enabled = false;
    constructor(skip) {
      if (skip !== kSkipThrow) throw illegalConstructor();
      super(skip);
    }
    enable() {
      if (this.#enabled) return false;
      this.#enabled = true;
      return true;
    }
    disable() {
      if (!this.#enabled) return false;
      this.#enabled = false;
      return true;
    }
  }

  function createHistogram(options = {}) {
    if (options === null || typeof options !== 'object') throw natives.argType('options', 'of type object', options);
    return new RecordableHistogram(kSkipThrow);
  }

  function monitorEventLoopDelay(options = {}) {
    if (options === null || typeof options !== 'object') throw natives.argType('options', 'of type object', options);
    const { resolution = 10 } = options;
    if (typeof resolution !== 'number') throw natives.argType('options.resolution', 'of type number', resolution);
    if (!(resolution > 0 && resolution <= 2147483647) || !Number.isInteger(resolution)) {
      throw codeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "options.resolution" is out of range. It must be >= 1 && <= 2147483647. Received ${resolution}`);
    }
    return new IntervalHistogram(kSkipThrow);
  }

  // Performance, an EventTarget no plugin can construct.
  let constructing = false;
  const kPerformance = Symbol('performance');

  class Performance extends EventTarget {
    constructor() {
      if (!constructing) throw illegalConstructor();
      super();
      this[kPerformance] = true;
    }
    clearMarks(name = undefined) {
      brandCheck(this, kPerformance, 'Performance');
      if (name !== undefined) {
        name = `${name}`;
        if (nodeTimingNames.has(name)) throw natives.argValue('name', name, '');
        markTimings.delete(name);
      } else {
        markTimings.clear();
      }
      clearBuffer('mark', name);
    }
    clearMeasures(name = undefined) {
      brandCheck(this, kPerformance, 'Performance');
      clearBuffer('measure', name === undefined ? undefined : `${name}`);
    }
    clearResourceTimings(name = undefined) {
      brandCheck(this, kPerformance, 'Performance');
    }
    getEntries() {
      brandCheck(this, kPerformance, 'Performance');
      return filterEntries();
    }
    getEntriesByName(name, type = undefined) {
      brandCheck(this, kPerformance, 'Performance');
      if (arguments.length === 0) throw missingArgs('name');
      return filterEntries(`${name}`, type === undefined ? undefined : `${type}`);
    }
    getEntriesByType(type) {
      brandCheck(this, kPerformance, 'Performance');
      if (arguments.length === 0) throw missingArgs('type');
      return filterEntries(undefined, `${type}`);
    }
    mark(name, options = {}) {
      brandCheck(this, kPerformance, 'Performance');
      if (arguments.length === 0) throw missingArgs('name');
      return mark(name, options);
    }
    measure(name, startOrOptions = {}, endMark = undefined) {
      brandCheck(this, kPerformance, 'Performance');
      if (arguments.length === 0) throw missingArgs('name');
      return measure(name, startOrOptions, endMark);
    }
    now() {
      brandCheck(this, kPerformance, 'Performance');
      return now();
    }
    setResourceTimingBufferSize(maxSize) {
      brandCheck(this, kPerformance, 'Performance');
      if (arguments.length === 0) throw missingArgs('maxSize');
    }
    get timeOrigin() {
      brandCheck(this, kPerformance, 'Performance');
      return natives.timeOrigin;
    }
    toJSON() {
      brandCheck(this, kPerformance, 'Performance');
      return { nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin, eventLoopUtilization: this.eventLoopUtilization() };
    }
    [inspectCustom](depth, options, inspect) {
      if (depth < 0 || typeof inspect !== 'function') return this;
      return 'Performance ' + inspect({ nodeTiming: this.nodeTiming, timeOrigin: this.timeOrigin }, { ...options, depth: options.depth == null ? null : options.depth - 1 });
    }
  }
  enumerable(Performance.prototype, ['clearMarks', 'clearMeasures', 'clearResourceTimings', 'getEntries', 'getEntriesByName',
    'getEntriesByType', 'mark', 'measure', 'now', 'timeOrigin', 'toJSON', 'setResourceTimingBufferSize']);
  defineTag(Performance.prototype, 'Performance');
  Object.defineProperties(Performance.prototype, {
    // The loop's idle time is not measured: utilization reads 0.
    eventLoopUtilization: { configurable: true, enumerable: false, writable: true, value: function eventLoopUtilization() {
      return { idle: 0, active: 0, utilization: 0 };
    } },
    nodeTiming: { configurable: true, enumerable: false, writable: true, value: nodeTiming },
    // Node's fetch records resource timings through it; pluginhost's fetch does not.
    markResourceTiming: { configurable: true, enumerable: false, writable: true, value: function markResourceTiming() {} },
    timerify: { configurable: true, enumerable: false, writable: true, value: timerify },
    onresourcetimingbufferfull: { configurable: true, enumerable: true, writable: true, value: null },
  });

  constructing = true;
  const performance = new Performance();
  constructing = false;

  const constants = {
    NODE_PERFORMANCE_GC_MAJOR: 4,
    NODE_PERFORMANCE_GC_MINOR: 1,
    NODE_PERFORMANCE_GC_INCREMENTAL: 8,
    NODE_PERFORMANCE_GC_WEAKCB: 16,
    NODE_PERFORMANCE_GC_FLAGS_NO: 0,
    NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
    NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
    NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
    NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
    NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
    NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
  };

  const exports = {
    Performance,
    PerformanceEntry,
    PerformanceMark,
    PerformanceMeasure,
    PerformanceObserver,
    PerformanceObserverEntryList,
    PerformanceResourceTiming,
    monitorEventLoopDelay,
    createHistogram,
    performance,
    constants,
  };

  return exports;
})
