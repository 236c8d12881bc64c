// fs.ReadStream and fs.WriteStream, as Node's lib/internal/fs/streams.js: Readable and Writable
// subclasses that open their file in _construct and read or write it chunk by chunk through the fs
// callback functions (or a FileHandle's methods), so the I/O happens off the loop. Evaluated on
// first use, with ns.stream the stream module; it returns { ReadStream, WriteStream }.
(function (ns) {
  'use strict';

  const { natives, fs, stream, Buffer } = ns;
  const { Readable, Writable, finished } = stream;
  const kFs = Symbol('kFs');
  const kHandle = Symbol('kHandle');
  const kIsPerformingIO = Symbol('kIsPerformingIO');
  const kIoDone = Symbol('kIoDone');

  // handleOps are the fs functions a stream uses, performed through a FileHandle.
  function handleOps(handle) {
    return {
      open: (path, flags, mode, cb) => { throw natives.error('Error', 'ERR_METHOD_NOT_IMPLEMENTED', 'The open() method is not implemented'); },
      close: (fd, cb) => { handle.close().then(() => cb(), cb); },
      read: (fd, buf, offset, length, pos, cb) => {
        handle.read(buf, offset, length, pos).then((r) => cb(null, r.bytesRead, r.buffer), (err) => cb(err, 0, buf));
      },
      write: (fd, buf, offset, length, pos, cb) => {
        handle.write(buf, offset, length, pos).then((r) => cb(null, r.bytesWritten, r.buffer), (err) => cb(err, 0, buf));
      },
      writev: (fd, buffers, pos, cb) => {
        handle.writev(buffers, pos).then((r) => cb(null, r.bytesWritten, r.buffers), (err) => cb(err, 0, buffers));
      },
      fsync: (fd, cb) => { handle.sync().then(() => cb(), cb); },
    };
  }

  // importFd takes options.fd: a descriptor number or a FileHandle, whose close closes the stream.
  function importFd(stream, options) {
    if (typeof options.fd === 'number') {
      stream[kFs] = options.fs || fs;
      return natives.fd(options.fd);
    }
    if (options.fd instanceof ns.FileHandle) {
      if (options.fs) throw natives.error('Error', 'ERR_METHOD_NOT_IMPLEMENTED', 'The FileHandle with fs method is not implemented');
      stream[kHandle] = options.fd;
      stream[kFs] = handleOps(options.fd);
      options.fd.on('close', stream.close.bind(stream));
      return options.fd.fd;
    }
    throw natives.argType('options.fd', 'of type number or an instance of FileHandle', options.fd);
  }

  // setup is what both constructors do: options, the file to open or the descriptor to use.
  function setup(stream, path, options, defaultFlags) {
    if (options.fd == null) {
      stream.fd = null;
      stream[kFs] = options.fs || fs;
      ns.validateFunction(stream[kFs].open, 'options.fs.open');
      stream.path = natives.path(path, 'path');
      stream.flags = options.flags === undefined ? defaultFlags : options.flags;
      stream.mode = options.mode === undefined ? 0o666 : options.mode;
    } else {
      stream.fd = importFd(stream, options);
    }
    options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
    stream.start = options.start;
    stream.pos = undefined;
    stream[kIsPerformingIO] = false;
    if (stream.start !== undefined) {
      ns.validateInteger(stream.start, 'start', 0);
      stream.pos = stream.start;
    }
  }

  function construct(callback) {
    const stream = this;
    if (typeof stream.fd === 'number') {
      callback();
      return;
    }
    stream[kFs].open(stream.path, stream.flags, stream.mode, (er, fd) => {
      if (er) {
        callback(er);
      } else {
        stream.fd = fd;
        callback();
        stream.emit('open', stream.fd);
        stream.emit('ready');
      }
    });
  }

  // close closes the descriptor, after an fsync for a WriteStream made with flush.
  function close(stream, err, cb) {
    if (!stream.fd) {
      cb(err);
    } else if (stream.flush) {
      stream[kFs].fsync(stream.fd, (flushErr) => closeAfterSync(stream, err || flushErr, cb));
    } else {
      closeAfterSync(stream, err, cb);
    }
  }

  function closeAfterSync(stream, err, cb) {
    stream[kFs].close(stream.fd, (er) => cb(er || err));
    stream.fd = null;
  }

  // destroy waits for I/O in flight before closing the descriptor, as Node does.
  function destroy(err, cb) {
    if (this[kIsPerformingIO]) this.once(kIoDone, (er) => close(this, err || er, cb));
    else close(this, err, cb);
  }

  // errorOrDestroy fails the stream: destroyed with autoClose, else the error is emitted.
  function errorOrDestroy(stream, err) {
    const r = stream._readableState;
    const w = stream._writableState;
    if ((r && r.destroyed) || (w && w.destroyed)) return;
    if ((r && r.autoDestroy) || (w && w.autoDestroy)) stream.destroy(err);
    else stream.emit('error', err);
  }

  function pending() { return this.fd === null; }

  function ReadStream(path, options) {
    if (!(this instanceof ReadStream)) return new ReadStream(path, options);
    options = { ...ns.getOptions(options, {}) };
    if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
    setup(this, path, options, 'r');
    this.end = options.end ?? Infinity;
    this.bytesRead = 0;
    if (this.end !== Infinity) {
      ns.validateInteger(this.end, 'end', 0);
      if (this.start !== undefined && this.start > this.end) {
        throw natives.outOfRange('start', `<= "end" (here: ${this.end})`, this.start);
      }
    }
    Readable.call(this, options);
  }
  Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
  Object.setPrototypeOf(ReadStream, Readable);

  Object.defineProperty(ReadStream.prototype, 'autoClose', {
    get() { return this._readableState.autoDestroy; },
    set(val) { this._readableState.autoDestroy = val; },
    configurable: true,
  });
  Object.defineProperty(ReadStream.prototype, 'pending', { get: pending, configurable: true });
  ns.defineHidden(ReadStream.prototype, '_construct', construct);
  ns.defineHidden(ReadStream.prototype, '_destroy', destroy);

  ns.defineHidden(ReadStream.prototype, '_read', function _read(n) {
    n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
    if (n <= 0) {
      this.push(null);
      return;
    }
    const buf = Buffer.allocUnsafeSlow(n);
    this[kIsPerformingIO] = true;
    this[kFs].read(this.fd, buf, 0, n, this.pos, (er, bytesRead, buf) => {
      this[kIsPerformingIO] = false;
      // Tell _destroy it may close the descriptor now.
      if (this.destroyed) {
        this.emit(kIoDone, er);
        return;
      }
      if (er) {
        errorOrDestroy(this, er);
      } else if (bytesRead > 0) {
        if (this.pos !== undefined) this.pos += bytesRead;
        this.bytesRead += bytesRead;
        if (bytesRead !== buf.length) {
          const dst = Buffer.allocUnsafeSlow(bytesRead);
          buf.copy(dst, 0, 0, bytesRead);
          buf = dst;
        }
        this.push(buf);
      } else {
        this.push(null);
      }
    });
  });

  ns.defineHidden(ReadStream.prototype, 'close', function close(cb) {
    if (typeof cb === 'function') finished(this, cb);
    this.destroy();
  });

  function WriteStream(path, options) {
    if (!(this instanceof WriteStream)) return new WriteStream(path, options);
    options = { ...ns.getOptions(options, {}) };
    // Only buffers reach _write.
    options.decodeStrings = true;
    setup(this, path, options, 'w');
    this.bytesWritten = 0;
    if (options.flush == null) {
      this.flush = false;
    } else {
      ns.validateBoolean(options.flush, 'options.flush');
      this.flush = options.flush;
    }
    Writable.call(this, options);
    if (options.encoding) this.setDefaultEncoding(options.encoding);
  }
  Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
  Object.setPrototypeOf(WriteStream, Writable);

  Object.defineProperty(WriteStream.prototype, 'autoClose', {
    get() { return this._writableState.autoDestroy; },
    set(val) { this._writableState.autoDestroy = val; },
    configurable: true,
  });
  Object.defineProperty(WriteStream.prototype, 'pending', { get: pending, configurable: true });
  ns.defineHidden(WriteStream.prototype, '_construct', construct);
  ns.defineHidden(WriteStream.prototype, '_destroy', destroy);

  // writeAll writes data[0:size] at pos, retrying short writes, up to 5 times without progress.
  function writeAll(data, size, pos, cb, retries = 0) {
    this[kFs].write(this.fd, data, 0, size, pos, (er, bytesWritten, buffer) => {
      if (er && er.code === 'EAGAIN') {
        er = null;
        bytesWritten = 0;
      }
      if (this.destroyed || er) {
        return cb(er || natives.error('Error', 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed'));
      }
      this.bytesWritten += bytesWritten;
      retries = bytesWritten ? 0 : retries + 1;
      size -= bytesWritten;
      if (pos !== undefined && pos !== null) pos += bytesWritten;
      if (retries > 5) cb(natives.error('Error', 'ERR_SYSTEM_ERROR', 'A system error occurred: write failed'));
      else if (size) writeAll.call(this, buffer.slice(bytesWritten), size, pos, cb, retries);
      else cb();
    });
  }

  ns.defineHidden(WriteStream.prototype, '_write', function _write(data, encoding, cb) {
    this[kIsPerformingIO] = true;
    writeAll.call(this, data, data.length, this.pos, (er) => {
      this[kIsPerformingIO] = false;
      if (this.destroyed) {
        // Tell _destroy it may close the descriptor now.
        cb(er);
        return this.emit(kIoDone, er);
      }
      cb(er);
    });
    if (this.pos !== undefined) this.pos += data.length;
  });

  ns.defineHidden(WriteStream.prototype, '_writev', function _writev(chunks, cb) {
    const data = Buffer.concat(chunks.map((c) => c.chunk));
    this._write(data, 'buffer', cb);
  });

  ns.defineHidden(WriteStream.prototype, 'close', function close(cb) {
    if (cb) {
      if (this.closed) {
        ns.nextTick(cb);
        return;
      }
      this.on('close', cb);
    }
    // Without autoClose, the stream is destroyed once finished.
    if (!this.autoClose) this.on('finish', this.destroy);
    this.end();
  });
  // There is no shutdown() for files.
  ns.defineHidden(WriteStream.prototype, 'destroySoon', WriteStream.prototype.end);

  return { ReadStream, WriteStream };
});
