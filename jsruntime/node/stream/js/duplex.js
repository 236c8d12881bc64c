// Duplex (a Readable that is also a Writable), Transform (a duplex whose output is computed from
// its input by _transform, with _flush at the end) and PassThrough.
(function (S) {
  'use strict';

  var Readable = S.Readable;
  var Writable = S.Writable;
  var nextTick = S.nextTick;

  function Duplex(options) {
    if (!(this instanceof Duplex)) return new Duplex(options);
    this._readableState = new Readable.ReadableState(options, this, true);
    this._writableState = new Writable.WritableState(options, this, true);
    if (options) {
      this.allowHalfOpen = options.allowHalfOpen !== false;
      if (options.readable === false) {
        this._readableState.readable = false;
        this._readableState.ended = true;
        this._readableState.endEmitted = true;
      }
      if (options.writable === false) {
        this._writableState.writable = false;
        this._writableState.ending = true;
        this._writableState.ended = true;
        this._writableState.finished = true;
      }
      if (typeof options.read === 'function') this._read = options.read;
      if (typeof options.write === 'function') this._write = options.write;
      if (typeof options.writev === 'function') this._writev = options.writev;
      if (typeof options.destroy === 'function') this._destroy = options.destroy;
      if (typeof options.final === 'function') this._final = options.final;
      if (typeof options.construct === 'function') this._construct = options.construct;
      if (options.signal) S.addAbortSignalNoValidate(options.signal, this);
    } else {
      this.allowHalfOpen = true;
    }
    S.Stream.call(this, options);
    var self = this;
    S.construct(this, function () {
      var r = self._readableState;
      if (r.needReadable) S.maybeReadMore(self, r);
      var w = self._writableState;
      if (!w.writing) S.clearBuffer(self, w);
      S.finishMaybe(self, w);
    });
  }
  Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
  Object.setPrototypeOf(Duplex, Readable);

  // The writable side: Writable's methods, except those Readable.prototype already has (pipe,
  // _destroy, _undestroy), and its getters. destroy is Writable's, which also fails pending writes.
  ['write', 'cork', 'uncork', 'setDefaultEncoding', '_write', '_writev', 'end', 'destroy'].forEach(function (name) {
    Duplex.prototype[name] = Writable.prototype[name];
  });
  ['writable', 'writableHighWaterMark', 'writableObjectMode', 'writableBuffer', 'writableLength',
    'writableFinished', 'writableCorked', 'writableEnded', 'writableNeedDrain'].forEach(function (name) {
    Object.defineProperty(Duplex.prototype, name, Object.getOwnPropertyDescriptor(Writable.prototype, name));
  });
  Object.defineProperty(Duplex.prototype, 'destroyed', {
    get: function () {
      if (this._readableState === undefined || this._writableState === undefined) return false;
      return this._readableState.destroyed && this._writableState.destroyed;
    },
    set: function (value) {
      if (this._readableState && this._writableState) {
        this._readableState.destroyed = value;
        this._writableState.destroyed = value;
      }
    },
    enumerable: false,
    configurable: true,
  });

  var kCallback = Symbol('kCallback');

  function Transform(options) {
    if (!(this instanceof Transform)) return new Transform(options);
    // A readable high-water mark of 0 would stall every transform; it only delays the callback.
    var readableHighWaterMark = options ? S.getHighWaterMark(this, options, 'readableHighWaterMark', true) : null;
    if (readableHighWaterMark === 0) {
      options = Object.assign({}, options, {
        highWaterMark: null,
        readableHighWaterMark: readableHighWaterMark,
        writableHighWaterMark: options.writableHighWaterMark || 0,
      });
    }
    Duplex.call(this, options);
    // Output pushed from _transform may be delivered at once: the push never happens inside _read.
    this._readableState.sync = false;
    this[kCallback] = null;
    if (options) {
      if (typeof options.transform === 'function') this._transform = options.transform;
      if (typeof options.flush === 'function') this._flush = options.flush;
    }
    // A subclass that overrides _final still gets its _flush, through 'prefinish'.
    this.on('prefinish', prefinish);
  }
  Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
  Object.setPrototypeOf(Transform, Duplex);

  // final runs _flush and ends the readable side.
  function final(cb) {
    var self = this;
    if (typeof this._flush === 'function' && !this.destroyed) {
      this._flush(function (er, data) {
        if (er) {
          if (cb) cb(er);
          else self.destroy(er);
          return;
        }
        if (data != null) self.push(data);
        self.push(null);
        if (cb) cb();
      });
    } else {
      this.push(null);
      if (cb) cb();
    }
  }

  function prefinish() {
    if (this._final !== final) final.call(this);
  }

  Transform.prototype._final = final;

  Transform.prototype._transform = function _transform() {
    throw S.errors.notImplemented('_transform()');
  };

  // _write transforms one chunk; its callback (which lets the next chunk in) waits while the
  // readable side is above its high-water mark, until _read asks for more.
  Transform.prototype._write = function _write(chunk, encoding, callback) {
    var self = this;
    var rState = this._readableState;
    var wState = this._writableState;
    var length = rState.length;
    this._transform(chunk, encoding, function (err, val) {
      if (err) {
        callback(err);
        return;
      }
      if (val != null) self.push(val);
      if (rState.ended) {
        // push(null) from _transform: let the end reach the state before the next write.
        nextTick(callback);
      } else if (wState.ended || length === rState.length || rState.length < rState.highWaterMark) {
        callback();
      } else {
        self[kCallback] = callback;
      }
    });
  };

  Transform.prototype._read = function _read() {
    if (this[kCallback]) {
      var callback = this[kCallback];
      this[kCallback] = null;
      callback();
    }
  };

  function PassThrough(options) {
    if (!(this instanceof PassThrough)) return new PassThrough(options);
    Transform.call(this, options);
  }
  Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
  Object.setPrototypeOf(PassThrough, Transform);

  PassThrough.prototype._transform = function _transform(chunk, encoding, cb) {
    cb(null, chunk);
  };

  S.Duplex = Duplex;
  S.Transform = Transform;
  S.PassThrough = PassThrough;
})
