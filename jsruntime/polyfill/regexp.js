// RegExp with Unicode property escapes. goja accepts \p{…} and \P{…} under the u flag and then reads
// them as the letters "p{…}", so they never match. This RegExp replaces each with a character class
// of the property's code points (natives.propertyClass, from Go's Unicode tables) before goja compiles
// the pattern; esbuild turns the regexp literals of a file that has property escapes into calls of it
// (jsruntime/modules). Everything else goes to goja's RegExp as it is.
//
// The regexps are goja's own (instanceof, subclasses, goja's fast paths for match, replace and split
// all hold); source and toString show the pattern as written, as V8 does. Each pattern is translated
// and compiled once per runtime (a function whose literal is evaluated per call copies the compiled
// one), and RegExp[Symbol.species] is goja's RegExp, which goja's split needs for its fast path.
(function (global, natives) {
  'use strict';

  const NativeRegExp = global.RegExp;
  const proto = NativeRegExp.prototype;
  const nativeCompile = proto.compile;
  const nativeToString = proto.toString;
  const sourceOf = Object.getOwnPropertyDescriptor(proto, 'source').get;
  const flagsOf = Object.getOwnPropertyDescriptor(proto, 'flags').get;
  const construct = Reflect.construct;

  // The pattern, as written, of each regexp this file made: what source and toString show.
  const originals = new WeakMap();
  // Compiled translations by flags and pattern. A program building patterns from its input could
  // make any number of them: past maxTemplates the oldest is dropped.
  const templates = new Map();
  const maxTemplates = 256;

  function hasPropertyEscape(pattern) {
    return pattern.indexOf('\\p{') !== -1 || pattern.indexOf('\\P{') !== -1;
  }

  // validFlags: what goja accepts, each once. Other flags are left for goja to reject.
  function validFlags(flags) {
    for (let i = 0; i < flags.length; i++) {
      if ('gimsuy'.indexOf(flags[i]) === -1 || flags.indexOf(flags[i], i + 1) !== -1) return false;
    }
    return true;
  }

  function syntaxError(pattern, flags, what) {
    let sorted = '';
    for (const f of 'gimsuy') if (flags.indexOf(f) !== -1) sorted += f;
    return new SyntaxError('Invalid regular expression: /' + pattern + '/' + sorted + ': ' + what);
  }

  // translate returns the u-mode pattern with each \p{…} and \P{…} replaced by a character class, or
  // throws V8's SyntaxError for a property it does not know (and for one pluginhost lacks) and for a
  // property escape as the end of a class range.
  function translate(pattern, flags) {
    const n = pattern.length;
    let out = '';
    let copied = 0; // pattern before copied is in out
    let i = 0;

    // property reads the escape at i, appends the pattern before it to out and returns the class body
    // (the caller appends it: out += property() would lose what property appends).
    function property(inClass) {
      const negated = pattern[i + 1] === 'P';
      const close = pattern.indexOf('}', i + 3);
      const expr = pattern[i + 2] === '{' && close !== -1 ? pattern.slice(i + 3, close) : null;
      const body = expr === null ? null : natives.propertyClass(expr, negated);
      if (body === null) {
        let what = inClass ? 'Invalid property name in character class' : 'Invalid property name';
        if (expr !== null && natives.lacks(expr)) {
          what = 'the Unicode property ' + expr + ' is not supported in pluginhost';
        }
        throw syntaxError(pattern, flags, what);
      }
      out += pattern.slice(copied, i);
      i = close + 1;
      copied = i;
      return body;
    }

    // classAtom reads one atom of a class and says whether it is a set of characters (a class
    // escape) rather than one. An escape's last character is an atom of its own: only where a
    // range's '-' is matters.
    function classAtom() {
      if (pattern[i] !== '\\') {
        i++;
        return false;
      }
      const e = pattern[i + 1];
      if (e === 'p' || e === 'P') {
        const body = property(true);
        out += body;
        return true;
      }
      i += 2;
      return e === 'd' || e === 'D' || e === 's' || e === 'S' || e === 'w' || e === 'W';
    }

    while (i < n) {
      const c = pattern[i];
      if (c === '\\') {
        const e = pattern[i + 1];
        if (e === 'p' || e === 'P') {
          const body = property(false);
          out += body === '' ? nothing : '[' + body + ']';
        } else {
          i += 2;
        }
      } else if (c === '[') {
        out += pattern.slice(copied, i);
        copied = i;
        const start = out.length;
        i++;
        if (pattern[i] === '^') i++;
        const first = i;
        while (i < n && pattern[i] !== ']') {
          const fromSet = classAtom();
          if (pattern[i] === '-' && i + 1 < n && pattern[i + 1] !== ']') {
            i++;
            if (classAtom() || fromSet) throw syntaxError(pattern, flags, 'Invalid character class');
          }
        }
        out += pattern.slice(copied, i);
        copied = i;
        // A class left empty by empty properties (\P{Any}): goja's [] and [^] mishandle astral code
        // points.
        const inner = out.slice(start);
        if (i < n && i > first && (inner === '[' || inner === '[^')) {
          out = out.slice(0, start) + (inner === '[' ? nothing : everything);
          copied = ++i;
        } else {
          i++;
        }
      } else {
        i++;
      }
    }
    return out + pattern.slice(copied);
  }

  const nothing = '[^\\u{0}-\\u{10ffff}]';
  const everything = '[\\u{0}-\\u{10ffff}]';

  // template is the compiled translation of pattern with flags, which copies share.
  function template(pattern, flags) {
    const key = flags + '/' + pattern;
    let rx = templates.get(key);
    if (rx === undefined) {
      rx = new NativeRegExp(translate(pattern, flags), flags);
      if (templates.size >= maxTemplates) templates.delete(templates.keys().next().value);
      templates.set(key, rx);
    }
    return rx;
  }

  // translates says whether the pattern P with flags F (a string) needs this file's translation.
  function translates(P, F) {
    return F.indexOf('u') !== -1 && hasPropertyEscape(P) && validFlags(F);
  }

  // The spec's IsRegExp.
  function isRegExp(x) {
    if (x === null || (typeof x !== 'object' && typeof x !== 'function')) return false;
    const matcher = x[Symbol.match];
    return matcher !== undefined ? !!matcher : natives.isRegExp(x);
  }

  // escapeSource writes pattern as V8's source shows it: '/' outside classes and line terminators
  // escaped.
  function escapeSource(pattern) {
    let out = '';
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '\\' && i + 1 < pattern.length) {
        out += c + pattern[++i];
      } else if (c === '/' && !inClass) {
        out += '\\/';
      } else if (c === '\n') {
        out += '\\n';
      } else if (c === '\r') {
        out += '\\r';
      } else if (c === '\u2028') {
        out += '\\u2028';
      } else if (c === '\u2029') {
        out += '\\u2029';
      } else {
        if (c === '[') inClass = true;
        else if (c === ']') inClass = false;
        out += c;
      }
    }
    return out;
  }

  // copy is a new regexp, an instance of newTarget, sharing template's compiled pattern.
  function copy(template, newTarget) {
    if (newTarget === RegExp) return new NativeRegExp(template);
    const rx = construct(NativeRegExp, [], newTarget);
    nativeCompile.call(rx, template);
    return rx;
  }

  function RegExp(pattern, flags) {
    // The common case first, at the cost of one look at the flags.
    if (new.target === RegExp && typeof pattern === 'string' &&
        (flags === undefined || (typeof flags === 'string' && !translates(pattern, flags)))) {
      return new NativeRegExp(pattern, flags);
    }
    let newTarget = new.target;
    if (newTarget === undefined) {
      newTarget = RegExp;
      if (flags === undefined && isRegExp(pattern) && pattern.constructor === RegExp) return pattern;
    }
    let P = pattern;
    let F = flags;
    const original = originals.get(pattern);
    if (original !== undefined) {
      P = original;
      if (F === undefined) F = flagsOf.call(pattern);
    } else if (typeof P !== 'string') {
      return construct(NativeRegExp, [pattern, flags], newTarget);
    }
    if (F !== undefined) F = `${F}`;
    if (F !== undefined && translates(P, F)) {
      const rx = copy(template(P, F), newTarget);
      originals.set(rx, P);
      return rx;
    }
    return construct(NativeRegExp, [P, F], newTarget);
  }

  const methods = {
    get source() {
      const original = originals.get(this);
      return original === undefined ? sourceOf.call(this) : escapeSource(original);
    },
    toString() {
      return originals.has(this) ? '/' + this.source + '/' + this.flags : nativeToString.call(this);
    },
    compile(pattern, flags) {
      const original = originals.get(pattern);
      let P = pattern;
      let F = flags;
      if (original !== undefined && flags === undefined) {
        P = original;
        F = flagsOf.call(pattern);
      }
      if (typeof P === 'string' && F !== undefined) F = `${F}`;
      if (typeof P === 'string' && F !== undefined && translates(P, F)) {
        nativeCompile.call(this, template(P, F));
        originals.set(this, P);
        return this;
      }
      const rx = nativeCompile.call(this, pattern, flags);
      originals.delete(this);
      return rx;
    },
  };

  const speciesGetter = Object.getOwnPropertyDescriptor({
    get [Symbol.species]() {
      return this === RegExp ? NativeRegExp : this;
    },
  }, Symbol.species).get;

  Object.defineProperty(RegExp, 'prototype', { value: proto, writable: false });
  Object.defineProperty(RegExp, Symbol.species, { get: speciesGetter, enumerable: false, configurable: true });
  Object.defineProperty(proto, 'constructor', { value: RegExp, writable: true, enumerable: false, configurable: true });
  for (const name of ['source', 'toString', 'compile']) {
    const desc = Object.getOwnPropertyDescriptor(methods, name);
    desc.enumerable = false;
    Object.defineProperty(proto, name, desc);
  }
  Object.defineProperty(global, 'RegExp', { value: RegExp, writable: true, enumerable: false, configurable: true });
});
