// node:child_process: argument handling, ChildProcess, exec/execFile buffering and the Sync forms'
// result shapes follow Node 20; starting processes, pipes and waiting are Go (natives).
(function (natives, exports) {
  'use strict';

  const EventEmitter = natives.EventEmitter;
  const Readable = natives.Readable;
  const Writable = natives.Writable;
  const Buffer = natives.Buffer;
  const signals = natives.signals;
  const errno = natives.errno;
  const MAX_BUFFER = 1024 * 1024;
  const customPromisify = Symbol.for('nodejs.util.promisify.custom');

  // The plugin's process global, when the runtime has one: it supplies the default environment,
  // nextTick and stderr.
  function hostProcess() {
    const p = globalThis.process;
    return p !== null && typeof p === 'object' ? p : undefined;
  }

  function nextTick(fn, ...args) {
    const p = hostProcess();
    if (p && typeof p.nextTick === 'function') p.nextTick(fn, ...args);
    else Promise.resolve().then(() => fn(...args));
  }

  // Errors, shaped as Node's.

  function errnoException(err, syscall) {
    const code = natives.errname(err);
    const e = new Error(`${syscall} ${code}`);
    e.errno = err;
    e.code = code;
    e.syscall = syscall;
    return e;
  }

  function genericNodeError(message, props) {
    const e = new Error(message);
    Object.assign(e, props);
    return e;
  }

  class AbortError extends Error {
    constructor(message = 'The operation was aborted', options = undefined) {
      super(message, options);
      this.code = 'ABORT_ERR';
      this.name = 'AbortError';
    }
  }

  function outOfRange(name, range, value) {
    let received;
    if (Number.isInteger(value) && Math.abs(value) > 2 ** 32) {
      received = String(value).replace(/(\d)(?=(\d{3})+$)/g, '$1_');
    } else {
      received = natives.inspect(value);
    }
    return natives.error('RangeError', 'ERR_OUT_OF_RANGE',
      `The value of "${name}" is out of range. It must be ${range}. Received ${received}`);
  }

  function unknownSignal(signal) {
    return natives.error('TypeError', 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${String(signal)}`);
  }

  // Validators.

  function validateString(value, name) {
    if (typeof value !== 'string') throw natives.argType(name, 'of type string', value);
  }

  function validateBoolean(value, name) {
    if (typeof value !== 'boolean') throw natives.argType(name, 'of type boolean', value);
  }

  function validateObject(value, name) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw natives.argType(name, 'of type object', value);
    }
  }

  function validateFunction(value, name) {
    if (typeof value !== 'function') throw natives.argType(name, 'of type function', value);
  }

  function validateArray(value, name) {
    if (!Array.isArray(value)) throw natives.argType(name, 'an instance of Array', value);
  }

  function isInt32(value) {
    return value === (value | 0);
  }

  function validateArgumentNullCheck(arg, name) {
    if (typeof arg === 'string' && arg.includes('\u0000')) {
      throw natives.argValue(name, arg, 'must be a string without null bytes');
    }
  }

  function validateArgumentsNullCheck(args, name) {
    for (let i = 0; i < args.length; i++) validateArgumentNullCheck(args[i], `${name}[${i}]`);
  }

  function validateTimeout(timeout) {
    if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
      throw outOfRange('timeout', 'an unsigned integer', timeout);
    }
  }

  function validateMaxBuffer(maxBuffer) {
    if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
      throw outOfRange('options.maxBuffer', 'a positive number', maxBuffer);
    }
  }

  function validateAbortSignal(signal, name) {
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      throw natives.argType(name, 'an instance of AbortSignal', signal);
    }
  }

  function isSignalNumber(n) {
    for (const name in signals) if (signals[name] === n) return true;
    return false;
  }

  function convertToValidSignal(signal) {
    if (typeof signal === 'number' && isSignalNumber(signal)) return signal;
    if (typeof signal === 'string') {
      const n = signals[signal.toUpperCase()];
      if (n) return n;
    }
    throw unknownSignal(signal);
  }

  function sanitizeKillSignal(killSignal) {
    if (typeof killSignal === 'string' || typeof killSignal === 'number') return convertToValidSignal(killSignal);
    if (killSignal != null) throw natives.argType('options.killSignal', 'one of type string or number', killSignal);
    return undefined;
  }

  // getValidatedPath for options.cwd: a string, a Buffer or a file: URL.
  function validatedPath(value, name) {
    let path = value;
    if (value != null && typeof value === 'object' && value.href && value.protocol &&
        value.auth === undefined && value.path === undefined) {
      path = natives.fileURLToPath(value);
    } else if (value instanceof Uint8Array) {
      path = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString();
    } else if (typeof value !== 'string') {
      throw natives.argType(name, 'of type string or an instance of Buffer or URL', value);
    }
    if (path.includes('\u0000')) {
      throw natives.argValue(name, value, 'must be a string, Uint8Array, or URL without null bytes');
    }
    return path;
  }

  // stdio: Node's values mapped to what a plugin's child can be connected to. 'pipe' (and
  // 'overlapped') is a pipe; 'ignore' the null device; the plugin's stdout and stderr (given as
  // 'inherit', 1, 2 or process.stdout/stderr) go to the runtime's logger like process.stdout and
  // process.stderr; the plugin has no stdin of its own, so inheriting it (or fd 0) gives the child the
  // null device.

  function hostDescriptor(fd, slot) {
    if (fd < 0) return 'pipe';
    if (fd === 0 || slot === 0) {
      if (fd <= 2) return 'ignore';
    } else if (fd === 1) {
      return 'stdout';
    } else if (fd === 2) {
      return 'stderr';
    }
    throw natives.notSupported(`child_process stdio file descriptor ${fd}`);
  }

  // normalizeStdio returns kinds (for descriptors 0-2) and count (the length of child.stdio). The Sync
  // forms accept a Buffer or string in place of a descriptor, as Node does, as a plain pipe: Node 20
  // does not pass it on either (use options.input).
  function normalizeStdio(stdio, sync) {
    if (typeof stdio === 'string') {
      switch (stdio) {
        case 'ignore':
        case 'pipe':
        case 'overlapped':
          stdio = [stdio, stdio, stdio];
          break;
        case 'inherit':
          stdio = [0, 1, 2];
          break;
        default:
          throw natives.argValue('stdio', stdio, '');
      }
    } else if (!Array.isArray(stdio)) {
      throw natives.argValue('stdio', stdio, '');
    }
    const count = Math.max(stdio.length, 3);
    const kinds = [];
    for (let i = 0; i < count; i++) {
      let s = stdio[i];
      if (s == null) s = i < 3 ? 'pipe' : 'ignore';
      let kind;
      if (s === 'ignore') {
        kind = 'ignore';
      } else if (s === 'pipe' || s === 'overlapped' || (typeof s === 'number' && s < 0)) {
        kind = 'pipe';
      } else if (s === 'ipc') {
        throw natives.notSupported("child_process stdio 'ipc'");
      } else if (s === 'inherit') {
        kind = hostDescriptor(i, i);
      } else if (typeof s === 'number' || typeof s.fd === 'number') {
        kind = hostDescriptor(typeof s === 'number' ? s : s.fd, i);
      } else if (ArrayBuffer.isView(s) || typeof s === 'string') {
        if (!sync) {
          throw natives.error('TypeError', 'ERR_INVALID_SYNC_FORK_INPUT',
            `Asynchronous forks do not support Buffer, TypedArray, DataView or string input: ${natives.inspect(s)}`);
        }
        kind = 'pipe';
      } else if (typeof s === 'object' && (s._handle || s.handle || typeof s.pipe === 'function')) {
        throw natives.notSupported('child_process stdio streams');
      } else {
        throw natives.argValue('stdio', s, '');
      }
      if (i >= 3 && kind !== 'ignore') {
        throw natives.notSupported('child_process stdio beyond stdin, stdout and stderr');
      }
      kinds.push(kind);
    }
    return { kinds: kinds.slice(0, 3), count };
  }

  function normalizeSpawnArguments(file, args, options) {
    validateString(file, 'file');
    validateArgumentNullCheck(file, 'file');
    if (file.length === 0) throw natives.argValue('file', file, 'cannot be empty');
    if (Array.isArray(args)) {
      args = args.slice();
    } else if (args == null) {
      args = [];
    } else if (typeof args !== 'object') {
      throw natives.argType('args', 'of type object', args);
    } else {
      options = args;
      args = [];
    }
    validateArgumentsNullCheck(args, 'args');
    if (options === undefined) options = {};
    else validateObject(options, 'options');
    options = { ...options };

    let cwd = options.cwd;
    if (cwd != null) cwd = validatedPath(cwd, 'options.cwd');
    if (options.detached != null) validateBoolean(options.detached, 'options.detached');
    if (options.uid != null && !isInt32(options.uid)) throw natives.argType('options.uid', 'of type int32', options.uid);
    if (options.gid != null && !isInt32(options.gid)) throw natives.argType('options.gid', 'of type int32', options.gid);
    if (options.uid != null || options.gid != null) throw natives.notSupported('child_process options.uid and options.gid');
    if (options.shell != null && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
      throw natives.argType('options.shell', 'one of type boolean or string', options.shell);
    }
    if (options.argv0 != null) {
      validateString(options.argv0, 'options.argv0');
      validateArgumentNullCheck(options.argv0, 'options.argv0');
    }
    if (options.windowsHide != null) validateBoolean(options.windowsHide, 'options.windowsHide');
    if (options.windowsVerbatimArguments != null) {
      validateBoolean(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
    }

    if (options.shell) {
      validateArgumentNullCheck(options.shell, 'options.shell');
      const command = [file, ...args].join(' ');
      file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
      args = ['-c', command];
    }
    args.unshift(typeof options.argv0 === 'string' ? options.argv0 : file);

    const p = hostProcess();
    const env = options.env || (p && p.env) || {};
    const envPairs = [];
    // Inherited properties count, as in Node.
    for (const key in env) {
      const value = env[key];
      if (value !== undefined) {
        validateArgumentNullCheck(key, `options.env['${key}']`);
        validateArgumentNullCheck(value, `options.env['${key}']`);
        envPairs.push(`${key}=${value}`);
      }
    }

    return {
      ...options,
      args,
      cwd,
      detached: !!options.detached,
      envPairs,
      file,
      windowsHide: !!options.windowsHide,
      windowsVerbatimArguments: !!options.windowsVerbatimArguments,
    };
  }

  // ChildProcess.

  function ChildProcess() {
    EventEmitter.call(this);
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this._handle = null;
  }
  Object.setPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(ChildProcess, EventEmitter);

  // failedHandle stands in for a process that could not start: its outputs end and stdin takes
  // nothing, as Node's handle-less sockets do. The outputs end on a later turn of the loop, as in
  // Node, so 'close' comes well after 'error'.
  const failedHandle = {
    pid: undefined,
    logs: 0,
    read(fd, cb) { setImmediate(cb, null); },
    write(chunk, cb) { cb(errno.EPIPE); },
    close() {},
    kill() { return errno.ESRCH; },
  };

  // Errors that are reported through 'error' rather than thrown by spawn().
  const runtimeErrors = [errno.EACCES, errno.EAGAIN, errno.EMFILE, errno.ENFILE, errno.ENOENT];

  ChildProcess.prototype.spawn = function spawn(options) {
    validateObject(options, 'options');
    const stdio = normalizeStdio(options.stdio || 'pipe', false);
    if (options.envPairs === undefined) options.envPairs = [];
    else validateArray(options.envPairs, 'options.envPairs');
    validateString(options.file, 'options.file');
    this.spawnfile = options.file;
    if (options.args === undefined) {
      this.spawnargs = [];
    } else {
      validateArray(options.args, 'options.args');
      this.spawnargs = options.args;
    }

    const handle = natives.spawn({
      file: options.file,
      args: this.spawnargs,
      cwd: options.cwd,
      envPairs: options.envPairs,
      stdio: stdio.kinds,
    });
    let err = 0;
    if (typeof handle === 'number' || handle instanceof Error) {
      // An Error is the plugin's policy refusing the start (EACCES naming the rule).
      const denial = typeof handle === 'number' ? undefined : handle;
      err = denial ? denial.errno : handle;
      if (!runtimeErrors.includes(err)) throw errnoException(err, 'spawn');
      this._handle = failedHandle;
      nextTick(() => onExit(this, err, null, denial));
      if (err === errno.EMFILE || err === errno.ENFILE) return err;
    } else {
      this._handle = handle;
      handle.onexit = (code, signal) => onExit(this, code, signal);
      handle.onlogged = () => maybeClose(this);
      this._closesNeeded += handle.logs;
      nextTick(() => this.emit('spawn'));
    }
    this.pid = this._handle.pid;

    this.stdio = [];
    for (let i = 0; i < stdio.count; i++) {
      let s = null;
      if (i < 3 && stdio.kinds[i] === 'pipe') {
        if (i === 0) {
          s = createStdin(this._handle);
        } else {
          s = createOutput(this._handle, i);
          this._closesNeeded++;
          s.on('close', () => maybeClose(this));
        }
      }
      this.stdio.push(s);
    }
    this.stdin = this.stdio[0];
    this.stdout = this.stdio[1];
    this.stderr = this.stdio[2];
    return err;
  };

  function createStdin(handle) {
    return new Writable({
      write(chunk, encoding, cb) {
        handle.write(chunk, (err) => (err ? cb(errnoException(err, 'write')) : cb()));
      },
      final(cb) {
        handle.close(0);
        cb();
      },
      destroy(err, cb) {
        handle.close(0);
        cb(err);
      },
    });
  }

  // createOutput is the Readable for fd 1 or 2. It starts reading at once, as Node's socket does, up
  // to the high-water mark; after that the child waits until the plugin reads.
  function createOutput(handle, fd) {
    const stream = new Readable({
      read() {
        handle.read(fd, onChunk);
      },
      destroy(err, cb) {
        handle.close(fd);
        cb(err);
      },
    });
    function onChunk(chunk) {
      if (typeof chunk === 'number') stream.destroy(errnoException(chunk, 'read'));
      else stream.push(chunk);
    }
    stream.read(0);
    return stream;
  }

  function onExit(child, exitCode, signalCode, denial) {
    if (signalCode) child.signalCode = signalCode;
    else child.exitCode = exitCode;
    if (child.stdin) child.stdin.destroy();
    child._handle = null;
    // A listener that throws is reported by the host, which keeps running: 'close' must still come.
    try {
      if (exitCode < 0) {
        const syscall = child.spawnfile ? `spawn ${child.spawnfile}` : 'spawn';
        const err = denial || errnoException(exitCode, syscall);
        if (child.spawnfile) err.path = child.spawnfile;
        err.spawnargs = child.spawnargs.slice(1);
        child.emit('error', err);
      } else {
        child.emit('exit', child.exitCode, child.signalCode);
      }
    } finally {
      // Outputs nobody consumes are drained so that they end and 'close' can follow; the next tick
      // leaves the plugin a last chance to start reading them.
      nextTick(flushStdio, child);
      maybeClose(child);
    }
  }

  function flushStdio(child) {
    if (child.stdio == null) return;
    for (const stream of child.stdio) {
      if (stream && stream.readable) stream.resume();
    }
  }

  function maybeClose(child) {
    child._closesGot++;
    if (child._closesGot === child._closesNeeded) {
      child.emit('close', child.exitCode, child.signalCode);
    }
  }

  ChildProcess.prototype.kill = function kill(sig) {
    const signal = sig === 0 ? 0 : convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
    if (this._handle) {
      const err = this._handle.kill(signal);
      if (err === 0) {
        this.killed = true;
        return true;
      }
      if (err === errno.ESRCH) {
        // Already gone.
      } else if (err === errno.EINVAL || err === errno.ENOSYS) {
        throw errnoException(err, 'kill');
      } else {
        this.emit('error', errnoException(err, 'kill'));
      }
    }
    return false;
  };

  // ref and unref change nothing: a plugin's runtime does not exit when it has nothing left to do.
  ChildProcess.prototype.ref = function ref() {};
  ChildProcess.prototype.unref = function unref() {};

  // `using child = spawn(...)` kills the child at the end of the block, as in Node 20, where the
  // runtime defines Symbol.dispose.
  if (typeof Symbol.dispose === 'symbol') {
    ChildProcess.prototype[Symbol.dispose] = function dispose() {
      if (!this.killed) this.kill();
    };
  }

  // spawn, exec, execFile.

  function abortChildProcess(child, killSignal, reason) {
    try {
      if (child.kill(killSignal)) child.emit('error', new AbortError(undefined, { cause: reason }));
    } catch (err) {
      child.emit('error', err);
    }
  }

  function spawn(file, args, options) {
    options = normalizeSpawnArguments(file, args, options);
    validateTimeout(options.timeout);
    validateAbortSignal(options.signal, 'options.signal');
    const killSignal = sanitizeKillSignal(options.killSignal);
    const child = new ChildProcess();
    child.spawn(options);

    if (options.timeout > 0) {
      let timeoutId = setTimeout(() => {
        if (timeoutId) {
          try {
            child.kill(killSignal);
          } catch (err) {
            child.emit('error', err);
          }
          timeoutId = null;
        }
      }, options.timeout);
      child.once('exit', () => {
        if (timeoutId) {
          clearTimeout(timeoutId);
          timeoutId = null;
        }
      });
    }

    const signal = options.signal;
    if (signal) {
      const onAbort = () => abortChildProcess(child, killSignal, signal.reason);
      if (signal.aborted) {
        nextTick(onAbort);
      } else {
        signal.addEventListener('abort', onAbort, { once: true });
        child.once('exit', () => signal.removeEventListener('abort', onAbort));
      }
    }
    return child;
  }

  function normalizeExecArgs(command, options, callback) {
    validateString(command, 'command');
    validateArgumentNullCheck(command, 'command');
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    options = { ...options };
    options.shell = typeof options.shell === 'string' ? options.shell : true;
    return { file: command, options, callback };
  }

  function exec(command, options, callback) {
    const opts = normalizeExecArgs(command, options, callback);
    return exports.execFile(opts.file, opts.options, opts.callback);
  }

  // promisified is what util.promisify gives for exec and execFile: a promise of {stdout, stderr},
  // rejected with the error carrying them, with the ChildProcess as promise.child.
  function promisified(orig) {
    return function (...args) {
      let resolve;
      let reject;
      const promise = new Promise((res, rej) => {
        resolve = res;
        reject = rej;
      });
      promise.child = orig(...args, (err, stdout, stderr) => {
        if (err !== null) {
          err.stdout = stdout;
          err.stderr = stderr;
          reject(err);
        } else {
          resolve({ stdout, stderr });
        }
      });
      return promise;
    };
  }

  function normalizeExecFileArgs(file, args, options, callback) {
    if (Array.isArray(args)) {
      args = args.slice();
    } else if (args != null && typeof args === 'object') {
      callback = options;
      options = args;
      args = null;
    } else if (typeof args === 'function') {
      callback = args;
      options = null;
      args = null;
    }
    if (args == null) args = [];
    if (typeof options === 'function') callback = options;
    else if (options != null) validateObject(options, 'options');
    if (options == null) options = {};
    if (callback != null) validateFunction(callback, 'callback');
    if (options.argv0 != null) {
      validateString(options.argv0, 'options.argv0');
      validateArgumentNullCheck(options.argv0, 'options.argv0');
    }
    return { file, args, options, callback };
  }

  function execFile(file, args, options, callback) {
    ({ file, args, options, callback } = normalizeExecFileArgs(file, args, options, callback));
    options = {
      encoding: 'utf8',
      timeout: 0,
      maxBuffer: MAX_BUFFER,
      killSignal: 'SIGTERM',
      cwd: null,
      env: null,
      shell: false,
      ...options,
    };
    validateTimeout(options.timeout);
    validateMaxBuffer(options.maxBuffer);
    options.killSignal = sanitizeKillSignal(options.killSignal);

    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      gid: options.gid,
      shell: options.shell,
      signal: options.signal,
      uid: options.uid,
      windowsHide: !!options.windowsHide,
      windowsVerbatimArguments: !!options.windowsVerbatimArguments,
    });

    const encoding = options.encoding !== 'buffer' && Buffer.isEncoding(options.encoding) ? options.encoding : null;
    const collected = { stdout: [], stderr: [] };
    const lengths = { stdout: 0, stderr: 0 };
    let killed = false;
    let exited = false;
    let timeoutId;
    let ex = null;
    let cmd = file;

    function joined(name) {
      const stream = child[name];
      if (encoding || (stream && stream.readableEncoding)) return collected[name].join('');
      return Buffer.concat(collected[name]);
    }

    function exithandler(code, signal) {
      if (exited) return;
      exited = true;
      if (timeoutId) {
        clearTimeout(timeoutId);
        timeoutId = null;
      }
      if (!callback) return;
      const stdout = joined('stdout');
      const stderr = joined('stderr');
      if (!ex && code === 0 && signal === null) {
        callback(null, stdout, stderr);
        return;
      }
      if (args && args.length) cmd += ` ${args.join(' ')}`;
      if (!ex) {
        ex = genericNodeError(`Command failed: ${cmd}\n${stderr}`, {
          code: code < 0 ? natives.errname(code) : code,
          killed: child.killed || killed,
          signal,
        });
      }
      ex.cmd = cmd;
      callback(ex, stdout, stderr);
    }

    function destroyOutputs() {
      if (child.stdout) child.stdout.destroy();
      if (child.stderr) child.stderr.destroy();
    }

    function errorhandler(e) {
      ex = e;
      destroyOutputs();
      exithandler();
    }

    function kill() {
      destroyOutputs();
      killed = true;
      try {
        child.kill(options.killSignal);
      } catch (e) {
        ex = e;
        exithandler();
      }
    }

    if (options.timeout > 0) {
      timeoutId = setTimeout(() => {
        kill();
        timeoutId = null;
      }, options.timeout);
    }

    for (const name of ['stdout', 'stderr']) {
      const stream = child[name];
      if (!stream) continue;
      if (encoding) stream.setEncoding(encoding);
      stream.on('data', (chunk) => {
        if (options.maxBuffer === Infinity) {
          collected[name].push(chunk);
          return;
        }
        const enc = stream.readableEncoding;
        const length = enc ? Buffer.byteLength(chunk, enc) : chunk.length;
        lengths[name] += length;
        if (lengths[name] > options.maxBuffer) {
          const truncated = options.maxBuffer - (lengths[name] - length);
          collected[name].push(chunk.slice(0, truncated));
          ex = natives.error('RangeError', 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER', `${name} maxBuffer length exceeded`);
          kill();
        } else {
          collected[name].push(chunk);
        }
      });
    }

    child.addListener('close', exithandler);
    child.addListener('error', errorhandler);
    return child;
  }

  Object.defineProperty(exec, customPromisify, { enumerable: false, value: promisified(exec) });
  Object.defineProperty(execFile, customPromisify, { enumerable: false, value: promisified(execFile) });

  // Sync forms: they block the loop until the child is done, as in Node.

  function spawnSync(file, args, options) {
    options = { maxBuffer: MAX_BUFFER, ...normalizeSpawnArguments(file, args, options) };
    validateTimeout(options.timeout);
    validateMaxBuffer(options.maxBuffer);
    options.killSignal = sanitizeKillSignal(options.killSignal);
    const stdio = normalizeStdio(options.stdio || 'pipe', true);

    let input = options.input;
    if (input) {
      if (typeof input === 'string') {
        input = Buffer.from(input, options.encoding);
      } else if (!ArrayBuffer.isView(input)) {
        throw natives.argType('options.stdio[0]', 'of type string or an instance of Buffer, TypedArray, or DataView', input);
      }
    }

    const r = natives.spawnSync({
      file: options.file,
      args: options.args,
      cwd: options.cwd,
      envPairs: options.envPairs,
      stdio: stdio.kinds,
      input: input || null,
      timeout: options.timeout,
      killSignal: options.killSignal,
      maxBuffer: options.maxBuffer,
    });
    const result = {};
    if (r.error) result.error = null; // keeps Node's key order
    result.status = r.status;
    result.signal = r.signal;
    result.output = r.output;
    result.pid = r.pid;
    if (result.output && options.encoding && options.encoding !== 'buffer') {
      for (let i = 0; i < result.output.length; i++) {
        if (result.output[i]) result.output[i] = result.output[i].toString(options.encoding);
      }
    }
    result.stdout = result.output && result.output[1];
    result.stderr = result.output && result.output[2];
    if (r.error) {
      result.error = r.denial || errnoException(r.error, `spawnSync ${options.file}`);
      result.error.path = options.file;
      result.error.spawnargs = options.args.slice(1);
    }
    return result;
  }

  function checkExecSyncError(ret, args, cmd) {
    let err;
    if (ret.error) {
      err = ret.error;
      Object.assign(err, ret);
    } else if (ret.status !== 0) {
      let msg = `Command failed: ${cmd || args.join(' ')}`;
      if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
      err = genericNodeError(msg, ret);
    }
    return err;
  }

  // writeStderr is Node's inherited stderr for execSync and execFileSync: the plugin's
  // process.stderr, which pluginhost logs.
  function writeStderr(data) {
    const p = hostProcess();
    if (p && p.stderr && typeof p.stderr.write === 'function') p.stderr.write(data);
  }

  function execFileSync(file, args, options) {
    ({ file, args, options } = normalizeExecFileArgs(file, args, options));
    const inheritStderr = !options.stdio;
    const ret = spawnSync(file, args, options);
    if (inheritStderr && ret.stderr && ret.stderr.length > 0) writeStderr(ret.stderr);
    const err = checkExecSyncError(ret, [options.argv0 || file, ...args]);
    if (err) throw err;
    return ret.stdout;
  }

  function execSync(command, options) {
    const opts = normalizeExecArgs(command, options, null);
    const inheritStderr = !opts.options.stdio;
    const ret = spawnSync(opts.file, opts.options);
    if (inheritStderr && ret.stderr && ret.stderr.length > 0) writeStderr(ret.stderr);
    const err = checkExecSyncError(ret, undefined, command);
    if (err) throw err;
    return ret.stdout;
  }

  // fork needs an IPC channel to a Node process, which pluginhost does not have.
  function fork() {
    throw natives.notSupported('child_process.fork');
  }

  Object.assign(exports, {
    ChildProcess,
    exec,
    execFile,
    execFileSync,
    execSync,
    fork,
    spawn,
    spawnSync,
  });
})
