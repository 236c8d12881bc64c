// The body of node:util. Go passes natives (formatter, brand checks, warn) and the exports object.
(function (natives, exports) {
  'use strict';
  const customInspect = Symbol.for('nodejs.util.inspect.custom');
  const customPromisify = Symbol.for('nodejs.util.promisify.custom');

  const invalidArgType = (name, type, value) => natives.invalidArgType(name, 'of type ' + type, value);

  // inspect accepts both inspect(v, options) and the legacy inspect(v, showHidden, depth).
  function inspect(value, opts, depth) {
    let o = {};
    if (opts !== null && typeof opts === 'object') o = opts;
    else if (typeof opts === 'boolean') o = { showHidden: opts, depth };
    return natives.inspect(value, { depth: o.depth, showHidden: o.showHidden });
  }
  inspect.custom = customInspect;
  inspect.defaultOptions = { showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false,
    maxArrayLength: 100, maxStringLength: 10000, breakLength: 80, compact: 3, sorted: false, getters: false,
    numericSeparator: false };

  function formatWithOptions(opts, ...args) {
    if (opts === null || typeof opts !== 'object') throw invalidArgType('inspectOptions', 'object', opts);
    return natives.formatWithOptions({ depth: opts.depth, showHidden: opts.showHidden }, ...args);
  }

  function promisify(original) {
    if (typeof original !== 'function') throw invalidArgType('original', 'function', original);
    if (original[customPromisify]) {
      const fn = original[customPromisify];
      if (typeof fn !== 'function') throw invalidArgType('util.promisify.custom', 'function', fn);
      return Object.defineProperty(fn, customPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
    }
    function fn(...args) {
      return new Promise((resolve, reject) => {
        Reflect.apply(original, this, [...args, (err, value) => (err ? reject(err) : resolve(value))]);
      });
    }
    Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
    Object.defineProperty(fn, customPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
    return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
  }
  promisify.custom = customPromisify;

  function callbackify(original) {
    if (typeof original !== 'function') throw invalidArgType('original', 'function', original);
    function callbackified(...args) {
      const cb = args.pop();
      if (typeof cb !== 'function') throw invalidArgType('last argument', 'function', cb);
      const onRejected = (reason) => {
        // A falsy rejection reason cannot be passed as err, so Node wraps it.
        if (!reason) {
          const err = new Error('Promise was rejected with a falsy value');
          err.code = 'ERR_FALSY_VALUE_REJECTION';
          err.reason = reason;
          reason = err;
        }
        cb(reason);
      };
      Reflect.apply(original, this, args).then((v) => queueMicrotask(() => cb(null, v)), (r) => queueMicrotask(() => onRejected(r)));
    }
    Object.setPrototypeOf(callbackified, Object.getPrototypeOf(original));
    Object.defineProperties(callbackified, Object.getOwnPropertyDescriptors(original));
    return callbackified;
  }

  function inherits(ctor, superCtor) {
    if (ctor === undefined || ctor === null) throw invalidArgType('ctor', 'function', ctor);
    if (superCtor === undefined || superCtor === null) throw invalidArgType('superCtor', 'function', superCtor);
    if (superCtor.prototype === undefined) throw invalidArgType('superCtor.prototype', 'object', superCtor.prototype);
    Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  }

  function deprecate(fn, msg, code) {
    if (typeof fn !== 'function') throw invalidArgType('fn', 'function', fn);
    let warned = false;
    function deprecated(...args) {
      if (!warned) {
        warned = true;
        natives.warn(String(msg), code);
      }
      return new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
    }
    Object.setPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
    return deprecated;
  }

  // Brand checks: a built-in method applied to a foreign object throws, whatever its prototype says.
  const brand = (method) => (v) => {
    if (v === null || typeof v !== 'object') return false;
    try { method.call(v); return true; } catch { return false; }
  };
  const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
  const tagOf = (v) => (ArrayBuffer.isView(v) ? typedArrayTag.call(v) : undefined);
  const isTypedArray = (v) => tagOf(v) !== undefined;
  const typed = (name) => (v) => tagOf(v) === name;
  const AsyncFunction = Object.getPrototypeOf(async function () {});
  const GeneratorFunction = Object.getPrototypeOf(function* () {});
  const arrayBufferLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
  const isArrayBuffer = brand(arrayBufferLength);
  const isNumberObject = brand(Number.prototype.valueOf);
  const isStringObject = brand(String.prototype.valueOf);
  const isBooleanObject = brand(Boolean.prototype.valueOf);
  const isSymbolObject = brand(Symbol.prototype.valueOf);
  const isBigIntObject = brand(BigInt.prototype.valueOf);
  const types = {
    isPromise: natives.isPromise,
    isDate: brand(Date.prototype.getTime),
    isRegExp: natives.isRegExp,
    isNativeError: natives.isNativeError,
    isAsyncFunction: (v) => typeof v === 'function' && Object.getPrototypeOf(v) === AsyncFunction,
    isGeneratorFunction: (v) => typeof v === 'function' && Object.getPrototypeOf(v) === GeneratorFunction,
    isMap: brand(Map.prototype.has),
    isSet: brand(Set.prototype.has),
    isWeakMap: brand(WeakMap.prototype.has),
    isWeakSet: brand(WeakSet.prototype.has),
    isArrayBuffer,
    isSharedArrayBuffer: () => false,
    isAnyArrayBuffer: isArrayBuffer,
    isArrayBufferView: (v) => ArrayBuffer.isView(v),
    isDataView: (v) => ArrayBuffer.isView(v) && !isTypedArray(v),
    isTypedArray,
    isNumberObject,
    isStringObject,
    isBooleanObject,
    isSymbolObject,
    isBigIntObject,
    isBoxedPrimitive: (v) => isNumberObject(v) || isStringObject(v) || isBooleanObject(v) || isSymbolObject(v) || isBigIntObject(v),
  };
  for (const name of ['Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'Int8Array', 'Int16Array',
    'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']) {
    types['is' + name] = typed(name);
  }

  // isDeepStrictEqual compares as assert.deepStrictEqual: same prototypes, own enumerable keys and
  // symbols, Object.is for primitives, and entry-wise for Map and Set; cycles compare by position.
  function isDeepStrictEqual(a, b) { return deepEqual(a, b, new Map()); }
  function deepEqual(a, b, memo) {
    if (Object.is(a, b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    if (Object.prototype.toString.call(a) !== Object.prototype.toString.call(b)) return false;
    if (memo.get(a) === b) return true;
    memo.set(a, b);
    if (types.isDate(a) && a.getTime() !== b.getTime()) return false;
    if (types.isRegExp(a) && String(a) !== String(b)) return false;
    if (types.isNativeError(a) && (a.message !== b.message || a.name !== b.name)) return false;
    if (types.isBoxedPrimitive(a) && !Object.is(a.valueOf(), b.valueOf())) return false;
    if (ArrayBuffer.isView(a)) {
      if (a.byteLength !== b.byteLength) return false;
      const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    }
    if (Array.isArray(a) && a.length !== b.length) return false;
    const ka = ownKeys(a), kb = ownKeys(b);
    if (ka.length !== kb.length) return false;
    for (const k of ka) {
      if (!Object.prototype.propertyIsEnumerable.call(b, k)) return false;
      if (!ArrayBuffer.isView(a) && !deepEqual(a[k], b[k], memo)) return false;
    }
    if (types.isMap(a)) {
      if (a.size !== b.size) return false;
      outer: for (const [k, v] of a) {
        if (b.has(k)) { if (deepEqual(v, b.get(k), memo)) continue; return false; }
        for (const [k2, v2] of b) if (deepEqual(k, k2, memo) && deepEqual(v, v2, memo)) continue outer;
        return false;
      }
    }
    if (types.isSet(a)) {
      if (a.size !== b.size) return false;
      outer: for (const v of a) {
        if (b.has(v)) continue;
        for (const v2 of b) if (typeof v2 === 'object' && deepEqual(v, v2, memo)) continue outer;
        return false;
      }
    }
    return true;
  }
  function ownKeys(o) {
    return Reflect.ownKeys(o).filter((k) => Object.prototype.propertyIsEnumerable.call(o, k));
  }

  // debuglog never prints: pluginhost has no NODE_DEBUG, so every section is disabled.
  function debuglog() {
    const log = () => {};
    Object.defineProperty(log, 'enabled', { value: false, enumerable: true });
    return log;
  }

  Object.assign(exports, {
    format: natives.format,
    formatWithOptions,
    inspect,
    promisify,
    callbackify,
    inherits,
    deprecate,
    types,
    isDeepStrictEqual,
    debuglog,
    debug: debuglog,
    TextEncoder: globalThis.TextEncoder,
    TextDecoder: globalThis.TextDecoder,
    isArray: Array.isArray,
    isBoolean: (v) => typeof v === 'boolean',
    isNull: (v) => v === null,
    isNullOrUndefined: (v) => v === null || v === undefined,
    isNumber: (v) => typeof v === 'number',
    isString: (v) => typeof v === 'string',
    isSymbol: (v) => typeof v === 'symbol',
    isUndefined: (v) => v === undefined,
    isRegExp: types.isRegExp,
    isObject: (v) => v !== null && typeof v === 'object',
    isDate: types.isDate,
    isError: (v) => types.isNativeError(v) || v instanceof Error,
    isFunction: (v) => typeof v === 'function',
    isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
    isBuffer: (v) => typeof Buffer === 'function' && Buffer.isBuffer(v),
  });
});
