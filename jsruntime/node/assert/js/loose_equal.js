// isDeepEqual is the loose deep equality of assert.deepEqual (Node 20's comparison in its loose
// mode): primitives compare with == (NaN equals NaN), prototypes are ignored, objects compare by
// their own enumerable string keys, and Maps and Sets by entries, where a primitive may also match a
// loosely equal one. The strict comparison is util.isDeepStrictEqual.
(function (ns, natives) {
  'use strict';
  const { types } = natives.util;

  const kNoIterator = 0;
  const kIsArray = 1;
  const kIsSet = 2;
  const kIsMap = 3;

  const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const isEnumerable = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);
  const isError = (v) => types.isNativeError(v) || v instanceof Error;
  const isIndex = (k) => String(k >>> 0) === k && (k >>> 0) !== 0xffffffff;
  const nonIndexKeys = (o) => Object.keys(o).filter((k) => !isIndex(k));

  function bytesEqual(a, b) {
    if (a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }

  function boxedEqual(a, b) {
    for (const [is, valueOf] of [
      [types.isNumberObject, Number.prototype.valueOf], [types.isStringObject, String.prototype.valueOf],
      [types.isBooleanObject, Boolean.prototype.valueOf], [types.isBigIntObject, BigInt.prototype.valueOf],
      [types.isSymbolObject, Symbol.prototype.valueOf],
    ]) {
      if (is(a)) return is(b) && Object.is(valueOf.call(a), valueOf.call(b));
    }
    return false;
  }

  function isDeepEqual(a, b) {
    return innerDeepEqual(a, b, { pairs: new Map() });
  }

  function innerDeepEqual(a, b, memo) {
    if (a === b) return true;
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') {
        // eslint-disable-next-line eqeqeq
        return a == b || (Number.isNaN(a) && Number.isNaN(b));
      }
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
    const tag = Object.prototype.toString.call(a);
    if (tag !== Object.prototype.toString.call(b)) return false;
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
      const keys = nonIndexKeys(a);
      if (keys.length !== nonIndexKeys(b).length) return false;
      return keyCheck(a, b, memo, kIsArray, keys);
    }
    if (tag === '[object Object]') return keyCheck(a, b, memo, kNoIterator);
    if (types.isDate(a)) {
      if (!types.isDate(b) || a.getTime() !== b.getTime()) return false;
    } else if (types.isRegExp(a)) {
      if (!types.isRegExp(b) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
    } else if (ArrayBuffer.isView(a)) {
      if (a[Symbol.toStringTag] !== b[Symbol.toStringTag]) return false;
      if (types.isFloat32Array(a) || types.isFloat64Array(a)) {
        // Element-wise: 0 equals -0 and NaN differs from itself here.
        if (a.byteLength !== b.byteLength) return false;
        for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
      } else if (!bytesEqual(a, b)) {
        return false;
      }
      const keys = nonIndexKeys(a);
      if (keys.length !== nonIndexKeys(b).length) return false;
      return keyCheck(a, b, memo, kNoIterator, keys);
    } else if (types.isSet(a)) {
      if (!types.isSet(b) || a.size !== b.size) return false;
      return keyCheck(a, b, memo, kIsSet);
    } else if (types.isMap(a)) {
      if (!types.isMap(b) || a.size !== b.size) return false;
      return keyCheck(a, b, memo, kIsMap);
    } else if (types.isAnyArrayBuffer(a)) {
      if (!types.isAnyArrayBuffer(b) || !bytesEqual(new Uint8Array(a), new Uint8Array(b))) return false;
    } else if (isError(a)) {
      if (!isError(b)) return false;
      // message, name, cause and errors count whether or not they are enumerable.
      for (const key of ['message', 'name', 'cause', 'errors']) {
        const enumerable = isEnumerable(a, key);
        if (enumerable !== isEnumerable(b, key)) return false;
        if (!enumerable) {
          const equal = key === 'message' || key === 'name' ? a[key] === b[key] : innerDeepEqual(a[key], b[key], memo);
          if (!equal) return false;
        }
      }
    } else if (types.isBoxedPrimitive(a)) {
      if (!boxedEqual(a, b)) return false;
    } else if (Array.isArray(b) || ArrayBuffer.isView(b) || types.isSet(b) || types.isMap(b) || types.isDate(b) ||
               types.isRegExp(b) || types.isAnyArrayBuffer(b) || types.isBoxedPrimitive(b) || isError(b)) {
      return false;
    } else if (typeof URL === 'function' && a instanceof URL) {
      if (!(b instanceof URL) || a.href !== b.href) return false;
    }
    return keyCheck(a, b, memo, kNoIterator);
  }

  function keyCheck(a, b, memo, iterationType, keys) {
    const arrayLike = keys !== undefined;
    if (!arrayLike) keys = Object.keys(a);
    for (const key of keys) {
      if (!isEnumerable(b, key)) return false;
    }
    if (!arrayLike && keys.length !== Object.keys(b).length) return false;
    if (keys.length === 0 &&
        (iterationType === kNoIterator || (iterationType === kIsArray && a.length === 0) || a.size === 0)) {
      return true;
    }
    // A pair already being compared (a cycle) is taken as equal.
    let partners = memo.pairs.get(a);
    if (partners && partners.has(b)) return true;
    if (!partners) {
      partners = new Set();
      memo.pairs.set(a, partners);
    }
    partners.add(b);
    const equal = objEquiv(a, b, keys, memo, iterationType);
    partners.delete(b);
    return equal;
  }

  function objEquiv(a, b, keys, memo, iterationType) {
    for (const key of keys) {
      if (!innerDeepEqual(a[key], b[key], memo)) return false;
    }
    if (iterationType === kIsArray) {
      for (let i = 0; i < a.length; i++) {
        if (hasOwn(a, i)) {
          if (!hasOwn(b, i) || !innerDeepEqual(a[i], b[i], memo)) return false;
        } else if (hasOwn(b, i)) {
          return false;
        } else {
          // A sparse array: compare the rest by keys.
          const keysA = Object.keys(a);
          for (; i < keysA.length; i++) {
            const key = keysA[i];
            if (!hasOwn(b, key) || !innerDeepEqual(a[key], b[key], memo)) return false;
          }
          return keysA.length === Object.keys(b).length;
        }
      }
    } else if (iterationType === kIsSet) {
      return setEquiv(a, b, memo);
    } else if (iterationType === kIsMap) {
      return mapEquiv(a, b, memo);
    }
    return true;
  }

  // looseMatch is what a primitive missing from a Set or Map may still loosely equal: undefined
  // for null and undefined (they equal each other), false when nothing else can match, true when a
  // number or string may match another.
  function looseMatch(prim) {
    switch (typeof prim) {
      case 'undefined':
        return null;
      case 'object':
        return undefined;
      case 'symbol':
        return false;
      case 'string':
        prim = +prim;
      // falls through
      case 'number':
        if (Number.isNaN(prim)) return false;
    }
    return true;
  }

  function setMightHaveLoosePrim(a, b, prim) {
    const alt = looseMatch(prim);
    if (alt != null) return alt;
    return b.has(alt) && !a.has(alt);
  }

  function mapMightHaveLoosePrim(a, b, prim, item, memo) {
    const alt = looseMatch(prim);
    if (alt != null) return alt;
    const curB = b.get(alt);
    if ((curB === undefined && !b.has(alt)) || !innerDeepEqual(item, curB, memo)) return false;
    return !a.has(alt) && innerDeepEqual(item, curB, memo);
  }

  function setHasEqualElement(set, value, memo) {
    for (const candidate of set) {
      if (innerDeepEqual(candidate, value, memo)) {
        set.delete(candidate);
        return true;
      }
    }
    return false;
  }

  function setEquiv(a, b, memo) {
    let set = null;
    for (const value of a) {
      if (b.has(value)) continue;
      if ((typeof value !== 'object' || value === null) && !setMightHaveLoosePrim(a, b, value)) return false;
      if (set === null) {
        if (b.size === 1) return innerDeepEqual(value, b.values().next().value, memo);
        set = new Set();
      }
      set.add(value);
    }
    if (set === null) return true;
    for (const value of b) {
      if (!a.has(value) && !setHasEqualElement(set, value, memo)) return false;
    }
    return set.size === 0;
  }

  function mapHasEqualEntry(set, map, key, item, memo) {
    for (const candidate of set) {
      if (innerDeepEqual(candidate, key, memo) && innerDeepEqual(map.get(candidate), item, memo)) {
        set.delete(candidate);
        return true;
      }
    }
    return false;
  }

  function mapEquiv(a, b, memo) {
    let set = null;
    for (const [key, item] of a) {
      if (typeof key === 'object' && key !== null) {
        if (set === null) {
          if (b.size === 1) {
            const [key2, item2] = b.entries().next().value;
            return innerDeepEqual(key, key2, memo) && innerDeepEqual(item, item2, memo);
          }
          set = new Set();
        }
        set.add(key);
      } else {
        const item2 = b.get(key);
        if ((item2 === undefined && !b.has(key)) || !innerDeepEqual(item, item2, memo)) {
          if (!mapMightHaveLoosePrim(a, b, key, item, memo)) return false;
          if (set === null) set = new Set();
          set.add(key);
        }
      }
    }
    if (set === null) return true;
    for (const [key, item] of b) {
      if (typeof key === 'object' && key !== null) {
        if (!mapHasEqualEntry(set, a, key, item, memo)) return false;
      } else if ((!a.has(key) || !innerDeepEqual(a.get(key), item, memo)) && !mapHasEqualEntry(set, a, key, item, memo)) {
        return false;
      }
    }
    return set.size === 0;
  }

  ns.isDeepEqual = isDeepEqual;
});
