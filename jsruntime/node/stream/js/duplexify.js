// Duplex.from as Node 20 has it: a Duplex made from a stream, a web stream, a { readable, writable }
// pair, an iterable or async iterable, a promise, a Blob, or a function that takes the written
// chunks as an async iterable (an async generator function, as esbuild lowers one) and returns the
// readable side's values, or a promise for the end of writing.
(function (S) {
  'use strict';

  var Duplex = S.Duplex;
  var nextTick = S.nextTick;
  var errors = S.errors;
  // web.js's Duplex.from, which joins web streams.
  var fromWeb = Duplex.from;

  function isDuplexNodeStream(v) { return S.isReadableNodeStream(v) && S.isWritableNodeStream(v); }
  function isReadableStream(v) { return typeof ReadableStream === 'function' && v instanceof ReadableStream; }
  function isWritableStream(v) { return typeof WritableStream === 'function' && v instanceof WritableStream; }
  function isTransformStream(v) { return typeof TransformStream === 'function' && v instanceof TransformStream; }
  function isBlob(v) { return typeof Blob === 'function' && v instanceof Blob; }

  function duplexify(body, name) {
    if (isDuplexNodeStream(body)) return body;
    if (S.isReadableNodeStream(body)) return pairToDuplex({ readable: body });
    if (S.isWritableNodeStream(body)) return pairToDuplex({ writable: body });
    if (S.isNodeStream(body)) return pairToDuplex({ writable: false, readable: false });
    if (isReadableStream(body) || isWritableStream(body)) return fromWeb(body);
    if (typeof body === 'function') return fromFunction(body, name);
    if (isBlob(body)) return duplexify(body.arrayBuffer(), name);
    if (S.isIterable(body)) return S.fromIterable(Duplex, body, { objectMode: true, writable: false });
    if (isReadableStream(body && body.readable) && isWritableStream(body && body.writable)) return Duplex.fromWeb(body);
    if (body && (typeof body.writable === 'object' || typeof body.readable === 'object')) {
      var readable = body.readable ? (S.isReadableNodeStream(body.readable) ? body.readable : duplexify(body.readable)) : undefined;
      var writable = body.writable ? (S.isWritableNodeStream(body.writable) ? body.writable : duplexify(body.writable)) : undefined;
      return pairToDuplex({ readable: readable, writable: writable });
    }
    var then = body && body.then;
    if (typeof then === 'function') {
      var d = new Duplex({ objectMode: true, writable: false, read: function () {} });
      then.call(body, function (val) {
        if (val != null) d.push(val);
        d.push(null);
      }, function (err) {
        S.destroyer(d, err);
      });
      return d;
    }
    throw errors.argType(name, ['Blob', 'ReadableStream', 'WritableStream', 'Stream', 'Iterable', 'AsyncIterable',
      'Function', '{ readable, writable } pair', 'Promise'], body);
  }

  // fromFunction calls fn with the written chunks as an async iterable: an iterable it returns is
  // the readable side, a promise it returns settles the end of writing.
  function fromFunction(fn, name) {
    var gen = fromAsyncGen(fn);
    var value = gen.value;
    if (isDuplexNodeStream(value)) return value;
    if (S.isIterable(value)) {
      return S.fromIterable(Duplex, value, { objectMode: true, write: gen.write, final: gen.final, destroy: gen.destroy });
    }
    var then = value && value.then;
    if (typeof then === 'function') {
      var d;
      var promise = then.call(value, function (val) {
        if (val != null) throw errors.invalidReturn('nully', 'body', val);
      }, function (err) {
        S.destroyer(d, err);
      });
      d = new Duplex({
        objectMode: true,
        readable: false,
        write: gen.write,
        final: function (cb) {
          gen.final(function () {
            promise.then(function () { nextTick(cb, null); }, function (err) { nextTick(cb, err); });
          });
        },
        destroy: gen.destroy,
      });
      return d;
    }
    throw errors.invalidReturn('Iterable, AsyncIterable or AsyncFunction', name, value);
  }

  // fromAsyncGen gives fn an async iterator of what is written (each write's callback runs when its
  // chunk is taken) and a signal aborted when the duplex is destroyed.
  function fromAsyncGen(fn) {
    var next = deferred();
    var ac = new AbortController();
    var signal = ac.signal;
    var finished = false;
    var source = {
      next: function () {
        if (finished) return Promise.resolve({ value: undefined, done: true });
        var pending = next.promise;
        return pending.then(function (step) {
          nextTick(step.cb);
          if (step.done) {
            finished = true;
            return { value: undefined, done: true };
          }
          if (signal.aborted) throw new S.AbortError(undefined, { cause: signal.reason });
          next = deferred();
          return { value: step.chunk, done: false };
        });
      },
      return: function () {
        finished = true;
        return Promise.resolve({ value: undefined, done: true });
      },
    };
    source[S.asyncIterator] = function () { return this; };
    var value = fn(source, { signal: signal });
    return {
      value: value,
      write: function (chunk, encoding, cb) { next.resolve({ chunk: chunk, done: false, cb: cb }); },
      final: function (cb) { next.resolve({ done: true, cb: cb }); },
      destroy: function (err, cb) {
        ac.abort();
        cb(err);
      },
    };
  }

  function deferred() {
    var d = {};
    d.promise = new Promise(function (resolve) { d.resolve = resolve; });
    return d;
  }

  // Relay holds the callbacks of a Duplex that stands for other streams while it waits on them: a
  // write's for the writable's 'drain', the end's for its finish, a read's for the readable's
  // 'readable'. Destroying the Duplex drops them (clear).
  function Relay() {
    this.drain = null;
    this.finish = null;
    this.readable = null;
  }
  Relay.prototype.call = function (name) {
    var cb = this[name];
    if (cb) {
      this[name] = null;
      cb();
    }
  };
  Relay.prototype.clear = function () {
    this.drain = null;
    this.finish = null;
    this.readable = null;
  };

  // relayWrites sends d's writes and end to w. The end completes on relay.call('finish'), which the
  // caller makes when w has finished.
  function relayWrites(d, w, relay) {
    d._write = function (chunk, encoding, callback) {
      if (w.write(chunk, encoding)) callback();
      else relay.drain = callback;
    };
    d._final = function (callback) {
      w.end();
      relay.finish = callback;
    };
    w.on('drain', function () { relay.call('drain'); });
  }

  // relayReads pushes what r gives, and its end, into d, reading r only as fast as d is read.
  function relayReads(d, r, relay) {
    r.on('readable', function () { relay.call('readable'); });
    r.on('end', function () { d.push(null); });
    d._read = function () {
      for (;;) {
        var buf = r.read();
        if (buf === null) {
          relay.readable = d._read;
          return;
        }
        if (!d.push(buf)) return;
      }
    };
  }

  // pairToDuplex joins a readable and a writable node stream into one Duplex. A readable without
  // read() would need Readable.wrap, which is not provided.
  function pairToDuplex(pair) {
    if (pair.readable && typeof pair.readable.read !== 'function') throw S.natives.notSupported('stream.Readable.wrap');
    var r = pair.readable;
    var w = pair.writable;
    var readable = !!S.isReadable(r);
    var writable = !!S.isWritable(w);
    var relay = new Relay();
    var onclose, d;

    function onfinished(err) {
      var cb = onclose;
      onclose = null;
      if (cb) cb(err);
      else if (err) d.destroy(err);
    }

    d = new Duplex({
      readableObjectMode: !!(r && r.readableObjectMode),
      writableObjectMode: !!(w && w.writableObjectMode),
      readable: readable,
      writable: writable,
    });

    if (writable) {
      S.eos(w, function (err) {
        writable = false;
        if (err) S.destroyer(r, err);
        onfinished(err);
      });
      relayWrites(d, w, relay);
      w.on('finish', function () { relay.call('finish'); });
    }

    if (readable) {
      S.eos(r, function (err) {
        readable = false;
        if (err) S.destroyer(r, err);
        onfinished(err);
      });
      relayReads(d, r, relay);
    }

    d._destroy = function (err, callback) {
      if (!err && onclose !== null) err = new S.AbortError();
      relay.clear();
      if (onclose === null) {
        callback(err);
      } else {
        onclose = callback;
        S.destroyer(w, err);
        S.destroyer(r, err);
      }
    };
    return d;
  }

  Duplex.from = function from(body) {
    return duplexify(body, 'body');
  };
  S.duplexify = duplexify;
  S.Relay = Relay;
  S.relayWrites = relayWrites;
  S.relayReads = relayReads;
  S.isDuplexNodeStream = isDuplexNodeStream;
  S.isReadableStream = isReadableStream;
  S.isWritableStream = isWritableStream;
  S.isTransformStream = isTransformStream;
})
