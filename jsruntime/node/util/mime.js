// util.MIMEType and util.MIMEParams: the WHATWG MIME type parser and serializer, with Node 20's
// ERR_INVALID_MIME_SYNTAX errors. Go passes natives (nodeerr's error) and the exports object.
(function (natives, exports) {
  'use strict';

  const notToken = /[^!#$%&'*+\-.^_`|~A-Za-z0-9]/;
  const notQuotedStringChar = /[^\t\u0020-~\u0080-\u00FF]/;
  const isWhitespace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  const asciiLower = (s) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

  // trimEnd and trimStart remove HTTP whitespace (space, tab, CR, LF) only.
  function trimEnd(s) {
    let end = s.length;
    while (end > 0 && isWhitespace(s[end - 1])) end--;
    return s.slice(0, end);
  }
  function skipWhitespace(s, i) {
    while (i < s.length && isWhitespace(s[i])) i++;
    return i;
  }

  function syntaxError(production, str, index) {
    const at = index !== -1 ? ` at ${index}` : '';
    return natives.error('TypeError', 'ERR_INVALID_MIME_SYNTAX', `The MIME syntax for a ${production} in "${str}" is invalid${at}`);
  }

  // parseEssence reads "type/subtype" from the start of str (after leading whitespace) and returns
  // them lower-cased, with the index where the parameters start.
  function parseEssence(str) {
    const start = skipWhitespace(str, 0);
    const slash = str.indexOf('/', start);
    const type = slash === -1 ? str.slice(start) : str.slice(start, slash);
    const badType = type.search(notToken);
    if (type === '' || badType !== -1 || slash === -1) throw syntaxError('type', str, badType);
    const semicolon = str.indexOf(';', slash + 1);
    const rawSubtype = semicolon === -1 ? str.slice(slash + 1) : str.slice(slash + 1, semicolon);
    const subtype = trimEnd(rawSubtype);
    const badSubtype = subtype.search(notToken);
    if (subtype === '' || badSubtype !== -1) throw syntaxError('subtype', str, badSubtype);
    const paramsStart = slash + 1 + rawSubtype.length + (semicolon === -1 ? 0 : 1);
    return [asciiLower(type), asciiLower(subtype), paramsStart];
  }

  // unescapeQuoted reads a quoted-string value from str at i (just after the opening quote) to the
  // closing quote or the end, and returns it unescaped with the index after it. A backslash at the
  // very end stays.
  function unescapeQuoted(str, i) {
    let value = '';
    for (; i < str.length; i++) {
      const c = str[i];
      if (c === '"') return [value, i + 1];
      if (c === '\\' && i + 1 < str.length) {
        i++;
        value += str[i];
      } else {
        value += c;
      }
    }
    return [value, i];
  }

  // parseParams reads the parameters of a MIME type into data (a Map), keeping the first of a
  // repeated name and dropping the invalid ones, as the WHATWG algorithm does.
  function parseParams(str, data) {
    const end = trimEnd(str).length;
    let i = 0;
    while (i < end) {
      i = skipWhitespace(str, i);
      let nameEnd = i;
      while (nameEnd < str.length && str[nameEnd] !== ';' && str[nameEnd] !== '=') nameEnd++;
      const name = asciiLower(str.slice(i, nameEnd));
      i = nameEnd;
      if (i < end) {
        const c = str[i];
        i++;
        if (c === ';') continue;
      }
      if (i >= end) break;
      let value;
      if (str[i] === '"') {
        [value, i] = unescapeQuoted(str, i + 1);
      } else {
        const semicolon = str.indexOf(';', i);
        const raw = semicolon === -1 ? str.slice(i) : str.slice(i, semicolon);
        i += raw.length;
        value = trimEnd(raw);
        if (value === '') continue;
      }
      if (name !== '' && !notToken.test(name) && !notQuotedStringChar.test(value) && !data.has(name)) {
        data.set(name, value);
      }
      i++;
    }
  }

  // serializeValue quotes a value that is empty or not a token, escaping '"' and '\'.
  function serializeValue(value) {
    if (value.length === 0) return '""';
    if (!notToken.test(value)) return value;
    return '"' + value.replace(/["\\]/g, '\\$&') + '"';
  }

  let paramsOf;

  class MIMEParams {
    #data = new Map();
    // The parameters of a parsed MIME type are read from #source on first use.
    #source = null;

    static {
      paramsOf = (source) => {
        const params = new MIMEParams();
        params.#source = source;
        return params;
      };
    }

    #parse() {
      if (this.#source === null) return;
      parseParams(this.#source, this.#data);
      this.#source = null;
    }

    delete(name) {
      this.#parse();
      this.#data.delete(name);
    }

    get(name) {
      this.#parse();
      return this.#data.has(name) ? this.#data.get(name) : null;
    }

    has(name) {
      this.#parse();
      return this.#data.has(name);
    }

    set(name, value) {
      this.#parse();
      name = `${name}`;
      value = `${value}`;
      const badName = name.search(notToken);
      if (name.length === 0 || badName !== -1) throw syntaxError('parameter name', name, badName);
      const badValue = value.search(notQuotedStringChar);
      if (badValue !== -1) throw syntaxError('parameter value', value, badValue);
      this.#data.set(name, value);
    }

    * entries() {
      this.#parse();
      yield* this.#data.entries();
    }

    * keys() {
      this.#parse();
      yield* this.#data.keys();
    }

    * values() {
      this.#parse();
      yield* this.#data.values();
    }

    toString() {
      this.#parse();
      const parts = [];
      for (const [name, value] of this.#data) parts.push(`${name}=${serializeValue(value)}`);
      return parts.join(';');
    }
  }
  const paramsToString = MIMEParams.prototype.toString;
  Object.defineProperty(MIMEParams.prototype, Symbol.iterator, {
    value: MIMEParams.prototype.entries, writable: true, configurable: true,
  });
  Object.defineProperty(MIMEParams.prototype, 'toJSON', { value: paramsToString, writable: true, configurable: true });

  class MIMEType {
    #type;
    #subtype;
    #params;

    constructor(string) {
      string = `${string}`;
      const [type, subtype, paramsStart] = parseEssence(string);
      this.#type = type;
      this.#subtype = subtype;
      this.#params = paramsOf(string.slice(paramsStart));
    }

    get type() {
      return this.#type;
    }

    set type(v) {
      v = `${v}`;
      const bad = v.search(notToken);
      if (v.length === 0 || bad !== -1) throw syntaxError('type', v, bad);
      this.#type = asciiLower(v);
    }

    get subtype() {
      return this.#subtype;
    }

    set subtype(v) {
      v = `${v}`;
      const bad = v.search(notToken);
      if (v.length === 0 || bad !== -1) throw syntaxError('subtype', v, bad);
      this.#subtype = asciiLower(v);
    }

    get essence() {
      return `${this.#type}/${this.#subtype}`;
    }

    get params() {
      return this.#params;
    }

    toString() {
      const params = paramsToString.call(this.#params);
      return `${this.#type}/${this.#subtype}` + (params.length ? `;${params}` : '');
    }
  }
  Object.defineProperty(MIMEType.prototype, 'toJSON', { value: MIMEType.prototype.toString, writable: true, configurable: true });

  exports.MIMEParams = MIMEParams;
  exports.MIMEType = MIMEType;
});
