// The members of every built-in module and of globalThis: for each name in
// require('module').builtinModules, and for the global object, the sorted own property names, so
// that a member Node 20 has and pluginhost lacks (or the reverse) shows as a difference. The tables
// below leave out what pluginhost deliberately does not provide; each entry says why.
'use strict';

// Modules Node lists that pluginhost does not register.
const excludedModules = {
  _http_agent: "Node's internal http layers, no public API: plugins use http",
  _http_client: "Node's internal http layers, no public API: plugins use http",
  _http_common: "Node's internal http layers, no public API: plugins use http",
  _http_incoming: "Node's internal http layers, no public API: plugins use http",
  _http_outgoing: "Node's internal http layers, no public API: plugins use http",
  _http_server: "Node's internal http layers, no public API: plugins use http",
  _stream_duplex: 'deprecated internal aliases of the stream classes',
  _stream_passthrough: 'deprecated internal aliases of the stream classes',
  _stream_readable: 'deprecated internal aliases of the stream classes',
  _stream_transform: 'deprecated internal aliases of the stream classes',
  _stream_wrap: 'deprecated internal aliases of the stream classes',
  _stream_writable: 'deprecated internal aliases of the stream classes',
  _tls_common: "Node's internal tls layers; tls itself is not supported",
  _tls_wrap: "Node's internal tls layers; tls itself is not supported",
};

// Members, by module ('globalThis' for the global object), that pluginhost does not provide.
const excludedMembers = {
  globalThis: {
    Atomics: 'goja has no shared memory (and a plugin has no threads to share it with)',
    SharedArrayBuffer: 'goja has no shared memory (and a plugin has no threads to share it with)',
    Intl: 'goja has no Intl',
    WebAssembly: 'goja has no WebAssembly',
  },
  process: {
    _debugProcess: "starts the inspector in another process: there is no inspector",
    _debugEnd: 'stops the inspector: there is no inspector',
    _fatalException: "Node's internal uncaught-exception hook; uncaught errors go through setUncaughtExceptionCaptureCallback and 'uncaughtException'",
    _startProfilerIdleNotifier: "V8's CPU profiler hooks: there is no profiler",
    _stopProfilerIdleNotifier: "V8's CPU profiler hooks: there is no profiler",
  },
  child_process: {
    _forkChild: "Node's internal set-up of a forked child's IPC channel: a plugin is never a forked child",
  },
  constants: {
    defaultCipherList: "crypto's TLS cipher list: there is no TLS server or client",
  },
  fs: {
    _toUnixTimestamp: "Node's internal date conversion for utimes, not an API",
  },
};

const Module = require('module');
const names = Module.builtinModules.filter((name) => !Object.prototype.hasOwnProperty.call(excludedModules, name));

function members(label, obj) {
  const skip = excludedMembers[label] || {};
  return Object.getOwnPropertyNames(obj).filter((k) => !Object.prototype.hasOwnProperty.call(skip, k)).sort();
}

console.log('modules', names.join(' '));
for (const name of names) {
  let mod;
  try {
    mod = require(name);
  } catch (err) {
    console.log(name, 'failed to load:', err.code, err.message);
    continue;
  }
  console.log(name, members(name, mod).join(' '));
}
console.log('globalThis', members('globalThis', globalThis).join(' '));
