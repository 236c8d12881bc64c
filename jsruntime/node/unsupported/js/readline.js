// node:readline and readline/promises: Interface reads lines from a Readable (its 'line' events,
// question, async iteration) as Node does when the output is not a terminal, which is always the
// case in a plugin. The terminal features (raw mode, key handling, history, completion) and
// emitKeypressEvents are not supported; the cursor helpers write their escape sequences to the stream
// given.
(function (lib) {
  'use strict';
  const { natives, unsupportedFn, unsupportedClass, validateString } = lib;
  const EventEmitter = natives.events();
  const { StringDecoder } = natives.stringDecoder();

  const lineEnding = /\r?\n|\r(?!\n)/g;
  const kMinCrlfDelay = 100;
  const kLineBuffer = Symbol('lineBuffer');
  const kSawReturnAt = Symbol('sawReturnAt');
  const kQuestionCallback = Symbol('questionCallback');
  const kOldPrompt = Symbol('oldPrompt');
  const kPrompt = Symbol('prompt');
  const kDecoder = Symbol('decoder');
  const kLineIterator = Symbol('lineIterator');

  function useAfterClose() {
    return lib.error('Error', 'ERR_USE_AFTER_CLOSE', 'readline was closed');
  }

  class Interface extends EventEmitter {
    constructor(input, output, completer, terminal) {
      super();
      let crlfDelay;
      let prompt = '> ';
      let history;
      if (input?.input) {
        output = input.output;
        completer = input.completer;
        terminal = input.terminal;
        history = input.history;
        if (input.prompt !== undefined) prompt = input.prompt;
        crlfDelay = input.crlfDelay;
        input = input.input;
      }
      if (completer !== undefined && typeof completer !== 'function') {
        throw natives.argValue('completer', completer, '');
      }
      if (terminal === undefined && output != null) terminal = !!output.isTTY;
      if (terminal) throw natives.notSupported('readline on a terminal');
      this[kSawReturnAt] = 0;
      this[kLineBuffer] = null;
      this[kQuestionCallback] = null;
      this[kDecoder] = new StringDecoder('utf8');
      this.line = '';
      this.cursor = 0;
      this.input = input;
      this.output = output;
      this.history = history === undefined ? [] : history;
      this.historySize = 30;
      this.crlfDelay = crlfDelay ? Math.max(kMinCrlfDelay, crlfDelay) : kMinCrlfDelay;
      this.completer = completer;
      this.terminal = false;
      this.closed = false;
      this.paused = false;
      this.setPrompt(prompt);

      const onerror = (err) => this.emit('error', err);
      const ondata = (data) => this.#normalWrite(data);
      const onend = () => {
        if (typeof this[kLineBuffer] === 'string' && this[kLineBuffer].length > 0) this.emit('line', this[kLineBuffer]);
        this.close();
      };
      input.on('error', onerror);
      input.on('data', ondata);
      input.on('end', onend);
      this.once('close', () => {
        input.removeListener('data', ondata);
        input.removeListener('error', onerror);
        input.removeListener('end', onend);
      });
      input.resume();
    }

    // #normalWrite is Node's line splitting: \r\n, \n and a lone \r end a line, and a \n arriving within
    // crlfDelay of a chunk ending in \r belongs to it.
    #normalWrite(b) {
      if (b === undefined) return;
      let string = this[kDecoder].write(b);
      if (this[kSawReturnAt] && Date.now() - this[kSawReturnAt] <= this.crlfDelay) {
        if (string.codePointAt(0) === 10) string = string.slice(1);
        this[kSawReturnAt] = 0;
      }
      lineEnding.lastIndex = 0;
      let match = lineEnding.exec(string);
      if (match !== null) {
        if (this[kLineBuffer]) {
          string = this[kLineBuffer] + string;
          this[kLineBuffer] = null;
          lineEnding.lastIndex = 0;
          match = lineEnding.exec(string);
        }
        this[kSawReturnAt] = string.endsWith('\r') ? Date.now() : 0;
        const indexes = [0, match.index, lineEnding.lastIndex];
        let next;
        while ((next = lineEnding.exec(string)) !== null) indexes.push(next.index, lineEnding.lastIndex);
        const last = indexes.length - 1;
        this[kLineBuffer] = string.slice(indexes[last]);
        for (let i = 1; i < last; i += 2) this.#onLine(string.slice(indexes[i - 1], indexes[i]));
      } else if (string) {
        this[kLineBuffer] = this[kLineBuffer] ? this[kLineBuffer] + string : string;
      }
    }

    #onLine(line) {
      const cb = this[kQuestionCallback];
      if (cb) {
        this[kQuestionCallback] = null;
        this.setPrompt(this[kOldPrompt]);
        cb(line);
      } else {
        this.emit('line', line);
      }
    }

    setPrompt(prompt) {
      this[kPrompt] = prompt;
    }

    getPrompt() {
      return this[kPrompt];
    }

    prompt() {
      if (this.paused) this.resume();
      this._writeToOutput(this[kPrompt]);
    }

    _writeToOutput(s) {
      validateString(s, 'stringToWrite');
      if (this.output != null) this.output.write(s);
    }

    _question(query, cb) {
      if (this.closed) throw useAfterClose();
      if (this[kQuestionCallback]) {
        this.prompt();
      } else {
        this[kOldPrompt] = this[kPrompt];
        this.setPrompt(query);
        this[kQuestionCallback] = cb;
        this.prompt();
      }
    }

    _questionCancel() {
      if (this[kQuestionCallback]) {
        this[kQuestionCallback] = null;
        this.setPrompt(this[kOldPrompt]);
      }
    }

    // write feeds data to the interface as if it came from the input, as without a terminal.
    write(data) {
      if (this.closed) throw useAfterClose();
      if (this.paused) this.resume();
      this.#normalWrite(data);
    }

    close() {
      if (this.closed) return;
      this.pause();
      this.closed = true;
      this.emit('close');
    }

    pause() {
      if (this.paused) return;
      this.input.pause();
      this.paused = true;
      this.emit('pause');
      return this;
    }

    resume() {
      if (!this.paused) return;
      this.input.resume();
      this.paused = false;
      this.emit('resume');
      return this;
    }

    getCursorPos() {
      return { rows: 0, cols: this.cursor };
    }

    // The lines emitted from the first call on, until 'close'; ending the loop early closes the
    // interface, as in Node.
    [Symbol.asyncIterator]() {
      if (this[kLineIterator] === undefined) this[kLineIterator] = lineIterator(this);
      return this[kLineIterator];
    }
  }

  function lineIterator(rl) {
    const lines = [];
    const waiting = [];
    let done = false;
    let error;
    const finish = () => {
      done = true;
      while (waiting.length) {
        const w = waiting.shift();
        if (error !== undefined) w.reject(error);
        else w.resolve({ value: undefined, done: true });
      }
    };
    const onLine = (line) => {
      if (waiting.length) waiting.shift().resolve({ value: line, done: false });
      else lines.push(line);
    };
    const onError = (err) => {
      error = err;
      finish();
    };
    rl.on('line', onLine);
    rl.on('error', onError);
    rl.once('close', finish);
    const stop = () => {
      rl.removeListener('line', onLine);
      rl.removeListener('error', onError);
      finish();
      rl.close();
    };
    return {
      next() {
        if (lines.length) return Promise.resolve({ value: lines.shift(), done: false });
        if (done) {
          if (error !== undefined) {
            const e = error;
            error = undefined;
            return Promise.reject(e);
          }
          return Promise.resolve({ value: undefined, done: true });
        }
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
      },
      return() {
        stop();
        return Promise.resolve({ value: undefined, done: true });
      },
      throw(err) {
        stop();
        return Promise.reject(err);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  function abortError(signal) {
    const e = new Error('The operation was aborted');
    e.name = 'AbortError';
    e.code = 'ABORT_ERR';
    e.cause = signal.reason;
    return e;
  }

  // The callback Interface: question(query[, options], cb).
  class CallbackInterface extends Interface {
    question(query, options, cb) {
      cb = typeof options === 'function' ? options : cb;
      if (options?.signal) {
        const signal = options.signal;
        if (signal.aborted) return;
        const onAbort = () => this._questionCancel();
        signal.addEventListener('abort', onAbort, { once: true });
        const answer = cb;
        cb = (line) => {
          signal.removeEventListener('abort', onAbort);
          answer(line);
        };
      }
      if (typeof cb === 'function') this._question(query, cb);
    }
  }
  Object.defineProperty(CallbackInterface, 'name', { value: 'Interface' });

  // readline/promises' Interface: question returns a promise.
  class PromiseInterface extends Interface {
    question(query, options = {}) {
      return new Promise((resolve, reject) => {
        let cb = resolve;
        const signal = options?.signal;
        if (signal) {
          if (signal.aborted) return reject(abortError(signal));
          const onAbort = () => {
            this._questionCancel();
            reject(abortError(signal));
          };
          signal.addEventListener('abort', onAbort, { once: true });
          cb = (answer) => {
            signal.removeEventListener('abort', onAbort);
            resolve(answer);
          };
        }
        this._question(query, cb);
      });
    }
  }
  Object.defineProperty(PromiseInterface, 'name', { value: 'Interface' });

  const CSI = (s) => '\x1b[' + s;

  function done(cb) {
    if (typeof cb === 'function') process.nextTick(cb, null);
    return true;
  }

  function clearLine(stream, dir, callback) {
    if (callback !== undefined && typeof callback !== 'function') throw natives.argType('callback', 'of type function', callback);
    if (stream === null || stream === undefined) return done(callback);
    const type = dir < 0 ? CSI('1K') : dir > 0 ? CSI('0K') : CSI('2K');
    return stream.write(type, callback);
  }

  function clearScreenDown(stream, callback) {
    if (callback !== undefined && typeof callback !== 'function') throw natives.argType('callback', 'of type function', callback);
    if (stream === null || stream === undefined) return done(callback);
    return stream.write(CSI('0J'), callback);
  }

  function cursorTo(stream, x, y, callback) {
    if (callback !== undefined && typeof callback !== 'function') throw natives.argType('callback', 'of type function', callback);
    if (typeof y === 'function') {
      callback = y;
      y = undefined;
    }
    if (Number.isNaN(x)) throw lib.error('TypeError', 'ERR_INVALID_ARG_VALUE', "The argument 'x' is invalid. Received NaN");
    if (Number.isNaN(y)) throw lib.error('TypeError', 'ERR_INVALID_ARG_VALUE', "The argument 'y' is invalid. Received NaN");
    if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) return done(callback);
    if (typeof x !== 'number') throw lib.error('TypeError', 'ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column');
    const data = typeof y !== 'number' ? CSI(`${x + 1}G`) : CSI(`${y + 1};${x + 1}H`);
    return stream.write(data, callback);
  }

  function moveCursor(stream, dx, dy, callback) {
    if (callback !== undefined && typeof callback !== 'function') throw natives.argType('callback', 'of type function', callback);
    if (stream == null || !(dx || dy)) return done(callback);
    let data = '';
    if (dx < 0) data += CSI(`${-dx}D`);
    else if (dx > 0) data += CSI(`${dx}C`);
    if (dy < 0) data += CSI(`${-dy}A`);
    else if (dy > 0) data += CSI(`${dy}B`);
    return stream.write(data, callback);
  }

  const promises = {
    Interface: PromiseInterface,
    Readline: unsupportedClass('readline.promises.Readline'),
    createInterface: function createInterface(input, output, completer, terminal) {
      return new PromiseInterface(input, output, completer, terminal);
    },
  };

  return {
    Interface: CallbackInterface,
    clearLine,
    clearScreenDown,
    createInterface: function createInterface(input, output, completer, terminal) {
      return new CallbackInterface(input, output, completer, terminal);
    },
    cursorTo,
    emitKeypressEvents: unsupportedFn('readline.emitKeypressEvents'),
    moveCursor,
    promises,
  };
})
