// Readable.prototype.pipe and unpipe: data flows into any destination with write, end and on (a
// Writable, an HTTP response, a plain emitter), pausing while the destination needs to drain.
(function (S) {
  'use strict';

  var Readable = S.Readable;
  var nextTick = S.nextTick;

  Readable.prototype.pipe = function pipe(dest, pipeOpts) {
    var src = this;
    var state = this._readableState;
    if (state.pipes.length === 1 && !state.multiAwaitDrain) {
      // A second destination: wait for the drain of each destination that asked to.
      state.multiAwaitDrain = true;
      state.awaitDrainWriters = new Set(state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
    }
    state.pipes.push(dest);

    var doEnd = !pipeOpts || pipeOpts.end !== false;
    var endFn = doEnd ? onend : unpipe;
    if (state.endEmitted) nextTick(endFn);
    else src.once('end', endFn);

    dest.on('unpipe', onunpipe);
    function onunpipe(readable, unpipeInfo) {
      if (readable === src && unpipeInfo && unpipeInfo.hasUnpiped === false) {
        unpipeInfo.hasUnpiped = true;
        cleanup();
      }
    }

    function onend() {
      dest.end();
    }

    var ondrain = null;
    var cleanedUp = false;
    function cleanup() {
      S.off(dest, 'close', onclose);
      S.off(dest, 'finish', onfinish);
      if (ondrain) S.off(dest, 'drain', ondrain);
      S.off(dest, 'error', onerror);
      S.off(dest, 'unpipe', onunpipe);
      src.removeListener('end', onend);
      src.removeListener('end', unpipe);
      src.removeListener('data', ondata);
      cleanedUp = true;
      // If the source was waiting for this destination's drain, stop waiting: it is gone.
      if (ondrain && state.awaitDrainWriters && (!dest._writableState || dest._writableState.needDrain)) ondrain();
    }

    function pause() {
      if (!cleanedUp) {
        if (state.pipes.length === 1 && state.pipes[0] === dest) {
          state.awaitDrainWriters = dest;
          state.multiAwaitDrain = false;
        } else if (state.pipes.length > 1 && state.pipes.indexOf(dest) >= 0) {
          state.awaitDrainWriters.add(dest);
        }
        src.pause();
      }
      if (!ondrain) {
        ondrain = drainHandler(src, dest);
        dest.on('drain', ondrain);
      }
    }

    src.on('data', ondata);
    function ondata(chunk) {
      if (dest.write(chunk) === false) pause();
    }

    // An error on the destination unpipes it, and is rethrown there when nobody else listens.
    function onerror(er) {
      unpipe();
      S.off(dest, 'error', onerror);
      if (S.listenerCount(dest, 'error') === 0) {
        var s = dest._writableState || dest._readableState;
        if (s && !s.errorEmitted) S.errorOrDestroy(dest, er);
        else dest.emit('error', er);
      }
    }
    S.prependListener(dest, 'error', onerror);

    function onclose() {
      S.off(dest, 'finish', onfinish);
      unpipe();
    }
    S.once(dest, 'close', onclose);
    function onfinish() {
      S.off(dest, 'close', onclose);
      unpipe();
    }
    S.once(dest, 'finish', onfinish);

    function unpipe() {
      src.unpipe(dest);
    }

    S.emit(dest, 'pipe', src);

    if (dest.writableNeedDrain === true) pause();
    else if (!state.flowing) src.resume();
    return dest;
  };

  // drainHandler resumes the source once every destination it waits for has drained.
  function drainHandler(src, dest) {
    return function ondrain() {
      var state = src._readableState;
      if (state.awaitDrainWriters === dest) state.awaitDrainWriters = null;
      else if (state.multiAwaitDrain) state.awaitDrainWriters.delete(dest);
      if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) && src.listenerCount('data')) {
        src.resume();
      }
    };
  }

  Readable.prototype.unpipe = function unpipe(dest) {
    var state = this._readableState;
    if (state.pipes.length === 0) return this;
    if (!dest) {
      var dests = state.pipes;
      state.pipes = [];
      this.pause();
      for (var i = 0; i < dests.length; i++) S.emit(dests[i], 'unpipe', this, { hasUnpiped: false });
      return this;
    }
    var index = state.pipes.indexOf(dest);
    if (index === -1) return this;
    state.pipes.splice(index, 1);
    if (state.pipes.length === 0) this.pause();
    S.emit(dest, 'unpipe', this, { hasUnpiped: false });
    return this;
  };
})
