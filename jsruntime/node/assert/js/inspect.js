// inspectValue renders a value the way Node's assert does for its messages: util.inspect with
// compact: false (one entry per line), sorted: true, getters: true, no depth or array limit and no
// custom inspect functions. Plain objects, class instances, arrays, typed arrays, Maps and Sets are
// laid out here; everything else (primitives, functions, dates, regular expressions, errors, boxed
// primitives, promises) is util.inspect's one-line form.
(function (ns, natives) {
  'use strict';
  const { inspect, types } = natives.util;

  const kMinLineWidth = 16;
  const kBreakLength = 80;
  const identifier = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

  function inspectValue(value) {
    const ctx = { indentationLvl: 0, seen: [], circular: new Map() };
    return formatValue(ctx, value);
  }

  function formatValue(ctx, value) {
    if (typeof value === 'string') return formatString(ctx, value);
    if (value === null || typeof value !== 'object') return inspect(value);
    if (ctx.seen.includes(value)) {
      let index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
      return `[Circular *${index}]`;
    }
    const layout = describe(value);
    if (!layout) return inspect(value);
    ctx.seen.push(value);
    let output = layout.entries(ctx);
    const keys = ownKeys(value, layout.skipIndexes);
    const extras = keys.map((key) => formatProperty(ctx, value, key));
    ctx.seen.pop();
    if (layout.isArray) {
      output = output.concat(extras.sort());
    } else {
      output = output.concat(extras).sort();
    }
    let res = reduce(ctx, output, layout.prefix, layout.braces);
    const index = ctx.circular.get(value);
    if (index !== undefined) res = `<ref *${index}> ${res}`;
    return res;
  }

  // A string longer than a line is shown as its lines joined with +.
  function formatString(ctx, value) {
    if (value.length > kMinLineWidth && value.length > kBreakLength - ctx.indentationLvl - 4) {
      return value.split(/(?<=\n)/).map((line) => inspect(line))
        .join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`);
    }
    return inspect(value);
  }

  function reduce(ctx, output, prefix, braces) {
    const base = prefix ? `${prefix} ` : '';
    if (output.length === 0) return `${base}${braces[0]}${braces[1]}`;
    const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
    return `${base}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
  }

  // describe says how to lay out an object: its prefix, braces and entries, or null for a leaf.
  function describe(value) {
    const ctor = constructorName(value);
    let tag = value[Symbol.toStringTag];
    if (typeof tag !== 'string') tag = '';
    if (Array.isArray(value)) {
      const prefix = ctor === 'Array' && tag === '' ? '' : getPrefix(ctor, tag, 'Array', `(${value.length})`);
      return { prefix, braces: ['[', ']'], isArray: true, skipIndexes: true, entries: (ctx) => arrayEntries(ctx, value) };
    }
    if (types.isTypedArray(value)) {
      return {
        prefix: getPrefix(ctor, tag, tag, `(${value.length})`), braces: ['[', ']'], isArray: true, skipIndexes: true,
        entries: () => Array.from(value, (n) => inspect(n)),
      };
    }
    if (types.isMap(value)) {
      return {
        prefix: getPrefix(ctor, tag, 'Map', `(${value.size})`), braces: ['{', '}'],
        entries: (ctx) => nested(ctx, () => Array.from(value, ([k, v]) => `${formatValue(ctx, k)} => ${formatValue(ctx, v)}`)),
      };
    }
    if (types.isSet(value)) {
      return {
        prefix: getPrefix(ctor, tag, 'Set', `(${value.size})`), braces: ['{', '}'],
        entries: (ctx) => nested(ctx, () => Array.from(value, (v) => formatValue(ctx, v))),
      };
    }
    if (Object.prototype.toString.call(value) !== `[object ${tag || 'Object'}]` ||
        types.isBoxedPrimitive(value) || types.isPromise(value) || types.isNativeError(value) ||
        types.isDate(value) || types.isRegExp(value) || types.isWeakMap(value) || types.isWeakSet(value) ||
        types.isAnyArrayBuffer(value) || types.isDataView(value)) {
      return null;
    }
    const prefix = ctor === 'Object' && tag === '' ? '' : getPrefix(ctor, tag, 'Object');
    return { prefix, braces: ['{', '}'], entries: () => [] };
  }

  // getPrefix names an object as util.inspect does: "Foo(2) [Map]", "[Object: null prototype]".
  function getPrefix(ctor, tag, fallback, size = '') {
    if (ctor === null) {
      if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}]`;
      return `[${fallback}${size}: null prototype]`;
    }
    if (tag !== '' && ctor !== tag) return `${ctor}${size} [${tag}]`;
    return `${ctor}${size}`;
  }

  // constructorName is the name of the first constructor on the prototype chain, null without one.
  function constructorName(obj) {
    for (let proto = Object.getPrototypeOf(obj); proto !== null; proto = Object.getPrototypeOf(proto)) {
      const desc = Object.getOwnPropertyDescriptor(proto, 'constructor');
      if (desc && typeof desc.value === 'function' && desc.value.name !== '') return desc.value.name;
    }
    return null;
  }

  function nested(ctx, fn) {
    ctx.indentationLvl += 2;
    try {
      return fn();
    } finally {
      ctx.indentationLvl -= 2;
    }
  }

  function arrayEntries(ctx, value) {
    const output = [];
    for (let i = 0; i < value.length; i++) {
      if (!Object.prototype.hasOwnProperty.call(value, i)) {
        let j = i;
        while (j < value.length && !Object.prototype.hasOwnProperty.call(value, j)) j++;
        const n = j - i;
        output.push(`<${n} empty item${n > 1 ? 's' : ''}>`);
        i = j - 1;
        continue;
      }
      output.push(nested(ctx, () => formatValue(ctx, value[i])));
    }
    return output;
  }

  // ownKeys are the enumerable own keys util.inspect shows, array indexes left out for arrays.
  function ownKeys(value, skipIndexes) {
    let keys = Object.keys(value);
    if (skipIndexes) keys = keys.filter((k) => !(String(k >>> 0) === k && (k >>> 0) !== 0xffffffff));
    const symbols = Object.getOwnPropertySymbols(value)
      .filter((s) => Object.prototype.propertyIsEnumerable.call(value, s));
    return keys.concat(symbols);
  }

  function formatProperty(ctx, obj, key) {
    const desc = Object.getOwnPropertyDescriptor(obj, key);
    let name;
    if (typeof key === 'symbol') name = `[${inspect(key)}]`;
    else if (identifier.test(key)) name = key;
    else name = inspect(key);
    let str;
    if (desc.get !== undefined) {
      // getters: true shows the value a getter returns.
      const kind = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
      try {
        const v = desc.get.call(obj);
        str = nested(ctx, () => `[${kind}: ${v !== null && typeof v === 'object' ? formatValue(ctx, v) : inspect(v)}]`);
      } catch (err) {
        str = `[${kind}: <Inspection threw (${err && err.message})>]`;
      }
    } else if (desc.set !== undefined) {
      str = '[Setter]';
    } else {
      str = nested(ctx, () => formatValue(ctx, desc.value));
    }
    return `${name}: ${str}`;
  }

  ns.inspectValue = inspectValue;
});
