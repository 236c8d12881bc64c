// Shared internals of the stream module: Node-ordered deferral, Node's stream errors, the
// high-water-mark rules and the duck-typing predicates Node uses to recognise streams. Every file of
// the module is a function of the same namespace S (plus the Go natives) and adds its part to it.
(function (S, natives) {
  'use strict';

  S.natives = natives;
  S.Buffer = natives.Buffer;
  S.nop = function () {};

  // goja has no Symbol.asyncIterator; esbuild's lowered for await and async generators (how plugin
  // code iterates) fall back to this registered symbol, so the module uses the same one.
  S.asyncIterator = Symbol.asyncIterator || Symbol.for('Symbol.asyncIterator');

  // nextTick(fn, ...args) runs fn after the current operation, in Node's process.nextTick order.
  // Without a process global, the callbacks go into one FIFO queue drained by a single microtask:
  // callbacks queued during the drain join it, so they run before promise jobs queued meanwhile,
  // as in Node. A callback that throws is reported as uncaught and the drain goes on.
  var proc = typeof process === 'object' && process !== null ? process : null;
  if (proc && typeof proc.nextTick === 'function') {
    S.nextTick = function nextTick() { return proc.nextTick.apply(proc, arguments); };
  } else {
    var ticks = [];
    var microtask = typeof queueMicrotask === 'function' ? queueMicrotask : function (fn) {
      Promise.resolve().then(fn);
    };
    var drain = function () {
      for (var i = 0; i < ticks.length; i++) {
        var tick = ticks[i];
        ticks[i] = undefined;
        try {
          tick.fn.apply(undefined, tick.args);
        } catch (err) {
          microtask(function () { throw err; });
        }
      }
      ticks.length = 0;
    };
    S.nextTick = function nextTick(fn) {
      var args = [];
      for (var i = 1; i < arguments.length; i++) args.push(arguments[i]);
      ticks.push({ fn: fn, args: args });
      if (ticks.length === 1) microtask(drain);
    };
  }

  // Errors, with Node's codes and messages.
  function error(code, msg, ctor) { return natives.error(ctor || 'Error', code, msg); }
  S.errors = {
    prematureClose: function () { return error('ERR_STREAM_PREMATURE_CLOSE', 'Premature close'); },
    destroyed: function (op) { return error('ERR_STREAM_DESTROYED', 'Cannot call ' + op + ' after a stream was destroyed'); },
    alreadyFinished: function (op) { return error('ERR_STREAM_ALREADY_FINISHED', 'Cannot call ' + op + ' after a stream was finished'); },
    writeAfterEnd: function () { return error('ERR_STREAM_WRITE_AFTER_END', 'write after end'); },
    pushAfterEOF: function () { return error('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF'); },
    unshiftAfterEnd: function () { return error('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event'); },
    nullValues: function () { return error('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', 'TypeError'); },
    cannotPipe: function () { return error('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable'); },
    multipleCallback: function () { return error('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times'); },
    notImplemented: function (method) { return error('ERR_METHOD_NOT_IMPLEMENTED', 'The ' + method + ' method is not implemented'); },
    unknownEncoding: function (enc) { return error('ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + enc, 'TypeError'); },
    missingArgs: function (name) { return error('ERR_MISSING_ARGS', 'The "' + name + '" argument must be specified', 'TypeError'); },
    outOfRange: function (name, range, value) {
      return error('ERR_OUT_OF_RANGE', 'The value of "' + name + '" is out of range. It must be ' + range + '. Received ' + String(value), 'RangeError');
    },
    invalidReturn: function (input, name, value) {
      return error('ERR_INVALID_RETURN_VALUE', 'Expected ' + input + ' to be returned from the "' + name + '" function but got ' +
        natives.received(value) + '.', 'TypeError');
    },
    argType: natives.argType,
    argValue: natives.argValue,
  };

  // AbortError is what a stream aborted through a signal, or destroyed by pipeline, fails with.
  class AbortError extends Error {
    constructor(message, options) {
      super(message === undefined ? 'The operation was aborted' : message, options);
      this.code = 'ABORT_ERR';
      this.name = 'AbortError';
    }
  }
  S.AbortError = AbortError;

  // aggregateTwoErrors combines an earlier error with a later one, keeping the later's code.
  S.aggregateTwoErrors = function aggregateTwoErrors(inner, outer) {
    if (inner && outer && inner !== outer) {
      if (Array.isArray(outer.errors)) {
        outer.errors.push(inner);
        return outer;
      }
      var err = new AggregateError([outer, inner], outer.message);
      err.code = outer.code;
      return err;
    }
    return inner || outer;
  };

  S.validateFunction = function validateFunction(value, name) {
    if (typeof value !== 'function') throw natives.argType(name, 'of type function', value);
  };
  S.validateObject = function validateObject(value, name) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw natives.argType(name, 'of type object', value);
  };
  S.validateAbortSignal = function validateAbortSignal(signal, name) {
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      throw natives.argType(name, 'an instance of AbortSignal', signal);
    }
  };

  // High-water marks: 16 KiB of bytes or 16 objects by default, as in Node 20.
  var defaultHighWaterMark = 16 * 1024;
  var defaultObjectHighWaterMark = 16;
  S.getDefaultHighWaterMark = function getDefaultHighWaterMark(objectMode) {
    return objectMode ? defaultObjectHighWaterMark : defaultHighWaterMark;
  };
  S.setDefaultHighWaterMark = function setDefaultHighWaterMark(objectMode, value) {
    if (typeof value !== 'number') throw natives.argType('value', 'of type number', value);
    if (!Number.isInteger(value) || value < 0) throw S.errors.outOfRange('value', 'an integer >= 0', value);
    if (objectMode) defaultObjectHighWaterMark = value;
    else defaultHighWaterMark = value;
  };
  // getHighWaterMark reads options.highWaterMark, or for one side of a duplex its own key
  // (readableHighWaterMark, writableHighWaterMark).
  S.getHighWaterMark = function getHighWaterMark(state, options, duplexKey, isDuplex) {
    var hwm = options.highWaterMark != null ? options.highWaterMark : isDuplex ? options[duplexKey] : null;
    if (hwm != null) {
      if (!Number.isInteger(hwm) || hwm < 0) {
        throw natives.argValue(isDuplex ? 'options.' + duplexKey : 'options.highWaterMark', hwm);
      }
      return Math.floor(hwm);
    }
    return S.getDefaultHighWaterMark(state.objectMode);
  };

  // Event helpers that also accept a destination which only has on() (any object with write, end
  // and on can be piped to), falling back where Node would assume a full EventEmitter.
  S.once = function once(emitter, event, fn) {
    if (typeof emitter.once === 'function') return emitter.once(event, fn);
    var fired = false;
    var wrapper = function () {
      if (fired) return undefined;
      fired = true;
      S.off(emitter, event, wrapper);
      return fn.apply(this, arguments);
    };
    wrapper.listener = fn;
    emitter.on(event, wrapper);
    return emitter;
  };
  S.off = function off(emitter, event, fn) {
    if (typeof emitter.removeListener === 'function') emitter.removeListener(event, fn);
    else if (typeof emitter.off === 'function') emitter.off(event, fn);
  };
  S.emit = function emit(emitter, event, a, b) {
    if (typeof emitter.emit === 'function') emitter.emit(event, a, b);
  };
  S.listenerCount = function listenerCount(emitter, event) {
    return typeof emitter.listenerCount === 'function' ? emitter.listenerCount(event) : 0;
  };
  // prependListener puts fn first, so a pipe's error handling runs before the user's listeners.
  S.prependListener = function prependListener(emitter, event, fn) {
    if (typeof emitter.prependListener === 'function') return emitter.prependListener(event, fn);
    var events = emitter._events;
    if (!events || !events[event]) emitter.on(event, fn);
    else if (Array.isArray(events[event])) events[event].unshift(fn);
    else events[event] = [fn, events[event]];
    return emitter;
  };

  // Predicates recognising Node streams by shape, so streams from other implementations (and host
  // objects such as an HTTP response) take part in pipe, pipeline and finished.
  S.kIsDestroyed = Symbol('kIsDestroyed');

  function isReadableNodeStream(obj, strict) {
    return !!(obj && typeof obj.pipe === 'function' && typeof obj.on === 'function' &&
      (!strict || (typeof obj.pause === 'function' && typeof obj.resume === 'function')) &&
      (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) &&
      (!obj._writableState || obj._readableState));
  }
  function isWritableNodeStream(obj) {
    return !!(obj && typeof obj.write === 'function' && typeof obj.on === 'function' &&
      (!obj._readableState || (obj._writableState && obj._writableState.writable !== false)));
  }
  function isNodeStream(obj) {
    return !!(obj && (obj._readableState || obj._writableState ||
      (typeof obj.write === 'function' && typeof obj.on === 'function') ||
      (typeof obj.pipe === 'function' && typeof obj.on === 'function')));
  }
  function isIterable(obj, isAsync) {
    if (obj == null) return false;
    if (isAsync === true) return typeof obj[S.asyncIterator] === 'function';
    if (isAsync === false) return typeof obj[Symbol.iterator] === 'function';
    return typeof obj[S.asyncIterator] === 'function' || typeof obj[Symbol.iterator] === 'function';
  }
  function isDestroyed(stream) {
    if (!isNodeStream(stream)) return null;
    var state = stream._writableState || stream._readableState;
    return !!(stream.destroyed || stream[S.kIsDestroyed] || (state && state.destroyed));
  }
  function isWritableEnded(stream) {
    if (!isWritableNodeStream(stream)) return null;
    if (stream.writableEnded === true) return true;
    var w = stream._writableState;
    if (w && w.errored) return false;
    if (!w || typeof w.ended !== 'boolean') return null;
    return w.ended;
  }
  function isWritableFinished(stream, strict) {
    if (!isWritableNodeStream(stream)) return null;
    if (stream.writableFinished === true) return true;
    var w = stream._writableState;
    if (w && w.errored) return false;
    if (!w || typeof w.finished !== 'boolean') return null;
    return !!(w.finished || (strict === false && w.ended === true && w.length === 0));
  }
  function isReadableFinished(stream, strict) {
    if (!isReadableNodeStream(stream)) return null;
    var r = stream._readableState;
    if (r && r.errored) return false;
    if (!r || typeof r.endEmitted !== 'boolean') return null;
    return !!(r.endEmitted || (strict === false && r.ended === true && r.length === 0));
  }
  function isReadable(stream) {
    if (!stream || typeof stream.readable !== 'boolean') return null;
    if (isDestroyed(stream)) return false;
    return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
  }
  function isWritable(stream) {
    if (!stream || typeof stream.writable !== 'boolean') return null;
    if (isDestroyed(stream)) return false;
    return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
  }
  function isFinished(stream, opts) {
    if (!isNodeStream(stream)) return null;
    if (isDestroyed(stream)) return true;
    if ((!opts || opts.readable !== false) && isReadable(stream)) return false;
    if ((!opts || opts.writable !== false) && isWritable(stream)) return false;
    return true;
  }
  function isWritableErrored(stream) {
    if (!isNodeStream(stream)) return null;
    if (stream.writableErrored) return stream.writableErrored;
    var w = stream._writableState;
    return w && w.errored != null ? w.errored : null;
  }
  function isReadableErrored(stream) {
    if (!isNodeStream(stream)) return null;
    if (stream.readableErrored) return stream.readableErrored;
    var r = stream._readableState;
    return r && r.errored != null ? r.errored : null;
  }
  function isClosed(stream) {
    if (!isNodeStream(stream)) return null;
    if (typeof stream.closed === 'boolean') return stream.closed;
    var w = stream._writableState, r = stream._readableState;
    if ((w && typeof w.closed === 'boolean') || (r && typeof r.closed === 'boolean')) {
      return !!((w && w.closed) || (r && r.closed));
    }
    return null;
  }
  function willEmitClose(stream) {
    if (!isNodeStream(stream)) return null;
    var state = stream._writableState || stream._readableState;
    return !!(state && state.autoDestroy && state.emitClose && state.closed === false);
  }
  function firstDefined(values) {
    for (var i = 0; i < values.length; i++) if (values[i] != null) return values[i];
    return undefined;
  }
  function isDisturbed(stream) {
    return !!(stream && (stream.readableDidRead || stream.readableAborted));
  }
  function isErrored(stream) {
    if (!stream) return false;
    var r = stream._readableState || {}, w = stream._writableState || {};
    return !!firstDefined([stream.readableErrored, stream.writableErrored, r.errorEmitted, w.errorEmitted, r.errored, w.errored]);
  }

  S.isReadableNodeStream = isReadableNodeStream;
  S.isWritableNodeStream = isWritableNodeStream;
  S.isNodeStream = isNodeStream;
  S.isIterable = isIterable;
  S.isDestroyed = isDestroyed;
  S.isWritableEnded = isWritableEnded;
  S.isWritableFinished = isWritableFinished;
  S.isReadableFinished = isReadableFinished;
  S.isReadable = isReadable;
  S.isWritable = isWritable;
  S.isFinished = isFinished;
  S.isWritableErrored = isWritableErrored;
  S.isReadableErrored = isReadableErrored;
  S.isClosed = isClosed;
  S.willEmitClose = willEmitClose;
  S.isDisturbed = isDisturbed;
  S.isErrored = isErrored;
})
