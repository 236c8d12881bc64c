// Socket stands for the connection of one request. net/http owns the real connection (and may reuse
// it for other requests), so this is an EventEmitter with the members clients touch: addresses once
// connected, an idle timeout that emits 'timeout', destroy() (which ends the request), and no-op
// setNoDelay/setKeepAlive/ref/unref. Like a net.Socket, it emits 'error' on the next tick after
// destroy(err) and 'close' after the I/O of that turn.
(function (H) {
  'use strict';

  var EventEmitter = H.EventEmitter;

  function Socket(options) {
    EventEmitter.call(this);
    this.connecting = true;
    this.destroyed = false;
    this.readable = true;
    this.writable = true;
    this.pending = true;
    this.encrypted = options.encrypted || undefined;
    this.authorized = false;
    this.authorizationError = undefined;
    this.remoteAddress = undefined;
    this.remotePort = undefined;
    this.remoteFamily = undefined;
    this.localAddress = undefined;
    this.localPort = undefined;
    this.bytesRead = 0;
    this.bytesWritten = 0;
    this.timeout = 0;
    this._httpMessage = null;
    this._hadError = false;
    this._timer = null;
    this._servername = options.servername;
    this._onDestroy = null; // set by the request: ends its exchange
    this._tls = null;
  }
  Object.setPrototypeOf(Socket.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(Socket, EventEmitter);

  // setTimeout arms an idle timer, reset by traffic, that emits 'timeout' (0 disarms it).
  Socket.prototype.setTimeout = function setTimeout(msecs, callback) {
    msecs = H.getTimerDuration(msecs, 'msecs');
    this.timeout = msecs;
    if (callback) {
      if (msecs === 0) this.removeListener('timeout', callback);
      else this.once('timeout', callback);
    }
    this._arm();
    return this;
  };

  Socket.prototype._arm = function () {
    if (this._timer) H.clearTimeout(this._timer);
    this._timer = null;
    if (this.timeout > 0 && !this.destroyed) {
      var self = this;
      this._timer = H.setTimeout(function () {
        self._timer = null;
        self.emit('timeout');
      }, this.timeout);
    }
  };

  // _activity records traffic: it restarts the idle timer.
  Socket.prototype._activity = function (read, written) {
    this.bytesRead += read;
    this.bytesWritten += written;
    if (this._timer) this._arm();
  };

  Socket.prototype._connected = function (info) {
    this.connecting = false;
    this.pending = false;
    this.remoteAddress = info.remoteAddress;
    this.remotePort = info.remotePort;
    this.remoteFamily = info.remoteFamily;
    this.localAddress = info.localAddress;
    this.localPort = info.localPort;
    if (this.encrypted) {
      this.authorized = info.authorized;
      this.authorizationError = info.authorizationError;
      this._tls = info.tls;
      this.alpnProtocol = false;
    }
    if (!info.reused) {
      this.emit('connect');
      if (this.encrypted) this.emit('secureConnect');
    }
  };

  Socket.prototype.setNoDelay = function setNoDelay() { return this; };
  Socket.prototype.setKeepAlive = function setKeepAlive() { return this; };
  Socket.prototype.ref = function ref() { return this; };
  Socket.prototype.unref = function unref() { return this; };
  Socket.prototype.address = function address() {
    if (this.localAddress === undefined) return {};
    return { address: this.localAddress, family: this.remoteFamily, port: this.localPort };
  };

  Socket.prototype.getProtocol = function getProtocol() { return this._tls ? this._tls.protocol : null; };
  Socket.prototype.getPeerCertificate = function getPeerCertificate() {
    return this._tls && this._tls.peerCertificate ? this._tls.peerCertificate : {};
  };

  Socket.prototype.destroy = function destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    this.connecting = false;
    this.readable = false;
    this.writable = false;
    if (this._timer) H.clearTimeout(this._timer);
    this._timer = null;
    if (this._onDestroy) this._onDestroy();
    var self = this;
    if (err) H.nextTick(function () { self.emit('error', err); });
    H.later(function () { self.emit('close', !!err); });
    return this;
  };

  Socket.prototype.end = function end() { return this.destroy(); };
  Socket.prototype.destroySoon = function destroySoon() { return this.destroy(); };

  H.Socket = Socket;
})
