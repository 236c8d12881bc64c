// Readable: the buffer, push/unshift/read, flowing and paused modes, setEncoding and the readable*
// state getters. Piping lives in pipe.js, async iteration and Readable.from in iterate.js.
(function (S) {
  'use strict';

  var nextTick = S.nextTick;
  var Buffer = S.Buffer;
  var errors = S.errors;
  var errorOrDestroy = S.errorOrDestroy;

  // ReadableState holds a readable stream's (or a duplex's readable side's) state, with the field
  // names Node uses: code outside the module reads some of them (ended, endEmitted, flowing, length).
  function ReadableState(options, stream, isDuplex) {
    if (typeof isDuplex !== 'boolean') isDuplex = stream instanceof S.Duplex;
    this.objectMode = !!(options && options.objectMode);
    if (isDuplex) this.objectMode = this.objectMode || !!(options && options.readableObjectMode);
    this.highWaterMark = options ?
      S.getHighWaterMark(this, options, 'readableHighWaterMark', isDuplex) :
      S.getDefaultHighWaterMark(false);
    this.buffer = [];
    this.length = 0; // bytes, characters once decoding, or objects
    this.pipes = [];
    this.flowing = null; // null: nobody consumes yet; true: 'data' mode; false: paused
    this.paused = null; // pause() was the last call, as opposed to resume()
    this.ended = false; // push(null) seen
    this.endEmitted = false;
    this.reading = false; // a _read is outstanding
    this.constructed = true;
    this.sync = true; // inside _read: 'readable' and data delivery wait for a later tick
    this.needReadable = false;
    this.emittedReadable = false;
    this.readableListening = false;
    this.resumeScheduled = false;
    this.errorEmitted = false;
    this.emitClose = !options || options.emitClose !== false;
    this.autoDestroy = !options || options.autoDestroy !== false;
    this.destroyed = false;
    this.errored = null;
    this.closed = false;
    this.closeEmitted = false;
    this.defaultEncoding = (options && options.defaultEncoding) || 'utf8';
    // The pipe destinations whose 'drain' the source waits for: one stream, or a Set of them.
    this.awaitDrainWriters = null;
    this.multiAwaitDrain = false;
    this.readingMore = false;
    this.dataEmitted = false;
    this.decoder = null;
    this.encoding = null;
    if (options && options.encoding) {
      this.decoder = S.natives.decoder(options.encoding);
      this.encoding = options.encoding;
    }
  }

  function Readable(options) {
    if (!(this instanceof Readable)) return new Readable(options);
    var isDuplex = this instanceof S.Duplex;
    this._readableState = new ReadableState(options, this, isDuplex);
    if (options) {
      if (typeof options.read === 'function') this._read = options.read;
      if (typeof options.destroy === 'function') this._destroy = options.destroy;
      if (typeof options.construct === 'function') this._construct = options.construct;
      if (options.signal && !isDuplex) S.addAbortSignalNoValidate(options.signal, this);
    }
    S.Stream.call(this, options);
    var self = this;
    S.construct(this, function () {
      if (self._readableState.needReadable) maybeReadMore(self, self._readableState);
    });
  }
  Object.setPrototypeOf(Readable.prototype, S.Stream.prototype);
  Object.setPrototypeOf(Readable, S.Stream);
  Readable.ReadableState = ReadableState;

  Readable.prototype.destroy = S.destroy;
  Readable.prototype._undestroy = S.undestroy;
  Readable.prototype._destroy = function _destroy(err, cb) { cb(err); };

  Readable.prototype.push = function push(chunk, encoding) {
    return addChunkFrom(this, chunk, encoding, false);
  };

  Readable.prototype.unshift = function unshift(chunk, encoding) {
    return addChunkFrom(this, chunk, encoding, true);
  };

  // normalizeChunk turns what push/unshift received into a Buffer, or keeps a string that already
  // has the stream's encoding; it returns an error for a chunk of the wrong type.
  function normalizeChunk(state, chunk, encoding, addToFront) {
    if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.encoding === encoding) return { chunk: chunk, encoding: encoding };
      if (addToFront && state.encoding) return { chunk: Buffer.from(chunk, encoding).toString(state.encoding), encoding: encoding };
      return { chunk: Buffer.from(chunk, encoding), encoding: '' };
    }
    if (chunk instanceof Buffer) return { chunk: chunk, encoding: '' };
    if (ArrayBuffer.isView(chunk)) return { chunk: Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), encoding: '' };
    if (chunk != null) return { error: errors.argType('chunk', 'of type string or an instance of Buffer, TypedArray, or DataView', chunk) };
    return { chunk: chunk, encoding: encoding };
  }

  function addChunkFrom(stream, chunk, encoding, addToFront) {
    var state = stream._readableState;
    if (!state.objectMode) {
      var n = normalizeChunk(state, chunk, encoding, addToFront);
      if (n.error) {
        errorOrDestroy(stream, n.error);
        return !state.ended && (state.length < state.highWaterMark || state.length === 0);
      }
      chunk = n.chunk;
      encoding = n.encoding;
    }
    if (chunk === null) {
      state.reading = false;
      onEofChunk(stream, state);
    } else if (state.objectMode || (chunk && chunk.length > 0)) {
      if (addToFront) {
        if (state.endEmitted) errorOrDestroy(stream, errors.unshiftAfterEnd());
        else if (state.destroyed || state.errored) return false;
        else addChunk(stream, state, chunk, true);
      } else if (state.ended) {
        errorOrDestroy(stream, errors.pushAfterEOF());
      } else if (state.destroyed || state.errored) {
        return false;
      } else {
        state.reading = false;
        if (state.decoder && !encoding) {
          chunk = state.decoder.write(chunk);
          if (state.objectMode || chunk.length !== 0) addChunk(stream, state, chunk, false);
          else maybeReadMore(stream, state);
        } else {
          addChunk(stream, state, chunk, false);
        }
      }
    } else if (!addToFront) {
      state.reading = false;
      maybeReadMore(stream, state);
    }
    // push() keeps returning true for an empty buffer so a zero high-water mark still reads.
    return !state.ended && (state.length < state.highWaterMark || state.length === 0);
  }

  // addChunk hands the chunk straight to a 'data' listener when the stream flows with an empty
  // buffer (outside _read's synchronous part), and buffers it otherwise.
  function addChunk(stream, state, chunk, addToFront) {
    if (state.flowing && state.length === 0 && !state.sync && stream.listenerCount('data') > 0) {
      clearAwaitDrain(state);
      state.dataEmitted = true;
      stream.emit('data', chunk);
    } else {
      state.length += state.objectMode ? 1 : chunk.length;
      if (addToFront) state.buffer.unshift(chunk);
      else state.buffer.push(chunk);
      if (state.needReadable) emitReadable(stream);
    }
    maybeReadMore(stream, state);
  }

  function clearAwaitDrain(state) {
    if (state.multiAwaitDrain) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
  }

  function onEofChunk(stream, state) {
    if (state.ended) return;
    if (state.decoder) {
      var rest = state.decoder.end();
      if (rest && rest.length) {
        state.buffer.push(rest);
        state.length += state.objectMode ? 1 : rest.length;
      }
    }
    state.ended = true;
    if (state.sync) {
      // Inside _read: let the caller of read() see the end first.
      emitReadable(stream);
    } else {
      state.needReadable = false;
      state.emittedReadable = true;
      emitReadableNT(stream);
    }
  }

  // emitReadable schedules one 'readable' event for the next tick.
  function emitReadable(stream) {
    var state = stream._readableState;
    state.needReadable = false;
    if (!state.emittedReadable) {
      state.emittedReadable = true;
      nextTick(emitReadableNT, stream);
    }
  }

  function emitReadableNT(stream) {
    var state = stream._readableState;
    if (!state.destroyed && !state.errored && (state.length || state.ended)) {
      stream.emit('readable');
      state.emittedReadable = false;
    }
    // Ask for another 'readable' only while paused, not ended and not above the high-water mark.
    state.needReadable = !state.flowing && !state.ended && state.length <= state.highWaterMark;
    flow(stream);
  }

  // maybeReadMore fills the buffer up to the high-water mark on a later tick, so data is ready
  // before the consumer asks for it.
  function maybeReadMore(stream, state) {
    if (!state.readingMore && state.constructed) {
      state.readingMore = true;
      nextTick(maybeReadMoreNT, stream, state);
    }
  }

  function maybeReadMoreNT(stream, state) {
    while (!state.reading && !state.ended &&
        (state.length < state.highWaterMark || (state.flowing && state.length === 0))) {
      var len = state.length;
      stream.read(0);
      if (len === state.length) break; // _read gave nothing synchronously
    }
    state.readingMore = false;
  }

  // The largest high-water mark read(n) may raise the buffer to.
  var maxHighWaterMark = 0x40000000;

  function nextPowerOfTwo(n) {
    if (n > maxHighWaterMark) throw errors.outOfRange('size', '<= 1GiB', n);
    n--;
    n |= n >>> 1;
    n |= n >>> 2;
    n |= n >>> 4;
    n |= n >>> 8;
    n |= n >>> 16;
    return n + 1;
  }

  // howMuchToRead is how many bytes (or objects) read(n) may return now; 0 means none yet.
  function howMuchToRead(n, state) {
    if (n <= 0 || (state.length === 0 && state.ended)) return 0;
    if (state.objectMode) return 1;
    if (n !== n) {
      // read() without a size: one chunk at a time when flowing, everything when paused.
      if (state.flowing && state.length) return state.buffer[0].length;
      return state.length;
    }
    if (n <= state.length) return n;
    return state.ended ? state.length : 0;
  }

  Readable.prototype.read = function read(n) {
    if (n === undefined) n = NaN;
    else if (!Number.isInteger(n)) n = Number.parseInt(n, 10);
    var state = this._readableState;
    var nOrig = n;
    if (n > state.highWaterMark) state.highWaterMark = nextPowerOfTwo(n);
    if (n !== 0) state.emittedReadable = false;

    // read(0) with enough buffered (or at the end) only triggers 'readable' or 'end'.
    if (n === 0 && state.needReadable &&
        ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) || state.ended)) {
      if (state.length === 0 && state.ended) endReadable(this);
      else emitReadable(this);
      return null;
    }

    n = howMuchToRead(n, state);
    if (n === 0 && state.ended) {
      if (state.length === 0) endReadable(this);
      return null;
    }

    // Call _read when the buffer would fall under the high-water mark after this read.
    var doRead = state.needReadable;
    if (state.length === 0 || state.length - n < state.highWaterMark) doRead = true;
    if (state.ended || state.reading || state.destroyed || state.errored || !state.constructed) {
      doRead = false;
    } else if (doRead) {
      state.reading = true;
      state.sync = true;
      if (state.length === 0) state.needReadable = true;
      try {
        this._read(state.highWaterMark);
      } catch (err) {
        errorOrDestroy(this, err);
      }
      state.sync = false;
      // A synchronous push may have changed what can be returned.
      if (!state.reading) n = howMuchToRead(nOrig, state);
    }

    var ret = n > 0 ? fromList(n, state) : null;
    if (ret === null) {
      state.needReadable = state.length <= state.highWaterMark;
      n = 0;
    } else {
      state.length -= n;
      clearAwaitDrain(state);
    }
    if (state.length === 0) {
      if (!state.ended) state.needReadable = true;
      if (nOrig !== n && state.ended) endReadable(this);
    }
    if (ret !== null && !state.errorEmitted && !state.closeEmitted) {
      state.dataEmitted = true;
      this.emit('data', ret);
    }
    return ret;
  };

  // fromList takes n bytes (characters, or one object) off the front of the buffer.
  function fromList(n, state) {
    if (state.length === 0) return null;
    var buf = state.buffer;
    if (state.objectMode) return buf.shift();
    if (!n || n >= state.length) {
      var all;
      if (state.decoder) all = buf.join('');
      else if (buf.length === 1) all = buf[0];
      else all = Buffer.concat(buf, state.length);
      state.buffer = [];
      return all;
    }
    return consume(buf, n, !!state.decoder);
  }

  function head(chunk, n) { return typeof chunk === 'string' ? chunk.slice(0, n) : chunk.subarray(0, n); }
  function tail(chunk, n) { return typeof chunk === 'string' ? chunk.slice(n) : chunk.subarray(n); }

  // consume takes n < total length from the front of buf, splitting a chunk where needed.
  function consume(buf, n, strings) {
    var first = buf[0];
    if (n < first.length) {
      buf[0] = tail(first, n);
      return head(first, n);
    }
    if (n === first.length) return buf.shift();
    var parts = [];
    var need = n;
    while (need > 0) {
      var chunk = buf[0];
      if (chunk.length <= need) {
        parts.push(buf.shift());
        need -= chunk.length;
      } else {
        parts.push(head(chunk, need));
        buf[0] = tail(chunk, need);
        need = 0;
      }
    }
    return strings ? parts.join('') : Buffer.concat(parts, n);
  }

  // endReadable emits 'end' on a later tick, once the buffer is empty.
  function endReadable(stream) {
    var state = stream._readableState;
    if (!state.endEmitted) {
      state.ended = true;
      nextTick(endReadableNT, state, stream);
    }
  }

  function endReadableNT(state, stream) {
    if (!state.errored && !state.closeEmitted && !state.endEmitted && state.length === 0) {
      state.endEmitted = true;
      stream.emit('end');
      if (stream.writable && stream.allowHalfOpen === false) {
        nextTick(endWritableNT, stream);
      } else if (state.autoDestroy) {
        // A duplex is destroyed once its writable side has finished too.
        var w = stream._writableState;
        if (!w || (w.autoDestroy && (w.finished || w.writable === false))) stream.destroy();
      }
    }
  }

  function endWritableNT(stream) {
    if (stream.writable && !stream.writableEnded && !stream.destroyed) stream.end();
  }

  Readable.prototype._read = function _read() {
    throw errors.notImplemented('_read()');
  };

  // Adding a 'data' listener starts flowing mode unless the stream was paused explicitly; adding a
  // 'readable' listener switches to paused mode and announces what is buffered.
  Readable.prototype.on = function on(ev, fn) {
    var res = S.Stream.prototype.on.call(this, ev, fn);
    var state = this._readableState;
    if (ev === 'data') {
      state.readableListening = this.listenerCount('readable') > 0;
      if (state.flowing !== false) this.resume();
    } else if (ev === 'readable') {
      if (!state.endEmitted && !state.readableListening) {
        state.readableListening = state.needReadable = true;
        state.flowing = false;
        state.emittedReadable = false;
        if (state.length) emitReadable(this);
        else if (!state.reading) nextTick(readZeroNT, this);
      }
    }
    return res;
  };
  Readable.prototype.addListener = Readable.prototype.on;

  Readable.prototype.removeListener = function removeListener(ev, fn) {
    var res = S.Stream.prototype.removeListener.call(this, ev, fn);
    if (ev === 'readable') nextTick(updateReadableListening, this);
    return res;
  };
  Readable.prototype.off = Readable.prototype.removeListener;

  Readable.prototype.removeAllListeners = function removeAllListeners(ev) {
    var res = S.Stream.prototype.removeAllListeners.apply(this, arguments);
    if (ev === 'readable' || ev === undefined) nextTick(updateReadableListening, this);
    return res;
  };

  // updateReadableListening leaves paused mode when the last 'readable' listener is gone.
  function updateReadableListening(self) {
    var state = self._readableState;
    state.readableListening = self.listenerCount('readable') > 0;
    if (state.resumeScheduled && state.paused === false) state.flowing = true;
    else if (self.listenerCount('data') > 0) self.resume();
    else if (!state.readableListening) state.flowing = null;
  }

  function readZeroNT(self) {
    self.read(0);
  }

  Readable.prototype.resume = function resume() {
    var state = this._readableState;
    if (!state.flowing) {
      // With 'readable' listeners the stream stays paused: they decide when to read.
      state.flowing = !state.readableListening;
      if (!state.resumeScheduled) {
        state.resumeScheduled = true;
        nextTick(resumeNT, this, state);
      }
    }
    state.paused = false;
    return this;
  };

  function resumeNT(stream, state) {
    if (!state.reading) stream.read(0);
    state.resumeScheduled = false;
    stream.emit('resume');
    flow(stream);
    if (state.flowing && !state.reading) stream.read(0);
  }

  Readable.prototype.pause = function pause() {
    var state = this._readableState;
    if (state.flowing !== false) {
      state.flowing = false;
      this.emit('pause');
    }
    state.paused = true;
    return this;
  };

  // flow emits buffered chunks as 'data' for as long as the stream keeps flowing.
  function flow(stream) {
    var state = stream._readableState;
    while (state.flowing && stream.read() !== null);
  }

  Readable.prototype.isPaused = function isPaused() {
    var state = this._readableState;
    return state.paused === true || state.flowing === false;
  };

  Readable.prototype.setEncoding = function setEncoding(enc) {
    var state = this._readableState;
    var decoder = S.natives.decoder(enc);
    state.decoder = decoder;
    state.encoding = decoder.encoding;
    var content = '';
    for (var i = 0; i < state.buffer.length; i++) content += decoder.write(state.buffer[i]);
    state.buffer = content !== '' ? [content] : [];
    state.length = content.length;
    return this;
  };

  function getter(name, get, set) {
    Object.defineProperty(Readable.prototype, name, { get: get, set: set, enumerable: false, configurable: true });
  }
  getter('readable', function () {
    var r = this._readableState;
    return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
  }, function (val) {
    if (this._readableState) this._readableState.readable = !!val;
  });
  getter('readableDidRead', function () { return this._readableState.dataEmitted; });
  getter('readableAborted', function () {
    var r = this._readableState;
    return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
  });
  getter('readableHighWaterMark', function () { return this._readableState.highWaterMark; });
  getter('readableBuffer', function () { return this._readableState && this._readableState.buffer; });
  getter('readableFlowing', function () { return this._readableState.flowing; }, function (val) {
    if (this._readableState) this._readableState.flowing = val;
  });
  getter('readableLength', function () { return this._readableState.length; });
  getter('readableObjectMode', function () { return this._readableState ? this._readableState.objectMode : false; });
  getter('readableEncoding', function () { return this._readableState ? this._readableState.encoding : null; });
  getter('errored', function () { return this._readableState ? this._readableState.errored : null; });
  getter('closed', function () { return this._readableState ? this._readableState.closed : false; });
  getter('destroyed', function () { return this._readableState ? this._readableState.destroyed : false; }, function (val) {
    if (this._readableState) this._readableState.destroyed = val;
  });
  getter('readableEnded', function () { return this._readableState ? this._readableState.endEmitted : false; });

  S.Readable = Readable;
  S.maybeReadMore = maybeReadMore;
})
