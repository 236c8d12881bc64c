// node:async_hooks for pluginhost. The async context is a frame: an immutable object holding the stores
// of the AsyncLocalStorage instances (a Map) and the AsyncResource whose scope is running. The runtime
// carries the current frame across promise reactions, await, timers, process.nextTick and
// queueMicrotask (jsruntime.AsyncContext); this file only reads it (natives.current) and replaces it
// (natives.enter).
(function (natives) {
  'use strict';

  const topLevelResource = {};
  let lastAsyncId = 1; // 1 is the top level, as in Node

  function frame() {
    return natives.current();
  }

  function storesOf(f) {
    return f === undefined ? undefined : f.stores;
  }

  function resourceOf(f) {
    return f === undefined ? undefined : f.resource;
  }

  function makeFrame(stores, resource) {
    if (stores === undefined && resource === undefined) return undefined;
    return Object.freeze({ __proto__: null, stores, resource });
  }

  // withStore is the current frame with storage's store replaced (or removed when remove is true).
  function withStore(storage, store, remove) {
    const f = frame();
    const old = storesOf(f);
    let stores;
    if (remove) {
      if (old === undefined || !old.has(storage)) return f;
      stores = new Map(old);
      stores.delete(storage);
      if (stores.size === 0) stores = undefined;
    } else {
      stores = new Map(old);
      stores.set(storage, store);
    }
    return makeFrame(stores, resourceOf(f));
  }

  function runIn(f, fn, thisArg, args) {
    const previous = natives.enter(f);
    try {
      return Reflect.apply(fn, thisArg, args);
    } finally {
      natives.enter(previous);
    }
  }

  const asyncIdKey = Symbol('asyncId');
  const triggerIdKey = Symbol('triggerAsyncId');
  const frameKey = Symbol('frame');

  function executionAsyncId() {
    const r = resourceOf(frame());
    return r === undefined ? 1 : r[asyncIdKey];
  }

  function triggerAsyncId() {
    const r = resourceOf(frame());
    return r === undefined ? 0 : r[triggerIdKey];
  }

  function executionAsyncResource() {
    const r = resourceOf(frame());
    return r === undefined ? topLevelResource : r;
  }

  class AsyncResource {
    constructor(type, opts = {}) {
      if (typeof type !== 'string') throw natives.argType('type', 'of type string', type);
      let trigger = opts;
      if (typeof opts !== 'number') {
        trigger = opts.triggerAsyncId === undefined ? executionAsyncId() : opts.triggerAsyncId;
      }
      if (!Number.isSafeInteger(trigger) || trigger < -1) {
        throw natives.error('RangeError', 'ERR_INVALID_ASYNC_ID', 'Invalid triggerAsyncId value: ' + trigger);
      }
      Object.defineProperty(this, asyncIdKey, { value: ++lastAsyncId });
      Object.defineProperty(this, triggerIdKey, { value: trigger });
      // The stores in effect now are the ones runInAsyncScope restores, as Node copies them into the
      // resource when it is created.
      Object.defineProperty(this, frameKey, { value: makeFrame(storesOf(frame()), this) });
    }

    runInAsyncScope(fn, thisArg, ...args) {
      return runIn(this[frameKey], fn, thisArg, args);
    }

    emitDestroy() {
      return this;
    }

    asyncId() {
      return this[asyncIdKey];
    }

    triggerAsyncId() {
      return this[triggerIdKey];
    }

    bind(fn, thisArg) {
      if (typeof fn !== 'function') throw natives.argType('fn', 'of type function', fn);
      const resource = this;
      let bound;
      if (thisArg === undefined) {
        bound = function (...args) {
          return resource.runInAsyncScope(fn, this, ...args);
        };
      } else {
        bound = (...args) => resource.runInAsyncScope(fn, thisArg, ...args);
      }
      Object.defineProperty(bound, 'length', { configurable: true, enumerable: false, value: fn.length, writable: false });
      Object.defineProperty(bound, 'asyncResource', { configurable: true, enumerable: true, value: resource, writable: true });
      return bound;
    }

    static bind(fn, type, thisArg) {
      type = type || fn.name;
      return new AsyncResource(type || 'bound-anonymous-fn').bind(fn, thisArg);
    }
  }

  class AsyncLocalStorage {
    constructor() {
      this.kResourceStore = Symbol('kResourceStore');
      this.enabled = false;
    }

    static bind(fn) {
      return AsyncResource.bind(fn);
    }

    static snapshot() {
      return AsyncLocalStorage.bind((cb, ...args) => cb(...args));
    }

    disable() {
      this.enabled = false;
    }

    _enable() {
      this.enabled = true;
    }

    enterWith(store) {
      this._enable();
      natives.enter(withStore(this, store, false));
    }

    run(store, callback, ...args) {
      if (Object.is(store, this.getStore())) return Reflect.apply(callback, null, args);
      this._enable();
      return runIn(withStore(this, store, false), callback, null, args);
    }

    exit(callback, ...args) {
      if (!this.enabled) return Reflect.apply(callback, null, args);
      return runIn(withStore(this, undefined, true), callback, null, args);
    }

    getStore() {
      if (!this.enabled) return undefined;
      const stores = storesOf(frame());
      return stores === undefined ? undefined : stores.get(this);
    }
  }

  // AsyncHook is createHook's result. The runtime has no async resources to report, so the callbacks
  // are validated and kept but never called.
  const hookCallbacks = ['init', 'before', 'after', 'destroy', 'promiseResolve'];
  class AsyncHook {
    constructor(callbacks) {
      for (const name of hookCallbacks) {
        const fn = callbacks[name];
        if (fn !== undefined && typeof fn !== 'function') {
          throw natives.error('TypeError', 'ERR_ASYNC_CALLBACK', 'hook.' + name + ' must be a function');
        }
      }
    }

    enable() {
      return this;
    }

    disable() {
      return this;
    }
  }

  function createHook(callbacks) {
    return new AsyncHook(callbacks);
  }

  const providers = ['NONE', 'DIRHANDLE', 'DNSCHANNEL', 'ELDHISTOGRAM', 'FILEHANDLE', 'FILEHANDLECLOSEREQ',
    'BLOBREADER', 'FSEVENTWRAP', 'FSREQCALLBACK', 'FSREQPROMISE', 'GETADDRINFOREQWRAP', 'GETNAMEINFOREQWRAP',
    'HEAPSNAPSHOT', 'HTTP2SESSION', 'HTTP2STREAM', 'HTTP2PING', 'HTTP2SETTINGS', 'HTTPINCOMINGMESSAGE',
    'HTTPCLIENTREQUEST', 'JSSTREAM', 'JSUDPWRAP', 'MESSAGEPORT', 'PIPECONNECTWRAP', 'PIPESERVERWRAP', 'PIPEWRAP',
    'PROCESSWRAP', 'PROMISE', 'QUERYWRAP', 'QUIC_LOGSTREAM', 'QUIC_PACKET', 'SHUTDOWNWRAP', 'SIGNALWRAP',
    'STATWATCHER', 'STREAMPIPE', 'TCPCONNECTWRAP', 'TCPSERVERWRAP', 'TCPWRAP', 'TTYWRAP', 'UDPSENDWRAP', 'UDPWRAP',
    'SIGINTWATCHDOG', 'WORKER', 'WORKERHEAPSNAPSHOT', 'WRITEWRAP', 'ZLIB', 'CHECKPRIMEREQUEST', 'PBKDF2REQUEST',
    'KEYPAIRGENREQUEST', 'KEYGENREQUEST', 'KEYEXPORTREQUEST', 'CIPHERREQUEST', 'DERIVEBITSREQUEST', 'HASHREQUEST',
    'RANDOMBYTESREQUEST', 'RANDOMPRIMEREQUEST', 'SCRYPTREQUEST', 'SIGNREQUEST', 'TLSWRAP', 'VERIFYREQUEST'];
  const asyncWrapProviders = { __proto__: null };
  providers.forEach((name, i) => { asyncWrapProviders[name] = i; });

  return {
    AsyncLocalStorage,
    createHook,
    executionAsyncId,
    triggerAsyncId,
    executionAsyncResource,
    asyncWrapProviders: Object.freeze(asyncWrapProviders),
    AsyncResource,
  };
})
