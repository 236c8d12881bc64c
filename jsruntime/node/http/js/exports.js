// The exports of 'http'. The server side is present, so code that only names it loads, and throws
// ERR_NOT_SUPPORTED_IN_PLUGINHOST when used: a plugin serves through the host's router.
(function (H) {
  'use strict';

  var ClientRequest = H.ClientRequest;

  H.unsupported = unsupported;
  function unsupported(name) {
    var fn = function () { throw H.errors.notSupported(name); };
    Object.defineProperty(fn, 'name', { value: name.split('.').pop() });
    return fn;
  }

  function request(url, options, cb) {
    return new ClientRequest(url, options, cb);
  }

  function get(url, options, cb) {
    var req = request(url, options, cb);
    req.end();
    return req;
  }

  var http = H.httpExports;
  http._connectionListener = unsupported('http._connectionListener');
  http.METHODS = H.METHODS.slice();
  http.STATUS_CODES = H.STATUS_CODES;
  http.Agent = H.Agent;
  http.ClientRequest = ClientRequest;
  http.IncomingMessage = H.IncomingMessage;
  http.OutgoingMessage = H.OutgoingMessage;
  http.Server = unsupported('http.Server');
  http.ServerResponse = unsupported('http.ServerResponse');
  http.createServer = unsupported('http.createServer');
  http.validateHeaderName = function validateHeaderName(name, label) { H.validateHeaderName(name, label); };
  http.validateHeaderValue = function validateHeaderValue(name, value) { H.validateHeaderValue(name, value); };
  http.get = get;
  http.request = request;
  http.setMaxIdleHTTPParsers = function setMaxIdleHTTPParsers(max) {
    if (typeof max !== 'number') throw H.errors.argType('max', 'of type number', max);
    if (!Number.isInteger(max)) throw H.errors.outOfRange('max', 'an integer', max);
    if (max < 1) throw H.errors.outOfRange('max', '>= 1 && <= ' + Number.MAX_SAFE_INTEGER, max);
  };
  http.maxHeaderSize = H.maxHeaderSize;
  Object.defineProperty(http, 'globalAgent', {
    configurable: true, enumerable: true,
    get: function () { return H.globalAgent; },
    set: function (v) { H.globalAgent = v; },
  });
})
