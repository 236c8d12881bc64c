// What the client and the module's exports share: Node's status and method tables, header
// validation, timer durations and the errors the http modules throw.
(function (H, natives) {
  'use strict';

  // The table lives in Go, shared with Express's status messages.
  H.STATUS_CODES = natives.statusCodes;

  H.METHODS = [
    'ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH', 'MERGE',
    'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH',
    'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK',
    'UNLOCK', 'UNSUBSCRIBE',
  ];

  H.maxHeaderSize = 16384;

  var tokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
  var headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;

  H.checkIsHttpToken = function (val) { return tokenRegExp.test(val); };
  H.checkInvalidHeaderChar = function (val) { return headerCharRegex.test(val); };

  var E = natives.error;

  // formatReceived writes a number as ERR_OUT_OF_RANGE does: big integers get '_' separators.
  function formatReceived(n) {
    var s = String(n);
    if (!Number.isInteger(n) || Math.abs(n) <= 4294967296) return s;
    var sign = s.charAt(0) === '-' ? '-' : '';
    var digits = sign ? s.slice(1) : s;
    var out = '';
    while (digits.length > 3) {
      out = '_' + digits.slice(-3) + out;
      digits = digits.slice(0, -3);
    }
    return sign + digits + out;
  }
  H.errors = {
    invalidToken: function (what, name) {
      return E('TypeError', 'ERR_INVALID_HTTP_TOKEN', what + ' must be a valid HTTP token ["' + name + '"]');
    },
    invalidChar: function (name) {
      return E('TypeError', 'ERR_INVALID_CHAR', 'Invalid character in header content ["' + name + '"]');
    },
    invalidHeaderValue: function (value, name) {
      return E('TypeError', 'ERR_HTTP_INVALID_HEADER_VALUE', 'Invalid value "' + value + '" for header "' + name + '"');
    },
    headersSent: function (action) {
      return E('Error', 'ERR_HTTP_HEADERS_SENT', 'Cannot ' + action + ' headers after they are sent to the client');
    },
    invalidProtocol: function (protocol, expected) {
      return E('TypeError', 'ERR_INVALID_PROTOCOL', 'Protocol "' + protocol + '" not supported. Expected "' + expected + '"');
    },
    unescaped: function (what) {
      return E('TypeError', 'ERR_UNESCAPED_CHARACTERS', what + ' contains unescaped characters');
    },
    outOfRange: function (name, range, value) {
      return E('RangeError', 'ERR_OUT_OF_RANGE', 'The value of "' + name + '" is out of range. It must be ' + range + '. Received ' + formatReceived(value));
    },
    alreadyFinished: function (method) {
      return E('Error', 'ERR_STREAM_ALREADY_FINISHED', 'Cannot call ' + method + ' after a stream was finished');
    },
    argType: natives.argType,
    notSupported: natives.notSupported,
  };

  // validateHeaderName and validateHeaderValue are http's exported checks, used by setHeader too.
  H.validateHeaderName = function validateHeaderName(name, label) {
    if (typeof name !== 'string' || !name || !H.checkIsHttpToken(name)) {
      throw H.errors.invalidToken(label || 'Header name', name);
    }
  };
  H.validateHeaderValue = function validateHeaderValue(name, value) {
    if (value === undefined) throw H.errors.invalidHeaderValue(value, name);
    if (H.checkInvalidHeaderChar(value)) throw H.errors.invalidChar(name);
  };

  // getTimerDuration is Node's check of a timeout in milliseconds.
  H.getTimerDuration = function (msecs, name) {
    if (typeof msecs !== 'number') throw natives.argType(name, 'of type number', msecs);
    if (msecs < 0 || !isFinite(msecs)) throw H.errors.outOfRange(name, 'a non-negative finite number', msecs);
    return msecs > 2147483647 ? 2147483647 : msecs;
  };

  // connResetException is Node's error for a connection that ended under a request or response.
  H.connResetException = function (msg) {
    var err = new Error(msg);
    err.code = 'ECONNRESET';
    return err;
  };

  // AbortError is what a request aborted through its signal fails with.
  class AbortError extends Error {
    constructor(message, options) {
      super(message === undefined ? 'The operation was aborted' : message, options);
      this.code = 'ABORT_ERR';
      this.name = 'AbortError';
    }
  }
  H.AbortError = AbortError;

  var G = globalThis;
  H.nextTick = function (fn) {
    var args = Array.prototype.slice.call(arguments, 1);
    var run = function () { fn.apply(undefined, args); };
    if (typeof G.process === 'object' && G.process && typeof G.process.nextTick === 'function') G.process.nextTick(run);
    else G.queueMicrotask(run);
  };
  // later runs fn after the I/O of this turn, where Node's sockets report that they closed.
  H.later = function (fn) { G.setImmediate(fn); };
  H.setTimeout = function (fn, ms) { return G.setTimeout(fn, ms); };
  H.clearTimeout = function (t) { G.clearTimeout(t); };
})
