// IncomingMessage: a response, as a Readable whose chunks Go reads from the connection one _read at a
// time, so a slow reader holds the server back instead of filling memory. headers, headersDistinct,
// trailers and trailersDistinct are computed from the raw lines with Node's rules for duplicates.
(function (H) {
  'use strict';

  var Readable = H.stream.Readable;
  var kHeaders = Symbol('kHeaders');
  var kHeadersDistinct = Symbol('kHeadersDistinct');
  var kTrailers = Symbol('kTrailers');
  var kTrailersDistinct = Symbol('kTrailersDistinct');
  // The counts of raw lines the connection delivered: only those make headers and trailers, as in
  // Node, so rawHeaders assigned by hand do not.
  var kHeadersCount = H.kHeadersCount = Symbol('kHeadersCount');
  var kTrailersCount = H.kTrailersCount = Symbol('kTrailersCount');

  function IncomingMessage(socket) {
    if (!(this instanceof IncomingMessage)) return new IncomingMessage(socket);
    Readable.call(this);
    this._readableState.readingMore = true;
    this.socket = socket;
    this.httpVersionMajor = null;
    this.httpVersionMinor = null;
    this.httpVersion = null;
    this.complete = false;
    this.rawHeaders = [];
    this.rawTrailers = [];
    this.joinDuplicateHeaders = false;
    this.aborted = false;
    this.upgrade = null;
    this.url = '';
    this.method = null;
    this.statusCode = null;
    this.statusMessage = null;
    this.client = socket;
    this._consuming = false;
    this._dumped = false;
    this._handle = null; // the exchange, set by the request
    this[kHeaders] = null;
    this[kHeadersDistinct] = null;
    this[kTrailers] = null;
    this[kTrailersDistinct] = null;
    this[kHeadersCount] = 0;
    this[kTrailersCount] = 0;
  }
  Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
  Object.setPrototypeOf(IncomingMessage, Readable);

  Object.defineProperty(IncomingMessage.prototype, 'connection', {
    configurable: true, enumerable: true,
    get: function () { return this.socket; },
    set: function (v) { this.socket = v; },
  });

  function lazy(name, key, raw, count, distinct) {
    Object.defineProperty(IncomingMessage.prototype, name, {
      configurable: true, enumerable: true,
      get: function () {
        if (!this[key]) {
          var dest = {};
          var lines = this[raw];
          for (var i = 0; i + 1 < this[count]; i += 2) {
            if (distinct) addDistinct(lines[i], lines[i + 1], dest);
            else this._addHeaderLine(lines[i], lines[i + 1], dest);
          }
          this[key] = dest;
        }
        return this[key];
      },
      set: function (v) { this[key] = v; },
    });
  }
  lazy('headers', kHeaders, 'rawHeaders', kHeadersCount, false);
  lazy('headersDistinct', kHeadersDistinct, 'rawHeaders', kHeadersCount, true);
  lazy('trailers', kTrailers, 'rawTrailers', kTrailersCount, false);
  lazy('trailersDistinct', kTrailersDistinct, 'rawTrailers', kTrailersCount, true);

  // Fields whose duplicates Node drops, keeping the first.
  var single = {
    'content-type': 1, 'content-length': 1, 'user-agent': 1, referer: 1, host: 1, authorization: 1,
    'proxy-authorization': 1, 'if-modified-since': 1, 'if-unmodified-since': 1, from: 1, location: 1,
    'max-forwards': 1, 'retry-after': 1, etag: 1, 'last-modified': 1, server: 1, age: 1, expires: 1,
  };

  IncomingMessage.prototype._addHeaderLine = function _addHeaderLine(field, value, dest) {
    field = field.toLowerCase();
    if (field === 'set-cookie') {
      if (dest['set-cookie'] !== undefined) dest['set-cookie'].push(value);
      else dest['set-cookie'] = [value];
    } else if (single[field] === 1) {
      if (this.joinDuplicateHeaders && dest[field] !== undefined) dest[field] += ', ' + value;
      else if (dest[field] === undefined) dest[field] = value;
    } else if (typeof dest[field] === 'string') {
      dest[field] += (field === 'cookie' ? '; ' : ', ') + value;
    } else {
      dest[field] = value;
    }
  };

  function addDistinct(field, value, dest) {
    field = field.toLowerCase();
    if (!dest[field]) dest[field] = [value];
    else dest[field].push(value);
  }

  IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
    if (callback) this.on('timeout', callback);
    this.socket.setTimeout(msecs);
    return this;
  };

  IncomingMessage.prototype._read = function _read() {
    if (!this._consuming) {
      this._readableState.readingMore = false;
      this._consuming = true;
    }
    if (this._handle) this._handle.read();
  };

  // _destroy marks a response that did not arrive whole as aborted, and ends its connection.
  IncomingMessage.prototype._destroy = function _destroy(err, cb) {
    if (!this.readableEnded || !this.complete) {
      this.aborted = true;
      this.emit('aborted');
    }
    var self = this;
    if (this.socket && !this.socket.destroyed && this.aborted) {
      this.socket.destroy(err);
      H.nextTick(function () { H.nextTick(onError, self, err, cb); });
    } else {
      H.nextTick(onError, self, err, cb);
    }
  };

  function onError(self, error, cb) {
    // Node passes the error on only when someone listens for it.
    if (self.listenerCount('error') === 0) cb();
    else cb(error);
  }

  // _dump discards a response nobody reads, so its connection can be reused.
  IncomingMessage.prototype._dump = function _dump() {
    if (!this._dumped) {
      this._dumped = true;
      this.removeAllListeners('data');
      this.resume();
    }
  };

  H.IncomingMessage = IncomingMessage;
})
