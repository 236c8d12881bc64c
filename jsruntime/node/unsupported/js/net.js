// node:net: the address helpers work; sockets and servers are not supported (a plugin serves HTTP
// through the host's router), but their classes exist for instanceof checks and subclassing.
(function (lib) {
  'use strict';
  const { natives, unsupportedFn, unsupportedClass, validateBoolean } = lib;
  const EventEmitter = natives.events();
  const { Duplex } = natives.stream();

  // Node's own patterns (lib/internal/net.js), so isIP accepts exactly what Node accepts.
  const v4Seg = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
  const v4Str = `(?:${v4Seg}\\.){3}${v4Seg}`;
  const IPv4Reg = new RegExp(`^${v4Str}$`);
  const v6Seg = '(?:[0-9a-fA-F]{1,4})';
  const IPv6Reg = new RegExp('^(?:' +
    `(?:${v6Seg}:){7}(?:${v6Seg}|:)|` +
    `(?:${v6Seg}:){6}(?:${v4Str}|:${v6Seg}|:)|` +
    `(?:${v6Seg}:){5}(?::${v4Str}|(?::${v6Seg}){1,2}|:)|` +
    `(?:${v6Seg}:){4}(?:(?::${v6Seg}){0,1}:${v4Str}|(?::${v6Seg}){1,3}|:)|` +
    `(?:${v6Seg}:){3}(?:(?::${v6Seg}){0,2}:${v4Str}|(?::${v6Seg}){1,4}|:)|` +
    `(?:${v6Seg}:){2}(?:(?::${v6Seg}){0,3}:${v4Str}|(?::${v6Seg}){1,5}|:)|` +
    `(?:${v6Seg}:){1}(?:(?::${v6Seg}){0,4}:${v4Str}|(?::${v6Seg}){1,6}|:)|` +
    `(?::(?:(?::${v6Seg}){0,5}:${v4Str}|(?::${v6Seg}){1,7}|:))` +
  ')(?:%[0-9a-zA-Z-.:]{1,})?$');

  function isIPv4(s) {
    return IPv4Reg.test(s);
  }
  function isIPv6(s) {
    return IPv6Reg.test(s);
  }
  function isIP(s) {
    if (isIPv4(s)) return 4;
    if (isIPv6(s)) return 6;
    return 0;
  }

  // _normalizeArgs is public in Node and used by agents and socket libraries.
  const normalizedArgsSymbol = Symbol('normalizedArgs');
  function isPipeName(s) {
    return typeof s === 'string' && !(Number(s) >= 0);
  }
  function _normalizeArgs(args) {
    let arr;
    if (args.length === 0) {
      arr = [{}, null];
      arr[normalizedArgsSymbol] = true;
      return arr;
    }
    const arg0 = args[0];
    let options = {};
    if (typeof arg0 === 'object' && arg0 !== null) {
      options = arg0;
    } else if (isPipeName(arg0)) {
      options.path = arg0;
    } else {
      options.port = arg0;
      if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
    }
    const cb = args[args.length - 1];
    arr = typeof cb !== 'function' ? [options, null] : [options, cb];
    arr[normalizedArgsSymbol] = true;
    return arr;
  }

  let autoSelectFamily = true;
  let autoSelectFamilyAttemptTimeout = 250;

  const Socket = unsupportedClass('net.Socket', Duplex);
  const Server = unsupportedClass('net.Server', EventEmitter);

  return {
    _createServerHandle: unsupportedFn('net._createServerHandle'),
    _normalizeArgs,
    _setSimultaneousAccepts: function _setSimultaneousAccepts() {},
    BlockList: unsupportedClass('net.BlockList'),
    SocketAddress: unsupportedClass('net.SocketAddress'),
    connect: unsupportedFn('net.connect'),
    createConnection: unsupportedFn('net.createConnection'),
    createServer: unsupportedFn('net.createServer'),
    isIP,
    isIPv4,
    isIPv6,
    Server,
    Socket,
    Stream: Socket,
    getDefaultAutoSelectFamily() {
      return autoSelectFamily;
    },
    setDefaultAutoSelectFamily(value) {
      validateBoolean(value, 'value');
      autoSelectFamily = value;
    },
    getDefaultAutoSelectFamilyAttemptTimeout() {
      return autoSelectFamilyAttemptTimeout;
    },
    setDefaultAutoSelectFamilyAttemptTimeout(value) {
      if (!Number.isInteger(value)) throw natives.argType('value', 'of type number', value);
      if (value < 1 || value > 2147483647) {
        throw lib.error('RangeError', 'ERR_OUT_OF_RANGE', `The value of "value" is out of range. It must be >= 1 && <= 2147483647. Received ${value}`);
      }
      autoSelectFamilyAttemptTimeout = Math.max(value, 10);
    },
  };
})
