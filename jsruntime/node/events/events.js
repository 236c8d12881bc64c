// EventEmitter for pluginhost runtimes: Node's events module semantics (listener order, once wrappers,
// 'newListener'/'removeListener', unhandled 'error' throws, events.once). Evaluated once per runtime;
// the function below returns the module's exports.
(function () {
  'use strict';

  var defaultMaxListeners = 10;
  var errorMonitor = Symbol('events.errorMonitor');

  function invalidArgType(name, expected, actual) {
    var received;
    if (actual === null || actual === undefined) {
      received = ' Received ' + actual;
    } else if (typeof actual === 'function') {
      received = ' Received function ' + (actual.name || '<anonymous>');
    } else if (typeof actual === 'object') {
      received = ' Received an instance of ' + ((actual.constructor && actual.constructor.name) || 'Object');
    } else {
      var shown = String(actual);
      if (shown.length > 25) shown = shown.slice(0, 25) + '...';
      if (typeof actual === 'string') shown = "'" + shown + "'";
      received = ' Received type ' + typeof actual + ' (' + shown + ')';
    }
    var err = new TypeError('The "' + name + '" argument must be of type ' + expected + '.' + received);
    err.code = 'ERR_INVALID_ARG_TYPE';
    return err;
  }

  function checkListener(listener) {
    if (typeof listener !== 'function') throw invalidArgType('listener', 'function', listener);
  }

  function checkMaxListeners(n, name) {
    if (typeof n !== 'number' || n < 0 || n !== n) {
      var err = new RangeError('The value of "' + name + '" is out of range. It must be a non-negative number. Received ' + String(n));
      err.code = 'ERR_OUT_OF_RANGE';
      throw err;
    }
  }

  function EventEmitter(opts) {
    EventEmitter.init.call(this, opts);
  }

  EventEmitter.prototype._events = undefined;
  EventEmitter.prototype._eventsCount = 0;
  EventEmitter.prototype._maxListeners = undefined;

  EventEmitter.init = function init() {
    if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    }
    this._maxListeners = this._maxListeners || undefined;
  };

  Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
    enumerable: true,
    get: function () { return defaultMaxListeners; },
    set: function (n) { checkMaxListeners(n, 'defaultMaxListeners'); defaultMaxListeners = n; }
  });

  EventEmitter.errorMonitor = errorMonitor;

  EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
    checkMaxListeners(n, 'n');
    this._maxListeners = n;
    return this;
  };

  EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
    return this._maxListeners === undefined ? defaultMaxListeners : this._maxListeners;
  };

  EventEmitter.prototype.emit = function emit(type) {
    var args = [];
    for (var i = 1; i < arguments.length; i++) args.push(arguments[i]);
    var events = this._events;
    if (type === 'error' && events !== undefined && events[errorMonitor] !== undefined) {
      this.emit.apply(this, [errorMonitor].concat(args));
    }
    if (type === 'error' && (events === undefined || events.error === undefined)) {
      var er = args[0];
      if (er instanceof Error) throw er;
      var shown;
      try { shown = typeof er === 'string' ? "'" + er + "'" : JSON.stringify(er); } catch (e) { shown = String(er); }
      var err = new Error('Unhandled error.' + (er === undefined ? '' : ' (' + shown + ')'));
      err.code = 'ERR_UNHANDLED_ERROR';
      err.context = er;
      throw err;
    }
    if (events === undefined) return false;
    var handler = events[type];
    if (handler === undefined) return false;
    if (typeof handler === 'function') {
      Reflect.apply(handler, this, args);
    } else {
      var listeners = handler.slice();
      for (var j = 0; j < listeners.length; j++) Reflect.apply(listeners[j], this, args);
    }
    return true;
  };

  function addListener(target, type, listener, prepend) {
    checkListener(listener);
    var events = target._events;
    if (events === undefined) {
      events = target._events = Object.create(null);
      target._eventsCount = 0;
    } else {
      if (events.newListener !== undefined) {
        target.emit('newListener', type, listener.listener ? listener.listener : listener);
        events = target._events;
      }
    }
    var existing = events[type];
    if (existing === undefined) {
      events[type] = listener;
      target._eventsCount++;
    } else if (typeof existing === 'function') {
      events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
      existing.unshift(listener);
    } else {
      existing.push(listener);
    }
    return target;
  }

  EventEmitter.prototype.addListener = function addListener_(type, listener) {
    return addListener(this, type, listener, false);
  };
  EventEmitter.prototype.on = EventEmitter.prototype.addListener;

  EventEmitter.prototype.prependListener = function prependListener(type, listener) {
    return addListener(this, type, listener, true);
  };

  function onceWrapper(target, type, listener) {
    var state = { fired: false, target: target, type: type, listener: listener };
    var wrapped = function () {
      if (state.fired) return undefined;
      state.target.removeListener(state.type, wrapped);
      state.fired = true;
      return state.listener.apply(state.target, arguments);
    };
    wrapped.listener = listener;
    return wrapped;
  }

  EventEmitter.prototype.once = function once(type, listener) {
    checkListener(listener);
    this.on(type, onceWrapper(this, type, listener));
    return this;
  };

  EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
    checkListener(listener);
    this.prependListener(type, onceWrapper(this, type, listener));
    return this;
  };

  EventEmitter.prototype.removeListener = function removeListener(type, listener) {
    checkListener(listener);
    var events = this._events;
    if (events === undefined) return this;
    var list = events[type];
    if (list === undefined) return this;
    if (list === listener || list.listener === listener) {
      this._eventsCount--;
      if (this._eventsCount === 0) {
        this._events = Object.create(null);
      } else {
        delete events[type];
      }
      if (events.removeListener !== undefined) this.emit('removeListener', type, list.listener || listener);
    } else if (typeof list !== 'function') {
      var position = -1;
      for (var i = list.length - 1; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) {
          position = i;
          break;
        }
      }
      if (position < 0) return this;
      var removed = list[position];
      list.splice(position, 1);
      if (list.length === 1) events[type] = list[0];
      if (events.removeListener !== undefined) this.emit('removeListener', type, removed.listener || listener);
    }
    return this;
  };
  EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

  EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
    var events = this._events;
    if (events === undefined) return this;
    if (events.removeListener === undefined) {
      if (arguments.length === 0) {
        this._events = Object.create(null);
        this._eventsCount = 0;
      } else if (events[type] !== undefined) {
        if (--this._eventsCount === 0) this._events = Object.create(null);
        else delete events[type];
      }
      return this;
    }
    if (arguments.length === 0) {
      var keys = Reflect.ownKeys(events);
      for (var i = 0; i < keys.length; i++) {
        if (keys[i] === 'removeListener') continue;
        this.removeAllListeners(keys[i]);
      }
      this.removeAllListeners('removeListener');
      this._events = Object.create(null);
      this._eventsCount = 0;
      return this;
    }
    var listeners = events[type];
    if (typeof listeners === 'function') {
      this.removeListener(type, listeners);
    } else if (listeners !== undefined) {
      for (var j = listeners.length - 1; j >= 0; j--) this.removeListener(type, listeners[j]);
    }
    return this;
  };

  function listenersOf(target, type, unwrap) {
    var events = target._events;
    if (events === undefined) return [];
    var list = events[type];
    if (list === undefined) return [];
    if (typeof list === 'function') return unwrap ? [list.listener || list] : [list];
    var copy = list.slice();
    if (unwrap) {
      for (var i = 0; i < copy.length; i++) copy[i] = copy[i].listener || copy[i];
    }
    return copy;
  }

  EventEmitter.prototype.listeners = function listeners(type) { return listenersOf(this, type, true); };
  EventEmitter.prototype.rawListeners = function rawListeners(type) { return listenersOf(this, type, false); };

  function listenerCount(type, listener) {
    var events = this._events;
    if (events === undefined) return 0;
    var list = events[type];
    if (list === undefined) return 0;
    if (typeof list === 'function') {
      return listener === undefined || list === listener || list.listener === listener ? 1 : 0;
    }
    if (listener === undefined) return list.length;
    var n = 0;
    for (var i = 0; i < list.length; i++) {
      if (list[i] === listener || list[i].listener === listener) n++;
    }
    return n;
  }
  EventEmitter.prototype.listenerCount = listenerCount;
  EventEmitter.listenerCount = function (emitter, type) {
    if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
    return listenerCount.call(emitter, type);
  };

  EventEmitter.prototype.eventNames = function eventNames() {
    return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
  };

  // events.once(emitter, name): a promise of the arguments of the next `name` event. It rejects on an
  // 'error' event unless `name` is 'error' itself, as Node's does.
  function once(emitter, name) {
    return new Promise(function (resolve, reject) {
      var errorListener;
      var resolver = function () {
        if (errorListener !== undefined) emitter.removeListener('error', errorListener);
        resolve(Array.prototype.slice.call(arguments));
      };
      if (name !== 'error') {
        errorListener = function (err) {
          emitter.removeListener(name, resolver);
          reject(err);
        };
        emitter.once('error', errorListener);
      }
      emitter.once(name, resolver);
    });
  }

  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.once = once;
  EventEmitter.getEventListeners = function getEventListeners(emitter, name) {
    return emitter.listeners(name);
  };
  EventEmitter.setMaxListeners = function setMaxListeners(n) {
    checkMaxListeners(n, 'n');
    for (var i = 1; i < arguments.length; i++) arguments[i].setMaxListeners(n);
    if (arguments.length <= 1) defaultMaxListeners = n;
  };
  return EventEmitter;
})()
