// pipeline(source, ...transforms, destination, callback): pipes streams (and iterables, async
// iterables and async generator functions) into each other, destroys all of them when one fails,
// and calls back once with the first error or when the last one has finished.
(function (S) {
  'use strict';

  var nextTick = S.nextTick;

  function pipeline() {
    var streams = Array.prototype.slice.call(arguments);
    var callback = streams.pop();
    S.validateFunction(callback, 'streams[stream.length - 1]');
    var called = false;
    return pipelineImpl(streams, function (err, value) {
      if (called) return;
      called = true;
      callback(err, value);
    });
  }

  // destroyer is one stream's part in a failed pipeline: destroy it unless it has already finished.
  function destroyer(stream, reading, writing) {
    var finished = false;
    stream.on('close', function () { finished = true; });
    var cleanup = S.eos(stream, { readable: reading, writable: writing }, function (err) {
      finished = !err;
    });
    return {
      destroy: function (err) {
        if (finished) return;
        finished = true;
        S.destroyer(stream, err || S.errors.destroyed('pipe'));
      },
      cleanup: cleanup,
    };
  }

  // Web streams join a pipeline as in Node: a ReadableStream is an async iterable source, a
  // TransformStream or WritableStream is written through its writer (pumpToWeb), and a
  // TransformStream is read through its readable side.
  function isTransformStream(v) { return typeof TransformStream === 'function' && v instanceof TransformStream; }
  function isWebWritable(v) {
    return isTransformStream(v) || (typeof WritableStream === 'function' && v instanceof WritableStream);
  }

  function pipelineImpl(streams, callback, opts) {
    if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
    if (streams.length < 2) throw S.errors.missingArgs('streams');

    var ac = typeof AbortController === 'function' ? new AbortController() : null;
    var signal = ac ? ac.signal : undefined;
    var outerSignal = opts && opts.signal;
    var lastStreamCleanup = [];
    S.validateAbortSignal(outerSignal, 'options.signal');

    function abort() {
      finishImpl(new S.AbortError());
    }
    if (outerSignal) outerSignal.addEventListener('abort', abort);

    var error;
    var value;
    var destroys = [];
    var finishCount = 0;

    function finish(err) {
      finishImpl(err, --finishCount === 0);
    }

    // finishImpl records the first real error (a premature close yields to a better one), destroys
    // every stream on failure and calls back when the last part has finished.
    function finishImpl(err, final) {
      if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
      if (!error && !final) return;
      while (destroys.length) destroys.shift()(error);
      if (outerSignal) outerSignal.removeEventListener('abort', abort);
      if (ac) ac.abort();
      if (final) {
        if (!error) lastStreamCleanup.forEach(function (fn) { fn(); });
        nextTick(callback, error, value);
      }
    }

    var ret;
    for (var i = 0; i < streams.length; i++) {
      var stream = streams[i];
      var reading = i < streams.length - 1;
      var writing = i > 0;
      var end = reading || !opts || opts.end !== false;
      var isLastStream = i === streams.length - 1;

      if (S.isNodeStream(stream)) {
        if (end) {
          var d = destroyer(stream, reading, writing);
          destroys.push(d.destroy);
          if (S.isReadable(stream) && isLastStream) lastStreamCleanup.push(d.cleanup);
        }
        // Errors reach the pipeline through finished(); this listener only keeps an 'error' event
        // from being thrown as unhandled.
        var onError = makeOnError(finish);
        stream.on('error', onError);
        if (S.isReadable(stream) && isLastStream) lastStreamCleanup.push(removeListener(stream, 'error', onError));
      }

      if (i === 0) {
        if (typeof stream === 'function') {
          ret = stream({ signal: signal });
          if (!S.isIterable(ret)) throw S.errors.invalidReturn('Iterable, AsyncIterable or Stream', 'source', ret);
        } else if (S.isIterable(stream) || S.isReadableNodeStream(stream) || isTransformStream(stream)) {
          ret = stream;
        } else {
          throw S.errors.argType('source', 'a Readable stream, an iterable or a function', stream);
        }
      } else if (typeof stream === 'function') {
        ret = stream(asyncIterable(isTransformStream(ret) ? ret.readable : ret), { signal: signal });
        if (reading) {
          if (!S.isIterable(ret, true)) throw S.errors.invalidReturn('AsyncIterable', 'transform[' + (i - 1) + ']', ret);
        } else {
          ret = intoPassThrough(ret, end);
          var pd = destroyer(ret, false, true);
          destroys.push(pd.destroy);
          if (isLastStream) lastStreamCleanup.push(pd.cleanup);
        }
      } else if (S.isNodeStream(stream)) {
        if (S.isReadableNodeStream(ret)) {
          finishCount += 2;
          var cleanup = pipe(ret, stream, finish, end);
          if (S.isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
        } else if (S.isIterable(ret) || isTransformStream(ret)) {
          finishCount++;
          pumpToNode(isTransformStream(ret) ? ret.readable : ret, stream, finish, end);
        } else {
          throw S.errors.argType('val', 'a Readable stream, an iterable or an async iterable', ret);
        }
        ret = stream;
      } else if (isWebWritable(stream)) {
        if (S.isReadableNodeStream(ret)) {
          finishCount++;
          pumpToWeb(asyncIterable(ret), stream, finish, end);
        } else if (S.isIterable(ret) || isTransformStream(ret)) {
          finishCount++;
          pumpToWeb(isTransformStream(ret) ? ret.readable : ret, stream, finish, end);
        } else {
          throw S.errors.argType('val', ['AsyncIterable', 'Iterable', 'Stream', 'ReadableStream', 'TransformStream'], ret);
        }
        ret = stream;
      } else {
        throw S.errors.argType('streams[' + i + ']', 'a stream or a function', stream);
      }
    }

    // The last part was a function: its result (a promise or an async iterable) goes through a
    // PassThrough whose end finishes the pipeline.
    function intoPassThrough(result, end) {
      var pt = new S.PassThrough({ objectMode: true });
      var then = result && result.then;
      if (typeof then === 'function') {
        finishCount++;
        then.call(result, function (val) {
          value = val;
          if (val != null) pt.write(val);
          if (end) pt.end();
          nextTick(finish);
        }, function (err) {
          pt.destroy(err);
          nextTick(finish, err);
        });
      } else if (S.isIterable(result, true)) {
        finishCount++;
        pumpToNode(result, pt, finish, end);
      } else {
        throw S.errors.invalidReturn('AsyncIterable or Promise', 'destination', result);
      }
      return pt;
    }

    if ((signal && signal.aborted) || (outerSignal && outerSignal.aborted)) nextTick(abort);
    return ret;
  }

  // pumpToWeb writes an (async) iterable into a WritableStream (or a TransformStream's writable
  // side) through its writer, closing it at the end when end is set, and aborting it on a failure.
  async function pumpToWeb(source, writable, finish, end) {
    if (isTransformStream(writable)) writable = writable.writable;
    var writer = writable.getWriter();
    try {
      await writer.ready;
      var iterator = source[S.asyncIterator] ? source[S.asyncIterator]() : source[Symbol.iterator]();
      for (;;) {
        var step = await iterator.next();
        if (step.done) break;
        await writer.ready;
        writer.write(step.value).catch(function () {});
      }
      await writer.ready;
      if (end) await writer.close();
      finish();
    } catch (err) {
      try {
        await writer.abort(err);
      } finally {
        finish(err);
      }
    }
  }

  function makeOnError(finish) {
    return function onError(err) {
      if (err && err.name !== 'AbortError' && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') finish(err);
    };
  }

  function removeListener(stream, event, fn) {
    return function () { stream.removeListener(event, fn); };
  }

  // asyncIterable is what a transform function receives: iterables as they are, streams through
  // their async iterator.
  function asyncIterable(val) {
    if (S.isIterable(val)) return val;
    if (S.isReadableNodeStream(val)) {
      var it = {};
      it[S.asyncIterator] = function () { return S.Readable.prototype[S.asyncIterator].call(val); };
      return it;
    }
    throw S.errors.argType('val', 'a Readable stream, an iterable or an async iterable', val);
  }

  // pipe connects two node streams: src.pipe(dst) without its end handling, which pipeline does
  // itself so that it can tell a clean end from a premature close.
  function pipe(src, dst, finish, end) {
    var ended = false;
    dst.on('close', function () {
      if (!ended) finish(S.errors.prematureClose());
    });
    src.pipe(dst, { end: false });
    if (end) {
      var endFn = function () {
        ended = true;
        dst.end();
      };
      if (S.isReadableFinished(src)) nextTick(endFn);
      else src.once('end', endFn);
      S.eos(src, { readable: true, writable: false }, function (err) {
        var rState = src._readableState;
        if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' &&
            rState && rState.ended && !rState.errored && !rState.errorEmitted) {
          // 'close' before 'end' on a source that has ended cleanly is not a failure.
          src.once('end', finish).once('error', finish);
        } else {
          finish(err);
        }
      });
    } else {
      finish();
    }
    return S.eos(dst, { readable: false, writable: true }, finish);
  }

  // pumpToNode writes an (async) iterable into a node stream, honouring backpressure.
  async function pumpToNode(iterable, writable, finish, end) {
    var error;
    var onresolve = null;
    function resume(err) {
      if (err) error = err;
      if (onresolve) {
        var callback = onresolve;
        onresolve = null;
        callback();
      }
    }
    function wait() {
      return new Promise(function (resolve, reject) {
        if (error) {
          reject(error);
        } else {
          onresolve = function () {
            if (error) reject(error);
            else resolve();
          };
        }
      });
    }
    writable.on('drain', resume);
    var cleanup = S.eos(writable, { readable: false }, resume);
    try {
      if (writable.writableNeedDrain) await wait();
      await forEachChunk(iterable, async function (chunk) {
        if (!writable.write(chunk)) await wait();
      });
      if (end) {
        writable.end();
        await wait();
      }
      finish();
    } catch (err) {
      finish(error !== err ? S.aggregateTwoErrors(error, err) : err);
    } finally {
      cleanup();
      writable.off('drain', resume);
    }
  }

  // forEachChunk is `for await (const chunk of iterable) await fn(chunk)`, which goja cannot parse:
  // it closes the iterator when fn throws, as the loop would.
  async function forEachChunk(iterable, fn) {
    var isAsync = typeof iterable[S.asyncIterator] === 'function';
    var iterator = isAsync ? iterable[S.asyncIterator]() : iterable[Symbol.iterator]();
    for (;;) {
      var step = isAsync ? await iterator.next() : iterator.next();
      if (step.done) return;
      var chunk = isAsync ? step.value : await step.value;
      try {
        await fn(chunk);
      } catch (err) {
        if (typeof iterator.return === 'function') {
          try {
            await iterator.return();
          } catch (ignored) {
            // The loop's own error wins, as in a for await loop.
          }
        }
        throw err;
      }
    }
  }

  // pipelinePromise is stream/promises' pipeline; a trailing plain object holds signal and end.
  function pipelinePromise() {
    var streams = Array.prototype.slice.call(arguments);
    return new Promise(function (resolve, reject) {
      var signal;
      var end;
      var lastArg = streams[streams.length - 1];
      if (lastArg && typeof lastArg === 'object' && !S.isNodeStream(lastArg) && !S.isIterable(lastArg)) {
        var options = streams.pop();
        signal = options.signal;
        end = options.end;
      }
      pipelineImpl(streams, function (err, value) {
        if (err) reject(err);
        else resolve(value);
      }, { signal: signal, end: end });
    });
  }

  S.pipeline = pipeline;
  S.pipelinePromise = pipelinePromise;
})
