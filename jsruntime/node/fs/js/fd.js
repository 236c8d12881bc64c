// fs.read, readSync, write, writeSync, readv, readvSync, writev and writevSync: Node's argument
// forms and checks in front of the Go descriptor calls (natives.sync/cb/p .read/.write/.readv), and
// the normalisers FileHandle shares.
(function (ns) {
  'use strict';

  const { natives, fs, Buffer } = ns;
  const kEmpty = {};
  const MAX_POSITION = 2n ** 63n - 1n;

  function validateOffsetLengthRead(offset, length, bufferLength) {
    if (offset < 0) throw natives.outOfRange('offset', '>= 0', offset);
    if (length < 0) throw natives.outOfRange('length', '>= 0', length);
    if (offset + length > bufferLength) throw natives.outOfRange('length', `<= ${bufferLength - offset}`, length);
  }

  function validateOffsetLengthWrite(offset, length, byteLength) {
    if (offset > byteLength) throw natives.outOfRange('offset', `<= ${byteLength}`, offset);
    if (length > byteLength - offset) throw natives.outOfRange('length', `<= ${byteLength - offset}`, length);
    if (length < 0) throw natives.outOfRange('length', '>= 0', length);
    ns.validateInteger(length, 'length', 0, 2147483647);
  }

  function validatePosition(position, name) {
    if (typeof position === 'number') {
      ns.validateInteger(position, name, -1);
    } else if (typeof position === 'bigint') {
      if (!(position >= -MAX_POSITION - 1n && position <= MAX_POSITION)) {
        throw natives.outOfRange(name, `>= ${-MAX_POSITION - 1n} && <= ${MAX_POSITION}`, position);
      }
    } else {
      throw natives.argType(name, 'of type bigint or integer', position);
    }
  }

  // readArgs checks (buffer, offset, length, position) once the argument form is known and returns
  // them for the Go call, or null when nothing is to be read.
  function readArgs(buffer, offset, length, position) {
    ns.validateBuffer(buffer);
    if (offset == null) offset = 0;
    else ns.validateInteger(offset, 'offset', 0);
    length |= 0;
    if (length === 0) return null;
    if (buffer.byteLength === 0) throw natives.argValue('buffer', buffer, 'is empty and cannot be written');
    validateOffsetLengthRead(offset, length, buffer.byteLength);
    if (position == null) position = -1;
    validatePosition(position, 'position');
    return [buffer, offset, length, position];
  }
  ns.readArgs = readArgs;

  // writeArgs turns the buffer and string forms of write into (bytes, offset, length, position).
  // For a buffer: (buffer, offset | options, length, position); for a string: (string, position,
  // encoding).
  function writeArgs(buffer, offsetOrOptions, length, position) {
    if (ArrayBuffer.isView(buffer)) {
      let offset = offsetOrOptions;
      if (offset !== null && typeof offset === 'object') {
        ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions);
      }
      if (offset == null || typeof offset === 'function') offset = 0;
      else ns.validateInteger(offset, 'offset', 0);
      if (typeof length !== 'number') length = buffer.byteLength - offset;
      if (typeof position !== 'number' && typeof position !== 'bigint') position = -1;
      validateOffsetLengthWrite(offset, length, buffer.byteLength);
      return [buffer, offset, length, position];
    }
    if (typeof buffer !== 'string') {
      throw natives.argType('buffer', 'of type string or an instance of Buffer, TypedArray, or DataView', buffer);
    }
    const encoding = typeof length === 'string' && Buffer.isEncoding(length) ? length : 'utf8';
    if (encoding.toLowerCase() === 'hex' && buffer.length % 2 !== 0) {
      throw natives.argValue('encoding', length, `is invalid for data of length ${buffer.length}`);
    }
    const bytes = Buffer.from(buffer, encoding);
    const pos = Number.isSafeInteger(offsetOrOptions) ? offsetOrOptions : -1;
    return [bytes, 0, bytes.length, pos];
  }
  ns.writeArgs = writeArgs;

  function validateBufferArray(buffers) {
    if (!Array.isArray(buffers) || !buffers.every((b) => ArrayBuffer.isView(b))) {
      throw natives.argType('buffers', 'an ArrayBufferView[]', buffers);
    }
  }
  ns.validateBufferArray = validateBufferArray;

  function concat(buffers) {
    return Buffer.concat(buffers.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
  }
  ns.concat = concat;

  function callbackOf(cb) {
    ns.validateFunction(cb, 'cb');
    return cb;
  }

  function readSync(fd, buffer, offsetOrOptions, length, position) {
    fd = natives.fd(fd);
    ns.validateBuffer(buffer);
    let offset = offsetOrOptions;
    if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
      if (offsetOrOptions !== undefined) ns.validateObject(offsetOrOptions, 'options', true);
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? kEmpty);
    }
    const args = readArgs(buffer, offset, length, position);
    return args === null ? 0 : natives.sync.read(fd, ...args);
  }

  function read(fd, buffer, offsetOrOptions, length, position, callback) {
    fd = natives.fd(fd);
    let offset = offsetOrOptions;
    let params = null;
    if (arguments.length <= 4) {
      if (arguments.length === 4) {
        // read(fd, buffer, options, callback)
        ns.validateObject(offsetOrOptions, 'options', true);
        callback = length;
        params = offsetOrOptions;
      } else if (arguments.length === 3) {
        // read(fd, buffer, callback) or read(fd, options, callback)
        if (!ArrayBuffer.isView(buffer)) {
          params = buffer;
          ({ buffer = Buffer.alloc(16384) } = params ?? kEmpty);
        }
        callback = offsetOrOptions;
      } else {
        // read(fd, callback)
        callback = buffer;
        buffer = Buffer.alloc(16384);
      }
      if (params !== null) ns.validateObject(params, 'options', true);
      ({ offset = 0, length = buffer?.byteLength - offset, position = null } = params ?? kEmpty);
    }
    ns.validateBuffer(buffer);
    callbackOf(callback);
    const args = readArgs(buffer, offset, length, position);
    if (args === null) {
      ns.nextTick(() => callback(null, 0, buffer));
      return;
    }
    natives.cb.read(fd, ...args, (err, n) => callback(err, n || 0, buffer));
  }

  function writeSync(fd, buffer, offsetOrOptions, length, position) {
    fd = natives.fd(fd);
    return natives.sync.write(fd, ...writeArgs(buffer, offsetOrOptions, length, position));
  }

  function write(fd, buffer, offsetOrOptions, length, position, callback) {
    fd = natives.fd(fd);
    let args;
    if (ArrayBuffer.isView(buffer)) {
      callback = callbackOf(callback || position || length || offsetOrOptions);
      args = writeArgs(buffer, offsetOrOptions, typeof length === 'function' ? undefined : length,
        typeof position === 'function' ? undefined : position);
    } else {
      // write(fd, string[, position[, encoding]], callback)
      if (typeof position !== 'function') {
        if (typeof offsetOrOptions === 'function') {
          position = offsetOrOptions;
          offsetOrOptions = null;
        } else {
          position = length;
        }
        length = 'utf8';
      }
      args = writeArgs(buffer, offsetOrOptions, length);
      callback = callbackOf(position);
    }
    natives.cb.write(fd, ...args, (err, n) => callback(err, n || 0, buffer));
  }

  function readvSync(fd, buffers, position) {
    fd = natives.fd(fd);
    validateBufferArray(buffers);
    if (typeof position !== 'number') position = -1;
    return natives.sync.readv(fd, buffers, position);
  }

  function readv(fd, buffers, position, callback) {
    fd = natives.fd(fd);
    validateBufferArray(buffers);
    callback = callbackOf(callback || position);
    if (typeof position !== 'number') position = -1;
    natives.cb.readv(fd, buffers, position, (err, n) => callback(err, n || 0, buffers));
  }

  function writevSync(fd, buffers, position) {
    fd = natives.fd(fd);
    validateBufferArray(buffers);
    if (buffers.length === 0) return 0;
    if (typeof position !== 'number') position = -1;
    const data = concat(buffers);
    return natives.sync.write(fd, data, 0, data.length, position);
  }

  function writev(fd, buffers, position, callback) {
    fd = natives.fd(fd);
    validateBufferArray(buffers);
    callback = callbackOf(callback || position);
    if (buffers.length === 0) {
      ns.nextTick(() => callback(null, 0, buffers));
      return;
    }
    if (typeof position !== 'number') position = -1;
    const data = concat(buffers);
    natives.cb.write(fd, data, 0, data.length, position, (err, n) => callback(err, n || 0, buffers));
  }

  // close's callback is optional in Node; without one a failure is an uncaught exception.
  function close(fd, callback = (err) => { if (err != null) throw err; }) {
    natives.cb.close(fd, callbackOf(callback));
  }

  Object.assign(fs, { read, readSync, write, writeSync, readv, readvSync, writev, writevSync, close });
});
