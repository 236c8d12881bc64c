// Async iteration over a Readable (for await, readable.iterator()) and Readable.from. goja has no
// async generators, so the iterator is written out by hand with the semantics of Node's generator:
// requests are served one at a time in order, and leaving the loop early or failing destroys the
// stream.
(function (S) {
  'use strict';

  var Readable = S.Readable;
  var nextTick = S.nextTick;
  var Buffer = S.Buffer;

  Readable.prototype[S.asyncIterator] = function () {
    return streamIterator(this);
  };

  Readable.prototype.iterator = function iterator(options) {
    if (options !== undefined) S.validateObject(options, 'options');
    return streamIterator(this, options);
  };

  function streamIterator(stream, options) {
    var destroyOnReturn = !options || options.destroyOnReturn !== false;
    var wake = S.nop;
    var error; // undefined: still running; null: finished cleanly; otherwise the failure
    var started = false;
    var done = false;
    var cleanupFinished = S.nop;
    var queue = Promise.resolve();

    function onReadable() {
      var w = wake;
      wake = S.nop;
      w();
    }

    // start is the top of the generator's body, which runs on the first next(), not on creation.
    function start() {
      started = true;
      stream.on('readable', onReadable);
      cleanupFinished = S.eos(stream, { writable: false }, function (err) {
        error = err ? S.aggregateTwoErrors(error, err) : null;
        onReadable();
      });
    }

    // finish releases the stream as the generator's finally block does: destroyed on an error or an
    // early return (unless destroyOnReturn is false), otherwise only the listeners are removed. A
    // generator that never started has no finally block to run.
    function finish() {
      if (done) return;
      done = true;
      if (!started) return;
      if ((error || destroyOnReturn) && (error === undefined || stream._readableState.autoDestroy)) {
        S.destroyer(stream, null);
      } else {
        stream.off('readable', onReadable);
        cleanupFinished();
      }
    }

    function pull() {
      if (done) return { value: undefined, done: true };
      if (!started) start();
      var chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) return { value: chunk, done: false };
      if (error) {
        finish();
        throw error;
      }
      if (error === null) {
        finish();
        return { value: undefined, done: true };
      }
      return new Promise(function (resolve) { wake = resolve; }).then(pull);
    }

    // serve queues a request behind the ones before it, as an async generator does.
    function serve(fn) {
      var result = queue.then(fn);
      queue = result.then(S.nop, S.nop);
      return result;
    }

    var iterator = {
      next: function () { return serve(pull); },
      return: function (value) {
        return serve(function () {
          finish();
          return { value: value, done: true };
        });
      },
      throw: function (err) {
        return serve(function () {
          if (done || !started) {
            done = true;
            throw err;
          }
          error = S.aggregateTwoErrors(error, err);
          finish();
          throw error;
        });
      },
    };
    iterator[S.asyncIterator] = function () { return this; };
    iterator.stream = stream;
    return iterator;
  }

  // Readable.from wraps an iterable or async iterable (or a single string or Buffer) in an object
  // mode stream that pulls one value per _read.
  Readable.from = function from(iterable, opts) {
    return fromIterable(Readable, iterable, opts);
  };

  // fromIterable is Readable.from making a Ctor (Readable, or a Duplex for Duplex.from).
  function fromIterable(Ctor, iterable, opts) {
    if (typeof iterable === 'string' || iterable instanceof Buffer) {
      return new Ctor(Object.assign({ objectMode: true }, opts, {
        read: function () {
          this.push(iterable);
          this.push(null);
        },
      }));
    }
    var isAsync;
    var iterator;
    if (iterable && typeof iterable[S.asyncIterator] === 'function') {
      isAsync = true;
      iterator = iterable[S.asyncIterator]();
    } else if (iterable && typeof iterable[Symbol.iterator] === 'function') {
      isAsync = false;
      iterator = iterable[Symbol.iterator]();
    } else {
      throw S.errors.argType('iterable', 'an instance of Iterable', iterable);
    }

    var readable = new Ctor(Object.assign({ objectMode: true, highWaterMark: 1 }, opts));
    var reading = false;

    readable._read = function () {
      if (!reading) {
        reading = true;
        next();
      }
    };

    readable._destroy = function (error, cb) {
      close(error).then(
        function () { nextTick(cb, error); },
        function (e) { nextTick(cb, e || error); });
    };

    // close lets the iterator clean up: throw() into it on an error, then return().
    async function close(error) {
      var hadError = error !== undefined && error !== null;
      if (hadError && typeof iterator.throw === 'function') {
        var thrown = await iterator.throw(error);
        await thrown.value;
        if (thrown.done) return;
      }
      if (typeof iterator.return === 'function') {
        var returned = await iterator.return();
        await returned.value;
      }
    }

    // next pushes values until the stream's buffer is full or the iterator is done.
    async function next() {
      for (;;) {
        try {
          var step = isAsync ? await iterator.next() : iterator.next();
          if (step.done) {
            readable.push(null);
          } else {
            var value = step.value;
            var res = value && typeof value.then === 'function' ? await value : value;
            if (res === null) {
              reading = false;
              throw S.errors.nullValues();
            } else if (readable.push(res)) {
              continue;
            } else {
              reading = false;
            }
          }
        } catch (err) {
          readable.destroy(err);
        }
        break;
      }
    }
    return readable;
  }
  S.fromIterable = fromIterable;
})
