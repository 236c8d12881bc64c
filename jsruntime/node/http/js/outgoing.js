// OutgoingMessage: the header store and write side ClientRequest builds on. It is a Writable from
// the stream module (Node's is a legacy Stream with its own buffering): write, end, cork, 'drain' and
// 'finish' are Writable's, while end() first records the body length the way Node's does, so a body
// given whole to end() is sent with a Content-Length.
(function (H) {
  'use strict';

  var Writable = H.stream.Writable;
  var Buffer = H.Buffer;
  var errors = H.errors;
  var kOutHeaders = H.kOutHeaders = Symbol('kOutHeaders');

  function OutgoingMessage(options) {
    if (!(this instanceof OutgoingMessage)) return new OutgoingMessage(options);
    // 'close' and the end of the request belong to the exchange, not to Writable's bookkeeping.
    Writable.call(this, { highWaterMark: options && options.highWaterMark || 16384, emitClose: false, autoDestroy: false });
    this[kOutHeaders] = null;
    this._header = null;
    this._headerSent = false;
    this._contentLength = null;
    this._closed = false;
    this.finished = false;
    this.chunkedEncoding = false;
    this.useChunkedEncodingByDefault = true;
    this.sendDate = false;
    this.shouldKeepAlive = true;
    this.maxRequestsOnConnectionReached = false;
    this.strictContentLength = false;
    this.socket = null;
  }
  Object.setPrototypeOf(OutgoingMessage.prototype, Writable.prototype);
  Object.setPrototypeOf(OutgoingMessage, Writable);

  Object.defineProperty(OutgoingMessage.prototype, 'headersSent', {
    configurable: true, enumerable: true, get: function () { return !!this._header; },
  });
  Object.defineProperty(OutgoingMessage.prototype, 'connection', {
    configurable: true, enumerable: true,
    get: function () { return this.socket; },
    set: function (v) { this.socket = v; },
  });
  Object.defineProperty(OutgoingMessage.prototype, 'writableObjectMode', {
    configurable: true, enumerable: true, get: function () { return false; },
  });

  OutgoingMessage.prototype.setHeader = function setHeader(name, value) {
    if (this._header) throw errors.headersSent('set');
    H.validateHeaderName(name);
    H.validateHeaderValue(name, value);
    var headers = this[kOutHeaders];
    if (headers === null) this[kOutHeaders] = headers = Object.create(null);
    headers[name.toLowerCase()] = [name, value];
    return this;
  };

  OutgoingMessage.prototype.appendHeader = function appendHeader(name, value) {
    if (this._header) throw errors.headersSent('append');
    H.validateHeaderName(name);
    H.validateHeaderValue(name, value);
    var field = name.toLowerCase();
    var headers = this[kOutHeaders];
    if (headers === null || !headers[field]) return this.setHeader(name, value);
    var existing = headers[field][1];
    if (!Array.isArray(existing)) existing = headers[field][1] = [existing];
    if (Array.isArray(value)) Array.prototype.push.apply(existing, value);
    else existing.push(value);
    return this;
  };

  function validateName(name) {
    if (typeof name !== 'string') throw errors.argType('name', 'of type string', name);
  }

  OutgoingMessage.prototype.getHeader = function getHeader(name) {
    validateName(name);
    var headers = this[kOutHeaders];
    if (headers === null) return undefined;
    var entry = headers[name.toLowerCase()];
    return entry && entry[1];
  };

  OutgoingMessage.prototype.getHeaderNames = function getHeaderNames() {
    return this[kOutHeaders] !== null ? Object.keys(this[kOutHeaders]) : [];
  };

  OutgoingMessage.prototype.getRawHeaderNames = function getRawHeaderNames() {
    var headers = this[kOutHeaders];
    if (headers === null) return [];
    return Object.keys(headers).map(function (k) { return headers[k][0]; });
  };

  OutgoingMessage.prototype.getHeaders = function getHeaders() {
    var headers = this[kOutHeaders];
    var ret = Object.create(null);
    if (headers) {
      for (var key in headers) ret[key] = headers[key][1];
    }
    return ret;
  };

  OutgoingMessage.prototype.hasHeader = function hasHeader(name) {
    validateName(name);
    return this[kOutHeaders] !== null && !!this[kOutHeaders][name.toLowerCase()];
  };

  OutgoingMessage.prototype.removeHeader = function removeHeader(name) {
    validateName(name);
    if (this._header) throw errors.headersSent('remove');
    if (this[kOutHeaders] !== null) delete this[kOutHeaders][name.toLowerCase()];
  };

  // headerPairs flattens the stored headers into [name, value, ...], an array value giving one line
  // per element, as Node writes them.
  OutgoingMessage.prototype._headerPairs = function _headerPairs() {
    var out = [];
    var headers = this[kOutHeaders];
    if (headers === null) return out;
    for (var key in headers) {
      var entry = headers[key];
      if (Array.isArray(entry[1])) {
        for (var i = 0; i < entry[1].length; i++) out.push(entry[0], String(entry[1][i]));
      } else {
        out.push(entry[0], String(entry[1]));
      }
    }
    return out;
  };

  OutgoingMessage.prototype.write = function write(chunk, encoding, cb) {
    if (!this._header && chunk != null && !this.destroyed) {
      this._contentLength = null;
      this._implicitHeader();
    }
    return Writable.prototype.write.call(this, chunk, encoding, cb);
  };

  OutgoingMessage.prototype.end = function end(chunk, encoding, cb) {
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = null;
      encoding = null;
    } else if (typeof encoding === 'function') {
      cb = encoding;
      encoding = null;
    }
    if (this.finished) {
      if (typeof cb === 'function') {
        if (!this.writableFinished) this.on('finish', cb);
        else cb(errors.alreadyFinished('end'));
      }
      return this;
    }
    if (!this._header && !this.destroyed) {
      if (chunk == null) this._contentLength = 0;
      else if (typeof chunk === 'string') this._contentLength = Buffer.byteLength(chunk, encoding || 'utf8');
      else if (chunk && typeof chunk.byteLength === 'number') this._contentLength = chunk.byteLength;
      this._implicitHeader();
    }
    this.finished = true;
    Writable.prototype.end.call(this, chunk, encoding, cb);
    return this;
  };

  OutgoingMessage.prototype.flushHeaders = function flushHeaders() {
    if (!this._header) this._implicitHeader();
    this._flushHeaders();
  };

  OutgoingMessage.prototype._flushHeaders = function () {};

  OutgoingMessage.prototype._implicitHeader = function _implicitHeader() {
    throw H.natives.error('Error', 'ERR_METHOD_NOT_IMPLEMENTED', 'The _implicitHeader() method is not implemented');
  };

  OutgoingMessage.prototype.addTrailers = function addTrailers() {
    throw errors.notSupported('OutgoingMessage.addTrailers');
  };

  OutgoingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
    if (callback) this.on('timeout', callback);
    if (this.socket) this.socket.setTimeout(msecs);
    else this.once('socket', function (socket) { socket.setTimeout(msecs); });
    return this;
  };

  H.OutgoingMessage = OutgoingMessage;
})
