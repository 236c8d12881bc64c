// FileHandle, the object fs.promises.open resolves to, and the fs.promises functions that accept
// one. Its methods are Go's promise forms of the descriptor calls (natives.p).
(function (ns) {
  'use strict';

  const { natives, promises, EventEmitter, Buffer } = ns;
  const p = natives.p;
  const kFd = Symbol('kFd');
  const kClosing = Symbol('kClosing');

  function closedError(syscall) {
    const err = new Error('file closed');
    err.code = 'EBADF';
    err.syscall = syscall;
    return err;
  }

  // call runs fn(fd, ...) as an async FileHandle method: a closed handle rejects with Node's EBADF
  // "file closed" naming syscall, as do thrown argument errors.
  function call(handle, syscall, fn) {
    if (!(handle instanceof FileHandle)) {
      return Promise.reject(natives.error('TypeError', 'ERR_INVALID_THIS', 'Value of "this" must be of type FileHandle'));
    }
    if (handle[kFd] === -1) return Promise.reject(closedError(syscall));
    try {
      return Promise.resolve(fn(handle[kFd]));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  class FileHandle extends EventEmitter {
    constructor(fd) {
      super();
      this[kFd] = fd;
      this[kClosing] = null;
      // An own property, as in Node.
      this.close = () => {
        if (this[kFd] === -1) return this[kClosing] || Promise.resolve();
        const fd = this[kFd];
        this[kFd] = -1;
        this[kClosing] = p.close(fd).finally(() => { this[kClosing] = null; });
        this.emit('close');
        return this[kClosing];
      };
    }

    get fd() { return this[kFd]; }

    read(bufferOrParams, offset, length, position) {
      return call(this, 'read', (fd) => {
        let buffer = bufferOrParams;
        if (!ArrayBuffer.isView(buffer)) {
          // read(options)
          if (bufferOrParams !== undefined) ns.validateObject(bufferOrParams, 'options', true);
          ({ buffer = Buffer.alloc(16384), offset = 0, length = buffer.byteLength - offset, position = null } = bufferOrParams ?? {});
        } else if (offset !== null && typeof offset === 'object') {
          // read(buffer, options)
          ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
        }
        const args = ns.readArgs(buffer, offset, length, position);
        if (args === null) return { __proto__: null, bytesRead: 0, buffer };
        return p.read(fd, ...args).then((n) => ({ __proto__: null, bytesRead: n, buffer }));
      });
    }

    write(buffer, offsetOrOptions, length, position) {
      return call(this, 'write', (fd) => {
        if (ArrayBuffer.isView(buffer) && buffer.byteLength === 0) return { __proto__: null, bytesWritten: 0, buffer };
        return p.write(fd, ...ns.writeArgs(buffer, offsetOrOptions, length, position))
          .then((n) => ({ __proto__: null, bytesWritten: n, buffer }));
      });
    }

    readv(buffers, position) {
      return call(this, 'readv', (fd) => {
        ns.validateBufferArray(buffers);
        return p.readv(fd, buffers, typeof position === 'number' ? position : -1)
          .then((n) => ({ __proto__: null, bytesRead: n, buffers }));
      });
    }

    writev(buffers, position) {
      return call(this, 'writev', (fd) => {
        ns.validateBufferArray(buffers);
        if (buffers.length === 0) return { __proto__: null, bytesWritten: 0, buffers };
        const data = ns.concat(buffers);
        return p.write(fd, data, 0, data.length, typeof position === 'number' ? position : -1)
          .then((n) => ({ __proto__: null, bytesWritten: n, buffers }));
      });
    }

    readFile(options) { return call(this, 'readFile', (fd) => p.readFile(fd, options)); }
    writeFile(data, options) { return call(this, 'writeFile', (fd) => p.writeFile(fd, data, options)); }
    appendFile(data, options) { return call(this, 'writeFile', (fd) => p.appendFile(fd, data, options)); }
    stat(options) { return call(this, 'fstat', (fd) => p.fstat(fd, options)); }
    truncate(len) { return call(this, 'ftruncate', (fd) => p.ftruncate(fd, len)); }
    sync() { return call(this, 'fsync', (fd) => p.fsync(fd)); }
    datasync() { return call(this, 'fdatasync', (fd) => p.fdatasync(fd)); }
    chmod(mode) { return call(this, 'fchmod', (fd) => p.fchmod(fd, mode)); }
    chown(uid, gid) { return call(this, 'fchown', (fd) => p.fchown(fd, uid, gid)); }
    utimes(atime, mtime) { return call(this, 'futime', (fd) => p.futimes(fd, atime, mtime)); }

    createReadStream(options = undefined) {
      return new (natives.streams().ReadStream)(undefined, { ...options, fd: this });
    }

    createWriteStream(options = undefined) {
      return new (natives.streams().WriteStream)(undefined, { ...options, fd: this });
    }

    readLines() { throw natives.notSupported('filehandle.readLines'); }
    readableWebStream() { throw natives.notSupported('filehandle.readableWebStream'); }
  }
  ns.FileHandle = FileHandle;

  // Linux has no lchmod; Node's promise form exists and rejects.
  promises.lchmod = function lchmod() {
    return Promise.reject(natives.error('Error', 'ERR_METHOD_NOT_IMPLEMENTED', 'The lchmod() method is not implemented'));
  };

  promises.open = function open(path, flags, mode) {
    return p.open(path, flags, mode).then((fd) => new FileHandle(fd));
  };

  // readFile, writeFile and appendFile take a FileHandle too.
  for (const name of ['readFile', 'writeFile', 'appendFile']) {
    const byPath = p[name];
    promises[name] = {
      [name](target, ...args) {
        if (target instanceof FileHandle) return target[name](...args);
        if (typeof target === 'number') {
          return Promise.reject(natives.argType('path', 'of type string or an instance of Buffer, URL, or FileHandle', target));
        }
        return byPath(target, ...args);
      },
    }[name];
  }
});
