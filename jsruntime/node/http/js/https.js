// The exports of 'https': http's client with the https global agent as the default. This file's
// script is named node:https, as Node's is: agents that tell TLS requests apart by the call stack
// (agent-base) look for that name.
(function (H) {
  'use strict';

  var ClientRequest = H.ClientRequest;

  // https.request is http.request with the https global agent as the default.
  function httpsRequest() {
    var args = Array.prototype.slice.call(arguments);
    var options = {};
    if (typeof args[0] === 'string') {
      options = H.urlToHttpOptions(new URL(args.shift()));
    } else if (args[0] && typeof args[0] === 'object' && typeof args[0].href === 'string' && args[0].searchParams) {
      options = H.urlToHttpOptions(args.shift());
    }
    if (args[0] && typeof args[0] !== 'function') Object.assign(options, args.shift());
    options._defaultAgent = H.httpsGlobalAgent;
    args.unshift(options);
    return new ClientRequest(args[0], args[1], args[2]);
  }

  var https = H.httpsExports;
  https.Agent = H.HttpsAgent;
  Object.defineProperty(https, 'globalAgent', {
    configurable: true, enumerable: true,
    get: function () { return H.httpsGlobalAgent; },
    set: function (v) { H.httpsGlobalAgent = v; },
  });
  https.Server = H.unsupported('https.Server');
  https.createServer = H.unsupported('https.createServer');
  https.get = function get() {
    var req = httpsRequest.apply(undefined, arguments);
    req.end();
    return req;
  };
  https.request = httpsRequest;
})
