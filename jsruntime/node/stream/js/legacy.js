// Stream, the legacy base class: an EventEmitter with the old pipe(), which old-style streams (an
// emitter that emits 'data' and 'end' itself) still use, and the prototype every stream inherits.
(function (S) {
  'use strict';

  var EventEmitter = S.EventEmitter;

  function Stream(opts) {
    EventEmitter.call(this, opts);
  }
  Object.setPrototypeOf(Stream.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(Stream, EventEmitter);

  // pipe forwards 'data' to dest.write and pauses on a false return until 'drain'; the end or close
  // of the source ends or destroys dest unless options.end is false.
  Stream.prototype.pipe = function pipe(dest, options) {
    var source = this;
    function ondata(chunk) {
      if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
    }
    function ondrain() {
      if (source.readable && source.resume) source.resume();
    }
    var didOnEnd = false;
    function onend() {
      if (didOnEnd) return;
      didOnEnd = true;
      dest.end();
    }
    function onclose() {
      if (didOnEnd) return;
      didOnEnd = true;
      if (typeof dest.destroy === 'function') dest.destroy();
    }
    function onerror(er) {
      cleanup();
      if (EventEmitter.listenerCount(this, 'error') === 0) this.emit('error', er);
    }
    function cleanup() {
      source.removeListener('data', ondata);
      S.off(dest, 'drain', ondrain);
      source.removeListener('end', onend);
      source.removeListener('close', onclose);
      source.removeListener('error', onerror);
      S.off(dest, 'error', onerror);
      source.removeListener('end', cleanup);
      source.removeListener('close', cleanup);
      S.off(dest, 'close', cleanup);
    }

    source.on('data', ondata);
    dest.on('drain', ondrain);
    if (!options || options.end !== false) {
      source.on('end', onend);
      source.on('close', onclose);
    }
    S.prependListener(source, 'error', onerror);
    S.prependListener(dest, 'error', onerror);
    source.on('end', cleanup);
    source.on('close', cleanup);
    dest.on('close', cleanup);
    S.emit(dest, 'pipe', source);
    return dest;
  };

  S.Stream = Stream;
})
