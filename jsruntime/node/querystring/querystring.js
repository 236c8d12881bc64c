// The body of node:querystring. Go passes natives (the byte-level unescape, which yields a Buffer, and
// Node's URIError) and the exports object. It is JS because keys and values are UTF-16 strings handed
// to and from plugin-supplied encode/decode functions.
(function (natives, exports) {
  'use strict';

  // escape percent-encodes everything outside Node's unreserved set, which is exactly the set
  // encodeURIComponent leaves alone; only the error for a lone surrogate differs.
  function escape(str) {
    if (typeof str !== 'string') str = typeof str === 'object' ? String(str) : str + '';
    try {
      return encodeURIComponent(str);
    } catch (e) {
      throw natives.error('URIError', 'ERR_INVALID_URI', 'URI malformed');
    }
  }

  // unescape decodes strictly when it can, and otherwise byte by byte, keeping malformed escapes as
  // they are; only the byte-by-byte path honours decodeSpaces, as in Node.
  function unescape(str, decodeSpaces) {
    try {
      return decodeURIComponent(str);
    } catch (e) {
      return natives.unescape(String(str), !!decodeSpaces);
    }
  }

  function unescapeBuffer(str, decodeSpaces) {
    return natives.unescapeBuffer(String(str), !!decodeSpaces);
  }

  // primitive is how stringify writes a key or value: types other than these become ''.
  function primitive(v) {
    switch (typeof v) {
      case 'string': return v;
      case 'number': return isFinite(v) ? '' + v : '';
      case 'bigint': return '' + v;
      case 'boolean': return v ? 'true' : 'false';
      default: return '';
    }
  }

  function stringify(obj, sep, eq, options) {
    sep = sep || '&';
    eq = eq || '=';
    const encode = options && typeof options.encodeURIComponent === 'function' ? options.encodeURIComponent : escape;
    if (obj === null || typeof obj !== 'object') return '';
    const fields = [];
    for (const k of Object.keys(obj)) {
      const prefix = encode(primitive(k)) + eq;
      const v = obj[k];
      if (Array.isArray(v)) {
        for (const item of v) fields.push(prefix + encode(primitive(item)));
      } else {
        fields.push(prefix + encode(primitive(v)));
      }
    }
    return fields.join(sep);
  }

  function parse(str, sep, eq, options) {
    const result = Object.create(null);
    if (typeof str !== 'string' || str.length === 0) return result;
    sep = sep ? String(sep) : '&';
    eq = eq ? String(eq) : '=';
    let maxKeys = 1000;
    if (options && typeof options.maxKeys === 'number') maxKeys = options.maxKeys;
    const custom = options && typeof options.decodeURIComponent === 'function' ? options.decodeURIComponent : null;
    // A custom decoder sees '+' as the escape it stands for; the default one is spared the work.
    const plus = custom ? '%20' : ' ';
    const decode = (s) => {
      if (s === '') return s;
      s = s.replace(/\+/g, plus);
      if (!custom) return s.indexOf('%') === -1 ? s : unescape(s, true);
      try {
        return custom(s);
      } catch (e) {
        return unescape(s, true);
      }
    };
    let pieces = str.split(sep);
    // maxKeys bounds the pieces looked at, empty ones included; zero or less means no bound.
    if (maxKeys > 0 && pieces.length > maxKeys) pieces = pieces.slice(0, maxKeys);
    for (const piece of pieces) {
      if (piece === '') continue;
      const at = piece.indexOf(eq);
      const key = decode(at === -1 ? piece : piece.slice(0, at));
      const value = decode(at === -1 ? '' : piece.slice(at + eq.length));
      const prev = result[key];
      if (prev === undefined) result[key] = value;
      else if (Array.isArray(prev)) prev.push(value);
      else result[key] = [prev, value];
    }
    return result;
  }

  exports.unescapeBuffer = unescapeBuffer;
  exports.unescape = unescape;
  exports.escape = escape;
  exports.stringify = stringify;
  exports.encode = stringify;
  exports.parse = parse;
  exports.decode = parse;
});
