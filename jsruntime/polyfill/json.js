// JSON.parse and JSON.stringify as V8 does them, in Go (package jsjson): V8's messages, and nesting
// that cannot exhaust the Go stack the way goja's own recursion does. A reviver is applied here, as
// the specification's InternalizeJSONProperty; stringify leaves what jsjson does not write (replacers,
// toJSON, class instances, ...) to goja's.
(function (native, nativeStringify) {
  'use strict';

  const { isArray } = Array;
  const { keys } = Object;
  const { defineProperty, deleteProperty } = Reflect;
  const call = Function.prototype.call.bind(Function.prototype.call);

  const fail = (message, range) => {
    throw range ? new RangeError(message) : new SyntaxError(message);
  };

  // visit reads holder[name] as InternalizeJSONProperty does when it reaches it: after the siblings
  // before it were revived.
  function visit(holder, name) {
    const val = holder[name];
    let names = null;
    let length = 0;
    if (typeof val === 'object' && val !== null) {
      if (isArray(val)) length = val.length;
      else names = keys(val);
    }
    return { holder, name, val, names, length, next: 0 };
  }

  // internalize is InternalizeJSONProperty with its own stack: V8 recurses, but goja's stack overflow
  // cannot be caught by the plugin, so a deep walk must not overflow.
  function internalize(holder, name, reviver) {
    const stack = [];
    let frame = visit(holder, name);
    for (;;) {
      const count = frame.names === null ? frame.length : frame.names.length;
      if (frame.next < count) {
        const key = frame.names === null ? String(frame.next) : frame.names[frame.next];
        frame.next++;
        stack.push(frame);
        frame = visit(frame.val, key);
        continue;
      }
      const out = call(reviver, frame.holder, frame.name, frame.val);
      if (stack.length === 0) return out;
      const parent = stack.pop();
      if (out === undefined) {
        deleteProperty(parent.val, frame.name);
      } else {
        defineProperty(parent.val, frame.name, { value: out, writable: true, enumerable: true, configurable: true });
      }
      frame = parent;
    }
  }

  const { parse } = {
    parse(text, reviver) {
      const result = native(`${text}`, fail);
      if (typeof reviver !== 'function') return result;
      return internalize({ '': result }, '', reviver);
    },
  };
  defineProperty(JSON, 'parse', { value: parse, writable: true, enumerable: false, configurable: true });

  const { stringify } = {
    stringify(value, replacer, space) {
      return nativeStringify(value, replacer, space);
    },
  };
  defineProperty(JSON, 'stringify', { value: stringify, writable: true, enumerable: false, configurable: true });
});
