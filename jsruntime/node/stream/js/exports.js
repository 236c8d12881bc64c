// The module objects: require('stream') is the legacy Stream constructor carrying everything else,
// as in Node, and require('stream/promises') holds the promise versions of pipeline and finished.
(function (S) {
  'use strict';

  var Stream = S.Stream;
  var promisifyCustom = Symbol.for('nodejs.util.promisify.custom');

  function destroy(stream, err) {
    S.destroyer(stream, err);
  }

  var promises = { finished: S.finishedPromise, pipeline: S.pipelinePromise };

  var members = {
    isDestroyed: S.isDestroyed,
    isDisturbed: S.isDisturbed,
    isErrored: S.isErrored,
    isReadable: S.isReadable,
    isWritable: S.isWritable,
    Readable: S.Readable,
    Writable: S.Writable,
    Duplex: S.Duplex,
    Transform: S.Transform,
    PassThrough: S.PassThrough,
    duplexPair: S.duplexPair,
    pipeline: S.pipeline,
    addAbortSignal: S.addAbortSignal,
    finished: S.eos,
    destroy: destroy,
    compose: S.compose,
    setDefaultHighWaterMark: S.setDefaultHighWaterMark,
    getDefaultHighWaterMark: S.getDefaultHighWaterMark,
  };
  Object.keys(members).forEach(function (name) {
    Stream[name] = members[name];
  });
  Object.defineProperty(Stream, 'promises', {
    get: function () { return promises; },
    enumerable: true,
    configurable: true,
  });
  // util.promisify(stream.pipeline) and util.promisify(stream.finished) give the promise versions.
  Object.defineProperty(S.pipeline, promisifyCustom, { get: function () { return promises.pipeline; }, enumerable: true });
  Object.defineProperty(S.eos, promisifyCustom, { get: function () { return promises.finished; }, enumerable: true });
  Stream.finished.finished = promises.finished;
  Stream.Stream = Stream;
  Stream._isArrayBufferView = function isArrayBufferView(value) { return ArrayBuffer.isView(value); };
  Stream._isUint8Array = function isUint8Array(value) { return value instanceof Uint8Array; };
  Stream._uint8ArrayToBuffer = function uint8ArrayToBuffer(chunk) {
    return S.Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  };

  S.exports = Stream;
  S.promises = promises;
})
