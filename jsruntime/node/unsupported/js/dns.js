// node:dns and dns/promises: lookup resolves names with the host's resolver (Go's net.Resolver, off
// the loop); the c-ares queries (resolve*, reverse, lookupService) and server configuration are not
// supported.
(function (lib) {
  'use strict';
  const { natives, unsupportedFn, validateFunction, validateString, validateBoolean, validateOneOf } = lib;
  const { isIP } = natives.builtin('net');

  const validFamilies = [0, 4, 6];
  const validOrders = ['verbatim', 'ipv4first', 'ipv6first'];
  const ADDRCONFIG = 32, ALL = 16, V4MAPPED = 8;
  let defaultOrder = 'verbatim';

  // parseOptions validates lookup's options as Node does; callbackForm also checks the callback.
  function parseOptions(options, callback, callbackForm, argc) {
    const o = { family: 0, all: false, order: defaultOrder };
    if (typeof options === 'number') {
      if (callbackForm) validateFunction(callback, 'callback');
      validateOneOf(options, 'family', validFamilies);
      o.family = options;
    } else if (options !== undefined && typeof options !== 'object') {
      if (callbackForm) validateFunction(argc === 2 ? options : callback, 'callback');
      throw natives.argType('options', 'of type object or integer', options);
    } else {
      if (callbackForm) validateFunction(callback, 'callback');
      if (options?.hints != null) {
        if (typeof options.hints !== 'number') throw natives.argType('options.hints', 'of type number', options.hints);
        const hints = options.hints >>> 0;
        if ((hints & ~(ADDRCONFIG | ALL | V4MAPPED)) !== 0) throw natives.argValue('hints', hints, '');
      }
      if (options?.family != null) {
        if (options.family === 'IPv4') o.family = 4;
        else if (options.family === 'IPv6') o.family = 6;
        else {
          validateOneOf(options.family, 'options.family', validFamilies);
          o.family = options.family;
        }
      }
      if (options?.all != null) {
        validateBoolean(options.all, 'options.all');
        o.all = options.all;
      }
      if (options?.verbatim != null) {
        validateBoolean(options.verbatim, 'options.verbatim');
        o.order = options.verbatim ? 'verbatim' : 'ipv4first';
      }
      if (options?.order != null) {
        validateOneOf(options.order, 'options.order', validOrders);
        o.order = options.order;
      }
    }
    return o;
  }

  // resolve asks Go and settles with the addresses as lookup reports them ({address, family} when
  // all is set, else the first one), or with Node's getaddrinfo error.
  function resolve(hostname, o) {
    return natives.lookup(hostname, o.family, o.order).then((addrs) => {
      const addresses = addrs.map((a) => ({ address: a, family: o.family || isIP(a) }));
      return o.all ? addresses : addresses[0];
    });
  }

  function lookup(hostname, options, callback) {
    if (hostname) validateString(hostname, 'hostname');
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    const o = parseOptions(options, callback, true, arguments.length);
    if (!hostname) {
      if (o.all) process.nextTick(callback, null, []);
      else process.nextTick(callback, null, null, o.family === 6 ? 6 : 4);
      return {};
    }
    const matched = isIP(hostname);
    if (matched) {
      if (o.all) process.nextTick(callback, null, [{ address: hostname, family: matched }]);
      else process.nextTick(callback, null, hostname, matched);
      return {};
    }
    resolve(hostname, o).then(
      (r) => (o.all ? callback(null, r) : callback(null, r.address, r.family)),
      (err) => callback(err),
    );
    return {};
  }
  Object.defineProperty(lookup, Symbol.for('nodejs.util.promisify.customArgs'), { value: ['address', 'family'] });

  function lookupPromise(hostname, options) {
    if (hostname) validateString(hostname, 'hostname');
    const o = parseOptions(options, undefined, false);
    if (!hostname) return Promise.resolve(o.all ? [] : { address: null, family: o.family === 6 ? 6 : 4 });
    const matched = isIP(hostname);
    if (matched) {
      const r = { address: hostname, family: matched };
      return Promise.resolve(o.all ? [r] : r);
    }
    return resolve(hostname, o);
  }

  const queries = ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx',
    'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'];

  function makeResolver(prefix) {
    class Resolver {
      constructor(options = undefined) {}
      cancel() {}
      getServers() {
        throw natives.notSupported(prefix + '.getServers');
      }
      setServers() {
        throw natives.notSupported(prefix + '.setServers');
      }
      setLocalAddress() {}
    }
    lib.unsupportedMethods(Resolver.prototype, prefix, queries);
    return Resolver;
  }

  function getDefaultResultOrder() {
    return defaultOrder;
  }
  function setDefaultResultOrder(order) {
    validateOneOf(order, 'dnsOrder', validOrders);
    defaultOrder = order;
  }

  const errorCodes = {
    NODATA: 'ENODATA', FORMERR: 'EFORMERR', SERVFAIL: 'ESERVFAIL', NOTFOUND: 'ENOTFOUND', NOTIMP: 'ENOTIMP',
    REFUSED: 'EREFUSED', BADQUERY: 'EBADQUERY', BADNAME: 'EBADNAME', BADFAMILY: 'EBADFAMILY', BADRESP: 'EBADRESP',
    CONNREFUSED: 'ECONNREFUSED', TIMEOUT: 'ETIMEOUT', EOF: 'EOF', FILE: 'EFILE', NOMEM: 'ENOMEM',
    DESTRUCTION: 'EDESTRUCTION', BADSTR: 'EBADSTR', BADFLAGS: 'EBADFLAGS', NONAME: 'ENONAME', BADHINTS: 'EBADHINTS',
    NOTINITIALIZED: 'ENOTINITIALIZED', LOADIPHLPAPI: 'ELOADIPHLPAPI', ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
    CANCELLED: 'ECANCELLED',
  };

  const promises = {
    lookup: lib.named('lookup', lookupPromise),
    lookupService: unsupportedFn('dns.promises.lookupService'),
    Resolver: makeResolver('dns.promises.Resolver'),
    getDefaultResultOrder,
    setDefaultResultOrder,
    setServers: unsupportedFn('dns.promises.setServers'),
    ...errorCodes,
    getServers: unsupportedFn('dns.promises.getServers'),
  };
  for (const q of queries) promises[q] = unsupportedFn('dns.promises.' + q);

  const dns = {
    lookup,
    lookupService: unsupportedFn('dns.lookupService'),
    Resolver: makeResolver('dns.Resolver'),
    getDefaultResultOrder,
    setDefaultResultOrder,
    setServers: unsupportedFn('dns.setServers'),
    ADDRCONFIG,
    ALL,
    V4MAPPED,
    ...errorCodes,
    getServers: unsupportedFn('dns.getServers'),
  };
  for (const q of queries) dns[q] = unsupportedFn('dns.' + q);
  dns.promises = promises;
  return dns;
})
