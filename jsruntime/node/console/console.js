// Node 20's console: the Console class (writing to the streams it is given) and the global console,
// which is built from the same methods but writes to the runtime's logger. Go passes natives (write,
// hrtime, util, nodeerr's errors) and the exports object, which gets Console and global.
(function (natives, exports) {
  'use strict';

  const kCounts = Symbol('counts');
  const kGroupIndent = Symbol('kGroupIndent');
  const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
  const kFormatForStderr = Symbol('kFormatForStderr');
  const kFormatForStdout = Symbol('kFormatForStdout');
  const kGetInspectOptions = Symbol('kGetInspectOptions');
  const kColorMode = Symbol('kColorMode');
  const kIsConsole = Symbol('kIsConsole');
  const kWriteToConsole = Symbol('kWriteToConsole');
  const kBindProperties = Symbol('kBindProperties');
  const kBindStreamsEager = Symbol('kBindStreamsEager');
  const kBindStreamsLazy = Symbol('kBindStreamsLazy');
  const kUseStdout = Symbol('kUseStdout');
  const kUseStderr = Symbol('kUseStderr');
  // kLevel is the logger level of the global console's current call.
  const kLevel = Symbol('kLevel');
  const kMaxGroupIndentation = 1000;

  // util is loaded when first needed: the global console exists before the globals util reads.
  let utilModule;
  const util = () => (utilModule ??= natives.util());

  const inspectOptionsOf = new WeakMap();
  const noop = () => {};
  const attributes = { writable: true, enumerable: false, configurable: true };

  function emitWarning(message) {
    const proc = globalThis.process;
    if (proc && typeof proc.emitWarning === 'function') proc.emitWarning(message);
    else natives.write('warn', 'Warning: ' + message);
  }

  function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
    if (new.target === undefined) return Reflect.construct(Console, arguments);
    if (!options || typeof options.write === 'function') {
      options = { stdout: options, stderr: arguments[1], ignoreErrors: arguments[2] };
    }
    const { stdout, stderr = stdout, ignoreErrors = true, colorMode = 'auto', inspectOptions, groupIndentation } = options;
    if (!stdout || typeof stdout.write !== 'function') {
      throw natives.error('TypeError', 'ERR_CONSOLE_WRITABLE_STREAM', 'Console expects a writable stream instance for stdout');
    }
    if (!stderr || typeof stderr.write !== 'function') {
      throw natives.error('TypeError', 'ERR_CONSOLE_WRITABLE_STREAM', 'Console expects a writable stream instance for stderr');
    }
    if (colorMode !== 'auto' && colorMode !== true && colorMode !== false) {
      throw natives.argValue('colorMode', colorMode, "must be one of: 'auto', true, false");
    }
    if (groupIndentation !== undefined) {
      if (typeof groupIndentation !== 'number') throw natives.argType('groupIndentation', ['number'], groupIndentation);
      if (!Number.isInteger(groupIndentation)) throw natives.outOfRange('groupIndentation', 'an integer', groupIndentation);
      if (groupIndentation < 0 || groupIndentation > kMaxGroupIndentation) {
        throw natives.outOfRange('groupIndentation', '>= 0 && <= ' + kMaxGroupIndentation, groupIndentation);
      }
    }
    if (inspectOptions !== undefined) {
      if (inspectOptions === null || typeof inspectOptions !== 'object' || Array.isArray(inspectOptions)) {
        throw natives.argType('options.inspectOptions', ['Object'], inspectOptions);
      }
      if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
        throw natives.error('TypeError', 'ERR_INCOMPATIBLE_OPTION_PAIR',
          'Option "options.inspectOptions.color" cannot be used in combination with option "colorMode"');
      }
      inspectOptionsOf.set(this, inspectOptions);
    }
    // Every method is bound, so it can be passed around detached, as Node's are.
    for (const key of Object.keys(Console.prototype)) {
      this[key] = this[key].bind(this);
      Object.defineProperty(this[key], 'name', { value: key });
    }
    this[kBindStreamsEager](stdout, stderr);
    this[kBindProperties](ignoreErrors, colorMode, groupIndentation);
  }

  Object.defineProperty(Console, Symbol.hasInstance, {
    value(instance) { return Boolean(instance && instance[kIsConsole]); },
  });

  Object.defineProperties(Console.prototype, {
    [kBindStreamsEager]: {
      ...attributes,
      value(stdout, stderr) {
        Object.defineProperties(this, {
          _stdout: { ...attributes, value: stdout },
          _stderr: { ...attributes, value: stderr },
        });
      },
    },
    // The global console's streams are process.stdout and process.stderr, read when first used.
    [kBindStreamsLazy]: {
      ...attributes,
      value(object) {
        let stdout;
        let stderr;
        Object.defineProperties(this, {
          _stdout: {
            enumerable: false,
            configurable: true,
            get() { return (stdout ??= object()?.stdout); },
            set(value) { stdout = value; },
          },
          _stderr: {
            enumerable: false,
            configurable: true,
            get() { return (stderr ??= object()?.stderr); },
            set(value) { stderr = value; },
          },
        });
      },
    },
    [kBindProperties]: {
      ...attributes,
      value(ignoreErrors, colorMode, groupIndentation = 2) {
        Object.defineProperties(this, {
          _stdoutErrorHandler: { ...attributes, value: writeErrorHandler(this, kUseStdout) },
          _stderrErrorHandler: { ...attributes, value: writeErrorHandler(this, kUseStderr) },
          _ignoreErrors: { ...attributes, value: Boolean(ignoreErrors) },
          _times: { ...attributes, value: new Map() },
          [kCounts]: { ...attributes, value: new Map() },
          [kColorMode]: { ...attributes, value: colorMode },
          [kIsConsole]: { ...attributes, value: true },
          [kGroupIndent]: { ...attributes, value: '' },
          [kGroupIndentationWidth]: { ...attributes, value: groupIndentation },
          [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'console' },
        });
      },
    },
    [kWriteToConsole]: {
      ...attributes,
      value(streamSymbol, string) {
        const indent = this[kGroupIndent];
        if (indent.length !== 0) string = indent + string.replace(/\n/g, '\n' + indent);
        const useStdout = streamSymbol === kUseStdout;
        const stream = useStdout ? this._stdout : this._stderr;
        string += '\n';
        if (this._ignoreErrors === false) return stream.write(string);
        const errorHandler = useStdout ? this._stdoutErrorHandler : this._stderrErrorHandler;
        try {
          if (stream.listenerCount('error') === 0) stream.once('error', noop);
          stream.write(string, errorHandler);
        } catch (e) {
          if (e instanceof RangeError && /call stack/i.test(e.message)) throw e;
        } finally {
          stream.removeListener('error', noop);
        }
        return undefined;
      },
    },
    [kGetInspectOptions]: {
      ...attributes,
      value(stream) {
        let color = this[kColorMode];
        if (color === 'auto') color = shouldColorize(stream);
        const options = inspectOptionsOf.get(this);
        if (options) {
          if (options.colors === undefined) options.colors = color;
          return options;
        }
        return color ? { colors: true } : {};
      },
    },
    [kFormatForStdout]: {
      ...attributes,
      value(args) { return formatWith(this[kGetInspectOptions](this._stdout), args); },
    },
    [kFormatForStderr]: {
      ...attributes,
      value(args) { return formatWith(this[kGetInspectOptions](this._stderr), args); },
    },
  });

  // formatWith is util.formatWithOptions; without options it is the Go formatter itself, so that
  // logging does not need util loaded.
  function formatWith(options, args) {
    if (Object.keys(options).length === 0) return natives.format(...args);
    return util().formatWithOptions(options, ...args);
  }

  function shouldColorize(stream) {
    const force = globalThis.process?.env?.FORCE_COLOR;
    if (force !== undefined) return force === '' || force === '1' || force === 'true' || force === '2' || force === '3';
    return Boolean(stream?.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true));
  }

  function writeErrorHandler(instance, streamSymbol) {
    return (err) => {
      const stream = streamSymbol === kUseStdout ? instance._stdout : instance._stderr;
      if (err !== null && !stream._writableState?.errorEmitted && stream.listenerCount('error') === 0) {
        stream.once('error', noop);
      }
    };
  }

  const consoleMethods = {
    log(...args) {
      this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
    },

    warn(...args) {
      this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args));
    },

    dir(object, options) {
      this[kWriteToConsole](kUseStdout, util().inspect(object, {
        customInspect: false,
        ...this[kGetInspectOptions](this._stdout),
        ...options,
      }));
    },

    time(label = 'default') {
      label = `${label}`;
      if (this._times.has(label)) {
        emitWarning(`Label '${label}' already exists for console.time()`);
        return;
      }
      this._times.set(label, natives.hrtime());
    },

    timeEnd(label = 'default') {
      label = `${label}`;
      if (timeLogImpl(this, 'timeEnd', label)) this._times.delete(label);
    },

    timeLog(label = 'default', ...data) {
      label = `${label}`;
      timeLogImpl(this, 'timeLog', label, data);
    },

    trace: function trace(...args) {
      this.error(stackOf({ name: 'Trace', message: this[kFormatForStderr](args) }, trace));
    },

    assert(expression, ...args) {
      if (!expression) {
        args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
        Reflect.apply(this.warn, this, args);
      }
    },

    // clear clears a terminal; a plugin's output never is one.
    clear() {},

    count(label = 'default') {
      label = `${label}`;
      const counts = this[kCounts];
      const count = (counts.get(label) ?? 0) + 1;
      counts.set(label, count);
      this.log(`${label}: ${count}`);
    },

    countReset(label = 'default') {
      const counts = this[kCounts];
      if (!counts.has(label)) {
        emitWarning(`Count for '${label}' does not exist`);
        return;
      }
      counts.delete(`${label}`);
    },

    group(...data) {
      if (data.length > 0) Reflect.apply(this.log, this, data);
      this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
    },

    groupEnd() {
      this[kGroupIndent] = this[kGroupIndent].slice(0, this[kGroupIndent].length - this[kGroupIndentationWidth]);
    },

    table(tabularData, properties) {
      if (properties !== undefined && !Array.isArray(properties)) throw natives.argType('properties', ['Array'], properties);
      if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);
      return this.log(renderTable(tabularData, properties, this[kGetInspectOptions](this._stdout)));
    },
  };

  // stackOf is err's stack as Error.captureStackTrace makes it, starting at from's caller.
  function stackOf(err, from) {
    if (typeof Error.captureStackTrace === 'function') {
      Error.captureStackTrace(err, from);
      return err.stack;
    }
    // Without the V8 shim (a runtime without process): the stack of an Error made here, less the
    // console's own and native frames.
    const frames = String(new Error().stack).split('\n').slice(1)
      .filter((line) => !line.includes('node:console') && !line.includes('(native)'))
      .map((line) => line.replace(/^\s+/, '    '));
    return [`${err.name}: ${err.message}`, ...frames].join('\n');
  }

  function timeLogImpl(self, name, label, data) {
    const start = self._times.get(label);
    if (start === undefined) {
      emitWarning(`No such label '${label}' for console.${name}()`);
      return false;
    }
    const now = natives.hrtime();
    const ms = (now[0] - start[0]) * 1000 + (now[1] - start[1]) / 1e6;
    if (data === undefined) self.log('%s: %s', label, formatTime(ms));
    else self.log('%s: %s', label, formatTime(ms), ...data);
    return true;
  }

  const pad = (value) => `${value}`.padStart(2, '0');

  // formatTime is Node's: "1.234ms", "1.500s", "1:02.345 (m:ss.mmm)", "1:01:02.345 (h:mm:ss.mmm)".
  function formatTime(ms) {
    let hours = 0;
    let minutes = 0;
    let seconds = 0;
    if (ms >= 1000) {
      if (ms >= 60000) {
        if (ms >= 3600000) {
          hours = Math.floor(ms / 3600000);
          ms %= 3600000;
        }
        minutes = Math.floor(ms / 60000);
        ms %= 60000;
      }
      seconds = ms / 1000;
    }
    if (hours !== 0 || minutes !== 0) {
      const [whole, fraction] = seconds.toFixed(3).split('.');
      const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
      return `${res}:${pad(whole)}.${fraction} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
    }
    if (seconds !== 0) return `${seconds.toFixed(3)}s`;
    return `${Number(ms.toFixed(3))}ms`;
  }

  // renderTable draws console.table's box: an index column, then one column per property (or the
  // Key and Values of a Map, or the Values of a Set or of primitive rows).
  function renderTable(data, properties, inspectOptions) {
    const { inspect, types } = util();
    const isArrayLike = (v) => Array.isArray(v) || types.isTypedArray(v) || (typeof Buffer === 'function' && Buffer.isBuffer(v));
    const show = (v) => {
      const depth = v !== null && typeof v === 'object' && !isArrayLike(v) && Object.keys(v).length > 2 ? -1 : 0;
      const opts = { depth, maxArrayLength: 3, breakLength: Infinity, ...inspectOptions };
      // The formatter shows every item of an array: cut it to maxArrayLength here.
      if (Array.isArray(v) && v.length > 3) {
        const more = v.length - 3;
        return inspect(v.slice(0, 3), opts).replace(/ \]$/, `, ... ${more} more item${more > 1 ? 's' : ''} ]`);
      }
      return inspect(v, opts);
    };
    const indexes = (length) => Array.from({ length }, (_, i) => show(i));

    const mapIter = types.isMapIterator(data);
    const setIter = types.isSetIterator(data);
    if (mapIter || setIter) data = Array.from(data);
    const keyValue = mapIter && data.every((e) => Array.isArray(e) && e.length === 2);
    if (keyValue || types.isMap(data)) {
      const keys = [];
      const values = [];
      for (const [k, v] of data) {
        keys.push(show(k));
        values.push(show(v));
      }
      return drawTable(['(iteration index)', 'Key', 'Values'], [indexes(keys.length), keys, values]);
    }
    if (mapIter || setIter || types.isSet(data)) {
      const values = [];
      for (const v of data) values.push(show(v));
      return drawTable(['(iteration index)', 'Values'], [indexes(values.length), values]);
    }

    const columns = Object.create(null);
    let hasPrimitives = false;
    const primitiveValues = [];
    const rowKeys = Object.keys(data);
    for (let i = 0; i < rowKeys.length; i++) {
      const item = data[rowKeys[i]];
      const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        primitiveValues[i] = show(item);
        continue;
      }
      for (const key of properties || Object.keys(item)) {
        columns[key] ??= [];
        columns[key][i] = (primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key) ? '' : show(item[key]);
      }
    }
    const head = Object.keys(columns);
    const values = Object.values(columns);
    if (hasPrimitives) {
      head.push('Values');
      values.push(primitiveValues);
    }
    head.unshift('(index)');
    values.unshift(rowKeys);
    return drawTable(head, values);
  }

  function drawTable(head, columns) {
    const widths = head.map((h) => stringWidth(h));
    const rowCount = Math.max(...columns.map((c) => c.length));
    const rows = [];
    for (let i = 0; i < head.length; i++) {
      for (let j = 0; j < rowCount; j++) {
        rows[j] ??= [];
        const value = rows[j][i] = Object.prototype.hasOwnProperty.call(columns[i], j) ? columns[i][j] : '';
        widths[i] = Math.max(widths[i] || 0, stringWidth(value));
      }
    }
    const row = (cells) => '│ ' + cells.map((cell, i) => cell + ' '.repeat(Math.ceil(widths[i] - stringWidth(cell)))).join(' │ ') + ' │';
    const divider = widths.map((w) => '─'.repeat(w + 2));
    const lines = ['┌' + divider.join('┬') + '┐', row(head), '├' + divider.join('┼') + '┤'];
    for (const r of rows) lines.push(row(r));
    lines.push('└' + divider.join('┴') + '┘');
    return lines.join('\n');
  }

  // stringWidth is the columns a string takes in a terminal: escape sequences and control characters
  // take none, combining marks none, East Asian wide characters and the common emoji two.
  function stringWidth(str) {
    str = util().stripVTControlCharacters(String(str)).normalize('NFC');
    let width = 0;
    for (const char of str) {
      const code = char.codePointAt(0);
      if (isFullWidth(code)) width += 2;
      else if (!isZeroWidth(code)) width++;
    }
    return width;
  }

  const isZeroWidth = (code) => code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x200b && code <= 0x200f) || (code >= 0x20d0 && code <= 0x20ff) || (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0xfe20 && code <= 0xfe2f) || (code >= 0xe0100 && code <= 0xe01ef);

  const isFullWidth = (code) => code >= 0x1100 && (code <= 0x115f || code === 0x2329 || code === 0x232a ||
    (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) || (code >= 0x3250 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0xa4c6) || (code >= 0xa960 && code <= 0xa97c) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe10 && code <= 0xfe19) || (code >= 0xfe30 && code <= 0xfe6b) ||
    (code >= 0xff01 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1b000 && code <= 0x1b001) ||
    (code >= 0x1f200 && code <= 0x1f251) || (code >= 0x1f300 && code <= 0x1f64f) || (code >= 0x20000 && code <= 0x3fffd));

  for (const method of Reflect.ownKeys(consoleMethods)) Console.prototype[method] = consoleMethods[method];
  Console.prototype.debug = Console.prototype.log;
  Console.prototype.info = Console.prototype.log;
  Console.prototype.dirxml = Console.prototype.log;
  Console.prototype.error = Console.prototype.warn;
  Console.prototype.groupCollapsed = Console.prototype.group;

  // The logger level of each global console method; a method another calls (assert calls warn,
  // count calls log) keeps the level of the outer call.
  const levels = {
    log: 'info', info: 'info', debug: 'debug', dirxml: 'info', dir: 'info', table: 'info', count: 'info',
    timeEnd: 'info', timeLog: 'info', group: 'info', groupCollapsed: 'info',
    warn: 'warn', error: 'error', trace: 'error', assert: 'error',
  };

  // The inspector's methods: without an inspector attached, as in a plugin, Node's do nothing.
  const inspectorMethods = ['dir', 'dirXml', 'table', 'groupEnd', 'clear', 'count', 'countReset', 'profile',
    'profileEnd', 'timeLog', 'debug', 'error', 'info', 'log', 'warn', 'trace', 'group', 'groupCollapsed', 'assert',
    'time', 'timeEnd', 'timeStamp'];
  const named = (name, fn) => Object.defineProperty(fn, 'name', { value: name });

  function createTask(...args) {
    const name = args[0];
    if (typeof name !== 'string' || name === '') throw new Error('First argument must be a non-empty string.');
    return {
      run: named('run', function (fn) {
        if (typeof fn !== 'function') throw new Error('First argument must be a function.');
        return fn();
      }),
    };
  }

  // makeGlobal builds the global console: Console's methods bound to it, writing to the logger at
  // each method's level, with Node's own properties in Node's order.
  function makeGlobal() {
    const global = Object.create({});
    for (const key of Reflect.ownKeys(Console.prototype)) {
      if (key === 'constructor') continue;
      const desc = Reflect.getOwnPropertyDescriptor(Console.prototype, key);
      if (key === 'trace') {
        // Its own function, so that the stack starts at its caller (the V8 shim knows frames by
        // name).
        desc.value = function trace(...args) {
          global[kLevel] = 'error';
          try {
            global.error(stackOf({ name: 'Trace', message: global[kFormatForStderr](args) }, trace));
          } finally {
            global[kLevel] = undefined;
          }
        };
      } else if (typeof desc.value === 'function' && typeof key === 'string' && key in levels) {
        const method = desc.value;
        const level = levels[key];
        desc.value = named(key, function (...args) {
          if (global[kLevel] !== undefined) return Reflect.apply(method, global, args);
          global[kLevel] = level;
          try {
            return Reflect.apply(method, global, args);
          } finally {
            global[kLevel] = undefined;
          }
        });
      } else if (typeof desc.value === 'function') {
        desc.value = named(desc.value.name, desc.value.bind(global));
      }
      Reflect.defineProperty(global, key, desc);
    }
    global[kBindProperties](true, 'auto');
    Object.defineProperty(global, kLevel, { ...attributes, value: undefined });
    Object.defineProperty(global, kWriteToConsole, {
      ...attributes,
      value(streamSymbol, string) {
        const indent = this[kGroupIndent];
        if (indent.length !== 0) string = indent + string.replace(/\n/g, '\n' + indent);
        natives.write(this[kLevel] ?? (streamSymbol === kUseStdout ? 'info' : 'error'), string);
      },
    });
    global.Console = Console;
    for (const name of ['profile', 'profileEnd', 'timeStamp']) global[name] = named(name, () => {});
    global.context = named('context', function context(name) {
      const ctx = Object.create({});
      for (const method of inspectorMethods) ctx[method] = named(method, function () {});
      return ctx;
    });
    global.createTask = named('createTask', createTask);
    global[kBindStreamsLazy](() => globalThis.process);
    return global;
  }

  exports.Console = Console;
  exports.global = makeGlobal();
});
