// finished(stream, [options], callback) (Node's end-of-stream): calls back once when the stream has
// ended, finished, errored or closed early, and returns a function that removes its listeners.
// Also addAbortSignal, which destroys a stream when its signal aborts.
(function (S) {
  'use strict';

  var nextTick = S.nextTick;

  function eos(stream, options, callback) {
    if (arguments.length === 2) {
      callback = options;
      options = {};
    } else if (options == null) {
      options = {};
    } else {
      S.validateObject(options, 'options');
    }
    S.validateFunction(callback, 'callback');
    S.validateAbortSignal(options.signal, 'options.signal');
    if (!S.isNodeStream(stream)) throw S.errors.argType('stream', 'an instance of ReadableStream, WritableStream, or Stream', stream);

    var userCallback = callback;
    var called = false;
    callback = function (err) {
      if (called) return;
      called = true;
      userCallback.call(stream, err);
    };

    var readable = options.readable != null ? options.readable : S.isReadableNodeStream(stream);
    var writable = options.writable != null ? options.writable : S.isWritableNodeStream(stream);
    var wState = stream._writableState;
    var rState = stream._readableState;

    // A stream that will emit 'close' is reported on 'close'; 'end' and 'finish' only record.
    var willEmitClose = S.willEmitClose(stream) &&
      S.isReadableNodeStream(stream) === readable && S.isWritableNodeStream(stream) === writable;

    var writableFinished = S.isWritableFinished(stream, false);
    function onfinish() {
      writableFinished = true;
      if (stream.destroyed) willEmitClose = false;
      if (willEmitClose && (!stream.readable || readable)) return;
      if (!readable || readableFinished) callback();
    }

    var readableFinished = S.isReadableFinished(stream, false);
    function onend() {
      readableFinished = true;
      if (stream.destroyed) willEmitClose = false;
      if (willEmitClose && (!stream.writable || writable)) return;
      if (!writable || writableFinished) callback();
    }

    function onerror(err) {
      callback(err);
    }

    function onlegacyfinish() {
      if (!stream.writable) onfinish();
    }

    var closed = S.isClosed(stream);
    function onclose() {
      closed = true;
      var errored = S.isWritableErrored(stream) || S.isReadableErrored(stream);
      if (errored && typeof errored !== 'boolean') return callback(errored);
      if (readable && !readableFinished && S.isReadableNodeStream(stream, true)) {
        if (!S.isReadableFinished(stream, false)) return callback(S.errors.prematureClose());
      }
      if (writable && !writableFinished) {
        if (!S.isWritableFinished(stream, false)) return callback(S.errors.prematureClose());
      }
      callback();
    }

    function onclosed() {
      closed = true;
      var errored = S.isWritableErrored(stream) || S.isReadableErrored(stream);
      if (errored && typeof errored !== 'boolean') return callback(errored);
      callback();
    }

    if (writable && !wState) {
      // A legacy writable has no state; it is done when it stops being writable.
      stream.on('end', onlegacyfinish);
      stream.on('close', onlegacyfinish);
    }
    if (!willEmitClose && typeof stream.aborted === 'boolean') stream.on('aborted', onclose);
    stream.on('end', onend);
    stream.on('finish', onfinish);
    if (options.error !== false) stream.on('error', onerror);
    stream.on('close', onclose);

    // A stream that is already over is reported on the next tick.
    if (closed) {
      nextTick(onclose);
    } else if ((wState && wState.errorEmitted) || (rState && rState.errorEmitted)) {
      if (!willEmitClose) nextTick(onclosed);
    } else if (!readable && (!willEmitClose || S.isReadable(stream)) &&
        (writableFinished || S.isWritable(stream) === false)) {
      nextTick(onclosed);
    } else if (!writable && (!willEmitClose || S.isWritable(stream)) &&
        (readableFinished || S.isReadable(stream) === false)) {
      nextTick(onclosed);
    } else if (rState && stream.req && stream.aborted) {
      nextTick(onclosed);
    }

    function cleanup() {
      callback = S.nop;
      S.off(stream, 'aborted', onclose);
      S.off(stream, 'end', onlegacyfinish);
      S.off(stream, 'close', onlegacyfinish);
      S.off(stream, 'finish', onfinish);
      S.off(stream, 'end', onend);
      S.off(stream, 'error', onerror);
      S.off(stream, 'close', onclose);
    }

    if (options.signal && !closed) {
      var signal = options.signal;
      var abort = function () {
        var endCallback = callback;
        cleanup();
        endCallback.call(stream, new S.AbortError(undefined, { cause: signal.reason }));
      };
      if (signal.aborted) {
        nextTick(abort);
      } else {
        signal.addEventListener('abort', abort);
        var originalCallback = callback;
        callback = function () {
          signal.removeEventListener('abort', abort);
          originalCallback.apply(stream, arguments);
        };
      }
    }
    return cleanup;
  }

  // finishedPromise is stream/promises' finished; options.cleanup removes the listeners afterwards.
  function finishedPromise(stream, opts) {
    var autoCleanup = false;
    if (opts === null) opts = {};
    if (opts && opts.cleanup) {
      if (typeof opts.cleanup !== 'boolean') throw S.errors.argType('cleanup', 'of type boolean', opts.cleanup);
      autoCleanup = opts.cleanup;
    }
    return new Promise(function (resolve, reject) {
      var cleanup = eos(stream, opts, function (err) {
        if (autoCleanup) cleanup();
        if (err) reject(err);
        else resolve();
      });
    });
  }

  function addAbortSignalNoValidate(signal, stream) {
    if (typeof signal !== 'object' || signal === null || !('aborted' in signal)) return stream;
    function onAbort() {
      stream.destroy(new S.AbortError(undefined, { cause: signal.reason }));
    }
    if (signal.aborted) {
      onAbort();
    } else {
      signal.addEventListener('abort', onAbort);
      eos(stream, function () { signal.removeEventListener('abort', onAbort); });
    }
    return stream;
  }

  function addAbortSignal(signal, stream) {
    S.validateAbortSignal(signal, 'signal');
    if (signal === undefined) throw S.errors.argType('signal', 'an instance of AbortSignal', signal);
    if (!S.isNodeStream(stream)) throw S.errors.argType('stream', 'an instance of ReadableStream, WritableStream, or Stream', stream);
    return addAbortSignalNoValidate(signal, stream);
  }

  S.eos = eos;
  S.finishedPromise = finishedPromise;
  S.addAbortSignal = addAbortSignal;
  S.addAbortSignalNoValidate = addAbortSignalNoValidate;
})
