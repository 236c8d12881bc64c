// The body of node:util. Go passes natives (formatter, brand checks, warn, and internal, where this
// leaves what other built-ins use) and the exports object.
(function (natives, exports) {
  'use strict';
  const customInspect = Symbol.for('nodejs.util.inspect.custom');
  const customPromisify = Symbol.for('nodejs.util.promisify.custom');

  const invalidArgType = (name, type, value) => natives.argType(name, 'of type ' + type, value);

  // inspect accepts both inspect(v, options) and the legacy inspect(v, showHidden, depth).
  function inspect(value, opts, depth) {
    let o = {};
    if (opts !== null && typeof opts === 'object') o = opts;
    else if (typeof opts === 'boolean') o = { showHidden: opts, depth };
    return natives.inspect(value, { depth: o.depth, showHidden: o.showHidden });
  }
  inspect.custom = customInspect;
  const defaultOptions = { showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false,
    maxArrayLength: 100, maxStringLength: 10000, breakLength: 80, compact: 3, sorted: false, getters: false,
    numericSeparator: false };
  // defaultOptions is a non-enumerable accessor, as in Node: assigning merges into the defaults.
  Object.defineProperty(inspect, 'defaultOptions', {
    get() { return defaultOptions; },
    set(options) {
      if (options === null || typeof options !== 'object') throw natives.argType('options', ['Object'], options);
      return Object.assign(defaultOptions, options);
    },
  });

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
  // Generator objects and Map and Set iterators keep their slots from JS and Go alike: these go by
  // the prototype chain.
  const GeneratorPrototype = GeneratorFunction.prototype;
  const MapIteratorPrototype = Object.getPrototypeOf(new Map().entries());
  const SetIteratorPrototype = Object.getPrototypeOf(new Set().entries());
  const hasProto = (proto) => (v) => v !== null && typeof v === 'object' && Object.prototype.isPrototypeOf.call(proto, v);
  // KeyObjects and CryptoKeys are known by their tag, as deep equality knows them: util cannot reach
  // crypto's classes without loading crypto.
  const tagged = (tag) => (v) => v !== null && typeof v === 'object' && Object.prototype.toString.call(v) === tag;
  // types has Node's members in Node's order.
  const types = {
    isExternal: () => false,
    isDate: brand(Date.prototype.getTime),
    isArgumentsObject: natives.isArgumentsObject,
    isBigIntObject,
    isBooleanObject,
    isNumberObject,
    isStringObject,
    isSymbolObject,
    isNativeError: natives.isNativeError,
    isRegExp: natives.isRegExp,
    isAsyncFunction: (v) => typeof v === 'function' && Object.getPrototypeOf(v) === AsyncFunction,
    isGeneratorFunction: (v) => typeof v === 'function' && Object.getPrototypeOf(v) === GeneratorFunction,
    isGeneratorObject: hasProto(GeneratorPrototype),
    isPromise: natives.isPromise,
    isMap: brand(Map.prototype.has),
    isSet: brand(Set.prototype.has),
    isMapIterator: hasProto(MapIteratorPrototype),
    isSetIterator: hasProto(SetIteratorPrototype),
    isWeakMap: brand(WeakMap.prototype.has),
    isWeakSet: brand(WeakSet.prototype.has),
    isArrayBuffer,
    isDataView: (v) => ArrayBuffer.isView(v) && !isTypedArray(v),
    isSharedArrayBuffer: () => false,
    isProxy: natives.isProxy,
    isModuleNamespaceObject: () => false,
    isAnyArrayBuffer: isArrayBuffer,
    isBoxedPrimitive: (v) => isNumberObject(v) || isStringObject(v) || isBooleanObject(v) || isSymbolObject(v) || isBigIntObject(v),
    isArrayBufferView: (v) => ArrayBuffer.isView(v),
    isTypedArray,
  };
  for (const name of ['Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'Int8Array', 'Int16Array',
    'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']) {
    types['is' + name] = typed(name);
  }
  types.isKeyObject = tagged('[object KeyObject]');
  types.isCryptoKey = tagged('[object CryptoKey]');

  // Deep equality is Node 20's comparison in its two modes, one implementation for util and assert.
  // Strict (isDeepStrictEqual, assert.deepStrictEqual): primitives compare with Object.is except
  // that NaN equals NaN, prototypes must match and enumerable symbol keys count. Loose
  // (assert.deepEqual): primitives compare with == (NaN still equals NaN), prototypes are ignored,
  // and a Set or Map entry keyed by a primitive may match a loosely equal one. In both, objects
  // need the same type tag and the same own enumerable keys with deep-equal values; dates compare
  // their time (an invalid date equals nothing), regexps their source, flags and lastIndex, errors
  // also their message, name, cause and errors (enumerable or not), boxed primitives their value,
  // typed arrays their type and bytes (loose Float32/64Array: their elements, so 0 equals -0 and
  // NaN nothing), URLs their href, KeyObjects and CryptoKeys their key. Maps and Sets compare
  // entries, matching object keys by deep equality in any order; cycles end as compareTracked says.
  const kNoIterator = 0;
  const kIsArray = 1;
  const kIsSet = 2;
  const kIsMap = 3;
  const objectTag = Object.prototype.toString;
  const isEnumerable = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);
  const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const dateTime = Date.prototype.getTime;
  const isError = (v) => types.isNativeError(v) || v instanceof Error;
  // isURL is Node's duck test, which also tells a WHATWG URL from url.parse's Url (auth, path).
  const isURL = (v) => Boolean(v && v.href && v.protocol && v.auth === undefined && v.path === undefined);
  const isIndex = (k) => typeof k === 'string' && String(k >>> 0) === k && (k >>> 0) !== 0xffffffff;
  const boxedValueOf = [
    [isNumberObject, Number.prototype.valueOf], [isStringObject, String.prototype.valueOf],
    [isBooleanObject, Boolean.prototype.valueOf], [isBigIntObject, BigInt.prototype.valueOf],
    [isSymbolObject, Symbol.prototype.valueOf],
  ];

  function isDeepStrictEqual(a, b) { return innerDeepEqual(a, b, true, undefined); }

  // nonIndexKeys is an array's or typed array's own enumerable keys other than its indexes; symbols
  // count only in strict mode.
  function nonIndexKeys(o, strict) {
    const keys = Object.keys(o).filter((k) => !isIndex(k));
    if (strict) for (const s of Object.getOwnPropertySymbols(o)) if (isEnumerable(o, s)) keys.push(s);
    return keys;
  }

  function sameBytes(a, b) {
    if (a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }

  function sameBoxed(a, b) {
    for (const [is, valueOf] of boxedValueOf) {
      if (is(a)) return is(b) && Object.is(valueOf.call(a), valueOf.call(b));
    }
    return false;
  }

  function innerDeepEqual(a, b, strict, memo) {
    if (a === b) return a !== 0 || !strict || Object.is(a, b);
    if (strict) {
      if (typeof a === 'number') return Number.isNaN(a) && Number.isNaN(b);
      if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null ||
          Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
        return false;
      }
    } else {
      const aPrimitive = a === null || typeof a !== 'object';
      const bPrimitive = b === null || typeof b !== 'object';
      // eslint-disable-next-line eqeqeq
      if (aPrimitive || bPrimitive) return aPrimitive && bPrimitive && (a == b || (Number.isNaN(a) && Number.isNaN(b)));
    }
    const tag = objectTag.call(a);
    if (tag !== objectTag.call(b)) return false;
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
      const keys = nonIndexKeys(a, strict);
      if (keys.length !== nonIndexKeys(b, strict).length) return false;
      return keyCheck(a, b, strict, memo, kIsArray, keys);
    }
    if (tag === '[object Object]') return keyCheck(a, b, strict, memo, kNoIterator);
    if (types.isDate(a)) {
      if (!types.isDate(b) || dateTime.call(a) !== dateTime.call(b)) return false;
    } else if (types.isRegExp(a)) {
      if (!types.isRegExp(b) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
    } else if (ArrayBuffer.isView(a)) {
      if (tagOf(a) !== tagOf(b)) return false;
      if (!strict && (types.isFloat32Array(a) || types.isFloat64Array(a))) {
        if (a.byteLength !== b.byteLength) return false;
        for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
      } else if (!sameBytes(a, b)) {
        return false;
      }
      const keys = nonIndexKeys(a, strict);
      if (keys.length !== nonIndexKeys(b, strict).length) return false;
      return keyCheck(a, b, strict, memo, kNoIterator, keys);
    } else if (types.isSet(a)) {
      if (!types.isSet(b) || a.size !== b.size) return false;
      return keyCheck(a, b, strict, memo, kIsSet);
    } else if (types.isMap(a)) {
      if (!types.isMap(b) || a.size !== b.size) return false;
      return keyCheck(a, b, strict, memo, kIsMap);
    } else if (types.isAnyArrayBuffer(a)) {
      if (!types.isAnyArrayBuffer(b) || !sameBytes(new Uint8Array(a), new Uint8Array(b))) return false;
    } else if (isError(a)) {
      if (!isError(b)) return false;
      // These count even where they are not enumerable (the stack never does): an enumerable one
      // is compared with the other keys.
      for (const key of ['message', 'name', 'cause', 'errors']) {
        const enumerable = isEnumerable(a, key);
        if (enumerable !== isEnumerable(b, key)) return false;
        if (enumerable) continue;
        if (key === 'message' || key === 'name' ? a[key] !== b[key] : !innerDeepEqual(a[key], b[key], strict, memo)) return false;
      }
    } else if (types.isBoxedPrimitive(a)) {
      if (!sameBoxed(a, b)) return false;
    } else if (Array.isArray(b) || ArrayBuffer.isView(b) || types.isSet(b) || types.isMap(b) || types.isDate(b) ||
               types.isRegExp(b) || types.isAnyArrayBuffer(b) || types.isBoxedPrimitive(b) || isError(b)) {
      return false;
    } else if (isURL(a)) {
      if (!isURL(b) || a.href !== b.href) return false;
    } else if (tag === '[object KeyObject]' && typeof a.equals === 'function') {
      if (objectTag.call(b) !== tag || !a.equals(b)) return false;
    } else if (tag === '[object CryptoKey]') {
      if (a.extractable !== b.extractable || !innerDeepEqual(a.algorithm, b.algorithm, strict, memo) ||
          !innerDeepEqual(a.usages, b.usages, strict, memo)) {
        return false;
      }
      // The key itself, a KeyObject, is held under the crypto module's symbols, which loose mode
      // would skip: compare them in both modes, as Node compares the keys.
      for (const key of Object.getOwnPropertySymbols(a)) if (!innerDeepEqual(a[key], b[key], strict, memo)) return false;
    }
    return keyCheck(a, b, strict, memo, kNoIterator);
  }

  // keyCheck compares the own enumerable keys (given for arrays and typed arrays, which checked
  // their count), then the values and entries.
  function keyCheck(a, b, strict, memo, iteration, keys) {
    const given = keys !== undefined;
    if (!given) keys = Object.keys(a);
    for (const key of keys) if (!isEnumerable(b, key)) return false;
    if (!given) {
      if (keys.length !== Object.keys(b).length) return false;
      if (strict) {
        let count = 0;
        for (const s of Object.getOwnPropertySymbols(a)) {
          const enumerable = isEnumerable(a, s);
          if (enumerable !== isEnumerable(b, s)) return false;
          if (enumerable) {
            keys.push(s);
            count++;
          }
        }
        if (Object.getOwnPropertySymbols(b).filter((s) => isEnumerable(b, s)).length !== count) return false;
      }
    }
    if (keys.length === 0 && (iteration === kNoIterator || (iteration === kIsArray && a.length === 0) || a.size === 0)) {
      return true;
    }
    return compareTracked(a, b, strict, memo, iteration, keys);
  }

  // compareTracked runs objEquiv with what it takes to end cycles, as Node 20 does: the first
  // level below the top only recognises the top pair again; deeper, a set of the objects being
  // compared starts (holding those two pairs), and a pair whose objects are both in it is taken as
  // equal. A pair that compared unequal stays in the set, except while a Set or Map entry is being
  // hunted for (memo.hunting), where a failed candidate must not count as seen.
  function compareTracked(a, b, strict, memo, iteration, keys) {
    if (memo === undefined) {
      memo = { top: [a, b], first: null, seen: null, hunting: false };
      return objEquiv(a, b, strict, keys, memo, iteration);
    }
    if (memo.seen === null) {
      if (memo.first === null) {
        if (memo.top[0] === a && memo.top[1] === b) return true;
        memo.first = [a, b];
        const equal = objEquiv(a, b, strict, keys, memo, iteration);
        memo.first = null;
        return equal;
      }
      memo.seen = new Set([...memo.top, ...memo.first]);
    }
    const before = memo.seen.size;
    memo.seen.add(a).add(b);
    if (memo.seen.size === before) return true;
    const equal = objEquiv(a, b, strict, keys, memo, iteration);
    if (equal || memo.hunting) {
      memo.seen.delete(a);
      memo.seen.delete(b);
    }
    return equal;
  }

  function objEquiv(a, b, strict, keys, memo, iteration) {
    for (const key of keys) if (!innerDeepEqual(a[key], b[key], strict, memo)) return false;
    if (iteration === kIsSet) return setEquiv(a, b, strict, memo);
    if (iteration === kIsMap) return mapEquiv(a, b, strict, memo);
    if (iteration !== kIsArray) return true;
    for (let i = 0; i < a.length; i++) {
      if (hasOwn(a, i)) {
        if (!hasOwn(b, i) || !innerDeepEqual(a[i], b[i], strict, memo)) return false;
      } else if (hasOwn(b, i)) {
        return false;
      } else {
        // A hole: the rest compares by keys, which also covers the remaining indexes.
        const keysA = Object.keys(a);
        for (; i < keysA.length; i++) {
          const key = keysA[i];
          if (!hasOwn(b, key) || !innerDeepEqual(a[key], b[key], strict, memo)) return false;
        }
        return keysA.length === Object.keys(b).length;
      }
    }
    return true;
  }

  // looseAlternative is, for a primitive missing from the other Set or Map, what loosely equal
  // primitive may stand in for it: null for undefined and undefined for null (they equal each
  // other), false when none can (symbols, NaN, strings that are not numbers), true when a number,
  // string, bigint or boolean may equal one of many others.
  function looseAlternative(prim) {
    switch (typeof prim) {
      case 'undefined':
        return null;
      case 'object':
        return undefined;
      case 'symbol':
        return false;
      case 'string':
        return !Number.isNaN(+prim);
      case 'number':
        return !Number.isNaN(prim);
    }
    return true;
  }

  function setMightHaveLoosePrimitive(a, b, prim) {
    const alt = looseAlternative(prim);
    if (alt != null) return alt;
    return b.has(alt) && !a.has(alt);
  }

  function mapMightHaveLoosePrimitive(a, b, prim, item, memo) {
    const alt = looseAlternative(prim);
    if (alt != null) return alt;
    const itemB = b.get(alt);
    if ((itemB === undefined && !b.has(alt)) || !innerDeepEqual(item, itemB, false, memo)) return false;
    return !a.has(alt);
  }

  // takeEqual removes from candidates the first value deep-equal to value, if any.
  function takeEqual(candidates, value, strict, memo) {
    return hunt(memo, () => {
      for (const candidate of candidates) {
        if (innerDeepEqual(candidate, value, strict, memo)) {
          candidates.delete(candidate);
          return true;
        }
      }
      return false;
    });
  }

  function hunt(memo, search) {
    const hunting = memo.hunting;
    memo.hunting = true;
    const found = search();
    memo.hunting = hunting;
    return found;
  }

  function setEquiv(a, b, strict, memo) {
    // The values of a that b does not hold as such: objects, and in loose mode primitives a loosely
    // equal one may match. Each value of b must take one of them.
    let unmatched = null;
    for (const value of a) {
      if (b.has(value)) continue;
      if ((typeof value !== 'object' || value === null) && (strict || !setMightHaveLoosePrimitive(a, b, value))) return false;
      if (unmatched === null) {
        if (b.size === 1) return innerDeepEqual(value, b.values().next().value, strict, memo);
        unmatched = new Set();
      }
      unmatched.add(value);
    }
    if (unmatched === null) return true;
    for (const value of b) {
      if (typeof value === 'object' && value !== null) {
        if (!takeEqual(unmatched, value, strict, memo)) return false;
      } else if (!strict && !a.has(value) && !takeEqual(unmatched, value, strict, memo)) {
        return false;
      }
    }
    return unmatched.size === 0;
  }

  // takeEqualEntry removes from keys the first key of map deep-equal to key whose value is
  // deep-equal to item, if any: every candidate key counts, not only the first equal one.
  function takeEqualEntry(keys, map, key, item, strict, memo) {
    return hunt(memo, () => {
      for (const candidate of keys) {
        if (innerDeepEqual(candidate, key, strict, memo) && innerDeepEqual(map.get(candidate), item, strict, memo)) {
          keys.delete(candidate);
          return true;
        }
      }
      return false;
    });
  }

  function mapEquiv(a, b, strict, memo) {
    // The keys of a whose entries b does not hold as such: object keys, and in loose mode primitive
    // keys a loosely equal one may match. Each such entry of b must take one of them.
    let unmatched = null;
    for (const [key, item] of a) {
      if (typeof key === 'object' && key !== null) {
        if (unmatched === null) {
          if (b.size === 1) {
            const [keyB, itemB] = b.entries().next().value;
            return innerDeepEqual(key, keyB, strict, memo) && innerDeepEqual(item, itemB, strict, memo);
          }
          unmatched = new Set();
        }
        unmatched.add(key);
      } else {
        const itemB = b.get(key);
        if ((itemB === undefined && !b.has(key)) || !innerDeepEqual(item, itemB, strict, memo)) {
          if (strict || !mapMightHaveLoosePrimitive(a, b, key, item, memo)) return false;
          if (unmatched === null) unmatched = new Set();
          unmatched.add(key);
        }
      }
    }
    if (unmatched === null) return true;
    for (const [key, item] of b) {
      if (typeof key === 'object' && key !== null) {
        if (!takeEqualEntry(unmatched, a, key, item, strict, memo)) return false;
      } else if (!strict && (!a.has(key) || !innerDeepEqual(a.get(key), item, false, memo)) &&
                 !takeEqualEntry(unmatched, a, key, item, false, memo)) {
        return false;
      }
    }
    return unmatched.size === 0;
  }

  // Other built-ins (assert) reach the comparison, in either mode, without it being a util export.
  natives.internal.deepEqual = (a, b, strict) => innerDeepEqual(a, b, strict === true, undefined);

  // debuglog never prints: pluginhost has no NODE_DEBUG, so every section is disabled.
  function debuglog() {
    const log = () => {};
    Object.defineProperty(log, 'enabled', { value: false, enumerable: true });
    return log;
  }

  // inspect.colors and inspect.styles are Node's tables; the formatter itself never colours.
  inspect.colors = Object.assign(Object.create(null), {
    reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24], blink: [5, 25],
    inverse: [7, 27], hidden: [8, 28], strikethrough: [9, 29], doubleunderline: [21, 24],
    black: [30, 39], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39], magenta: [35, 39],
    cyan: [36, 39], white: [37, 39], bgBlack: [40, 49], bgRed: [41, 49], bgGreen: [42, 49],
    bgYellow: [43, 49], bgBlue: [44, 49], bgMagenta: [45, 49], bgCyan: [46, 49], bgWhite: [47, 49],
    framed: [51, 54], overlined: [53, 55], gray: [90, 39], redBright: [91, 39], greenBright: [92, 39],
    yellowBright: [93, 39], blueBright: [94, 39], magentaBright: [95, 39], cyanBright: [96, 39],
    whiteBright: [97, 39], bgGray: [100, 49], bgRedBright: [101, 49], bgGreenBright: [102, 49],
    bgYellowBright: [103, 49], bgBlueBright: [104, 49], bgMagentaBright: [105, 49], bgCyanBright: [106, 49],
    bgWhiteBright: [107, 49],
  });
  // The aliases are non-enumerable accessors of the colour they stand for.
  for (const [target, alias] of [['gray', 'grey'], ['gray', 'blackBright'], ['bgGray', 'bgGrey'],
    ['bgGray', 'bgBlackBright'], ['dim', 'faint'], ['strikethrough', 'crossedout'],
    ['strikethrough', 'strikeThrough'], ['strikethrough', 'crossedOut'], ['hidden', 'conceal'],
    ['inverse', 'swapColors'], ['inverse', 'swapcolors'], ['doubleunderline', 'doubleUnderline']]) {
    Object.defineProperty(inspect.colors, alias, {
      get() { return this[target]; },
      set(value) { Object.defineProperty(this, alias, { value, configurable: true, writable: true, enumerable: true }); },
      configurable: true,
      enumerable: false,
    });
  }
  inspect.styles = Object.assign(Object.create(null), {
    special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow', undefined: 'grey', null: 'bold',
    string: 'green', symbol: 'green', date: 'magenta', regexp: 'red', module: 'underline',
  });

  const validateString = (value, name) => {
    if (typeof value !== 'string') throw natives.argType(name, ['string'], value);
  };
  const validateBoolean = (value, name) => {
    if (typeof value !== 'boolean') throw natives.argType(name, ['boolean'], value);
  };
  const isAbortSignal = (v) => v !== null && typeof v === 'object' && 'aborted' in v;

  // styleText(format, text[, {validateStream, stream}]) wraps text in the escape codes of format (a
  // colour name, or an array of them, which always colours), when stream (process.stdout by
  // default, never a terminal here) should be coloured.
  function styleText(format, text, { validateStream = true, stream } = {}) {
    validateString(text, 'text');
    validateBoolean(validateStream, 'options.validateStream');
    if (validateStream && stream !== undefined && !isStreamLike(stream)) {
      throw natives.argType('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    const codes = [];
    for (const key of Array.isArray(format) ? format : [format]) {
      const code = inspect.colors[key];
      if (code == null) {
        const allowed = Object.keys(inspect.colors).map((k) => `'${k}'`).join(', ');
        throw natives.argValue('format', key, 'must be one of: ' + allowed);
      }
      codes.push(code);
    }
    if (!Array.isArray(format) && validateStream && !shouldColorize(stream ?? globalThis.process?.stdout)) return text;
    let left = '';
    let right = '';
    for (const [open, close] of codes) {
      left += `\u001b[${open}m`;
      right = `\u001b[${close}m` + right;
    }
    return left + text + right;
  }

  function isStreamLike(v) {
    if (!v) return false;
    const node = v._readableState || v._writableState || (typeof v.on === 'function' &&
      (typeof v.write === 'function' || typeof v.pipe === 'function'));
    if (node) return true;
    return (typeof v.pipeThrough === 'function' && typeof v.getReader === 'function' && typeof v.cancel === 'function') ||
      (typeof v.getWriter === 'function' && typeof v.abort === 'function');
  }

  // shouldColorize is Node's: FORCE_COLOR decides when it is set, else a terminal with colours does.
  function shouldColorize(stream) {
    const force = globalThis.process?.env?.FORCE_COLOR;
    if (force !== undefined) return force === '' || force === '1' || force === 'true' || force === '2' || force === '3';
    return Boolean(stream?.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true));
  }

  // Matches the ANSI escape sequences (chalk's ansi-regex, as Node uses it).
  const ansi = new RegExp('[\\u001B\\u009B][[\\]()#;?]*' +
    '(?:(?:(?:(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]+)*|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]*)*)?' +
    '(?:\\u0007|\\u001B\\u005C|\\u009C))|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-nq-uy=><~]))', 'g');

  function stripVTControlCharacters(str) {
    validateString(str, 'str');
    return str.replace(ansi, '');
  }

  // toUSVString replaces each lone surrogate with U+FFFD.
  function toUSVString(input) {
    const str = `${input}`;
    let out = '';
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
        const next = str.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          out += str[i] + str[i + 1];
          i++;
          continue;
        }
      }
      out += c >= 0xd800 && c <= 0xdfff ? '\ufffd' : str[i];
    }
    return out;
  }

  function getSystemErrorName(err) {
    if (typeof err !== 'number') throw natives.argType('err', ['number'], err);
    if (err >= 0 || !Number.isSafeInteger(err)) throw natives.outOfRange('err', 'a negative integer', err);
    return natives.errnoName(err);
  }

  function getSystemErrorMap() {
    return new Map(natives.systemErrors());
  }

  // The legacy system errors of the callback APIs: "<syscall> <code>[ <original>]" with errno, code
  // and syscall, and the host and port variant of the network calls.
  function _errnoException(err, syscall, original) {
    const code = getSystemErrorName(err);
    const e = new Error(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
    e.errno = err;
    e.code = code;
    e.syscall = syscall;
    return e;
  }

  function _exceptionWithHostPort(err, syscall, address, port, additional) {
    const code = getSystemErrorName(err);
    let details = '';
    if (port && port > 0) details = ` ${address}:${port}`;
    else if (address) details = ` ${address}`;
    if (additional) details += ` - Local (${additional})`;
    const e = new Error(`${syscall} ${code}${details}`);
    e.errno = err;
    e.code = code;
    e.syscall = syscall;
    e.address = address;
    if (port) e.port = port;
    return e;
  }

  function _extend(target, source) {
    if (source === null || typeof source !== 'object') return target;
    const keys = Object.keys(source);
    for (let i = keys.length - 1; i >= 0; i--) target[keys[i]] = source[keys[i]];
    return target;
  }

  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n) => String(n).padStart(2, '0');

  // log prints "<day> <month> <hh:mm:ss> - <message>" through console.log.
  function log(...args) {
    const d = new Date();
    const time = [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(':');
    console.log('%s - %s', `${d.getDate()} ${months[d.getMonth()]} ${time}`, natives.format(...args));
  }

  function parseEnv(content) {
    validateString(content, 'content');
    return natives.parseEnv(content);
  }

  // aborted(signal, resource) settles when signal aborts (at once when it has).
  async function aborted(signal, resource) {
    if (signal === undefined || !isAbortSignal(signal)) throw natives.argType('signal', ['AbortSignal'], signal);
    if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
      throw natives.argType('resource', ['Object'], resource);
    }
    if (signal.aborted) return undefined;
    return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  }

  function transferableAbortSignal(signal) {
    if (!(typeof AbortSignal === 'function' && signal instanceof AbortSignal)) {
      throw natives.argType('signal', ['AbortSignal'], signal);
    }
    return signal;
  }

  function transferableAbortController() {
    return new AbortController();
  }

  // The module's members, in Node's order.
  Object.assign(exports, {
    _errnoException,
    _exceptionWithHostPort,
    _extend,
    callbackify,
    debug: debuglog,
    debuglog,
    deprecate,
    format: natives.format,
    styleText,
    formatWithOptions,
    getSystemErrorMap,
    getSystemErrorName,
    inherits,
    inspect,
    isArray: Array.isArray,
    isBoolean: (v) => typeof v === 'boolean',
    isBuffer: (v) => typeof Buffer === 'function' && Buffer.isBuffer(v),
    isDeepStrictEqual,
    isNull: (v) => v === null,
    isNullOrUndefined: (v) => v === null || v === undefined,
    isNumber: (v) => typeof v === 'number',
    isString: (v) => typeof v === 'string',
    isSymbol: (v) => typeof v === 'symbol',
    isUndefined: (v) => v === undefined,
    isRegExp: types.isRegExp,
    isObject: (v) => v !== null && typeof v === 'object',
    isDate: types.isDate,
    isError,
    isFunction: (v) => typeof v === 'function',
    isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
    log,
    promisify,
    stripVTControlCharacters,
    toUSVString,
  });
  Object.defineProperties(exports, {
    transferableAbortSignal: { get: () => transferableAbortSignal, enumerable: true, configurable: true },
    transferableAbortController: { get: () => transferableAbortController, enumerable: true, configurable: true },
    aborted: { get: () => aborted, enumerable: true, configurable: true },
  });
  exports.types = types;
  exports.parseEnv = parseEnv;

  // Like Node, these are accessors that load what they name on first read, then become plain
  // properties; assigning one replaces it.
  const lazy = {
    parseArgs: () => natives.parseArgs().parseArgs,
    TextDecoder: () => globalThis.TextDecoder,
    TextEncoder: () => globalThis.TextEncoder,
    MIMEType: () => natives.mime().MIMEType,
    MIMEParams: () => natives.mime().MIMEParams,
  };
  for (const [key, load] of Object.entries(lazy)) {
    const set = function (value) {
      Object.defineProperty(exports, key, { value, writable: true, configurable: true, enumerable: true });
    };
    Object.defineProperty(set, 'name', { value: `set ${key}` });
    const get = function () {
      const value = load();
      set(value);
      return value;
    };
    Object.defineProperty(get, 'name', { value: `get ${key}` });
    Object.defineProperty(exports, key, { get, set, enumerable: true, configurable: true });
  }
});
