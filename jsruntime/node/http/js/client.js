// ClientRequest: Node's request object over a Go exchange. The constructor follows Node's
// (_http_client.js): it checks and normalises the options, stores the headers and asks the agent for
// a socket. The exchange starts once the headers are final (first write, end or flushHeaders) and
// the socket is assigned: Go dials, sends the headers and streams the body as it is written;
// responses and failures come back through the sink, and the events follow Node's order ('socket',
// 'finish', 'response', the response's 'end', 'close').
(function (H, natives) {
  'use strict';

  var OutgoingMessage = H.OutgoingMessage;
  var IncomingMessage = H.IncomingMessage;
  var Buffer = H.Buffer;
  var errors = H.errors;
  var INVALID_PATH_REGEX = /[^\u0021-\u00ff]/;
  var kError = Symbol('kError');
  var kConnected = Symbol('kConnected');

  function validateHost(host, name) {
    if (host !== null && host !== undefined && typeof host !== 'string') {
      throw errors.argType('options.' + name, 'of type string or one of undefined or null', host);
    }
    return host;
  }

  function isURL(v) {
    return v != null && typeof v === 'object' && typeof v.href === 'string' && typeof v.protocol === 'string' &&
      v.searchParams != null && typeof v.searchParams.get === 'function';
  }

  // urlToHttpOptions is Node's url.urlToHttpOptions.
  function urlToHttpOptions(url) {
    var hostname = url.hostname;
    var options = Object.assign({}, url, {
      protocol: url.protocol,
      hostname: typeof hostname === 'string' && hostname.charAt(0) === '[' ? hostname.slice(1, -1) : hostname,
      hash: url.hash,
      search: url.search,
      pathname: url.pathname,
      path: (url.pathname || '') + (url.search || ''),
      href: url.href,
    });
    if (url.port !== '') options.port = Number(url.port);
    if (url.username || url.password) {
      options.auth = decodeURIComponent(url.username) + ':' + decodeURIComponent(url.password);
    }
    return options;
  }
  H.urlToHttpOptions = urlToHttpOptions;

  var bodylessMethods = { GET: 1, HEAD: 1, DELETE: 1, OPTIONS: 1, TRACE: 1, CONNECT: 1 };

  function ClientRequest(input, options, cb) {
    if (!(this instanceof ClientRequest)) return new ClientRequest(input, options, cb);
    OutgoingMessage.call(this);

    if (typeof input === 'string') {
      input = urlToHttpOptions(new URL(input));
    } else if (isURL(input)) {
      input = urlToHttpOptions(input);
    } else {
      cb = options;
      options = input;
      input = null;
    }
    if (typeof options === 'function') {
      cb = options;
      options = input || {};
    } else {
      options = Object.assign(input || {}, options);
    }

    var agent = options.agent;
    var defaultAgent = options._defaultAgent || H.globalAgent;
    if (agent === false) {
      agent = new defaultAgent.constructor();
    } else if (agent === null || agent === undefined) {
      if (typeof options.createConnection === 'function') throw errors.notSupported('http.request with options.createConnection');
      agent = defaultAgent;
    } else if (typeof agent.addRequest !== 'function') {
      throw errors.argType('options.agent', 'one of Agent-like Object, undefined, or false', agent);
    }
    this.agent = agent;

    var protocol = options.protocol || defaultAgent.protocol;
    var expectedProtocol = defaultAgent.protocol;
    if (this.agent && this.agent.protocol) expectedProtocol = this.agent.protocol;

    if (options.path) {
      if (INVALID_PATH_REGEX.test(String(options.path))) throw errors.unescaped('Request path');
    }
    if (protocol !== expectedProtocol) throw errors.invalidProtocol(protocol, expectedProtocol);

    var defaultPort = options.defaultPort || (this.agent && this.agent.defaultPort);
    var port = options.port = options.port || defaultPort || 80;
    var host = options.host = validateHost(options.hostname, 'hostname') || validateHost(options.host, 'host') || 'localhost';
    var setHost = options.setHost === undefined || Boolean(options.setHost);

    this.socketPath = options.socketPath;
    if (options.timeout !== undefined) this.timeout = H.getTimerDuration(options.timeout, 'timeout');
    if (options.signal) listenAbortSignal(this, options.signal);

    var method = options.method;
    var methodIsString = typeof method === 'string';
    if (method !== null && method !== undefined && !methodIsString) {
      throw errors.argType('options.method', 'of type string', method);
    }
    if (methodIsString && method) {
      if (!H.checkIsHttpToken(method)) throw errors.invalidToken('Method', method);
      method = this.method = method.toUpperCase();
    } else {
      method = this.method = 'GET';
    }

    var maxHeaderSize = options.maxHeaderSize;
    if (maxHeaderSize !== undefined) {
      if (typeof maxHeaderSize !== 'number') throw errors.argType('maxHeaderSize', 'of type number', maxHeaderSize);
      if (!Number.isInteger(maxHeaderSize)) throw errors.outOfRange('maxHeaderSize', 'an integer', maxHeaderSize);
      if (maxHeaderSize < 0 || maxHeaderSize > Number.MAX_SAFE_INTEGER) {
        throw errors.outOfRange('maxHeaderSize', '>= 0 && <= ' + Number.MAX_SAFE_INTEGER, maxHeaderSize);
      }
    }
    this.maxHeaderSize = maxHeaderSize;
    var insecureHTTPParser = options.insecureHTTPParser;
    if (insecureHTTPParser !== undefined && typeof insecureHTTPParser !== 'boolean') {
      throw errors.argType('options.insecureHTTPParser', 'of type boolean', insecureHTTPParser);
    }
    this.insecureHTTPParser = insecureHTTPParser;

    this.path = options.path || '/';
    if (cb) this.once('response', cb);

    this.useChunkedEncodingByDefault = !bodylessMethods[method];
    this._ended = false;
    this.res = null;
    this.aborted = false;
    this.timeoutCb = null;
    this.upgradeOrConnect = false;
    this.parser = null;
    this.maxHeadersCount = null;
    this.reusedSocket = false;
    this.host = host;
    this.protocol = protocol;
    this._port = port;
    this._handle = null;     // the Go exchange, once started
    this._arrayHeaders = null;
    this._bodyMode = null;   // 'none', 'length', 'chunked' or 'buffer' once the headers are final
    this._buffered = null;   // the body of a 'buffer' request
    this._pendingWrite = null;
    this._finalCb = null;
    this._finalCalled = false;
    this._wrote = false;

    if (this.agent) {
      // Node sends Connection: keep-alive only when the agent may reuse the connection.
      this.shouldKeepAlive = !(!this.agent.keepAlive && !isFinite(this.agent.maxSockets));
      this._last = !this.shouldKeepAlive;
    }

    if (!Array.isArray(options.headers)) {
      if (options.headers) {
        var keys = Object.keys(options.headers);
        for (var i = 0; i < keys.length; i++) this.setHeader(keys[i], options.headers[keys[i]]);
      }
      if (host && !this.getHeader('host') && setHost) {
        var hostHeader = host;
        var hostHeaderPort = port;
        if (this.path.charAt(0) !== '/') {
          // An absolute-form target (a request through a proxy) names the host to put in Host.
          var proxyURL = new URL(/^[^:]+:\/\//.test(this.path) ? this.path : 'http://' + this.path);
          hostHeader = proxyURL.hostname;
          hostHeaderPort = proxyURL.port || (proxyURL.protocol === 'https:' ? '443' : '80');
        }
        var posColon = hostHeader.indexOf(':');
        if (posColon !== -1 && hostHeader.indexOf(':', posColon + 1) !== -1 && hostHeader.charCodeAt(0) !== 91) {
          hostHeader = '[' + hostHeader + ']';
        }
        if (hostHeaderPort && +hostHeaderPort !== defaultPort) hostHeader += ':' + hostHeaderPort;
        this.setHeader('Host', hostHeader);
      }
      if (options.auth && !this.getHeader('Authorization')) {
        this.setHeader('Authorization', 'Basic ' + Buffer.from(options.auth).toString('base64'));
      }
      if (this.getHeader('expect')) this._implicitHeader();
    } else {
      this._arrayHeaders = flattenHeaderArray(options.headers);
      this._implicitHeader();
    }

    var opts = options;
    if (opts.signal) {
      opts = Object.assign({}, options);
      delete opts.signal;
    }
    this.agent.addRequest(this, opts);
  }
  Object.setPrototypeOf(ClientRequest.prototype, OutgoingMessage.prototype);
  Object.setPrototypeOf(ClientRequest, OutgoingMessage);

  // listenAbortSignal destroys req with an AbortError when signal aborts, until req closes.
  function listenAbortSignal(req, signal) {
    if (typeof signal !== 'object' || !('aborted' in signal)) throw errors.argType('signal', 'an instance of AbortSignal', signal);
    function onAbort() {
      req.destroy(new H.AbortError(undefined, { cause: signal.reason }));
    }
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort);
    req.once('close', function () { signal.removeEventListener('abort', onAbort); });
  }

  function flattenHeaderArray(headers) {
    var out = [];
    if (headers.length && Array.isArray(headers[0])) {
      for (var i = 0; i < headers.length; i++) out.push(headers[i][0], headers[i][1]);
    } else {
      if (headers.length % 2 !== 0) throw natives.argValue('headers', headers, '');
      out = headers.slice();
    }
    for (var j = 0; j < out.length; j += 2) {
      H.validateHeaderName(out[j]);
      H.validateHeaderValue(out[j], out[j + 1]);
      out[j + 1] = String(out[j + 1]);
    }
    return out;
  }

  // headerLines is every header line the request sends, as [name, value, ...].
  ClientRequest.prototype._headerLines = function () {
    return this._arrayHeaders ? this._arrayHeaders.slice() : this._headerPairs();
  };

  function findHeader(lines, name) {
    for (var i = 0; i < lines.length; i += 2) {
      if (lines[i].toLowerCase() === name) return lines[i + 1];
    }
    return undefined;
  }

  // _implicitHeader makes the headers final: _header holds them as Node would write them, and the
  // body's framing is decided.
  ClientRequest.prototype._implicitHeader = function _implicitHeader() {
    if (this._header) throw errors.headersSent('render');
    var lines = this._headerLines();
    var text = this.method + ' ' + this.path + ' HTTP/1.1\r\n';
    for (var i = 0; i < lines.length; i += 2) text += lines[i] + ': ' + lines[i + 1] + '\r\n';
    if (findHeader(lines, 'connection') === undefined) {
      text += this.shouldKeepAlive ? 'Connection: keep-alive\r\n' : 'Connection: close\r\n';
    }
    var te = findHeader(lines, 'transfer-encoding');
    var cl = findHeader(lines, 'content-length');
    if (te !== undefined && /(?:^|\W)chunked(?:$|\W)/i.test(te)) {
      this._bodyMode = 'chunked';
    } else if (cl !== undefined) {
      this._bodyMode = 'length';
    } else if (this._contentLength === 0) {
      this._bodyMode = 'none';
    } else if (typeof this._contentLength === 'number') {
      this._bodyMode = 'length';
      if (this.useChunkedEncodingByDefault) text += 'Content-Length: ' + this._contentLength + '\r\n';
    } else if (this.useChunkedEncodingByDefault) {
      this._bodyMode = 'chunked';
      this.chunkedEncoding = true;
      text += 'Transfer-Encoding: chunked\r\n';
    } else {
      // A GET or similar whose body comes in parts: it is gathered and sent with its length.
      this._bodyMode = 'buffer';
      this._buffered = [];
    }
    this._header = text + '\r\n';
    this._maybeStart();
  };

  ClientRequest.prototype._flushHeaders = function () { this._maybeStart(); };

  ClientRequest.prototype._maybeStart = function () {
    if (this._handle || !this._header || !this.socket || this.destroyed) return;
    if (this._bodyMode === 'buffer' && !this._finalCalled) return;
    var socket = this.socket;
    var opts = socket._options;
    var ca = opts.ca;
    if (ca !== undefined && !Array.isArray(ca)) ca = [ca];
    var spec = {
      protocol: this.protocol,
      host: this.host,
      port: String(this._port),
      path: this.path,
      method: this.method,
      headers: this._headerLines(),
      contentLength: this._bodyMode === 'none' ? 0 : this._bodyMode === 'length' ? lengthOf(this) : -1,
      keepAlive: this.shouldKeepAlive,
      socketPath: this.socketPath || '',
      family: opts.family === 4 || opts.family === 6 ? opts.family : 0,
      localAddress: typeof opts.localAddress === 'string' ? opts.localAddress : '',
      maxHeaderSize: this.maxHeaderSize === undefined ? H.maxHeaderSize : this.maxHeaderSize,
      rejectUnauthorized: opts.rejectUnauthorized !== false,
      servername: opts.servername || '',
      ca: ca === undefined ? [] : ca.map(String),
      cert: opts.cert === undefined ? '' : String(opts.cert),
      key: opts.key === undefined ? '' : String(opts.key),
    };
    this._handle = natives.open(H.transportOf(this.agent), spec, sinkFor(this));
    if (this._pendingWrite) {
      var w = this._pendingWrite;
      this._pendingWrite = null;
      this._send(w[0], w[1]);
    }
    if (this._finalCalled) this._handle.end();
  };

  function lengthOf(req) {
    var cl = findHeader(req._headerLines(), 'content-length');
    if (cl !== undefined) return Number(cl);
    return req._contentLength;
  }

  ClientRequest.prototype._write = function _write(chunk, encoding, cb) {
    if (this._bodyMode === 'buffer') {
      this._buffered.push(chunk);
      cb();
    } else if (!this._handle) {
      this._pendingWrite = [chunk, cb];
    } else {
      this._send(chunk, cb);
    }
  };

  ClientRequest.prototype._send = function (chunk, cb) {
    var socket = this.socket;
    this._handle.write(chunk, function (err) {
      socket._activity(0, chunk.length);
      cb(err || undefined);
    });
  };

  ClientRequest.prototype._final = function _final(cb) {
    this._finalCalled = true;
    if (this._wrote) {
      cb();
      return;
    }
    this._finalCb = cb;
    if (this._bodyMode === 'buffer') {
      var body = Buffer.concat(this._buffered);
      this._buffered = null;
      this._bodyMode = body.length ? 'length' : 'none';
      this._contentLength = body.length;
      if (body.length) this._pendingWrite = [body, function () {}];
      this._maybeStart();
    } else if (this._handle) {
      this._handle.end();
    }
  };

  // sinkFor is what the Go exchange calls back, on the loop, as things happen.
  function sinkFor(req) {
    return {
      connect: function (info) {
        if (req.reusedSocket !== true) req.reusedSocket = info.reused;
        req.socket._connected(info);
        req.socket.emit(kConnected);
      },
      wrote: function () {
        req._wrote = true;
        var cb = req._finalCb;
        req._finalCb = null;
        if (cb) cb();
      },
      information: function (info) {
        if (info.statusCode === 100) req.emit('continue');
        req.emit('information', info);
      },
      response: function (info) { onResponse(req, info); },
      data: function (chunk) {
        var res = req.res;
        if (req.socket) req.socket._activity(chunk.length, 0);
        if (res && !res.destroyed) res.push(chunk);
      },
      end: function (rawTrailers) {
        var res = req.res;
        if (!res || res.destroyed) return;
        res.rawTrailers = rawTrailers;
        res[H.kTrailersCount] = rawTrailers.length;
        res.complete = true;
        res.push(null);
      },
      error: function (err) {
        if (req.socket) req.socket.destroy(err || undefined);
      },
    };
  }

  function onResponse(req, info) {
    var socket = req.socket;
    if (!socket || socket.destroyed) return;
    var res = new IncomingMessage(socket);
    res._handle = req._handle;
    res.httpVersionMajor = info.major;
    res.httpVersionMinor = info.minor;
    res.httpVersion = info.major + '.' + info.minor;
    res.statusCode = info.statusCode;
    res.statusMessage = info.statusMessage;
    res.rawHeaders = info.rawHeaders;
    res[H.kHeadersCount] = info.rawHeaders.length;
    socket._activity(0, 0);
    if (!info.keepAlive) req.shouldKeepAlive = false;
    req.res = res;
    res.req = req;
    res.on('end', responseOnEnd);
    req.on('prefinish', requestOnPrefinish);
    socket.on('timeout', responseOnTimeout);
    if (req.aborted || !req.emit('response', res)) res._dump();
  }

  function responseOnEnd() {
    var req = this.req;
    var socket = req.socket;
    if (socket) {
      if (req.timeoutCb) socket.removeListener('timeout', emitRequestTimeout);
      socket.removeListener('timeout', responseOnTimeout);
    }
    req._ended = true;
    if (!req.shouldKeepAlive) {
      if (socket.writable) socket.destroySoon();
    } else if (req.finished && !this.aborted) {
      responseKeepAlive(req);
    }
  }

  function responseOnTimeout() {
    var req = this._httpMessage;
    if (req && req.res) req.res.emit('timeout');
  }

  function requestOnPrefinish() {
    if (this.shouldKeepAlive && this._ended) responseKeepAlive(this);
  }

  // responseKeepAlive finishes a request whose connection stays open for the next one: it closes
  // on the next tick and lets go of the socket.
  function responseKeepAlive(req) {
    var socket = req.socket;
    if (req.timeoutCb) {
      socket.setTimeout(0, req.timeoutCb);
      req.timeoutCb = null;
    }
    socket.removeListener('close', socketCloseListener);
    socket.removeListener('error', socketErrorListener);
    H.nextTick(emitFreeNT, req);
    req.destroyed = true;
    if (req.res) req.res.socket = null;
  }

  function emitFreeNT(req) {
    req._closed = true;
    req.emit('close');
    var socket = req.socket;
    if (socket) {
      socket.setTimeout(0);
      socket._httpMessage = null;
      socket.emit('free');
    }
  }

  function socketCloseListener() {
    var socket = this;
    var req = socket._httpMessage;
    if (!req) return;
    var res = req.res;
    req.destroyed = true;
    if (res) {
      if (!res.complete) res.destroy(H.connResetException('aborted'));
      req._closed = true;
      req.emit('close');
      if (!res.aborted && res.readable) res.push(null);
    } else {
      if (!socket._hadError) {
        socket._hadError = true;
        req.emit('error', H.connResetException('socket hang up'));
      }
      req._closed = true;
      req.emit('close');
    }
  }

  function socketErrorListener(err) {
    var req = this._httpMessage;
    if (req) {
      this._hadError = true;
      req.emit('error', err);
    }
  }

  function emitRequestTimeout() {
    var req = this._httpMessage;
    if (req) req.emit('timeout');
  }

  function listenSocketTimeout(req) {
    if (req.timeoutCb) return;
    req.timeoutCb = emitRequestTimeout;
    if (req.socket) req.socket.once('timeout', emitRequestTimeout);
    else req.on('socket', function (socket) { socket.once('timeout', emitRequestTimeout); });
  }

  ClientRequest.prototype.onSocket = function onSocket(socket, err) {
    if (!err && socket && !(socket instanceof H.Socket)) {
      err = errors.notSupported('http.request over a socket made by a custom agent');
      socket = null;
    }
    H.nextTick(onSocketNT, this, socket, err);
  };

  function onSocketNT(req, socket, err) {
    if (req.destroyed || err) {
      req.destroyed = true;
      if (socket) socket.destroy();
      if (!req.aborted && !err && !req[kError]) err = H.connResetException('socket hang up');
      err = err || req[kError];
      if (err) req.emit('error', err);
      req._closed = true;
      req.emit('close');
      return;
    }
    req.socket = socket;
    socket._httpMessage = req;
    socket._onDestroy = function () { if (req._handle) req._handle.abort(); };
    socket.on('error', socketErrorListener);
    socket.on('close', socketCloseListener);
    if (req.timeout !== undefined || (req.agent && req.agent.options && req.agent.options.timeout)) {
      listenSocketTimeout(req);
    }
    req.emit('socket', socket);
    req._maybeStart();
  }

  ClientRequest.prototype.abort = function abort() {
    if (this.aborted) return;
    this.aborted = true;
    H.nextTick(emitAbortNT, this);
    this.destroy();
  };

  function emitAbortNT(req) { req.emit('abort'); }

  ClientRequest.prototype.destroy = function destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    if (this.res) this.res._dump();
    this[kError] = err;
    if (this.socket) this.socket.destroy(err);
    return this;
  };

  ClientRequest.prototype.setTimeout = function setTimeout(msecs, callback) {
    if (this._ended) return this;
    listenSocketTimeout(this);
    msecs = H.getTimerDuration(msecs, 'msecs');
    if (callback) this.once('timeout', callback);
    if (this.socket) setSocketTimeout(this.socket, msecs);
    else this.once('socket', function (sock) { setSocketTimeout(sock, msecs); });
    return this;
  };

  // setSocketTimeout starts the idle timer once the connection is up, as Node does.
  function setSocketTimeout(sock, msecs) {
    if (sock.connecting) sock.once(kConnected, function () { sock.setTimeout(msecs); });
    else sock.setTimeout(msecs);
  }

  ClientRequest.prototype.setNoDelay = function setNoDelay(noDelay) {
    if (this.socket) this.socket.setNoDelay(noDelay);
  };
  ClientRequest.prototype.setSocketKeepAlive = function setSocketKeepAlive(enable, initialDelay) {
    if (this.socket) this.socket.setKeepAlive(enable, initialDelay);
  };
  ClientRequest.prototype.clearTimeout = function clearTimeout(cb) {
    this.setTimeout(0, cb);
  };

  H.ClientRequest = ClientRequest;
})
