// stream.compose and stream.duplexPair, as Node 20 has them. compose joins streams (node or web, or
// functions Duplex.from takes) into one Duplex that writes into the first and reads from the last,
// piping them together; duplexPair makes two Duplexes, each reading what the other is written.
(function (S) {
  'use strict';

  var Duplex = S.Duplex;
  var errors = S.errors;
  var nextTick = S.nextTick;

  function isWebStream(v) { return S.isReadableStream(v) || S.isWritableStream(v) || S.isTransformStream(v); }

  function compose() {
    var streams = Array.prototype.slice.call(arguments);
    if (streams.length === 0) throw errors.missingArgs('streams');
    if (streams.length === 1) return Duplex.from(streams[0]);
    var orgStreams = streams.slice();
    if (typeof streams[0] === 'function') streams[0] = Duplex.from(streams[0]);
    if (typeof streams[streams.length - 1] === 'function') streams[streams.length - 1] = Duplex.from(streams[streams.length - 1]);
    for (var n = 0; n < streams.length; ++n) {
      if (!S.isNodeStream(streams[n]) && !isWebStream(streams[n])) continue;
      if (n < streams.length - 1 && !(S.isReadable(streams[n]) || S.isReadableStream(streams[n]) || S.isTransformStream(streams[n]))) {
        throw errors.argValue('streams[' + n + ']', orgStreams[n], 'must be readable');
      }
      if (n > 0 && !(S.isWritable(streams[n]) || S.isWritableStream(streams[n]) || S.isTransformStream(streams[n]))) {
        throw errors.argValue('streams[' + n + ']', orgStreams[n], 'must be writable');
      }
    }

    // Web streams join as the node streams their adapters make.
    streams = streams.map(function (s) {
      if (S.isTransformStream(s)) return Duplex.fromWeb(s);
      if (S.isReadableStream(s)) return S.Readable.fromWeb(s);
      if (S.isWritableStream(s)) return S.Writable.fromWeb(s);
      return s;
    });

    // Initialised explicitly: in a function that reads arguments, goja can leave a closure's var
    // declared without a value holding one of the arguments.
    var relay = new S.Relay(), onclose = undefined, d = undefined;

    function onfinished(err) {
      var cb = onclose;
      onclose = null;
      if (cb) cb(err);
      else if (err) d.destroy(err);
      else if (!readable && !writable) d.destroy();
    }

    var head = streams[0];
    var tail = S.pipeline(streams, onfinished);
    var writable = !!S.isWritable(head);
    var readable = !!S.isReadable(tail);

    d = new Duplex({
      writableObjectMode: !!(head && head.writableObjectMode),
      readableObjectMode: !!(tail && tail.readableObjectMode),
      writable: writable,
      readable: readable,
    });

    if (writable) {
      if (S.isNodeStream(head)) S.relayWrites(d, head, relay);
      S.eos(tail, function () { relay.call('finish'); });
    }

    if (readable && S.isNodeStream(tail)) S.relayReads(d, tail, relay);

    d._destroy = function (err, callback) {
      if (!err && onclose !== null) err = new S.AbortError();
      relay.clear();
      if (S.isNodeStream(tail)) S.destroyer(tail, err);
      if (onclose === null) callback(err);
      else onclose = callback;
    };
    return d;
  }

  // DuplexSide is one end of a duplexPair: what is written to it is pushed to the other end, whose
  // reading lets the write complete.
  var kCallback = Symbol('Callback');
  // The other side is private, as Node keeps it, so that inspecting a side does not show the pair.
  var otherSide = new WeakMap();

  function DuplexSide(options) {
    Duplex.call(this, options);
    this[kCallback] = null;
  }
  Object.setPrototypeOf(DuplexSide.prototype, Duplex.prototype);
  Object.setPrototypeOf(DuplexSide, Duplex);

  DuplexSide.prototype._read = function () {
    var callback = this[kCallback];
    if (callback) {
      this[kCallback] = null;
      callback();
    }
  };

  DuplexSide.prototype._write = function (chunk, encoding, callback) {
    if (chunk.length === 0) {
      nextTick(callback);
    } else {
      var other = otherSide.get(this);
      other.push(chunk);
      other[kCallback] = callback;
    }
  };

  DuplexSide.prototype._final = function (callback) {
    var other = otherSide.get(this);
    other.on('end', callback);
    other.push(null);
  };

  function duplexPair(options) {
    var side0 = new DuplexSide(options);
    var side1 = new DuplexSide(options);
    otherSide.set(side0, side1);
    otherSide.set(side1, side0);
    return [side0, side1];
  }

  S.compose = compose;
  S.duplexPair = duplexPair;
})
