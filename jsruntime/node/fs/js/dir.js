// fs.Dir and opendir/opendirSync/promises.opendir. The Go call reads the whole directory when it
// opens (natives.opendir); Dir hands the entries out one by one.
(function (ns) {
  'use strict';

  const { natives, fs, promises } = ns;
  const kEntries = Symbol('kEntries');
  const kPath = Symbol('kPath');
  const kClosed = Symbol('kClosed');

  function closedError() {
    return natives.error('Error', 'ERR_DIR_CLOSED', 'Directory handle was closed');
  }

  class Dir {
    constructor(path, entries) {
      this[kPath] = path;
      this[kEntries] = entries;
      this[kClosed] = false;
    }

    get path() { return this[kPath]; }

    readSync() {
      if (this[kClosed]) throw closedError();
      return this[kEntries].length > 0 ? this[kEntries].shift() : null;
    }

    read(callback) {
      if (callback === undefined) {
        try {
          return Promise.resolve(this.readSync());
        } catch (err) {
          return Promise.reject(err);
        }
      }
      ns.validateFunction(callback, 'callback');
      const entry = this.readSync();
      ns.nextTick(() => callback(null, entry));
    }

    closeSync() {
      if (this[kClosed]) throw closedError();
      this[kClosed] = true;
      this[kEntries] = [];
    }

    close(callback) {
      if (callback === undefined) {
        try {
          this.closeSync();
          return Promise.resolve();
        } catch (err) {
          return Promise.reject(err);
        }
      }
      ns.validateFunction(callback, 'callback');
      let err = null;
      try {
        this.closeSync();
      } catch (e) {
        err = e;
      }
      ns.nextTick(() => callback(err));
    }

    // entries iterates the directory and closes it at the end, as for await over the Dir does.
    entries() {
      const dir = this;
      return {
        next() {
          try {
            const entry = dir.readSync();
            if (entry !== null) return Promise.resolve({ value: entry, done: false });
            dir.closeSync();
            return Promise.resolve({ value: undefined, done: true });
          } catch (err) {
            return Promise.reject(err);
          }
        },
        return() {
          if (!dir[kClosed]) dir.closeSync();
          return Promise.resolve({ value: undefined, done: true });
        },
        [ns.asyncIterator]() { return this; },
      };
    }

    [ns.asyncIterator]() { return this.entries(); }
  }

  function dirArgs(path, options) {
    path = natives.path(path, 'path');
    options = ns.getOptions(options, { encoding: 'utf8' });
    if (options.bufferSize !== undefined) ns.validateInteger(options.bufferSize, 'options.bufferSize', 1, 4294967295);
    return [path, !!options.recursive];
  }

  fs.Dir = Dir;
  fs.opendirSync = function opendirSync(path, options) {
    const [p, recursive] = dirArgs(path, options);
    return new Dir(p, natives.sync.opendir(p, recursive, false));
  };
  fs.opendir = function opendir(path, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    ns.validateFunction(callback, 'callback');
    const [p, recursive] = dirArgs(path, options);
    natives.cb.opendir(p, recursive, true, (err, entries) => callback(err, err ? undefined : new Dir(p, entries)));
  };
  promises.opendir = function opendir(path, options) {
    try {
      const [p, recursive] = dirArgs(path, options);
      return natives.p.opendir(p, recursive, true).then((entries) => new Dir(p, entries));
    } catch (err) {
      return Promise.reject(err);
    }
  };

  // realpath.native and fs.promises.realpath are realpath(3), which reports errors with the path as
  // given; fs.realpath and realpathSync walk the path as Node's JS implementation does.
  fs.realpath.native = natives.cb.realpathNative;
  fs.realpathSync.native = natives.sync.realpathNative;
  promises.realpath = natives.p.realpathNative;
});
