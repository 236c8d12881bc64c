// The statics of require('module') besides the loader's own (which modules.System put on Module),
// and Node's SourceMap class.
(function (natives, Module) {
  'use strict';

  function define(name, value) {
    Object.defineProperty(Module, name, { value, writable: true, enumerable: true, configurable: true });
  }

  define('Module', Module);
  define('builtinModules', natives.builtinModules());
  define('isBuiltin', function isBuiltin(moduleName) {
    return natives.isBuiltin(moduleName);
  });
  define('createRequire', function createRequire(filename) {
    return natives.createRequire(filename);
  });
  define('findSourceMap', function findSourceMap(path) {
    return undefined;
  });
  define('syncBuiltinESMExports', function syncBuiltinESMExports() {});
  define('register', function register(specifier, parentURL, options) {
    throw natives.notSupported('module.register');
  });
  define('runMain', function executeUserEntryPoint(main) {
    throw natives.notSupported('module.runMain');
  });
  define('_initPaths', function () {});
  define('_preloadModules', function (requests) {
    if (!Array.isArray(requests)) return;
    const parent = new Module('internal/preload', null);
    parent.paths = Module._nodeModulePaths(process.cwd());
    for (const request of requests) parent.require(request);
  });
  let debugWarned = false;
  define('_debug', function deprecated() {
    if (!debugWarned) {
      debugWarned = true;
      process.emitWarning('Module._debug is deprecated.', 'DeprecationWarning', 'DEP0077');
    }
  });
  // _readPackage and _stat are accessors in Node.
  for (const [name, fn] of [['_readPackage', readPackage], ['_stat', stat]]) {
    Object.defineProperty(Module, name, { get: () => fn, set(v) { Object.defineProperty(Module, name, { value: v, writable: true, configurable: true }); }, configurable: true });
  }

  // readPackage is Node's package.json reader's summary of requestPath/package.json.
  function readPackage(requestPath) {
    const pjsonPath = natives.resolve(String(requestPath), 'package.json');
    const text = natives.readFile(pjsonPath);
    const result = { __proto__: null, exists: text !== undefined, pjsonPath, main: undefined, name: undefined, type: 'none', exports: undefined, imports: undefined };
    if (text === undefined) return result;
    let pkg;
    try {
      pkg = JSON.parse(text);
    } catch (err) {
      throw new SyntaxError(`Error parsing ${pjsonPath}: ${err.message}`);
    }
    if (pkg === null || typeof pkg !== 'object') return result;
    if (typeof pkg.main === 'string') result.main = pkg.main;
    if (typeof pkg.name === 'string') result.name = pkg.name;
    if (pkg.type === 'commonjs' || pkg.type === 'module') result.type = pkg.type;
    result.exports = pkg.exports;
    result.imports = pkg.imports;
    return result;
  }

  function stat(filename) {
    return natives.stat(String(filename));
  }

  define('SourceMap', SourceMap());
  return Module;

  // SourceMap reads a source map V3 payload (or an index map with sections) into a sorted list of
  // [generatedLine, generatedColumn, source, originalLine, originalColumn, name] entries, 0-based, as
  // Node's does.
  function SourceMap() {
    const base64 = {};
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    for (let i = 0; i < chars.length; i++) base64[chars[i]] = i;

    // decodeVLQ reads one base64 VLQ number from text at state.pos.
    function decodeVLQ(text, state) {
      let result = 0;
      let shift = 0;
      let digit;
      do {
        digit = base64[text[state.pos++]];
        result += (digit & 31) << shift;
        shift += 5;
      } while (digit & 32);
      const negative = result & 1;
      result >>>= 1;
      // The OR keeps -0 (a lone sign bit) negative in 32 bits, as Node's decoder does.
      return negative ? -result | (1 << 31) : result;
    }

    function copyPayload(payload) {
      if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
        throw natives.argType('payload', 'of type object', payload);
      }
      const copy = { ...payload };
      for (const key of Object.keys(copy)) {
        if (Array.isArray(copy[key])) copy[key] = copy[key].slice();
      }
      return copy;
    }

    return class SourceMap {
      #payload;
      #mappings = [];
      #lineLengths;

      constructor(payload, { lineLengths } = { __proto__: null }) {
        this.#payload = copyPayload(payload);
        if (this.#payload.sections) {
          for (const section of this.#payload.sections) this.#parse(section.map, section.offset.line, section.offset.column);
        } else {
          this.#parse(this.#payload, 0, 0);
        }
        this.#mappings.sort((a, b) => (a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]));
        if (Array.isArray(lineLengths) && lineLengths.length) this.#lineLengths = lineLengths;
      }

      get payload() {
        return this.#payload;
      }

      get lineLengths() {
        return this.#lineLengths ? this.#lineLengths.slice() : undefined;
      }

      findEntry(lineOffset, columnOffset) {
        const before = (m) => lineOffset < m[0] || (lineOffset === m[0] && columnOffset < m[1]);
        let first = 0;
        let count = this.#mappings.length;
        while (count > 1) {
          const step = count >> 1;
          if (before(this.#mappings[first + step])) {
            count = step;
          } else {
            first += step;
            count -= step;
          }
        }
        const m = this.#mappings[first];
        if (!m || (first === 0 && before(m))) return {};
        return { generatedLine: m[0], generatedColumn: m[1], originalSource: m[2], originalLine: m[3], originalColumn: m[4], name: m[5] };
      }

      findOrigin(lineNumber, columnNumber) {
        const e = this.findEntry(lineNumber - 1, columnNumber - 1);
        if (e.originalSource === undefined || e.originalLine === undefined || e.originalColumn === undefined ||
            e.generatedLine === undefined || e.generatedColumn === undefined) {
          return {};
        }
        return {
          name: e.name,
          fileName: e.originalSource,
          lineNumber: e.originalLine + lineNumber - e.generatedLine,
          columnNumber: e.originalColumn + columnNumber - e.generatedColumn,
        };
      }

      #parse(map, line, column) {
        const sources = map.sources.slice();
        const text = map.mappings;
        const state = { pos: 0 };
        let source = 0;
        let sourceLine = 0;
        let sourceColumn = 0;
        let nameIndex = 0;
        const separator = (c) => c === ',' || c === ';';
        for (;;) {
          if (text[state.pos] === ',') {
            state.pos++;
          } else {
            while (text[state.pos] === ';') {
              line++;
              column = 0;
              state.pos++;
            }
            if (state.pos >= text.length) break;
          }
          column += decodeVLQ(text, state);
          if (separator(text[state.pos])) {
            this.#mappings.push([line, column]);
            continue;
          }
          source += decodeVLQ(text, state);
          sourceLine += decodeVLQ(text, state);
          sourceColumn += decodeVLQ(text, state);
          let name;
          // At the very end of the text this reads a name index of 0, as Node's reader does.
          if (!separator(text[state.pos])) {
            nameIndex += decodeVLQ(text, state);
            name = map.names?.[nameIndex];
          }
          this.#mappings.push([line, column, sources[source], sourceLine, sourceColumn, name]);
        }
      }
    };
  }
})
