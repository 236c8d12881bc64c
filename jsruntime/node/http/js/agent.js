// Agent: Node's connection-pool object. Its options choose the net/http Transport behind it (one per
// Agent, made on first use): keepAlive keeps idle connections for reuse, maxSockets caps the
// connections per host, maxFreeSockets the idle ones, timeout closes idle ones. createSocket hands
// each request a Socket standing for its connection; a subclass that replaces createSocket or
// addRequest to build its own connections (proxy agents) gets ERR_NOT_SUPPORTED_IN_PLUGINHOST from
// the net and tls calls it makes.
(function (H, natives) {
  'use strict';

  var EventEmitter = H.EventEmitter;
  var kHandle = Symbol('kHandle');

  function Agent(options) {
    if (!(this instanceof Agent)) return new Agent(options);
    EventEmitter.call(this);
    this.defaultPort = 80;
    this.protocol = 'http:';
    this.options = Object.assign(Object.create(null), options);
    if (this.options.noDelay === undefined) this.options.noDelay = true;
    // Don't confuse net and make it think that we're connecting to a pipe.
    this.options.path = null;
    this.requests = Object.create(null);
    this.sockets = Object.create(null);
    this.freeSockets = Object.create(null);
    this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
    this.keepAlive = this.options.keepAlive || false;
    this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
    this.maxFreeSockets = this.options.maxFreeSockets || 256;
    this.scheduling = this.options.scheduling || 'lifo';
    this.maxTotalSockets = this.options.maxTotalSockets;
    this.totalSocketCount = 0;
    if (this.scheduling !== 'fifo' && this.scheduling !== 'lifo') {
      throw natives.argValue('scheduling', this.scheduling, "must be one of: 'fifo', 'lifo'");
    }
    if (this.maxTotalSockets !== undefined) {
      if (typeof this.maxTotalSockets !== 'number') throw natives.argType('maxTotalSockets', 'of type number', this.maxTotalSockets);
      if (!(this.maxTotalSockets >= 1)) throw H.errors.outOfRange('maxTotalSockets', '>= 1', this.maxTotalSockets);
    } else {
      this.maxTotalSockets = Infinity;
    }
  }
  Object.setPrototypeOf(Agent.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(Agent, EventEmitter);

  Agent.defaultMaxSockets = Infinity;

  Agent.prototype.createConnection = function createConnection() {
    throw H.errors.notSupported('net.createConnection');
  };

  Agent.prototype.getName = function getName(options) {
    options = options || {};
    var name = options.host || 'localhost';
    name += ':';
    if (options.port) name += options.port;
    name += ':';
    if (options.localAddress) name += options.localAddress;
    if (options.family === 4 || options.family === 6) name += ':' + options.family;
    if (options.socketPath) name += ':' + options.socketPath;
    return name;
  };

  function calculateServerName(options, req) {
    var servername = options.host;
    var hostHeader = req.getHeader('host');
    if (hostHeader) {
      if (typeof hostHeader !== 'string') {
        throw natives.argType('options.headers.host', 'of type string', hostHeader);
      }
      if (hostHeader.charAt(0) === '[') {
        var index = hostHeader.indexOf(']');
        servername = index === -1 ? hostHeader : hostHeader.slice(1, index);
      } else {
        servername = hostHeader.split(':', 1)[0];
      }
    }
    // Don't implicitly set invalid (IP) servernames.
    if (natives.isIP(servername)) servername = '';
    return servername;
  }

  Agent.prototype.addRequest = function addRequest(req, options) {
    options = Object.assign(Object.create(null), options, this.options);
    if (options.socketPath) options.path = options.socketPath;
    if (!options.servername && options.servername !== '') options.servername = calculateServerName(options, req);
    var agent = this;
    this.createSocket(req, options, function (err, socket) {
      if (err) {
        req.onSocket(socket, err);
        return;
      }
      req.onSocket(socket);
      var agentTimeout = agent.options.timeout || 0;
      if (req.timeout === undefined || req.timeout === agentTimeout) return;
      socket.setTimeout(req.timeout);
    });
  };

  Agent.prototype.createSocket = function createSocket(req, options, cb) {
    options = Object.assign(Object.create(null), options, this.options);
    if (options.socketPath) options.path = options.socketPath;
    var socket = new H.Socket({ encrypted: this.protocol === 'https:', servername: options.servername });
    socket._options = options;
    socket._agent = this;
    if (options.timeout) socket.setTimeout(options.timeout);
    cb(null, socket);
  };

  Agent.prototype.removeSocket = function removeSocket() {};

  Agent.prototype.keepSocketAlive = function keepSocketAlive(socket) {
    socket.setKeepAlive(true, this.keepAliveMsecs);
    socket.unref();
    return true;
  };

  Agent.prototype.reuseSocket = function reuseSocket(socket, req) {
    req.reusedSocket = true;
    socket.ref();
  };

  // destroy closes the Agent's idle connections; requests in flight finish.
  Agent.prototype.destroy = function destroy() {
    if (this[kHandle]) this[kHandle].close();
  };

  // H.transportOf returns the Go side of agent, made from its options on first use.
  H.transportOf = function (agent) {
    if (!agent[kHandle]) {
      Object.defineProperty(agent, kHandle, {
        value: natives.agent({
          keepAlive: !!agent.keepAlive,
          maxSockets: isFinite(agent.maxSockets) ? agent.maxSockets : 0,
          maxFreeSockets: isFinite(agent.maxFreeSockets) ? agent.maxFreeSockets : 0,
          timeout: (agent.options && agent.options.timeout) || 0,
        }),
      });
    }
    return agent[kHandle];
  };

  H.Agent = Agent;
  H.globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

  // HttpsAgent is https.Agent: the same pool for TLS connections, keyed also by the TLS options.
  function HttpsAgent(options) {
    if (!(this instanceof HttpsAgent)) return new HttpsAgent(options);
    Agent.call(this, options);
    this.defaultPort = 443;
    this.protocol = 'https:';
    this.maxCachedSessions = this.options.maxCachedSessions;
    if (this.maxCachedSessions === undefined) this.maxCachedSessions = 100;
    this._sessionCache = { map: {}, list: [] };
  }
  Object.setPrototypeOf(HttpsAgent.prototype, Agent.prototype);
  Object.setPrototypeOf(HttpsAgent, Agent);

  HttpsAgent.prototype.createConnection = function createConnection() {
    throw H.errors.notSupported('tls.connect');
  };

  var tlsNameFields = ['ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx', 'rejectUnauthorized', 'servername',
    'minVersion', 'maxVersion', 'secureProtocol', 'crl', 'honorCipherOrder', 'ecdhCurve', 'dhparam', 'secureOptions',
    'sessionIdContext', 'sigalgs', 'privateKeyIdentifier', 'privateKeyEngine'];

  HttpsAgent.prototype.getName = function getName(options) {
    options = options || {};
    var name = Agent.prototype.getName.call(this, options);
    for (var i = 0; i < tlsNameFields.length; i++) {
      name += ':';
      var v = options[tlsNameFields[i]];
      if (tlsNameFields[i] === 'rejectUnauthorized') {
        if (v !== undefined) name += v;
      } else if (tlsNameFields[i] === 'secureOptions' || tlsNameFields[i] === 'honorCipherOrder') {
        if (v !== undefined) name += v;
      } else if (v) {
        name += v;
      }
    }
    return name;
  };

  H.HttpsAgent = HttpsAgent;
  H.httpsGlobalAgent = new HttpsAgent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });
})
