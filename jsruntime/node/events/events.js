// EventEmitter for pluginhost runtimes: Node 20's events module (listener order, once wrappers,
// 'newListener'/'removeListener', unhandled 'error' throws, errorMonitor, captureRejections, the
// max-listeners warning, events.once and events.on, addAbortListener, EventEmitterAsyncResource).
// Go passes natives: nodeerr's error constructors, inspect, and asyncResource, which returns
// async_hooks' AsyncResource. Evaluated once per runtime; the function returns the module's exports.
(function (natives) {
  'use strict';

  let defaultMaxListeners = 10;
  const kErrorMonitor = Symbol('events.errorMonitor');
  const kCapture = Symbol('kCapture');
  const kShapeMode = Symbol('shapeMode');
  const kRejection = Symbol.for('nodejs.rejection');
  const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
  const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
  const kWatermarkData = Symbol.for('nodejs.watermarkData');
  const asyncIteratorSymbol = Symbol.asyncIterator || Symbol.for('Symbol.asyncIterator');
  // Symbol.dispose is read when used: the polyfills that define it are installed after this module.
  const disposeSymbol = () => Symbol.dispose || Symbol.for('nodejs.dispose');

  // The validators of Node's internal/validators that this module uses, with its messages.
  function validateFunction(value, name) {
    if (typeof value !== 'function') throw natives.argType(name, ['Function'], value);
  }
  function validateBoolean(value, name) {
    if (typeof value !== 'boolean') throw natives.argType(name, ['boolean'], value);
  }
  function validateString(value, name) {
    if (typeof value !== 'string') throw natives.argType(name, ['string'], value);
  }
  function validateNumber(value, name, min) {
    if (typeof value !== 'number') throw natives.argType(name, ['number'], value);
    if (value < min || Number.isNaN(value)) throw natives.outOfRange(name, '>= ' + min, value);
  }
  function validateInteger(value, name, min) {
    if (typeof value !== 'number') throw natives.argType(name, ['number'], value);
    if (!Number.isInteger(value)) throw natives.outOfRange(name, 'an integer', value);
    if (value < min || value > Number.MAX_SAFE_INTEGER) {
      throw natives.outOfRange(name, '>= ' + min + ' && <= ' + Number.MAX_SAFE_INTEGER, value);
    }
  }
  function validateAbortSignal(signal, name) {
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      throw natives.argType(name, ['AbortSignal'], signal);
    }
  }

  class AbortError extends Error {
    constructor(message = 'The operation was aborted', options = undefined) {
      super(message, options);
      this.code = 'ABORT_ERR';
      this.name = 'AbortError';
    }
  }
  const abortError = (signal) => new AbortError(undefined, { cause: signal?.reason });

  const isEventTarget = (v) => typeof EventTarget === 'function' && v instanceof EventTarget;

  // nextTick defers as Node's process.nextTick does when the runtime has one.
  function nextTick(fn, ...args) {
    const proc = globalThis.process;
    if (proc && typeof proc.nextTick === 'function') proc.nextTick(fn, ...args);
    else queueMicrotask(() => fn(...args));
  }

  function EventEmitter(opts) {
    EventEmitter.init.call(this, opts);
  }

  EventEmitter.prototype._events = undefined;
  EventEmitter.prototype._eventsCount = 0;
  EventEmitter.prototype._maxListeners = undefined;
  Object.defineProperty(EventEmitter.prototype, kCapture, { value: false, writable: true, enumerable: false });

  // The module's members, in the order Node defines them (Object.keys shows it).
  EventEmitter.addAbortListener = addAbortListener;
  EventEmitter.once = once;
  EventEmitter.on = on;
  EventEmitter.getEventListeners = getEventListeners;
  EventEmitter.getMaxListeners = getMaxListeners;
  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.usingDomains = false;
  EventEmitter.captureRejectionSymbol = kRejection;
  Object.defineProperty(EventEmitter, 'captureRejections', {
    enumerable: true,
    get() { return EventEmitter.prototype[kCapture]; },
    set(value) {
      validateBoolean(value, 'EventEmitter.captureRejections');
      EventEmitter.prototype[kCapture] = value;
    },
  });
  Object.defineProperty(EventEmitter, 'EventEmitterAsyncResource', {
    enumerable: true,
    configurable: true,
    get: lazyEventEmitterAsyncResource,
    set: undefined,
  });
  EventEmitter.errorMonitor = kErrorMonitor;
  Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
    enumerable: true,
    get() { return defaultMaxListeners; },
    set(n) {
      validateNumber(n, 'defaultMaxListeners', 0);
      defaultMaxListeners = n;
    },
  });
  Object.defineProperties(EventEmitter, {
    kMaxEventTargetListeners: { value: kMaxEventTargetListeners, enumerable: false, configurable: false, writable: false },
    kMaxEventTargetListenersWarned: { value: kMaxEventTargetListenersWarned, enumerable: false, configurable: false, writable: false },
  });

  EventEmitter.setMaxListeners = function setMaxListeners(n = defaultMaxListeners, ...eventTargets) {
    validateNumber(n, 'setMaxListeners', 0);
    if (eventTargets.length === 0) {
      defaultMaxListeners = n;
      return;
    }
    for (const target of eventTargets) {
      if (isEventTarget(target)) {
        target[kMaxEventTargetListeners] = n;
        target[kMaxEventTargetListenersWarned] = false;
      } else if (typeof target.setMaxListeners === 'function') {
        target.setMaxListeners(n);
      } else {
        throw natives.argType('eventTargets', ['EventEmitter', 'EventTarget'], target);
      }
    }
  };

  EventEmitter.init = function init(opts) {
    if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
      this._events = Object.create(null);
      this._eventsCount = 0;
      this[kShapeMode] = false;
    } else {
      this[kShapeMode] = true;
    }
    this._maxListeners = this._maxListeners || undefined;
    if (opts?.captureRejections) {
      validateBoolean(opts.captureRejections, 'options.captureRejections');
      this[kCapture] = Boolean(opts.captureRejections);
    } else {
      this[kCapture] = EventEmitter.prototype[kCapture];
    }
  };

  // captureRejections: a listener's rejected promise becomes an 'error' event (or a call of the
  // emitter's Symbol.for('nodejs.rejection') method) on the next tick.
  function addCatch(that, promise, type, args) {
    if (!that[kCapture]) return;
    try {
      const then = promise.then;
      if (typeof then === 'function') {
        then.call(promise, undefined, (err) => nextTick(emitUnhandledRejectionOrErr, that, err, type, args));
      }
    } catch (err) {
      that.emit('error', err);
    }
  }

  function emitUnhandledRejectionOrErr(ee, err, type, args) {
    if (typeof ee[kRejection] === 'function') {
      ee[kRejection](err, type, ...args);
      return;
    }
    // Capture is off while the error is emitted, or a rejecting 'error' listener would loop.
    const prev = ee[kCapture];
    try {
      ee[kCapture] = false;
      ee.emit('error', err);
    } finally {
      ee[kCapture] = prev;
    }
  }

  EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
    validateNumber(n, 'setMaxListeners', 0);
    this._maxListeners = n;
    return this;
  };

  function maxListenersOf(that) {
    return that._maxListeners === undefined ? EventEmitter.defaultMaxListeners : that._maxListeners;
  }

  EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
    return maxListenersOf(this);
  };

  function unhandledError(er) {
    let shown;
    try {
      shown = natives.inspect(er);
    } catch {
      shown = er;
    }
    const err = natives.error('Error', 'ERR_UNHANDLED_ERROR', 'Unhandled error. (' + shown + ')');
    err.context = er;
    return err;
  }

  EventEmitter.prototype.emit = function emit(type, ...args) {
    let doError = type === 'error';
    const events = this._events;
    if (events !== undefined) {
      if (doError && events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
      doError = doError && events.error === undefined;
    } else if (!doError) {
      return false;
    }
    if (doError) {
      const er = args[0];
      if (er instanceof Error) throw er;
      throw unhandledError(er);
    }
    const handler = events[type];
    if (handler === undefined) return false;
    if (typeof handler === 'function') {
      const result = Reflect.apply(handler, this, args);
      if (result !== undefined && result !== null) addCatch(this, result, type, args);
    } else {
      const listeners = handler.slice();
      for (let i = 0; i < listeners.length; i++) {
        const result = Reflect.apply(listeners[i], this, args);
        if (result !== undefined && result !== null) addCatch(this, result, type, args);
      }
    }
    return true;
  };

  function warnLeak(target, type, count, max) {
    const proc = globalThis.process;
    if (!proc || typeof proc.emitWarning !== 'function') return;
    const w = new Error('Possible EventEmitter memory leak detected. ' + count + ' ' + String(type) +
      ' listeners added to ' + natives.inspect(target, -1) + '. MaxListeners is ' + max +
      '. Use emitter.setMaxListeners() to increase limit');
    Object.assign(w, { name: 'MaxListenersExceededWarning', emitter: target, type, count });
    proc.emitWarning(w);
  }

  function _addListener(target, type, listener, prepend) {
    validateFunction(listener, 'listener');
    let events = target._events;
    let existing;
    if (events === undefined) {
      events = target._events = Object.create(null);
      target._eventsCount = 0;
    } else {
      if (events.newListener !== undefined) {
        target.emit('newListener', type, listener.listener ?? listener);
        // A 'newListener' listener may have replaced _events.
        events = target._events;
      }
      existing = events[type];
    }
    if (existing === undefined) {
      events[type] = listener;
      ++target._eventsCount;
      return target;
    }
    if (typeof existing === 'function') {
      existing = events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
      existing.unshift(listener);
    } else {
      existing.push(listener);
    }
    const max = maxListenersOf(target);
    if (max > 0 && existing.length > max && !existing.warned) {
      existing.warned = true;
      warnLeak(target, type, existing.length, max);
    }
    return target;
  }

  EventEmitter.prototype.addListener = function addListener(type, listener) {
    return _addListener(this, type, listener, false);
  };
  EventEmitter.prototype.on = EventEmitter.prototype.addListener;

  EventEmitter.prototype.prependListener = function prependListener(type, listener) {
    return _addListener(this, type, listener, true);
  };

  function onceWrapper() {
    if (this.fired) return undefined;
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    return Reflect.apply(this.listener, this.target, arguments);
  }

  function onceWrap(target, type, listener) {
    const state = { fired: false, wrapFn: undefined, target, type, listener };
    const wrapped = onceWrapper.bind(state);
    wrapped.listener = listener;
    state.wrapFn = wrapped;
    return wrapped;
  }

  EventEmitter.prototype.once = function once(type, listener) {
    validateFunction(listener, 'listener');
    this.on(type, onceWrap(this, type, listener));
    return this;
  };

  EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
    validateFunction(listener, 'listener');
    this.prependListener(type, onceWrap(this, type, listener));
    return this;
  };

  EventEmitter.prototype.removeListener = function removeListener(type, listener) {
    validateFunction(listener, 'listener');
    const events = this._events;
    if (events === undefined) return this;
    const list = events[type];
    if (list === undefined) return this;
    if (list === listener || list.listener === listener) {
      this._eventsCount -= 1;
      if (this[kShapeMode]) {
        events[type] = undefined;
      } else if (this._eventsCount === 0) {
        this._events = Object.create(null);
      } else {
        delete events[type];
        if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
      }
    } else if (typeof list !== 'function') {
      let position = -1;
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) {
          position = i;
          break;
        }
      }
      if (position < 0) return this;
      list.splice(position, 1);
      if (list.length === 1) events[type] = list[0];
      if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
    }
    return this;
  };
  EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

  EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
    const events = this._events;
    if (events === undefined) return this;
    if (events.removeListener === undefined) {
      if (arguments.length === 0) {
        this._events = Object.create(null);
        this._eventsCount = 0;
      } else if (events[type] !== undefined) {
        if (--this._eventsCount === 0) this._events = Object.create(null);
        else delete events[type];
      }
      this[kShapeMode] = false;
      return this;
    }
    if (arguments.length === 0) {
      for (const key of Reflect.ownKeys(events)) {
        if (key === 'removeListener') continue;
        this.removeAllListeners(key);
      }
      this.removeAllListeners('removeListener');
      this._events = Object.create(null);
      this._eventsCount = 0;
      this[kShapeMode] = false;
      return this;
    }
    const listeners = events[type];
    if (typeof listeners === 'function') {
      this.removeListener(type, listeners);
    } else if (listeners !== undefined) {
      // Last in, first out.
      for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
    }
    return this;
  };

  function listenersOf(target, type, unwrap) {
    const events = target._events;
    if (events === undefined) return [];
    const list = events[type];
    if (list === undefined) return [];
    if (typeof list === 'function') return unwrap ? [list.listener || list] : [list];
    const copy = list.slice();
    if (unwrap) {
      for (let i = 0; i < copy.length; i++) {
        if (typeof copy[i].listener === 'function') copy[i] = copy[i].listener;
      }
    }
    return copy;
  }

  EventEmitter.prototype.listeners = function listeners(type) { return listenersOf(this, type, true); };
  EventEmitter.prototype.rawListeners = function rawListeners(type) { return listenersOf(this, type, false); };

  function listenerCount(type, listener) {
    const events = this._events;
    if (events === undefined) return 0;
    const list = events[type];
    if (typeof list === 'function') {
      if (listener != null) return listener === list || listener === list.listener ? 1 : 0;
      return 1;
    }
    if (list === undefined) return 0;
    if (listener == null) return list.length;
    let n = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i] === listener || list[i].listener === listener) n++;
    }
    return n;
  }
  EventEmitter.prototype.listenerCount = listenerCount;
  EventEmitter.listenerCount = function (emitter, type) {
    if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
    return Reflect.apply(listenerCount, emitter, [type]);
  };

  EventEmitter.prototype.eventNames = function eventNames() {
    return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
  };

  // getMaxListeners of an EventTarget is the limit setMaxListeners gave it, else the default, which
  // Node copies into every EventTarget it constructs.
  function getMaxListeners(emitterOrTarget) {
    if (typeof emitterOrTarget?.getMaxListeners === 'function') return maxListenersOf(emitterOrTarget);
    if (emitterOrTarget?.[kMaxEventTargetListeners]) return emitterOrTarget[kMaxEventTargetListeners];
    if (isEventTarget(emitterOrTarget)) return defaultMaxListeners;
    throw natives.argType('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
  }

  function getEventListeners(emitterOrTarget, type) {
    if (typeof emitterOrTarget.listeners === 'function') return emitterOrTarget.listeners(type);
    if (isEventTarget(emitterOrTarget)) throw natives.notSupported('events.getEventListeners of an EventTarget');
    throw natives.argType('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
  }

  function removeAgnostic(emitter, name, listener, flags) {
    if (typeof emitter.removeListener === 'function') emitter.removeListener(name, listener);
    else if (typeof emitter.removeEventListener === 'function') emitter.removeEventListener(name, listener, flags);
    else throw natives.argType('emitter', ['EventEmitter'], emitter);
  }

  function addAgnostic(emitter, name, listener, flags) {
    if (typeof emitter.on === 'function') {
      if (flags?.once) emitter.once(name, listener);
      else emitter.on(name, listener);
    } else if (typeof emitter.addEventListener === 'function') {
      emitter.addEventListener(name, listener, flags);
    } else {
      throw natives.argType('emitter', ['EventEmitter'], emitter);
    }
  }

  // events.once(emitter, name[, {signal}]): a promise of the arguments of the next `name` event. It
  // rejects on an 'error' event (of an EventEmitter, unless name is 'error') and on abort.
  async function once(emitter, name, options = {}) {
    const signal = options?.signal;
    validateAbortSignal(signal, 'options.signal');
    if (signal?.aborted) throw abortError(signal);
    return new Promise((resolve, reject) => {
      const errorListener = (err) => {
        emitter.removeListener(name, resolver);
        if (signal != null) removeAgnostic(signal, 'abort', abortListener);
        reject(err);
      };
      const resolver = (...args) => {
        if (typeof emitter.removeListener === 'function') emitter.removeListener('error', errorListener);
        if (signal != null) removeAgnostic(signal, 'abort', abortListener);
        resolve(args);
      };
      addAgnostic(emitter, name, resolver, { once: true });
      if (name !== 'error' && typeof emitter.once === 'function') emitter.once('error', errorListener);
      function abortListener() {
        removeAgnostic(emitter, name, resolver);
        removeAgnostic(emitter, 'error', errorListener);
        reject(abortError(signal));
      }
      if (signal != null) addAgnostic(signal, 'abort', abortListener, { once: true });
    });
  }

  // addAbortListener(signal, listener) calls listener once on abort (in a microtask when the signal
  // has already aborted) and returns a disposable that removes it.
  function addAbortListener(signal, listener) {
    if (signal === undefined) throw natives.argType('signal', ['AbortSignal'], signal);
    validateAbortSignal(signal, 'signal');
    validateFunction(listener, 'listener');
    let remove;
    if (signal.aborted) {
      queueMicrotask(() => listener());
    } else {
      signal.addEventListener('abort', listener, { once: true });
      remove = () => signal.removeEventListener('abort', listener);
    }
    const disposable = Object.create(null);
    disposable[disposeSymbol()] = function () { remove?.(); };
    return disposable;
  }

  // The prototype of Node's async iterators: what makes them usable in for await.
  const AsyncIteratorPrototype = { [asyncIteratorSymbol]() { return this; } };

  // events.on(emitter, event[, options]): an async iterator of the argument arrays of `event`. It ends
  // on one of options.close's events, throws the first 'error' (unless event is 'error') and the
  // AbortError of options.signal; above options.highWaterMark unread events it pauses the emitter and
  // resumes it below options.lowWaterMark.
  function on(emitter, event, options = {}) {
    const signal = options.signal;
    validateAbortSignal(signal, 'options.signal');
    if (signal?.aborted) throw abortError(signal);
    const high = options.highWaterMark ?? options.highWatermark ?? Number.MAX_SAFE_INTEGER;
    validateInteger(high, 'options.highWaterMark', 1);
    const low = options.lowWaterMark ?? options.lowWatermark ?? 1;
    validateInteger(low, 'options.lowWaterMark', 1);

    const unread = [];
    const waiting = [];
    let paused = false;
    let error = null;
    let finished = false;
    const done = () => ({ value: undefined, done: true });

    const iterator = Object.setPrototypeOf({
      next() {
        if (unread.length > 0) {
          const value = unread.shift();
          if (paused && unread.length < low) {
            emitter.resume();
            paused = false;
          }
          return Promise.resolve({ value, done: false });
        }
        if (error) {
          const p = Promise.reject(error);
          error = null;
          return p;
        }
        if (finished) return closeHandler();
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
      },
      return() {
        return closeHandler();
      },
      throw(err) {
        if (!err || !(err instanceof Error)) throw natives.argType('EventEmitter.AsyncIterator', ['Error'], err);
        errorHandler(err);
      },
      [asyncIteratorSymbol]() {
        return this;
      },
      [kWatermarkData]: {
        get size() { return unread.length; },
        get low() { return low; },
        get high() { return high; },
        get isPaused() { return paused; },
      },
    }, AsyncIteratorPrototype);

    const added = [];
    const listen = (name, handler) => {
      addAgnostic(emitter, name, handler);
      added.push([name, handler]);
    };
    listen(event, (...args) => eventHandler(args));
    if (event !== 'error' && typeof emitter.on === 'function') listen('error', errorHandler);
    const closeEvents = options?.close;
    if (closeEvents?.length) {
      for (let i = 0; i < closeEvents.length; i++) listen(closeEvents[i], closeHandler);
    }
    const abortListening = signal ? addAbortListener(signal, () => errorHandler(abortError(signal))) : null;
    return iterator;

    function eventHandler(value) {
      if (waiting.length > 0) {
        waiting.shift().resolve({ value, done: false });
        return;
      }
      unread.push(value);
      if (!paused && unread.length > high) {
        paused = true;
        emitter.pause();
      }
    }

    function errorHandler(err) {
      if (waiting.length > 0) waiting.shift().reject(err);
      else error = err;
      closeHandler();
    }

    function closeHandler() {
      abortListening?.[disposeSymbol()]();
      while (added.length > 0) {
        const [name, handler] = added.pop();
        removeAgnostic(emitter, name, handler);
      }
      finished = true;
      while (waiting.length > 0) waiting.shift().resolve(done());
      return Promise.resolve(done());
    }
  }

  // EventEmitterAsyncResource is an EventEmitter whose listeners run in the async scope of an
  // AsyncResource created with it. It is built on first use, as Node does, from async_hooks.
  let EventEmitterAsyncResource;
  function lazyEventEmitterAsyncResource() {
    if (EventEmitterAsyncResource !== undefined) return EventEmitterAsyncResource;
    const AsyncResource = natives.asyncResource();
    const kEventEmitter = Symbol('kEventEmitter');
    const kAsyncResource = Symbol('kAsyncResource');
    const invalidThis = (type) => natives.error('TypeError', 'ERR_INVALID_THIS', 'Value of "this" must be of type ' + type);

    class EventEmitterReferencingAsyncResource extends AsyncResource {
      constructor(ee, type, options) {
        super(type, options);
        this[kEventEmitter] = ee;
      }

      get eventEmitter() {
        if (this[kEventEmitter] === undefined) throw invalidThis('EventEmitterReferencingAsyncResource');
        return this[kEventEmitter];
      }
    }

    EventEmitterAsyncResource = class EventEmitterAsyncResource extends EventEmitter {
      constructor(options = undefined) {
        let name;
        if (typeof options === 'string') {
          name = options;
          options = undefined;
        } else {
          if (new.target === EventEmitterAsyncResource) validateString(options?.name, 'options.name');
          name = options?.name || new.target.name;
        }
        super(options);
        this[kAsyncResource] = new EventEmitterReferencingAsyncResource(this, name, options);
      }

      emit(event, ...args) {
        if (this[kAsyncResource] === undefined) throw invalidThis('EventEmitterAsyncResource');
        const resource = this.asyncResource;
        return resource.runInAsyncScope(super.emit, this, event, ...args);
      }

      emitDestroy() {
        if (this[kAsyncResource] === undefined) throw invalidThis('EventEmitterAsyncResource');
        this.asyncResource.emitDestroy();
      }

      get asyncId() {
        if (this[kAsyncResource] === undefined) throw invalidThis('EventEmitterAsyncResource');
        return this.asyncResource.asyncId();
      }

      get triggerAsyncId() {
        if (this[kAsyncResource] === undefined) throw invalidThis('EventEmitterAsyncResource');
        return this.asyncResource.triggerAsyncId();
      }

      get asyncResource() {
        if (this[kAsyncResource] === undefined) throw invalidThis('EventEmitterAsyncResource');
        return this[kAsyncResource];
      }
    };
    return EventEmitterAsyncResource;
  }

  return EventEmitter;
})
