// The part of Node's stream.Readable that an http.IncomingMessage (req) needs, until the runtime has a
// stream module: a byte stream fed by the subclass through push(chunk) and push(null), asking for more
// with _read(size) and released by _destroy(err, cb). Flowing mode ('data', resume, pause, pipe),
// paused mode ('readable', read), setEncoding, async iteration and destroy follow Node's observable
// behaviour. Deferred work runs as microtasks, except the destroy after 'end' and the 'close' and
// 'error' events after destroy, which natives.defer runs in a later loop job, as Node's nextTick
// after the current operation would.
(function (EventEmitter, natives) {
  'use strict';

  // A stream's state. The defaults live on the prototype, so a state costs only what changes.
  function State(options) {
    var hwm = options && options.highWaterMark;
    if (typeof hwm === 'number' && hwm >= 0) this.highWaterMark = hwm;
    this.chunks = [];
  }
  State.prototype.highWaterMark = 16384;
  State.prototype.length = 0; // bytes, or characters once an encoding is set
  State.prototype.flowing = null; // null: nobody asked; true: 'data' mode; false: paused or 'readable' mode
  State.prototype.readableListening = false;
  State.prototype.needReadable = false; // a 'readable' event is owed once data or the end is there
  State.prototype.ended = false; // push(null) received
  State.prototype.endEmitted = false;
  State.prototype.reading = false; // a _read is outstanding
  State.prototype.didRead = false;
  State.prototype.scheduled = false;
  State.prototype.destroyed = false;
  State.prototype.closed = false;
  State.prototype.closeEmitted = false;
  State.prototype.errored = null;
  State.prototype.errorEmitted = false;
  State.prototype.autoDestroy = true;
  State.prototype.encoding = null;
  State.prototype.decoder = null;
  State.prototype.pipes = null; // an array once something is piped

  // The constructor takes the options; the state itself is made on first use (see _readableState
  // below), so a request whose handler never touches its stream costs no more than a plain object.
  function Readable(options) {
    if (options !== undefined) this._readableOptions = options;
  }
  Readable.prototype = Object.create(EventEmitter.prototype, {
    constructor: { value: Readable, writable: true, configurable: true },
  });
  Object.defineProperty(Readable.prototype, '_readableState', {
    get: function () {
      var state = new State(this._readableOptions);
      Object.defineProperty(this, '_readableState', { value: state, writable: true, configurable: true });
      return state;
    },
    set: function (v) {
      Object.defineProperty(this, '_readableState', { value: v, writable: true, configurable: true });
    },
    configurable: true,
  });

  function streamError(Ctor, code, message) {
    var err = new Ctor(message);
    err.code = code;
    return err;
  }

  function concat(state, chunks) {
    if (state.decoder) return chunks.join('');
    return natives.concat(chunks);
  }

  // schedule runs drive once after the current operation.
  function schedule(stream) {
    var state = stream._readableState;
    if (state.scheduled) return;
    state.scheduled = true;
    Promise.resolve().then(function () {
      state.scheduled = false;
      drive(stream);
    });
  }

  // drive delivers buffered data to the consumer, emits 'readable' and 'end' when they are due, and
  // asks the source for more while a consumer wants it and the buffer is under the high-water mark.
  function drive(stream) {
    var state = stream._readableState;
    if (state.destroyed) return;
    while (state.flowing && state.chunks.length > 0 && !state.destroyed) {
      var chunk = state.chunks.shift();
      state.length -= chunk.length;
      stream.emit('data', chunk);
    }
    if (state.needReadable && (state.length > 0 || state.ended) && !state.destroyed) {
      state.needReadable = false;
      stream.emit('readable');
    }
    if (state.ended && state.length === 0 && !state.endEmitted && state.flowing !== null &&
        (state.flowing || state.didRead)) {
      endReadable(stream);
      return;
    }
    if ((state.flowing || state.readableListening) && state.length < state.highWaterMark) pull(stream);
  }

  function pull(stream) {
    var state = stream._readableState;
    if (state.ended || state.reading || state.destroyed) return;
    state.reading = true;
    try {
      stream._read(state.highWaterMark);
    } catch (err) {
      stream.destroy(err);
    }
  }

  function endReadable(stream) {
    var state = stream._readableState;
    if (state.endEmitted || state.destroyed) return;
    state.endEmitted = true;
    stream.emit('end');
    // Node destroys right after the 'end' listeners; code that runs inside them (a handler called
    // from a body parser's 'end') still sees a live stream, and so does a handler here, where the
    // host's parsers ended req before dispatch.
    if (state.autoDestroy) natives.defer(function () { stream.destroy(); });
  }

  Readable.prototype.push = function push(chunk, encoding) {
    var state = this._readableState;
    state.reading = false;
    if (chunk === null) {
      if (!state.ended) {
        state.ended = true;
        if (state.decoder) {
          var rest = state.decoder.end();
          if (rest.length > 0) {
            state.chunks.push(rest);
            state.length += rest.length;
          }
        }
        if (state.readableListening) state.needReadable = true;
        schedule(this);
      }
      return false;
    }
    if (state.destroyed) return false;
    if (state.ended) {
      this.destroy(streamError(Error, 'ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF'));
      return false;
    }
    if (typeof chunk === 'string') chunk = natives.fromString(chunk, encoding);
    if (state.decoder) chunk = state.decoder.write(chunk);
    if (chunk.length > 0) {
      state.chunks.push(chunk);
      state.length += chunk.length;
      if (state.readableListening) state.needReadable = true;
      schedule(this);
    } else if (state.flowing || state.readableListening) {
      schedule(this);
    }
    return state.length < state.highWaterMark;
  };

  Readable.prototype.unshift = function unshift(chunk) {
    var state = this._readableState;
    if (chunk === null || chunk === undefined) return;
    if (typeof chunk === 'string' && !state.decoder) chunk = natives.fromString(chunk);
    state.chunks.unshift(chunk);
    state.length += chunk.length;
    schedule(this);
  };

  Readable.prototype.read = function read(n) {
    var state = this._readableState;
    state.didRead = true;
    if (state.destroyed) return null;
    var ret = null;
    if (state.length > 0 && (n === undefined || n === null || n >= state.length || state.ended)) {
      ret = concat(state, state.chunks);
      if (n !== undefined && n !== null && n < ret.length) {
        state.chunks = [ret.slice(n)];
        ret = ret.slice(0, n);
        state.length = state.chunks[0].length;
      } else {
        state.chunks = [];
        state.length = 0;
      }
    } else if (n > 0 && state.length >= n) {
      var all = concat(state, state.chunks);
      ret = all.slice(0, n);
      state.chunks = [all.slice(n)];
      state.length = state.chunks[0].length;
    }
    if (n === 0) ret = null;
    if (ret === null) state.needReadable = true;
    if (ret !== null) this.emit('data', ret);
    if (state.ended && state.length === 0) {
      var self = this;
      if (!state.endEmitted) Promise.resolve().then(function () { endReadable(self); });
    } else {
      pull(this);
    }
    return ret;
  };

  Readable.prototype._read = function _read() {
    throw streamError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', 'The _read() method is not implemented');
  };

  Readable.prototype.on = function on(event, listener) {
    var res = EventEmitter.prototype.on.call(this, event, listener);
    var state = this._readableState;
    if (event === 'data') {
      if (state.flowing !== false) this.resume();
    } else if (event === 'readable' && !state.endEmitted) {
      state.readableListening = true;
      state.needReadable = true;
      state.flowing = false;
      schedule(this);
    }
    return res;
  };
  Readable.prototype.addListener = Readable.prototype.on;

  Readable.prototype.resume = function resume() {
    var state = this._readableState;
    if (!state.flowing) {
      // 'readable' listeners keep the stream in paused mode, as in Node.
      state.flowing = !state.readableListening;
      this.emit('resume');
    }
    schedule(this);
    return this;
  };

  Readable.prototype.pause = function pause() {
    var state = this._readableState;
    if (state.flowing !== false) {
      state.flowing = false;
      this.emit('pause');
    }
    return this;
  };

  Readable.prototype.isPaused = function isPaused() {
    return this._readableState.flowing === false;
  };

  Readable.prototype.setEncoding = function setEncoding(enc) {
    var state = this._readableState;
    var decoder = natives.decoder(enc);
    var pending = state.chunks;
    state.chunks = [];
    state.length = 0;
    var text = '';
    for (var i = 0; i < pending.length; i++) text += typeof pending[i] === 'string' ? pending[i] : decoder.write(pending[i]);
    if (text.length > 0) {
      state.chunks.push(text);
      state.length = text.length;
    }
    state.decoder = decoder;
    state.encoding = decoder.encoding;
    return this;
  };

  Readable.prototype.pipe = function pipe(dest, options) {
    var src = this;
    var state = this._readableState;
    var pausedForDrain = false;
    if (state.pipes === null) state.pipes = [];
    state.pipes.push(dest);
    function ondata(chunk) {
      if (dest.write(chunk) === false && !pausedForDrain) {
        pausedForDrain = true;
        src.pause();
      }
    }
    function ondrain() {
      if (pausedForDrain) {
        pausedForDrain = false;
        src.resume();
      }
    }
    function onend() {
      dest.end();
    }
    function unpipeFromDest() {
      src.unpipe(dest);
    }
    function cleanup() {
      src.removeListener('data', ondata);
      src.removeListener('end', onend);
      src.removeListener('end', cleanup);
      if (typeof dest.removeListener === 'function') {
        dest.removeListener('drain', ondrain);
        dest.removeListener('close', unpipeFromDest);
        dest.removeListener('finish', unpipeFromDest);
        dest.removeListener('unpipe', onunpipe);
      }
    }
    function onunpipe(from) {
      if (from === src) cleanup();
    }
    src.on('data', ondata);
    var doEnd = !options || options.end !== false;
    if (state.endEmitted) {
      // An ended stream (a body a host parser consumed) will not emit 'end' again: Node ends or
      // unpipes the destination on the next tick instead.
      natives.defer(doEnd ? onend : unpipeFromDest);
    } else {
      if (doEnd) src.once('end', onend);
      src.once('end', cleanup);
    }
    if (typeof dest.on === 'function') {
      dest.on('drain', ondrain);
      dest.once('close', unpipeFromDest);
      dest.once('finish', unpipeFromDest);
      dest.on('unpipe', onunpipe);
    }
    if (typeof dest.emit === 'function') dest.emit('pipe', src);
    if (!state.flowing) src.resume();
    return dest;
  };

  Readable.prototype.unpipe = function unpipe(dest) {
    var state = this._readableState;
    var pipes = state.pipes || [];
    var targets = dest === undefined ? pipes.slice() : pipes.indexOf(dest) >= 0 ? [dest] : [];
    for (var i = 0; i < targets.length; i++) {
      pipes.splice(pipes.indexOf(targets[i]), 1);
      if (typeof targets[i].emit === 'function') targets[i].emit('unpipe', this, { hasUnpiped: false });
    }
    if (targets.length > 0 && pipes.length === 0) this.pause();
    return this;
  };

  Readable.prototype.destroy = function destroy(err, cb) {
    var state = this._readableState;
    if (state.destroyed) {
      if (typeof cb === 'function') cb(state.errored);
      return this;
    }
    state.destroyed = true;
    if (err) state.errored = err;
    var self = this;
    var settled = false;
    this._destroy(err || null, function (er) {
      if (settled) return;
      settled = true;
      if (er && !state.errored) state.errored = er;
      natives.defer(function () {
        state.closed = true;
        if (er && !state.errorEmitted) {
          state.errorEmitted = true;
          self.emit('error', er);
        }
        state.closeEmitted = true;
        self.emit('close');
        if (typeof cb === 'function') cb(er);
      });
    });
    return this;
  };

  Readable.prototype._destroy = function _destroy(err, cb) {
    cb(err);
  };

  // Async iteration reads in paused mode and destroys the stream when the loop ends, as Node does.
  Readable.prototype[Symbol.asyncIterator] = function () {
    var stream = this;
    var state = this._readableState;
    var waiting = null;
    var failure = null;
    var finished = false;
    function wake() {
      if (waiting) {
        var w = waiting;
        waiting = null;
        w();
      }
    }
    stream.on('readable', wake);
    stream.on('end', function () { finished = true; wake(); });
    stream.on('error', function (err) { failure = err; wake(); });
    stream.on('close', function () { finished = true; wake(); });
    function next() {
      if (failure) return Promise.reject(failure);
      var chunk = state.destroyed ? null : stream.read();
      if (chunk !== null) return Promise.resolve({ value: chunk, done: false });
      if (finished || state.endEmitted || (state.destroyed && state.closeEmitted)) {
        if (state.errored) return Promise.reject(state.errored);
        stream.destroy();
        return Promise.resolve({ value: undefined, done: true });
      }
      return new Promise(function (resolve) { waiting = resolve; }).then(next);
    }
    var iterator = {
      next: next,
      return: function () {
        stream.destroy();
        return Promise.resolve({ value: undefined, done: true });
      },
      throw: function (err) {
        stream.destroy(err);
        return Promise.reject(err);
      },
    };
    iterator[Symbol.asyncIterator] = function () { return iterator; };
    return iterator;
  };

  function getter(name, fn, set) {
    Object.defineProperty(Readable.prototype, name, { get: fn, set: set, enumerable: false, configurable: true });
  }
  getter('readable', function () {
    var s = this._readableState;
    return !!s && s.readable !== false && !s.destroyed && !s.errorEmitted && !s.endEmitted;
  }, function (v) {
    if (this._readableState) this._readableState.readable = !!v;
  });
  getter('readableEnded', function () { return !!this._readableState && this._readableState.endEmitted; });
  getter('readableFlowing', function () { return this._readableState ? this._readableState.flowing : null; });
  getter('readableLength', function () { return this._readableState ? this._readableState.length : 0; });
  getter('readableHighWaterMark', function () { return this._readableState && this._readableState.highWaterMark; });
  getter('readableEncoding', function () { return this._readableState ? this._readableState.encoding : null; });
  getter('readableObjectMode', function () { return false; });
  getter('readableDidRead', function () { return !!this._readableState && this._readableState.didRead; });
  getter('readableAborted', function () {
    var s = this._readableState;
    return !!s && (s.destroyed || !!s.errored) && !s.endEmitted;
  });
  getter('destroyed', function () { return !!this._readableState && this._readableState.destroyed; }, function (v) {
    if (this._readableState) this._readableState.destroyed = !!v;
  });
  getter('closed', function () { return !!this._readableState && this._readableState.closed; });
  getter('errored', function () { return this._readableState ? this._readableState.errored : null; });

  return Readable;
})
