// fs.watch with FSWatcher, fs.promises.watch, and fs.watchFile/unwatchFile with StatWatcher, over
// the Go watchers (natives.watch and natives.watchFile).
(function (ns) {
  'use strict';

  const { natives, fs, promises, EventEmitter, Buffer } = ns;

  // encodeName gives a changed file's name in the watcher's encoding.
  function encodeName(filename, encoding) {
    if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return filename;
    const bytes = Buffer.from(filename);
    return encoding === 'buffer' ? bytes : bytes.toString(encoding);
  }

  // start begins a watch, giving Node's error (with filename) when the path cannot be watched.
  function start(filename, recursive, onchange) {
    try {
      return natives.watch(filename, recursive, onchange);
    } catch (err) {
      if (err && err.syscall === 'watch') err.filename = filename;
      throw err;
    }
  }

  function watchOptions(options) {
    options = { ...ns.getOptions(options) };
    if (options.persistent === undefined) options.persistent = true;
    if (options.recursive === undefined) options.recursive = false;
    ns.validateBoolean(options.persistent, 'options.persistent');
    ns.validateBoolean(options.recursive, 'options.recursive');
    ns.validateAbortSignal(options.signal, 'options.signal');
    return options;
  }

  function FSWatcher() {
    EventEmitter.call(this);
    this._handle = null;
  }
  Object.setPrototypeOf(FSWatcher.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(FSWatcher, EventEmitter);

  ns.defineHidden(FSWatcher.prototype, 'close', function close() {
    if (this._handle === null) return;
    this._handle.close();
    this._handle = null;
    ns.nextTick(() => this.emit('close'));
  });
  ns.defineHidden(FSWatcher.prototype, 'ref', function ref() { return this; });
  ns.defineHidden(FSWatcher.prototype, 'unref', function unref() { return this; });

  fs.watch = function watch(filename, options, listener) {
    if (typeof options === 'function') listener = options;
    options = watchOptions(options);
    const path = natives.path(filename, 'path');
    const watcher = new FSWatcher();
    watcher._handle = start(path, options.recursive, (eventType, name) => {
      watcher.emit('change', eventType, encodeName(name, options.encoding));
    });
    if (listener) watcher.addListener('change', listener);
    const signal = options.signal;
    if (signal) {
      if (signal.aborted) {
        ns.nextTick(() => watcher.close());
      } else {
        const onAbort = () => watcher.close();
        signal.addEventListener('abort', onAbort, { once: true });
        watcher.once('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
    return watcher;
  };

  // promises.watch is Node's async generator over change events, written out by hand (goja has no
  // async generators). Events are queued until next() takes them.
  promises.watch = function watch(filename, options = {}) {
    let state = 'start';
    let handle = null;
    let signal;
    let onAbort;
    const events = [];
    const waiters = [];

    function finish() {
      state = 'done';
      if (handle !== null) handle.close();
      handle = null;
      if (signal && onAbort) signal.removeEventListener('abort', onAbort);
      for (const w of waiters.splice(0)) w.resolve({ value: undefined, done: true });
    }

    function begin() {
      const path = natives.path(filename, 'path');
      ns.validateObject(options, 'options');
      const { persistent = true, recursive = false, encoding = 'utf8' } = options;
      signal = options.signal;
      ns.validateBoolean(persistent, 'options.persistent');
      ns.validateBoolean(recursive, 'options.recursive');
      ns.validateAbortSignal(signal, 'options.signal');
      ns.validateEncoding(encoding);
      if (signal && signal.aborted) throw ns.abortError(signal);
      handle = start(path, recursive, (eventType, name) => {
        const event = { eventType, filename: encodeName(name, encoding) };
        if (waiters.length > 0) waiters.shift().resolve({ value: event, done: false });
        else events.push(event);
      });
      if (signal) {
        onAbort = () => {
          const err = ns.abortError(signal);
          const pending = waiters.splice(0);
          finish();
          for (const w of pending) w.reject(err);
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }
      state = 'running';
    }

    const iterator = {
      next() {
        try {
          if (state === 'start') begin();
        } catch (err) {
          state = 'done';
          return Promise.reject(err);
        }
        if (events.length > 0) return Promise.resolve({ value: events.shift(), done: false });
        if (state === 'done') return Promise.resolve({ value: undefined, done: true });
        if (signal && signal.aborted) {
          finish();
          return Promise.reject(ns.abortError(signal));
        }
        return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
      },
      return(value) {
        finish();
        events.length = 0;
        return Promise.resolve({ value, done: true });
      },
      throw(err) {
        finish();
        return Promise.reject(err);
      },
      [ns.asyncIterator]() { return this; },
    };
    Object.defineProperty(iterator, Symbol.toStringTag, { value: 'AsyncGenerator' });
    return iterator;
  };

  const kBigint = Symbol('kBigint');
  const kRefs = Symbol('kRefs');

  function StatWatcher(bigint) {
    EventEmitter.call(this);
    this._handle = null;
    this[kBigint] = !!bigint;
    this[kRefs] = 1;
  }
  Object.setPrototypeOf(StatWatcher.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(StatWatcher, EventEmitter);

  ns.defineHidden(StatWatcher.prototype, 'stop', function stop() {
    if (this._handle === null) return;
    this._handle.stop();
    this._handle = null;
    ns.nextTick(() => this.emit('stop'));
  });
  ns.defineHidden(StatWatcher.prototype, 'ref', function ref() { return this; });
  ns.defineHidden(StatWatcher.prototype, 'unref', function unref() { return this; });

  // statWatchers are the StatWatchers by absolute path: watchFile shares one per file.
  const statWatchers = new Map();

  fs.watchFile = function watchFile(filename, options, listener) {
    filename = natives.resolve(natives.path(filename, 'path'));
    if (options === null || typeof options !== 'object') {
      listener = options;
      options = null;
    }
    options = { interval: 5007, persistent: true, ...options };
    ns.validateFunction(listener, 'listener');
    let watcher = statWatchers.get(filename);
    if (watcher === undefined) {
      ns.validateInteger(options.interval, 'interval', 0, 4294967295);
      watcher = new StatWatcher(options.bigint);
      watcher._handle = natives.watchFile(filename, options.interval, watcher[kBigint], (curr, prev) => {
        watcher.emit('change', curr, prev);
      });
      statWatchers.set(filename, watcher);
    } else {
      watcher[kRefs]++;
    }
    watcher.addListener('change', listener);
    return watcher;
  };

  fs.unwatchFile = function unwatchFile(filename, listener) {
    filename = natives.resolve(natives.path(filename, 'path'));
    const watcher = statWatchers.get(filename);
    if (watcher === undefined) return;
    if (typeof listener === 'function') {
      watcher.removeListener('change', listener);
    } else {
      watcher.removeAllListeners('change');
    }
    if (watcher.listenerCount('change') === 0) {
      watcher.stop();
      statWatchers.delete(filename);
    }
  };
});
