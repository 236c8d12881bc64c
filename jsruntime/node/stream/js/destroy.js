// Destruction and construction, shared by every stream kind: destroy(err, cb) with Node 20's
// 'error' then 'close' on a later tick, errorOrDestroy for internal failures, _construct support
// (operations wait until it calls back) and destroyer, which ends any stream-like object.
(function (S) {
  'use strict';

  var nextTick = S.nextTick;
  var kConstruct = Symbol('kConstruct');
  var kDestroy = Symbol('kDestroy');

  // recordError stores err as the stream's error on both sides, unless each already has one.
  function recordError(err, w, r) {
    if (!err) return;
    if (w && !w.errored) w.errored = err;
    if (r && !r.errored) r.errored = err;
  }

  // destroy is Readable.prototype.destroy (and, through Writable's wrapper, Writable's).
  function destroy(err, cb) {
    var r = this._readableState;
    var w = this._writableState;
    var s = w || r;
    if ((w && w.destroyed) || (r && r.destroyed)) {
      if (typeof cb === 'function') cb();
      return this;
    }
    recordError(err, w, r);
    if (w) w.destroyed = true;
    if (r) r.destroyed = true;
    if (!s.constructed) {
      // _destroy waits for _construct to finish, as Node's does.
      this.once(kDestroy, function (er) { callDestroy(this, S.aggregateTwoErrors(er, err), cb); });
    } else {
      callDestroy(this, err, cb);
    }
    return this;
  }

  function callDestroy(self, err, cb) {
    var called = false;
    function onDestroy(er) {
      if (called) return;
      called = true;
      var r = self._readableState;
      var w = self._writableState;
      recordError(er, w, r);
      if (w) w.closed = true;
      if (r) r.closed = true;
      if (typeof cb === 'function') cb(er);
      if (er) nextTick(emitErrorCloseNT, self, er);
      else nextTick(emitCloseNT, self);
    }
    try {
      self._destroy(err || null, onDestroy);
    } catch (e) {
      onDestroy(e);
    }
  }

  function emitErrorCloseNT(self, err) {
    emitErrorNT(self, err);
    emitCloseNT(self);
  }

  function emitCloseNT(self) {
    var r = self._readableState;
    var w = self._writableState;
    if (w) w.closeEmitted = true;
    if (r) r.closeEmitted = true;
    if ((w && w.emitClose) || (r && r.emitClose)) self.emit('close');
  }

  function emitErrorNT(self, err) {
    var r = self._readableState;
    var w = self._writableState;
    if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
    if (w) w.errorEmitted = true;
    if (r) r.errorEmitted = true;
    self.emit('error', err);
  }

  // undestroy resets the flags destroy and ending set, for streams that are reused.
  function undestroy() {
    var r = this._readableState;
    var w = this._writableState;
    if (r) {
      r.constructed = true;
      r.closed = false;
      r.closeEmitted = false;
      r.destroyed = false;
      r.errored = null;
      r.errorEmitted = false;
      r.reading = false;
      r.ended = r.readable === false;
      r.endEmitted = r.readable === false;
    }
    if (w) {
      w.constructed = true;
      w.destroyed = false;
      w.closed = false;
      w.closeEmitted = false;
      w.errored = null;
      w.errorEmitted = false;
      w.finalCalled = false;
      w.prefinished = false;
      w.ended = w.writable === false;
      w.ending = w.writable === false;
      w.finished = w.writable === false;
    }
  }

  // errorOrDestroy fails a stream from inside: destroy when autoDestroy is on, otherwise record the
  // error and emit it (on a later tick when sync).
  function errorOrDestroy(stream, err, sync) {
    var r = stream._readableState;
    var w = stream._writableState;
    if ((w && w.destroyed) || (r && r.destroyed)) return;
    if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
      stream.destroy(err);
    } else if (err) {
      recordError(err, w, r);
      if (sync) nextTick(emitErrorNT, stream, err);
      else emitErrorNT(stream, err);
    }
  }

  // construct runs stream._construct on a later tick; cb runs once it has called back without error.
  // A duplex calls this once per side, so only the first call starts _construct.
  function construct(stream, cb) {
    if (typeof stream._construct !== 'function') return;
    var r = stream._readableState;
    var w = stream._writableState;
    if (r) r.constructed = false;
    if (w) w.constructed = false;
    stream.once(kConstruct, cb);
    if (stream.listenerCount(kConstruct) > 1) return;
    nextTick(constructNT, stream);
  }

  function constructNT(stream) {
    var called = false;
    function onConstruct(err) {
      if (called) {
        errorOrDestroy(stream, err != null ? err : S.errors.multipleCallback());
        return;
      }
      called = true;
      var r = stream._readableState;
      var w = stream._writableState;
      var s = w || r;
      if (r) r.constructed = true;
      if (w) w.constructed = true;
      if (s.destroyed) stream.emit(kDestroy, err);
      else if (err) errorOrDestroy(stream, err, true);
      else nextTick(function () { stream.emit(kConstruct); });
    }
    try {
      stream._construct(function (err) { nextTick(onConstruct, err); });
    } catch (err) {
      nextTick(onConstruct, err);
    }
  }

  // destroyer ends any stream-like object for pipeline and iterator cleanup: destroy() when it has
  // one, else close(), else the events a destroyed stream would emit.
  function destroyer(stream, err) {
    if (!stream || S.isDestroyed(stream)) return;
    if (!err && !S.isFinished(stream)) err = new S.AbortError();
    if (typeof stream.destroy === 'function') stream.destroy(err);
    else if (typeof stream.close === 'function') stream.close();
    else if (err) nextTick(function () { stream.emit('error', err); });
    else nextTick(function () { stream.emit('close'); });
    if (!stream.destroyed) stream[S.kIsDestroyed] = true;
  }

  S.destroy = destroy;
  S.undestroy = undestroy;
  S.errorOrDestroy = errorOrDestroy;
  S.construct = construct;
  S.destroyer = destroyer;
})
