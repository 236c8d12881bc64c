// The body of node:zlib: the stream layer of Node 20's zlib over one native handle per stream
// (natives.zlibHandle / natives.brotliHandle). A handle's write runs off the loop and resolves to
// [output, input left, (message, errno, code on failure)]; writeSync answers at once.
(function (natives, exports) {
  'use strict';
  const { Buffer } = natives;
  const { Transform, finished } = natives.stream;
  const { inspect, deprecate, types } = natives.util;

  const kMaxLength = 4294967296;
  const kFlushFlag = Symbol('kFlushFlag');
  const kError = Symbol('kError');
  const kOwner = Symbol('owner_symbol');

  const constants = Object.assign(Object.create(null), {
    Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
    Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
    Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
    Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
    Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, ZLIB_VERNUM: 4880,
    DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
    BROTLI_DECODE: 8, BROTLI_ENCODE: 9,
    Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15, Z_MIN_CHUNK: 64,
    Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384, Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9,
    Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
    BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2,
    BROTLI_OPERATION_EMIT_METADATA: 3,
    BROTLI_PARAM_MODE: 0, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2,
    BROTLI_DEFAULT_MODE: 0, BROTLI_PARAM_QUALITY: 1, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11,
    BROTLI_DEFAULT_QUALITY: 11, BROTLI_PARAM_LGWIN: 2, BROTLI_MIN_WINDOW_BITS: 10,
    BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30, BROTLI_DEFAULT_WINDOW: 22,
    BROTLI_PARAM_LGBLOCK: 3, BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24,
    BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5,
    BROTLI_PARAM_LARGE_WINDOW: 6, BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8,
    BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1,
    BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3,
    BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0, BROTLI_DECODER_PARAM_LARGE_WINDOW: 1,
    BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1, BROTLI_DECODER_NEEDS_MORE_INPUT: 2,
    BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3,
    BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1, BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2,
    BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3,
    BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4,
    BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6,
    BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7, BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8,
    BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10,
    BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12,
    BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13, BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14,
    BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15, BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16,
    BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20,
    BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22,
    BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26,
    BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30,
    BROTLI_DECODER_ERROR_UNREACHABLE: -31,
  });
  const {
    Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH, Z_MIN_CHUNK,
    Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_MIN_LEVEL, Z_MAX_LEVEL, Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL,
    Z_DEFAULT_CHUNK, Z_DEFAULT_COMPRESSION, Z_DEFAULT_STRATEGY, Z_DEFAULT_WINDOWBITS,
    Z_DEFAULT_MEMLEVEL, Z_FIXED, DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP,
    BROTLI_DECODE, BROTLI_ENCODE, BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH,
    BROTLI_OPERATION_FINISH, BROTLI_OPERATION_EMIT_METADATA,
  } = constants;

  const codes = {
    Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
    Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  };
  for (const key of Object.keys(codes)) codes[codes[key]] = key;

  const nextTick = (fn, ...args) => {
    if (typeof process === 'object' && process !== null && typeof process.nextTick === 'function') {
      process.nextTick(fn, ...args);
    } else {
      queueMicrotask(() => fn(...args));
    }
  };

  // Errors, worded as Node's internal/errors.js words them.
  function addNumericalSeparator(val) {
    let res = '';
    let i = val.length;
    const start = val[0] === '-' ? 1 : 0;
    for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
    return `${val.slice(0, i)}${res}`;
  }
  function outOfRange(name, range, input) {
    const received = Number.isInteger(input) && Math.abs(input) > 2 ** 32 ?
      addNumericalSeparator(String(input)) : inspect(input);
    return natives.error('RangeError', 'ERR_OUT_OF_RANGE',
      `The value of "${name}" is out of range. It must be ${range}. Received ${received}`);
  }
  const bufferTooLarge = (max) => natives.error('RangeError', 'ERR_BUFFER_TOO_LARGE',
    `Cannot create a Buffer larger than ${max} bytes`);
  function internalAssertion(message) {
    return natives.error('Error', 'ERR_INTERNAL_ASSERTION', `${message}\nThis is caused by either a bug in ` +
      'Node.js or incorrect usage of Node.js internals.\nPlease open an issue with this stack trace at ' +
      'https://github.com/nodejs/node/issues\n');
  }

  // validateFiniteNumber and checkRangesOrGetDefault of internal/validators.
  function validateFiniteNumber(number, name) {
    if (number === undefined) return false;
    if (Number.isFinite(number)) return true;
    if (Number.isNaN(number)) return false;
    if (typeof number !== 'number') throw natives.argType(name, 'of type number', number);
    throw outOfRange(name, 'a finite number', number);
  }
  function checkRangesOrGetDefault(number, name, lower, upper, def) {
    if (!validateFiniteNumber(number, name)) return def;
    if (number < lower || number > upper) throw outOfRange(name, `>= ${lower} and <= ${upper}`, number);
    return number;
  }
  function validateFunction(value, name) {
    if (typeof value !== 'function') throw natives.argType(name, 'of type function', value);
  }

  // One-shot functions: the callback form runs a stream; the sync form drives the handle directly.
  function zlibBuffer(engine, buffer, callback) {
    validateFunction(callback, 'callback');
    if (ArrayBuffer.isView(buffer) && !types.isUint8Array(buffer)) {
      buffer = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } else if (types.isAnyArrayBuffer(buffer)) {
      buffer = Buffer.from(buffer);
    }
    engine.buffers = null;
    engine.nread = 0;
    engine.cb = callback;
    engine.on('data', zlibBufferOnData);
    engine.on('error', zlibBufferOnError);
    engine.on('end', zlibBufferOnEnd);
    engine.end(buffer);
  }
  function zlibBufferOnData(chunk) {
    if (!this.buffers) this.buffers = [chunk];
    else this.buffers.push(chunk);
    this.nread += chunk.length;
    if (this.nread > this._maxOutputLength) {
      this.close();
      this.removeAllListeners('end');
      this.cb(bufferTooLarge(this._maxOutputLength));
    }
  }
  function zlibBufferOnError(err) {
    this.removeAllListeners('end');
    this.cb(err);
  }
  function zlibBufferOnEnd() {
    let buf;
    if (this.nread === 0) buf = Buffer.alloc(0);
    else buf = this.buffers.length === 1 ? this.buffers[0] : Buffer.concat(this.buffers, this.nread);
    this.close();
    if (this._info) this.cb(null, { buffer: buf, engine: this });
    else this.cb(null, buf);
  }

  function zlibBufferSync(engine, buffer) {
    if (typeof buffer === 'string') {
      buffer = Buffer.from(buffer);
    } else if (!ArrayBuffer.isView(buffer)) {
      if (types.isAnyArrayBuffer(buffer)) {
        buffer = Buffer.from(buffer);
      } else {
        throw natives.argType('buffer',
          'of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer', buffer);
      }
    }
    buffer = processChunkSync(engine, buffer, engine._finishFlushFlag);
    if (engine._info) return { buffer, engine };
    return buffer;
  }

  // A stream error: Node's zlibOnError. There is no recovering from it.
  function zlibOnError(self, message, errno, code) {
    const error = new Error(message);
    error.errno = errno;
    error.code = code;
    self.destroy(error);
    self[kError] = error;
  }

  function ZlibBase(opts, mode, handle, { flush, finishFlush, fullFlush }) {
    let chunkSize = Z_DEFAULT_CHUNK;
    let maxOutputLength = kMaxLength;
    const brotli = mode === BROTLI_ENCODE || mode === BROTLI_DECODE;
    const maxFlushFlag = brotli ? BROTLI_OPERATION_EMIT_METADATA : Z_BLOCK;
    if (opts) {
      chunkSize = opts.chunkSize;
      if (!validateFiniteNumber(chunkSize, 'options.chunkSize')) {
        chunkSize = Z_DEFAULT_CHUNK;
      } else if (chunkSize < Z_MIN_CHUNK) {
        throw outOfRange('options.chunkSize', `>= ${Z_MIN_CHUNK}`, chunkSize);
      }
      flush = checkRangesOrGetDefault(opts.flush, 'options.flush', 0, maxFlushFlag, flush);
      finishFlush = checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush', 0, maxFlushFlag, finishFlush);
      maxOutputLength = checkRangesOrGetDefault(opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength, kMaxLength);
      if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
        opts = Object.assign({}, opts);
        opts.encoding = null;
        opts.objectMode = false;
        opts.writableObjectMode = false;
      }
    }
    // Node allocates its output buffer here, and that is where an oversized chunkSize fails.
    if (chunkSize > kMaxLength) throw outOfRange('size', `>= 0 && <= ${kMaxLength}`, chunkSize);
    Transform.call(this, Object.assign({ autoDestroy: true }, opts));
    this[kError] = null;
    this.bytesWritten = 0;
    this._handle = handle;
    handle[kOwner] = this;
    this._outOffset = 0;
    this._chunkSize = chunkSize;
    this._defaultFlushFlag = flush;
    this._finishFlushFlag = finishFlush;
    this._defaultFullFlushFlag = fullFlush;
    this._info = opts && opts.info;
    this._maxOutputLength = maxOutputLength;
  }
  Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
  Object.setPrototypeOf(ZlibBase, Transform);

  Object.defineProperty(ZlibBase.prototype, '_closed', {
    configurable: true,
    enumerable: true,
    get() { return !this._handle; },
  });

  Object.defineProperty(ZlibBase.prototype, 'bytesRead', {
    configurable: true,
    enumerable: true,
    get: deprecate(function () { return this.bytesWritten; },
      'zlib.bytesRead is deprecated and will change its meaning in the future. Use zlib.bytesWritten instead.',
      'DEP0108'),
    set: deprecate(function (value) { this.bytesWritten = value; },
      'Setting zlib.bytesRead is deprecated. This feature will be removed in the future.', 'DEP0108'),
  });

  ZlibBase.prototype.reset = function reset() {
    if (!this._handle) throw internalAssertion('zlib binding closed');
    return this._handle.reset();
  };

  ZlibBase.prototype._flush = function _flush(callback) {
    this._transform(Buffer.alloc(0), '', callback);
  };

  // The readable side ends from _flush, through Transform's prefinish.
  ZlibBase.prototype._final = function _final(callback) {
    callback();
  };

  // Which of two flushes is stronger, for the flush of the last chunk.
  const flushiness = [];
  const kFlushFlagList = [Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH];
  for (let i = 0; i < kFlushFlagList.length; i++) flushiness[kFlushFlagList[i]] = i;
  const maxFlush = (a, b) => (flushiness[a] > flushiness[b] ? a : b);

  // Empty chunks that carry a flush through the write queue.
  const kFlushBuffers = [];
  for (const flushFlag of kFlushFlagList) {
    kFlushBuffers[flushFlag] = Buffer.from(new ArrayBuffer(0));
    kFlushBuffers[flushFlag][kFlushFlag] = flushFlag;
  }

  ZlibBase.prototype.flush = function flush(kind, callback) {
    if (typeof kind === 'function' || (kind === undefined && !callback)) {
      callback = kind;
      kind = this._defaultFullFlushFlag;
    }
    if (this.writableFinished) {
      if (callback) nextTick(callback);
    } else if (this.writableEnded) {
      if (callback) this.once('end', callback);
    } else {
      this.write(kFlushBuffers[kind], '', callback);
    }
  };

  ZlibBase.prototype.close = function close(callback) {
    if (callback) finished(this, callback);
    this.destroy();
  };

  ZlibBase.prototype._destroy = function _destroy(err, callback) {
    _close(this);
    callback(err);
  };

  ZlibBase.prototype._transform = function _transform(chunk, encoding, cb) {
    let flushFlag = this._defaultFlushFlag;
    if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
    // The last chunk also gets the finishing flush.
    if (this.writableEnded && this.writableLength === chunk.byteLength) {
      flushFlag = maxFlush(flushFlag, this._finishFlushFlag);
    }
    processChunk(this, chunk, flushFlag, cb);
  };

  ZlibBase.prototype._processChunk = function _processChunk(chunk, flushFlag, cb) {
    if (typeof cb === 'function') processChunk(this, chunk, flushFlag, cb);
    else return processChunkSync(this, chunk, flushFlag);
  };

  function processChunkSync(self, chunk, flushFlag) {
    let availInBefore = chunk.byteLength;
    let availOutBefore = self._chunkSize - self._outOffset;
    let inOff = 0;
    let buffers = null;
    let nread = 0;
    let inputRead = 0;
    const handle = self._handle;
    let offset = self._outOffset;
    const chunkSize = self._chunkSize;
    let error;
    self.on('error', function onError(er) { error = er; });
    for (;;) {
      const res = handle.writeSync(flushFlag, chunk, inOff, availInBefore, availOutBefore);
      if (res.length > 2) zlibOnError(self, res[2], res[3], res[4]);
      if (error) throw error;
      else if (self[kError]) throw self[kError];
      const out = res[0];
      const availInAfter = res[1];
      const have = out ? out.length : 0;
      const availOutAfter = availOutBefore - have;
      const inDelta = availInBefore - availInAfter;
      inputRead += inDelta;
      if (have > 0) {
        offset += have;
        if (!buffers) buffers = [out];
        else buffers.push(out);
        nread += have;
        if (nread > self._maxOutputLength) {
          _close(self);
          throw bufferTooLarge(self._maxOutputLength);
        }
      }
      if (availOutAfter === 0 || offset >= chunkSize) {
        availOutBefore = chunkSize;
        offset = 0;
      }
      if (availOutAfter !== 0) break;
      // The output was full: more may come from the same input.
      inOff += inDelta;
      availInBefore = availInAfter;
    }
    self.bytesWritten = inputRead;
    _close(self);
    if (nread === 0) return Buffer.alloc(0);
    return buffers.length === 1 ? buffers[0] : Buffer.concat(buffers, nread);
  }

  function processChunk(self, chunk, flushFlag, cb) {
    const handle = self._handle;
    if (!handle) return nextTick(cb);
    handle.buffer = chunk;
    handle.cb = cb;
    handle.availOutBefore = self._chunkSize - self._outOffset;
    handle.availInBefore = chunk.byteLength;
    handle.inOff = 0;
    handle.flushFlag = flushFlag;
    writeAsync(handle);
  }

  function writeAsync(handle) {
    handle.write(handle.flushFlag, handle.buffer, handle.inOff, handle.availInBefore, handle.availOutBefore)
      .then((res) => processCallback(handle, res));
  }

  function processCallback(handle, res) {
    const self = handle[kOwner];
    if (res.length > 2) {
      zlibOnError(self, res[2], res[3], res[4]);
      return;
    }
    if (self.destroyed) {
      handle.buffer = null;
      handle.cb();
      return;
    }
    const out = res[0];
    const availInAfter = res[1];
    const have = out ? out.length : 0;
    const availOutAfter = handle.availOutBefore - have;
    const inDelta = handle.availInBefore - availInAfter;
    self.bytesWritten += inDelta;
    let streamBufferIsFull = false;
    if (have > 0) {
      self._outOffset += have;
      streamBufferIsFull = !self.push(out);
    }
    if (self.destroyed) {
      handle.cb();
      return;
    }
    if (availOutAfter === 0 || self._outOffset >= self._chunkSize) {
      handle.availOutBefore = self._chunkSize;
      self._outOffset = 0;
    }
    if (availOutAfter === 0) {
      // Not done with this input: go on at once, or when the reader wants more.
      handle.inOff += inDelta;
      handle.availInBefore = availInAfter;
      if (!streamBufferIsFull) {
        writeAsync(handle);
      } else {
        const oldRead = self._read;
        self._read = (n) => {
          self._read = oldRead;
          writeAsync(handle);
          self._read(n);
        };
      }
      return;
    }
    if (availInAfter > 0) {
      // Output space left but input not taken: the compressed stream ended before the input.
      self.push(null);
    }
    handle.buffer = null;
    handle.cb();
  }

  function _close(engine) {
    if (!engine._handle) return;
    engine._handle.close();
    engine._handle = null;
  }

  const zlibDefaultOpts = { flush: Z_NO_FLUSH, finishFlush: Z_FINISH, fullFlush: Z_FULL_FLUSH };

  // The streams backed by zlib proper.
  function Zlib(opts, mode) {
    let windowBits = Z_DEFAULT_WINDOWBITS;
    let level = Z_DEFAULT_COMPRESSION;
    let memLevel = Z_DEFAULT_MEMLEVEL;
    let strategy = Z_DEFAULT_STRATEGY;
    let dictionary;
    if (opts) {
      // For decompression, windowBits 0 means "as the stream's header says".
      if ((opts.windowBits == null || opts.windowBits === 0) &&
          (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
        windowBits = 0;
      } else {
        // { windowBits: 8 } is valid for deflate but not gzip.
        const min = Z_MIN_WINDOWBITS + (mode === GZIP ? 1 : 0);
        windowBits = checkRangesOrGetDefault(opts.windowBits, 'options.windowBits', min, Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
      }
      level = checkRangesOrGetDefault(opts.level, 'options.level', Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION);
      memLevel = checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL);
      strategy = checkRangesOrGetDefault(opts.strategy, 'options.strategy', Z_DEFAULT_STRATEGY, Z_FIXED, Z_DEFAULT_STRATEGY);
      dictionary = opts.dictionary;
      if (dictionary !== undefined && !ArrayBuffer.isView(dictionary)) {
        if (types.isAnyArrayBuffer(dictionary)) {
          dictionary = Buffer.from(dictionary);
        } else {
          throw natives.argType('options.dictionary', 'an instance of Buffer, TypedArray, DataView, or ArrayBuffer', dictionary);
        }
      }
    }
    const handle = natives.zlibHandle(mode, windowBits, level, memLevel, strategy, dictionary);
    ZlibBase.call(this, opts, mode, handle, zlibDefaultOpts);
    this._level = level;
    this._strategy = strategy;
  }
  Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
  Object.setPrototypeOf(Zlib, ZlibBase);

  function paramsAfterFlushCallback(level, strategy, callback) {
    if (!this._handle) throw internalAssertion('zlib binding closed');
    this._handle.params(level, strategy);
    if (!this.destroyed) {
      this._level = level;
      this._strategy = strategy;
      if (callback) callback();
    }
  }

  Zlib.prototype.params = function params(level, strategy, callback) {
    checkRangesOrGetDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
    checkRangesOrGetDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);
    if (this._level !== level || this._strategy !== strategy) {
      this.flush(Z_SYNC_FLUSH, paramsAfterFlushCallback.bind(this, level, strategy, callback));
    } else {
      nextTick(callback);
    }
  };

  // defineStream makes a class that, like Node's, may also be called without new.
  function defineStream(name, Base, mode, prepare) {
    const ctor = {
      [name]: function (opts) {
        if (prepare) prepare(opts);
        if (!(this instanceof ctor)) return new ctor(opts);
        Base.call(this, opts, mode);
      },
    }[name];
    Object.setPrototypeOf(ctor.prototype, Base.prototype);
    Object.setPrototypeOf(ctor, Base);
    return ctor;
  }

  const Deflate = defineStream('Deflate', Zlib, DEFLATE);
  const Inflate = defineStream('Inflate', Zlib, INFLATE);
  const Gzip = defineStream('Gzip', Zlib, GZIP);
  const Gunzip = defineStream('Gunzip', Zlib, GUNZIP);
  const DeflateRaw = defineStream('DeflateRaw', Zlib, DEFLATERAW, (opts) => {
    if (opts && opts.windowBits === 8) opts.windowBits = 9;
  });
  const InflateRaw = defineStream('InflateRaw', Zlib, INFLATERAW);
  const Unzip = defineStream('Unzip', Zlib, UNZIP);

  const kMaxBrotliParam = 8;
  const brotliDefaultOpts = {
    flush: BROTLI_OPERATION_PROCESS,
    finishFlush: BROTLI_OPERATION_FINISH,
    fullFlush: BROTLI_OPERATION_FLUSH,
  };
  function Brotli(opts, mode) {
    const params = {};
    if (opts && opts.params) {
      for (const origKey of Object.keys(opts.params)) {
        const key = +origKey;
        if (!Number.isInteger(key) || key < 0 || key > kMaxBrotliParam || key in params) {
          throw natives.error('RangeError', 'ERR_BROTLI_INVALID_PARAM', `${origKey} is not a valid Brotli parameter`);
        }
        const value = opts.params[origKey];
        if (typeof value !== 'number' && typeof value !== 'boolean') {
          throw natives.argType('options.params[key]', 'of type number', value);
        }
        // Node stores the values in a Uint32Array, where 2^32 - 1 means "not set".
        params[key] = Number(value) >>> 0;
        if (params[key] === 0xffffffff) delete params[key];
      }
    }
    const handle = natives.brotliHandle(mode, params);
    ZlibBase.call(this, opts, mode, handle, brotliDefaultOpts);
  }
  Object.setPrototypeOf(Brotli.prototype, Zlib.prototype);
  Object.setPrototypeOf(Brotli, Zlib);

  const BrotliCompress = defineStream('BrotliCompress', Brotli, BROTLI_ENCODE);
  const BrotliDecompress = defineStream('BrotliDecompress', Brotli, BROTLI_DECODE);

  function createConvenienceMethod(ctor, sync) {
    if (sync) {
      return function syncBufferWrapper(buffer, opts) {
        return zlibBufferSync(new ctor(opts), buffer);
      };
    }
    return function asyncBufferWrapper(buffer, opts, callback) {
      if (typeof opts === 'function') {
        callback = opts;
        opts = {};
      }
      return zlibBuffer(new ctor(opts), buffer, callback);
    };
  }

  // crc32 (Node 20.15): validateUint32(value) as internal/validators does it.
  function crc32(data, value = 0) {
    if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
      throw natives.argType('data', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
    }
    if (typeof value !== 'number') throw natives.argType('value', 'of type number', value);
    if (!Number.isInteger(value)) throw outOfRange('value', 'an integer', value);
    if (value < 0 || value > 4294967295) throw outOfRange('value', '>= 0 && <= 4294967295', value);
    return natives.crc32(typeof data === 'string' ? Buffer.from(data) : data, value);
  }

  Object.assign(exports, {
    crc32,
    Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
    deflate: createConvenienceMethod(Deflate, false),
    deflateSync: createConvenienceMethod(Deflate, true),
    gzip: createConvenienceMethod(Gzip, false),
    gzipSync: createConvenienceMethod(Gzip, true),
    deflateRaw: createConvenienceMethod(DeflateRaw, false),
    deflateRawSync: createConvenienceMethod(DeflateRaw, true),
    unzip: createConvenienceMethod(Unzip, false),
    unzipSync: createConvenienceMethod(Unzip, true),
    inflate: createConvenienceMethod(Inflate, false),
    inflateSync: createConvenienceMethod(Inflate, true),
    gunzip: createConvenienceMethod(Gunzip, false),
    gunzipSync: createConvenienceMethod(Gunzip, true),
    inflateRaw: createConvenienceMethod(InflateRaw, false),
    inflateRawSync: createConvenienceMethod(InflateRaw, true),
    brotliCompress: createConvenienceMethod(BrotliCompress, false),
    brotliCompressSync: createConvenienceMethod(BrotliCompress, true),
    brotliDecompress: createConvenienceMethod(BrotliDecompress, false),
    brotliDecompressSync: createConvenienceMethod(BrotliDecompress, true),
  });

  const factory = (ctor) => ({
    configurable: true,
    enumerable: true,
    value: function (options) { return new ctor(options); },
  });
  Object.defineProperties(exports, {
    createDeflate: factory(Deflate),
    createInflate: factory(Inflate),
    createDeflateRaw: factory(DeflateRaw),
    createInflateRaw: factory(InflateRaw),
    createGzip: factory(Gzip),
    createGunzip: factory(Gunzip),
    createUnzip: factory(Unzip),
    createBrotliCompress: factory(BrotliCompress),
    createBrotliDecompress: factory(BrotliDecompress),
    constants: { configurable: false, enumerable: true, value: constants },
    codes: { enumerable: true, writable: false, value: Object.freeze(codes) },
  });

  // The legacy top-level copies of the zlib constants (not the Brotli ones).
  for (const key of Object.keys(constants)) {
    if (key.startsWith('BROTLI')) continue;
    Object.defineProperty(exports, key, { enumerable: false, value: constants[key], writable: false });
  }
});
