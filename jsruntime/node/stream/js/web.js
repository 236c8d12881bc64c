// Web-stream interop, as Node 20's lib/internal/webstreams/adapters.js behaves: Readable.toWeb and
// fromWeb, Writable.toWeb and fromWeb, Duplex.toWeb and fromWeb, and Duplex.from for web streams.
// The WHATWG classes come from the runtime's web globals (natives.webStreams), looked up when first
// needed so that the module loads without them.
(function (S) {
  'use strict';

  var Readable = S.Readable;
  var Writable = S.Writable;
  var Duplex = S.Duplex;
  var natives = S.natives;
  var nop = S.nop;

  function web() { return natives.webStreams(); }
  function isReadableStream(v) { return v instanceof web().ReadableStream; }
  function isWritableStream(v) { return v instanceof web().WritableStream; }

  // prematureToAbort turns a stream closed before its end into the AbortError web streams report.
  function prematureToAbort(err) {
    if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE') return new S.AbortError(undefined, { cause: err });
    return err;
  }

  function deferred() {
    var d = {};
    d.promise = new Promise(function (resolve, reject) { d.resolve = resolve; d.reject = reject; });
    return d;
  }

  function readableToWeb(streamReadable, options) {
    if (!streamReadable || typeof streamReadable._readableState !== 'object') {
      throw natives.argType('streamReadable', 'an stream.Readable', streamReadable);
    }
    var W = web();
    if (S.isDestroyed(streamReadable) || !S.isReadable(streamReadable)) {
      var done = new W.ReadableStream();
      done.cancel();
      return done;
    }
    var objectMode = streamReadable.readableObjectMode;
    var highWaterMark = streamReadable.readableHighWaterMark;
    var strategy = options && options.strategy;
    if (!strategy) {
      strategy = objectMode ? new W.CountQueuingStrategy({ highWaterMark: highWaterMark }) : new W.ByteLengthQueuingStrategy({ highWaterMark: highWaterMark });
    }
    var controller;
    function onData(chunk) {
      // A copy, so that the stream owns memory no Buffer pool shares.
      if (S.Buffer.isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk);
      controller.enqueue(chunk);
      if (controller.desiredSize <= 0) streamReadable.pause();
    }
    var cleanup = S.eos(streamReadable, function (error) {
      error = prematureToAbort(error);
      cleanup();
      // A legacy stream may emit 'error' again after finishing.
      streamReadable.on('error', nop);
      if (error) {
        controller.error(error);
        return;
      }
      controller.close();
    });
    streamReadable.on('data', onData);
    // Data flows only while the web side pulls.
    streamReadable.pause();
    return new W.ReadableStream({
      start: function (c) { controller = c; },
      pull: function () { streamReadable.resume(); },
      cancel: function (reason) { S.destroyer(streamReadable, reason); },
    }, strategy);
  }

  function readableFromWeb(readableStream, options) {
    if (!isReadableStream(readableStream)) throw natives.argType('readableStream', 'an instance of ReadableStream', readableStream);
    if (options === undefined) options = {};
    S.validateObject(options, 'options');
    var encoding = options.encoding;
    var objectMode = options.objectMode === undefined ? false : options.objectMode;
    // Node 20 swaps the arguments of this error; its message is kept.
    if (encoding !== undefined && !S.Buffer.isEncoding(encoding)) throw natives.argValue(encoding, 'options.encoding');
    if (typeof objectMode !== 'boolean') throw natives.argType('options.objectMode', 'of type boolean', objectMode);
    var reader = readableStream.getReader();
    var closed = false;
    var readable = new Readable({
      objectMode: objectMode,
      highWaterMark: options.highWaterMark,
      encoding: encoding,
      signal: options.signal,
      read: function () {
        reader.read().then(function (chunk) {
          if (chunk.done) readable.push(null);
          else readable.push(chunk.value);
        }, function (error) { S.destroyer(readable, error); });
      },
      destroy: function (error, callback) {
        function done() { callback(error); }
        if (!closed) {
          reader.cancel(error).then(done, done);
          return;
        }
        done();
      },
    });
    reader.closed.then(function () { closed = true; }, function (error) {
      closed = true;
      S.destroyer(readable, error);
    });
    return readable;
  }

  function writableToWeb(streamWritable) {
    if (!streamWritable || typeof streamWritable._writableState !== 'object') {
      throw natives.argType('streamWritable', 'an stream.Writable', streamWritable);
    }
    var W = web();
    if (S.isDestroyed(streamWritable) || !S.isWritable(streamWritable)) {
      var done = new W.WritableStream();
      done.close();
      return done;
    }
    var highWaterMark = streamWritable.writableHighWaterMark;
    var strategy = streamWritable.writableObjectMode ? new W.CountQueuingStrategy({ highWaterMark: highWaterMark }) : { highWaterMark: highWaterMark };
    var controller;
    var backpressure;
    var closed;
    var cleanup = S.eos(streamWritable, function (error) {
      error = prematureToAbort(error);
      cleanup();
      streamWritable.on('error', nop);
      if (error != null) {
        if (backpressure !== undefined) backpressure.reject(error);
        if (closed !== undefined) {
          closed.reject(error);
          closed = undefined;
        }
        controller.error(error);
        return;
      }
      if (closed !== undefined) {
        closed.resolve();
        closed = undefined;
        return;
      }
      controller.error(new S.AbortError());
    });
    streamWritable.on('drain', function () {
      if (backpressure !== undefined) backpressure.resolve();
    });
    return new W.WritableStream({
      start: function (c) { controller = c; },
      write: function (chunk) {
        if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
          backpressure = deferred();
          var wait = backpressure.promise;
          return wait.then(function () { backpressure = undefined; }, function (err) {
            backpressure = undefined;
            throw err;
          });
        }
        return undefined;
      },
      abort: function (reason) { S.destroyer(streamWritable, reason); },
      close: function () {
        if (closed === undefined && !S.isWritableEnded(streamWritable)) {
          closed = deferred();
          streamWritable.end();
          return closed.promise;
        }
        return Promise.resolve();
      },
    }, strategy);
  }

  function writableFromWeb(writableStream, options) {
    if (!isWritableStream(writableStream)) throw natives.argType('writableStream', 'an instance of WritableStream', writableStream);
    if (options === undefined) options = {};
    S.validateObject(options, 'options');
    var objectMode = options.objectMode === undefined ? false : options.objectMode;
    var decodeStrings = options.decodeStrings === undefined ? true : options.decodeStrings;
    if (typeof objectMode !== 'boolean') throw natives.argType('options.objectMode', 'of type boolean', objectMode);
    if (typeof decodeStrings !== 'boolean') throw natives.argType('options.decodeStrings', 'of type boolean', decodeStrings);
    var writer = writableStream.getWriter();
    var closed = false;
    var writable = new Writable({
      highWaterMark: options.highWaterMark,
      objectMode: objectMode,
      decodeStrings: decodeStrings,
      signal: options.signal,
      write: function (chunk, encoding, callback) {
        function done(error) {
          try {
            callback(error);
          } catch (err) {
            S.destroyer(writable, err);
          }
        }
        writer.ready.then(function () {
          return writer.write(chunk).then(function () { done(); }, done);
        }, done);
      },
      destroy: function (error, callback) {
        function done() { callback(error); }
        if (!closed) {
          if (error != null) writer.abort(error).then(done, done);
          else writer.close().then(done, done);
          return;
        }
        done();
      },
      final: function (callback) {
        function done(error) {
          try {
            callback(error);
          } catch (err) {
            S.nextTick(function () { S.destroyer(writable, err); });
          }
        }
        if (!closed) writer.close().then(function () { done(); }, done);
      },
    });
    writer.closed.then(function () { closed = true; }, function (error) {
      closed = true;
      S.destroyer(writable, error);
    });
    return writable;
  }

  function duplexToWeb(duplex) {
    return { writable: writableToWeb(duplex), readable: readableToWeb(duplex) };
  }

  // duplexFromWeb joins a web readable and writable into one Duplex (Duplex.fromWeb).
  function duplexFromWeb(pair, options) {
    S.validateObject(pair, 'pair');
    if (!isReadableStream(pair.readable)) throw natives.argType('pair.readable', 'an instance of ReadableStream', pair.readable);
    if (!isWritableStream(pair.writable)) throw natives.argType('pair.writable', 'an instance of WritableStream', pair.writable);
    if (options === undefined) options = {};
    S.validateObject(options, 'options');
    return join(pair.readable, pair.writable, options);
  }

  // join makes a Duplex whose reads come from readableStream's reader and whose writes go to
  // writableStream's writer; a missing side makes the duplex not readable or not writable.
  // Destroying it cancels and aborts what is still open.
  function join(readableStream, writableStream, options) {
    var objectMode = options.objectMode === undefined ? false : options.objectMode;
    var encoding = options.encoding;
    if (encoding !== undefined && !S.Buffer.isEncoding(encoding)) throw natives.argValue('options.encoding', encoding);
    var writer = writableStream ? writableStream.getWriter() : null;
    var reader = readableStream ? readableStream.getReader() : null;
    var writableClosed = !writer;
    var readableClosed = !reader;
    var duplex = new Duplex({
      readable: !!reader,
      writable: !!writer,
      allowHalfOpen: options.allowHalfOpen,
      highWaterMark: options.highWaterMark,
      objectMode: objectMode,
      encoding: encoding,
      decodeStrings: options.decodeStrings === undefined ? true : options.decodeStrings,
      signal: options.signal,
      write: function (chunk, enc, callback) {
        function done(error) {
          try {
            callback(error);
          } catch (err) {
            S.destroyer(duplex, err);
          }
        }
        writer.ready.then(function () {
          return writer.write(chunk).then(function () { done(); }, done);
        }, done);
      },
      final: function (callback) {
        function done(error) {
          try {
            callback(error);
          } catch (err) {
            S.nextTick(function () { S.destroyer(duplex, err); });
          }
        }
        if (!writableClosed) writer.close().then(function () { done(); }, done);
      },
      read: function () {
        reader.read().then(function (chunk) {
          if (chunk.done) duplex.push(null);
          else duplex.push(chunk.value);
        }, function (error) { S.destroyer(duplex, error); });
      },
      destroy: function (error, callback) {
        function done() {
          try {
            callback(error);
          } catch (err) {
            S.nextTick(function () { throw err; });
          }
        }
        var pending = [];
        if (!writableClosed) pending.push(writer.abort(error).then(nop, nop));
        if (!readableClosed) pending.push(reader.cancel(error).then(nop, nop));
        Promise.all(pending).then(done, done);
      },
    });
    var fail = function (error) {
      writableClosed = true;
      readableClosed = true;
      S.destroyer(duplex, error);
    };
    if (writer) writer.closed.then(function () { writableClosed = true; }, fail);
    if (reader) reader.closed.then(function () { readableClosed = true; }, fail);
    return duplex;
  }

  // duplexFrom is Duplex.from for Duplex instances and web streams (a ReadableStream, a
  // WritableStream, or a { readable, writable } pair of them); the other inputs Node accepts are not
  // provided.
  function duplexFrom(body) {
    if (body instanceof Duplex) return body;
    if (isReadableStream(body)) return join(body, null, {});
    if (isWritableStream(body)) return join(null, body, {});
    if (body && typeof body === 'object' && (isReadableStream(body.readable) || isWritableStream(body.writable))) {
      return join(isReadableStream(body.readable) ? body.readable : null, isWritableStream(body.writable) ? body.writable : null, {});
    }
    throw natives.notSupported('stream.Duplex.from for inputs other than web streams and Duplex instances');
  }

  Readable.toWeb = readableToWeb;
  Readable.fromWeb = readableFromWeb;
  Writable.toWeb = writableToWeb;
  Writable.fromWeb = writableFromWeb;
  Duplex.toWeb = duplexToWeb;
  Duplex.fromWeb = duplexFromWeb;
  Duplex.from = duplexFrom;
})
