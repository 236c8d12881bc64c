// Standard built-ins that Node 20 or the packages plugins use rely on and goja lacks. Each is defined
// only when missing, non-enumerable like the built-ins, with the spec's name and length.
(function (global) {
  'use strict';

  function define(target, name, value) {
    if (Object.prototype.hasOwnProperty.call(target, name)) return;
    Object.defineProperty(target, name, { value, writable: true, enumerable: false, configurable: true });
  }

  function method(target, name, length, fn) {
    Object.defineProperty(fn, 'name', { value: name, configurable: true });
    Object.defineProperty(fn, 'length', { value: length, configurable: true });
    define(target, name, fn);
  }

  function requireCallable(fn, what) {
    if (typeof fn !== 'function') throw new TypeError(what + ' is not a function');
  }

  function toPropertyKey(k) {
    return typeof k === 'symbol' ? k : String(k);
  }

  // Promise.withResolvers (ES2024).
  method(Promise, 'withResolvers', 0, function () {
    let resolve, reject;
    const promise = new this((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  });

  // Object.groupBy and Map.groupBy (ES2024).
  function group(items, callback, keyOf, add) {
    if (items === null || items === undefined) throw new TypeError('Cannot convert undefined or null to object');
    requireCallable(callback, String(callback));
    let k = 0;
    for (const value of items) {
      add(keyOf(callback(value, k++)), value);
    }
  }
  method(Object, 'groupBy', 2, function (items, callback) {
    const groups = Object.create(null);
    group(items, callback, toPropertyKey, (key, value) => {
      if (Object.prototype.hasOwnProperty.call(groups, key)) groups[key].push(value);
      else groups[key] = [value];
    });
    return groups;
  });
  method(Map, 'groupBy', 2, function (items, callback) {
    const groups = new Map();
    group(items, callback, (key) => (key === 0 ? 0 : key), (key, value) => {
      const list = groups.get(key);
      if (list) list.push(value);
      else groups.set(key, [value]);
    });
    return groups;
  });

  // Array.fromAsync (ES2024): async iterables, then sync iterables (awaiting each value), then
  // array-likes.
  method(Array, 'fromAsync', 1, async function (items, mapfn = undefined, thisArg = undefined) {
    if (mapfn !== undefined) requireCallable(mapfn, String(mapfn));
    const C = this;
    const result = typeof C === 'function' ? new C() : [];
    let k = 0;
    const add = async (v) => {
      const value = mapfn === undefined ? v : await mapfn.call(thisArg, v, k);
      result[k++] = value;
    };
    if (items === null || items === undefined) throw new TypeError(String(items) + ' is not iterable');
    const asyncIterator = items[Symbol.asyncIterator];
    const syncIterator = items[Symbol.iterator];
    if (asyncIterator !== undefined && asyncIterator !== null) {
      const it = asyncIterator.call(items);
      for (;;) {
        const step = await it.next();
        if (step.done) break;
        try {
          await add(step.value);
        } catch (err) {
          if (typeof it.return === 'function') await it.return();
          throw err;
        }
      }
    } else if (syncIterator !== undefined && syncIterator !== null) {
      const it = syncIterator.call(items);
      for (;;) {
        const step = it.next();
        if (step.done) break;
        try {
          await add(await step.value);
        } catch (err) {
          if (typeof it.return === 'function') it.return();
          throw err;
        }
      }
    } else {
      const arrayLike = Object(items);
      const len = Math.min(Math.max(Math.trunc(Number(arrayLike.length)) || 0, 0), Number.MAX_SAFE_INTEGER);
      for (let i = 0; i < len; i++) await add(await arrayLike[i]);
    }
    result.length = k;
    return result;
  });

  // String.prototype.isWellFormed and toWellFormed (ES2024): lone surrogates.
  function loneSurrogateAt(s, i) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      return !(next >= 0xdc00 && next <= 0xdfff) ? 1 : 2;
    }
    return c >= 0xdc00 && c <= 0xdfff ? 1 : 0;
  }
  function thisString(v, name) {
    if (v === null || v === undefined) throw new TypeError('String.prototype.' + name + ' called on null or undefined');
    return String(v);
  }
  method(String.prototype, 'isWellFormed', 0, function () {
    const s = thisString(this, 'isWellFormed');
    for (let i = 0; i < s.length; i++) {
      const r = loneSurrogateAt(s, i);
      if (r === 1) return false;
      if (r === 2) i++;
    }
    return true;
  });
  method(String.prototype, 'toWellFormed', 0, function () {
    const s = thisString(this, 'toWellFormed');
    let out = '';
    let from = 0;
    for (let i = 0; i < s.length; i++) {
      const r = loneSurrogateAt(s, i);
      if (r === 1) {
        out += s.slice(from, i) + '\ufffd';
        from = i + 1;
      } else if (r === 2) {
        i++;
      }
    }
    return from === 0 ? s : out + s.slice(from);
  });

  // WeakRef and FinalizationRegistry (ES2021). goja has no weak references, so a WeakRef holds its
  // target strongly (deref always returns it) and a registry's cleanup callbacks never run; the
  // specification allows both, as it never promises collection. A registry keeps only the
  // unregister tokens, weakly, so registering does not keep targets alive any longer.
  function canBeHeldWeakly(v) {
    return (typeof v === 'object' && v !== null) || typeof v === 'function' || (typeof v === 'symbol' && Symbol.keyFor(v) === undefined);
  }
  function receiverOf(obj, slot, method) {
    if (obj === null || typeof obj !== 'object' || !slot.has(obj)) {
      const shown = obj !== null && typeof obj === 'object' ? '#<' + ((obj.constructor && obj.constructor.name) || 'Object') + '>' : String(obj);
      throw new TypeError('Method ' + method + ' called on incompatible receiver ' + shown);
    }
    return slot.get(obj);
  }
  const weakRefs = new WeakMap();
  function WeakRef(target) {
    if (new.target === undefined) throw new TypeError("Constructor WeakRef requires 'new'");
    if (!canBeHeldWeakly(target)) throw new TypeError('WeakRef: invalid target');
    weakRefs.set(this, target);
  }
  method(WeakRef.prototype, 'deref', 0, function () {
    return receiverOf(this, weakRefs, 'WeakRef.prototype.deref');
  });
  Object.defineProperty(WeakRef.prototype, Symbol.toStringTag, { value: 'WeakRef', configurable: true });
  Object.defineProperty(WeakRef, 'prototype', { writable: false, enumerable: false, configurable: false });
  define(global, 'WeakRef', WeakRef);

  const registries = new WeakMap(); // registry -> its tokens: object -> count, and a Map for symbols
  function FinalizationRegistry(cleanupCallback) {
    if (new.target === undefined) throw new TypeError("Constructor FinalizationRegistry requires 'new'");
    if (typeof cleanupCallback !== 'function') throw new TypeError('FinalizationRegistry: cleanup must be callable');
    registries.set(this, { objects: new WeakMap(), symbols: new Map() });
  }
  const tokensOf = (tokens, token) => (typeof token === 'symbol' ? tokens.symbols : tokens.objects);
  const describe = (v) => (typeof v === 'string' ? "'" + v + "'" : String(v));
  method(FinalizationRegistry.prototype, 'register', 2, function (target, heldValue, unregisterToken = undefined) {
    const tokens = receiverOf(this, registries, 'FinalizationRegistry.prototype.register');
    if (!canBeHeldWeakly(target)) throw new TypeError('FinalizationRegistry.prototype.register: invalid target');
    if (target === heldValue) throw new TypeError('FinalizationRegistry.prototype.register: target and holdings must not be same');
    if (unregisterToken === undefined) return undefined;
    if (!canBeHeldWeakly(unregisterToken)) throw new TypeError('Invalid unregisterToken (' + describe(unregisterToken) + ')');
    const map = tokensOf(tokens, unregisterToken);
    map.set(unregisterToken, (map.get(unregisterToken) || 0) + 1);
    return undefined;
  });
  method(FinalizationRegistry.prototype, 'unregister', 1, function (unregisterToken) {
    const tokens = receiverOf(this, registries, 'FinalizationRegistry.prototype.unregister');
    if (!canBeHeldWeakly(unregisterToken)) throw new TypeError('Invalid unregisterToken (' + describe(unregisterToken) + ')');
    return tokensOf(tokens, unregisterToken).delete(unregisterToken);
  });
  Object.defineProperty(FinalizationRegistry.prototype, Symbol.toStringTag, { value: 'FinalizationRegistry', configurable: true });
  Object.defineProperty(FinalizationRegistry, 'prototype', { writable: false, enumerable: false, configurable: false });
  define(global, 'FinalizationRegistry', FinalizationRegistry);

  // V8 refuses strings longer than 2^29-24 code units with RangeError: Invalid string length; goja
  // would build them, so 'x'.repeat(2 ** 31) could take the host's memory. The methods that build a
  // long string from a short one check the length first.
  const maxStringLength = 536870888;
  const guard = (name, tooLong) => {
    const original = String.prototype[name];
    const wrapped = {
      [name](...args) {
        if (this === null || this === undefined) throw new TypeError('String.prototype.' + name + ' called on null or undefined');
        if (tooLong(String(this), args)) throw new RangeError('Invalid string length');
        return original.apply(this, args);
      },
    }[name];
    Object.defineProperty(wrapped, 'length', { value: original.length });
    Object.defineProperty(String.prototype, name, { value: wrapped, writable: true, configurable: true });
  };
  guard('repeat', (str, [count]) => {
    const n = Math.trunc(Number(count)) || 0;
    if (n < 0 || n === Infinity) throw new RangeError('Invalid count value: ' + n);
    return str.length * n > maxStringLength;
  });
  const padTooLong = (str, [maxLength, fill]) =>
    Math.trunc(Number(maxLength)) > maxStringLength && (fill === undefined || String(fill) !== '') && str.length < maxLength;
  guard('padStart', padTooLong);
  guard('padEnd', padTooLong);

  // goja's Array.prototype.join (and so toString and String(array)) and flat recurse in Go for every
  // level of nested arrays, and a deep enough nesting exhausts the Go stack, which ends the whole
  // process. join counts the arrays it is inside (toString reaches nested arrays through join) and
  // throws V8's RangeError past joinNesting (V8 joins 3,000 levels and fails at 3,300; the count also
  // keeps the JS frames of a join well inside goja's call stack limit, whose overflow a plugin could
  // not catch). flat with a depth beyond flatNesting flattens flatNesting levels at a time, which is
  // the same (a flattened array has no holes left to skip).
  const joinNesting = 3200;
  const flatNesting = 10000;
  const tooDeep = () => new RangeError('Maximum call stack size exceeded');
  const nativeJoin = Array.prototype.join;
  let joining = 0;
  const { join } = {
    join(separator) {
      if (joining >= joinNesting) throw tooDeep();
      joining++;
      try {
        return nativeJoin.call(this, separator);
      } finally {
        joining--;
      }
    },
  };
  Object.defineProperty(Array.prototype, 'join', { value: join, writable: true, enumerable: false, configurable: true });
  const nativeFlat = Array.prototype.flat;
  const { isArray } = Array;
  const { flat } = {
    flat(depth = undefined) {
      let levels = depth === undefined ? 1 : Math.trunc(Number(depth)) || 0;
      if (levels <= flatNesting) return nativeFlat.call(this, levels);
      let out = nativeFlat.call(this, flatNesting);
      for (levels -= flatNesting; levels > 0 && out.some(isArray); levels -= flatNesting) {
        out = nativeFlat.call(out, Math.min(levels, flatNesting));
      }
      return out;
    },
  };
  Object.defineProperty(Array.prototype, 'flat', { value: flat, writable: true, enumerable: false, configurable: true });

  // GoError is goja's constructor of the errors Go code makes (NewGoError); it is no global in Node,
  // and nothing of pluginhost's looks it up by name.
  delete global.GoError;

  // Symbol.dispose and Symbol.asyncDispose, which Node 20 defines with these descriptions for explicit
  // resource management (TypeScript's `using` helpers look them up).
  if (!('dispose' in Symbol)) {
    Object.defineProperty(Symbol, 'dispose', { value: Symbol('nodejs.dispose') });
  }
  if (!('asyncDispose' in Symbol)) {
    Object.defineProperty(Symbol, 'asyncDispose', { value: Symbol('nodejs.asyncDispose') });
  }
})
