// Writable: write with backpressure and 'drain', buffering while a write is in progress or the
// stream is corked, _writev batching, end with _final, 'prefinish' and 'finish', and the writable*
// state getters.
(function (S) {
  'use strict';

  var nextTick = S.nextTick;
  var Buffer = S.Buffer;
  var errors = S.errors;
  var errorOrDestroy = S.errorOrDestroy;
  var nop = S.nop;

  // WritableState holds a writable stream's (or a duplex's writable side's) state, with Node's
  // field names.
  function WritableState(options, stream, isDuplex) {
    if (typeof isDuplex !== 'boolean') isDuplex = stream instanceof S.Duplex;
    this.objectMode = !!(options && options.objectMode);
    if (isDuplex) this.objectMode = this.objectMode || !!(options && options.writableObjectMode);
    this.highWaterMark = options ?
      S.getHighWaterMark(this, options, 'writableHighWaterMark', isDuplex) :
      S.getDefaultHighWaterMark(false);
    this.finalCalled = false;
    this.needDrain = false; // a write returned false; 'drain' is owed
    this.ending = false; // end() was called
    this.ended = false; // end() has returned
    this.finished = false; // 'finish' was emitted
    this.destroyed = false;
    // Strings are turned into Buffers before _write unless decodeStrings is false.
    this.decodeStrings = !(options && options.decodeStrings === false);
    var defaultEncoding = options ? options.defaultEncoding : undefined;
    if (defaultEncoding == null) defaultEncoding = 'utf8';
    else if (!Buffer.isEncoding(defaultEncoding)) throw errors.unknownEncoding(defaultEncoding);
    this.defaultEncoding = defaultEncoding;
    this.length = 0; // bytes (or objects) written but not yet processed
    this.writing = false;
    this.corked = 0;
    this.sync = true; // inside _write: its callback's effects wait for a later tick
    this.bufferProcessing = false;
    var self = this;
    this.onwrite = function (er) { onwrite(stream, self, er); };
    this.writecb = null;
    this.writelen = 0;
    this.afterWriteTickInfo = null; // the deferred callbacks of consecutive synchronous writes
    this.afterWritePending = false; // an afterWrite tick is queued
    this.buffered = [];
    this.bufferedIndex = 0;
    this.allBuffers = true;
    this.allNoop = true;
    this.pendingcb = 0; // callbacks owed before 'finish'
    this.constructed = true;
    this.prefinished = false;
    this.errorEmitted = false;
    this.emitClose = !options || options.emitClose !== false;
    this.autoDestroy = !options || options.autoDestroy !== false;
    this.errored = null;
    this.closed = false;
    this.closeEmitted = false;
    this.onFinished = []; // end() callbacks
  }

  // getBuffer lists the writes waiting for their turn (writable.writableBuffer).
  WritableState.prototype.getBuffer = function getBuffer() {
    return this.buffered.slice(this.bufferedIndex);
  };

  function resetBuffer(state) {
    state.buffered = [];
    state.bufferedIndex = 0;
    state.allBuffers = true;
    state.allNoop = true;
  }

  function Writable(options) {
    var isDuplex = this instanceof S.Duplex;
    if (!isDuplex && !Function.prototype[Symbol.hasInstance].call(Writable, this)) return new Writable(options);
    this._writableState = new WritableState(options, this, isDuplex);
    if (options) {
      if (typeof options.write === 'function') this._write = options.write;
      if (typeof options.writev === 'function') this._writev = options.writev;
      if (typeof options.destroy === 'function') this._destroy = options.destroy;
      if (typeof options.final === 'function') this._final = options.final;
      if (typeof options.construct === 'function') this._construct = options.construct;
      if (options.signal) S.addAbortSignalNoValidate(options.signal, this);
    }
    S.Stream.call(this, options);
    var self = this;
    S.construct(this, function () {
      var state = self._writableState;
      if (!state.writing) clearBuffer(self, state);
      finishMaybe(self, state);
    });
  }
  Object.setPrototypeOf(Writable.prototype, S.Stream.prototype);
  Object.setPrototypeOf(Writable, S.Stream);
  Writable.WritableState = WritableState;

  // A Duplex is an instance of Writable too, though it does not inherit Writable.prototype.
  Object.defineProperty(Writable, Symbol.hasInstance, {
    value: function (object) {
      if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
      if (this !== Writable) return false;
      return !!(object && object._writableState instanceof WritableState);
    },
  });

  Writable.prototype.pipe = function pipe() {
    errorOrDestroy(this, errors.cannotPipe());
  };

  // writeChunk is write() without the boolean conversion: it returns the error when the write
  // was refused, which end(chunk) reports.
  function writeChunk(stream, chunk, encoding, cb) {
    var state = stream._writableState;
    if (typeof cb !== 'function') cb = nop;
    if (chunk === null) throw errors.nullValues();
    // In object mode the encoding is passed to _write as given.
    if (!state.objectMode) {
      if (!encoding) encoding = state.defaultEncoding;
      else if (encoding !== 'buffer' && !Buffer.isEncoding(encoding)) throw errors.unknownEncoding(encoding);
      if (typeof chunk === 'string') {
        if (state.decodeStrings !== false) {
          chunk = Buffer.from(chunk, encoding);
          encoding = 'buffer';
        }
      } else if (chunk instanceof Buffer) {
        encoding = 'buffer';
      } else if (ArrayBuffer.isView(chunk)) {
        chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        encoding = 'buffer';
      } else {
        throw errors.argType('chunk', 'of type string or an instance of Buffer, TypedArray, or DataView', chunk);
      }
    }
    var err;
    if (state.ending) err = errors.writeAfterEnd();
    else if (state.destroyed) err = errors.destroyed('write');
    if (err) {
      nextTick(cb, err);
      errorOrDestroy(stream, err, true);
      return err;
    }
    state.pendingcb++;
    return writeOrBuffer(stream, state, chunk, encoding, cb);
  }

  Writable.prototype.write = function write(chunk, encoding, cb) {
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = null;
    }
    return writeChunk(this, chunk, encoding, cb) === true;
  };

  Writable.prototype.cork = function cork() {
    this._writableState.corked++;
  };

  Writable.prototype.uncork = function uncork() {
    var state = this._writableState;
    if (state.corked) {
      state.corked--;
      if (!state.writing) clearBuffer(this, state);
    }
  };

  Writable.prototype.setDefaultEncoding = function setDefaultEncoding(encoding) {
    if (typeof encoding === 'string') encoding = encoding.toLowerCase();
    if (!Buffer.isEncoding(encoding)) throw errors.unknownEncoding(encoding);
    this._writableState.defaultEncoding = encoding;
    return this;
  };

  // writeOrBuffer starts _write at once when nothing is in progress and buffers otherwise. The
  // return value is write()'s: false once the high-water mark is reached.
  function writeOrBuffer(stream, state, chunk, encoding, callback) {
    var len = state.objectMode ? 1 : chunk.length;
    state.length += len;
    if (state.writing || state.corked || state.errored || !state.constructed) {
      state.buffered.push({ chunk: chunk, encoding: encoding, callback: callback });
      if (state.allBuffers && encoding !== 'buffer') state.allBuffers = false;
      if (state.allNoop && callback !== nop) state.allNoop = false;
    } else {
      state.writelen = len;
      state.writecb = callback;
      state.writing = true;
      state.sync = true;
      stream._write(chunk, encoding, state.onwrite);
      state.sync = false;
    }
    // Measured after a synchronous _write, which may already have taken the chunk off the count.
    var ret = state.length < state.highWaterMark || state.length === 0;
    if (!ret) state.needDrain = true;
    return ret && !state.errored && !state.destroyed;
  }

  function doWrite(stream, state, writev, len, chunk, encoding, cb) {
    state.writelen = len;
    state.writecb = cb;
    state.writing = true;
    state.sync = true;
    if (state.destroyed) state.onwrite(errors.destroyed('write'));
    else if (writev) stream._writev(chunk, state.onwrite);
    else stream._write(chunk, encoding, state.onwrite);
    state.sync = false;
  }

  function onwriteError(stream, state, er, cb) {
    --state.pendingcb;
    cb(er);
    errorBuffer(state);
    errorOrDestroy(stream, er);
  }

  // onwrite is the callback _write receives. After a synchronous _write, the user's callback,
  // 'drain' and the end check wait for a later tick; consecutive synchronous writes with the same
  // callback share one tick, and a write without callback needs no tick at all unless 'drain' is due.
  function onwrite(stream, state, er) {
    var sync = state.sync;
    var cb = state.writecb;
    if (cb === null) {
      errorOrDestroy(stream, errors.multipleCallback());
      return;
    }
    state.writing = false;
    state.writecb = null;
    state.length -= state.writelen;
    state.writelen = 0;
    if (er) {
      if (!state.errored) state.errored = er;
      if (stream._readableState && !stream._readableState.errored) stream._readableState.errored = er;
      if (sync) nextTick(onwriteError, stream, state, er, cb);
      else onwriteError(stream, state, er, cb);
      return;
    }
    if (state.buffered.length > state.bufferedIndex) clearBuffer(stream, state);
    if (!sync) {
      afterWrite(stream, state, 1, cb);
      return;
    }
    var needTick = (state.needDrain && state.length === 0) || state.destroyed || cb !== nop;
    if (cb !== nop && state.afterWriteTickInfo !== null && state.afterWriteTickInfo.cb === cb) {
      state.afterWriteTickInfo.count++;
    } else if (needTick && (cb !== nop || !state.afterWritePending)) {
      state.afterWritePending = true;
      if (cb === nop) {
        nextTick(afterWrite, stream, state, 1, cb);
      } else {
        state.afterWriteTickInfo = { count: 1, cb: cb, stream: stream, state: state };
        nextTick(afterWriteTick, state.afterWriteTickInfo);
      }
    } else {
      state.pendingcb--;
      if (state.ending) finishMaybe(stream, state, true);
    }
  }

  function afterWriteTick(info) {
    info.state.afterWriteTickInfo = null;
    afterWrite(info.stream, info.state, info.count, info.cb);
  }

  function afterWrite(stream, state, count, cb) {
    state.afterWritePending = false;
    if (!state.ending && !state.destroyed && state.needDrain && state.length === 0) {
      state.needDrain = false;
      stream.emit('drain');
    }
    while (count-- > 0) {
      state.pendingcb--;
      cb(null);
    }
    if (state.destroyed) errorBuffer(state);
    if (state.ending) finishMaybe(stream, state, true);
  }

  // callFinished calls the end() callbacks once.
  function callFinished(state, err) {
    var callbacks = state.onFinished.splice(0);
    for (var i = 0; i < callbacks.length; i++) callbacks[i](err);
  }

  // errorBuffer fails every buffered write and end() callback of a destroyed or failed stream.
  function errorBuffer(state) {
    if (state.writing) return;
    for (var n = state.bufferedIndex; n < state.buffered.length; ++n) {
      var entry = state.buffered[n];
      state.length -= state.objectMode ? 1 : entry.chunk.length;
      entry.callback(state.errored != null ? state.errored : errors.destroyed('write'));
    }
    callFinished(state, state.errored != null ? state.errored : errors.destroyed('end'));
    resetBuffer(state);
  }

  // clearBuffer writes out what was buffered: in one _writev call when there is one, else one
  // _write at a time for as long as they complete synchronously.
  function clearBuffer(stream, state) {
    if (state.corked || state.bufferProcessing || state.destroyed || !state.constructed) return;
    var buffered = state.buffered;
    var i = state.bufferedIndex;
    var count = buffered.length - i;
    if (!count) return;
    state.bufferProcessing = true;
    if (count > 1 && stream._writev) {
      state.pendingcb -= count - 1;
      var callback = state.allNoop ? nop : function (err) {
        for (var n = i; n < buffered.length; ++n) buffered[n].callback(err);
      };
      var chunks = state.allNoop && i === 0 ? buffered : buffered.slice(i);
      chunks.allBuffers = state.allBuffers;
      doWrite(stream, state, true, state.length, chunks, '', callback);
      resetBuffer(state);
    } else {
      do {
        var entry = buffered[i];
        buffered[i++] = null;
        doWrite(stream, state, false, state.objectMode ? 1 : entry.chunk.length, entry.chunk, entry.encoding, entry.callback);
      } while (i < buffered.length && !state.writing);
      if (i === buffered.length) {
        resetBuffer(state);
      } else if (i > 256) {
        buffered.splice(0, i);
        state.bufferedIndex = 0;
      } else {
        state.bufferedIndex = i;
      }
    }
    state.bufferProcessing = false;
  }

  Writable.prototype._write = function _write(chunk, encoding, cb) {
    if (this._writev) this._writev([{ chunk: chunk, encoding: encoding }], cb);
    else throw errors.notImplemented('_write()');
  };

  Writable.prototype._writev = null;

  Writable.prototype.end = function end(chunk, encoding, cb) {
    var state = this._writableState;
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = null;
      encoding = null;
    } else if (typeof encoding === 'function') {
      cb = encoding;
      encoding = null;
    }
    var err;
    if (chunk != null) {
      var ret = writeChunk(this, chunk, encoding);
      if (ret instanceof Error) err = ret;
    }
    // end() uncorks completely.
    if (state.corked) {
      state.corked = 1;
      this.uncork();
    }
    if (err) {
      // The refused write has already reported the error.
    } else if (!state.errored && !state.ending) {
      state.ending = true;
      finishMaybe(this, state, true);
      state.ended = true;
    } else if (state.finished) {
      err = errors.alreadyFinished('end');
    } else if (state.destroyed) {
      err = errors.destroyed('end');
    }
    if (typeof cb === 'function') {
      // A stream that failed while ending (a synchronous _final error) reports that error.
      if (err) nextTick(cb, err);
      else if (state.errored) nextTick(cb, state.errored);
      else if (state.finished) nextTick(cb, null);
      else state.onFinished.push(cb);
    }
    return this;
  };

  function needFinish(state) {
    return state.ending && !state.destroyed && state.constructed && state.length === 0 &&
      !state.errored && state.buffered.length === 0 && !state.finished && !state.writing &&
      !state.errorEmitted && !state.closeEmitted;
  }

  // callFinal runs _final; its callback emits 'prefinish' and, on a later tick, 'finish'.
  function callFinal(stream, state) {
    var called = false;
    function onFinish(err) {
      if (called) {
        errorOrDestroy(stream, err != null ? err : errors.multipleCallback());
        return;
      }
      called = true;
      state.pendingcb--;
      if (err) {
        callFinished(state, err);
        errorOrDestroy(stream, err, state.sync);
      } else if (needFinish(state)) {
        state.prefinished = true;
        stream.emit('prefinish');
        // 'finish' always follows _final's callback asynchronously; streams rely on it.
        state.pendingcb++;
        nextTick(finish, stream, state);
      }
    }
    state.sync = true;
    state.pendingcb++;
    try {
      stream._final(onFinish);
    } catch (err) {
      onFinish(err);
    }
    state.sync = false;
  }

  function prefinish(stream, state) {
    if (!state.prefinished && !state.finalCalled) {
      if (typeof stream._final === 'function' && !state.destroyed) {
        state.finalCalled = true;
        callFinal(stream, state);
      } else {
        state.prefinished = true;
        stream.emit('prefinish');
      }
    }
  }

  function finishMaybe(stream, state, sync) {
    if (!needFinish(state)) return;
    prefinish(stream, state);
    if (state.pendingcb !== 0) return;
    if (sync) {
      state.pendingcb++;
      nextTick(function () {
        if (needFinish(state)) finish(stream, state);
        else state.pendingcb--;
      });
    } else if (needFinish(state)) {
      state.pendingcb++;
      finish(stream, state);
    }
  }

  function finish(stream, state) {
    state.pendingcb--;
    state.finished = true;
    callFinished(state, null);
    stream.emit('finish');
    if (state.autoDestroy) {
      // A duplex is destroyed once its readable side has ended too.
      var r = stream._readableState;
      if (!r || (r.autoDestroy && (r.endEmitted || r.readable === false))) stream.destroy();
    }
  }

  function getter(name, get, set) {
    Object.defineProperty(Writable.prototype, name, { get: get, set: set, enumerable: false, configurable: true });
  }
  getter('closed', function () { return this._writableState ? this._writableState.closed : false; });
  getter('destroyed', function () { return this._writableState ? this._writableState.destroyed : false; }, function (val) {
    if (this._writableState) this._writableState.destroyed = val;
  });
  getter('writable', function () {
    var w = this._writableState;
    return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
  }, function (val) {
    if (this._writableState) this._writableState.writable = !!val;
  });
  getter('writableFinished', function () { return this._writableState ? this._writableState.finished : false; });
  getter('writableObjectMode', function () { return this._writableState ? this._writableState.objectMode : false; });
  getter('writableBuffer', function () { return this._writableState && this._writableState.getBuffer(); });
  getter('writableEnded', function () { return this._writableState ? this._writableState.ending : false; });
  getter('writableNeedDrain', function () {
    var w = this._writableState;
    return !!w && !w.destroyed && !w.ending && w.needDrain;
  });
  getter('writableHighWaterMark', function () { return this._writableState && this._writableState.highWaterMark; });
  getter('writableCorked', function () { return this._writableState ? this._writableState.corked : 0; });
  getter('writableLength', function () { return this._writableState && this._writableState.length; });
  getter('errored', function () { return this._writableState ? this._writableState.errored : null; });
  getter('writableAborted', function () {
    var w = this._writableState;
    return !!(w.writable !== false && (w.destroyed || w.errored) && !w.finished);
  });

  // destroy also fails the writes still buffered and the end() callbacks, on a later tick.
  Writable.prototype.destroy = function destroy(err, cb) {
    var state = this._writableState;
    if (!state.destroyed && (state.bufferedIndex < state.buffered.length || state.onFinished.length)) {
      nextTick(errorBuffer, state);
    }
    S.destroy.call(this, err, cb);
    return this;
  };
  Writable.prototype._undestroy = S.undestroy;
  Writable.prototype._destroy = function _destroy(err, cb) { cb(err); };

  S.Writable = Writable;
  S.clearBuffer = clearBuffer;
  S.finishMaybe = finishMaybe;
})
