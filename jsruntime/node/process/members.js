// The members of process that are plain JS over a few natives: those Node 20 has that bundles and
// packages probe, most of which have nothing to do inside a plugin. natives holds nodeerr's error
// constructors and the Go halves (cpuUsage, rusage, ids, loadEnvFile, ...); stream() loads the stream
// module on first use.
(function (natives, process) {
  'use strict';

  function define(name, value, writable = true) {
    Object.defineProperty(process, name, { value, writable, enumerable: true, configurable: true });
  }

  function lazy(name, make) {
    let value;
    Object.defineProperty(process, name, {
      get() {
        if (value === undefined) value = make();
        return value;
      },
      set(v) {
        value = v;
      },
      enumerable: true,
      configurable: true,
    });
  }

  function validNumber(n) {
    return typeof n === 'number' && n <= Number.MAX_SAFE_INTEGER && n >= 0;
  }

  function invalidProperty(name, value) {
    return natives.error('RangeError', 'ERR_INVALID_ARG_VALUE', `The property '${name}' is invalid. Received ${natives.inspect(value)}`);
  }

  // cpuUsage and resourceUsage report the host process, which every plugin shares.
  define('cpuUsage', function cpuUsage(prevValue) {
    if (prevValue) {
      if (!validNumber(prevValue.user)) {
        if (prevValue === null || typeof prevValue !== 'object') throw natives.argType('prevValue', 'of type object', prevValue);
        if (typeof prevValue.user !== 'number') throw natives.argType('prevValue.user', 'of type number', prevValue.user);
        throw invalidProperty('prevValue.user', prevValue.user);
      }
      if (!validNumber(prevValue.system)) {
        if (typeof prevValue.system !== 'number') throw natives.argType('prevValue.system', 'of type number', prevValue.system);
        throw invalidProperty('prevValue.system', prevValue.system);
      }
    }
    const [user, system] = natives.cpuUsage();
    return prevValue ? { user: user - prevValue.user, system: system - prevValue.system } : { user, system };
  });
  define('resourceUsage', function resourceUsage() {
    return natives.resourceUsage();
  });
  define('availableMemory', function availableMemory() {
    return natives.availableMemory();
  });
  define('constrainedMemory', function constrainedMemory() {
    return natives.constrainedMemory();
  });

  // The ids are the host's; changing them would change them for every plugin.
  for (const name of ['getuid', 'geteuid', 'getgid', 'getegid', 'getgroups']) {
    const fn = { [name]() { return natives.ids(name); } }[name];
    define(name, fn);
  }
  for (const [name, length] of [['setuid', 1], ['seteuid', 1], ['setgid', 1], ['setegid', 1], ['setgroups', 1], ['initgroups', 2]]) {
    const fn = { [name]() { throw natives.notSupported('process.' + name); } }[name];
    Object.defineProperty(fn, 'length', { value: length });
    define(name, fn);
  }

  // No native code can be loaded into pluginhost: there is no Node ABI.
  define('binding', function binding(name) {
    throw natives.notSupported(`process.binding('${name}')`);
  });
  define('_linkedBinding', function _linkedBinding(name) {
    throw natives.notSupported(`process._linkedBinding('${name}')`);
  });
  define('dlopen', function dlopen(...args) {
    if (args.length < 2) throw natives.error('TypeError', 'ERR_MISSING_ARGS', 'process.dlopen needs at least 2 arguments');
    throw natives.error('Error', 'ERR_DLOPEN_FAILED', `Cannot load native addon ${args[1]}: native Node.js addons are not supported by pluginhost`);
  });

  define('getBuiltinModule', function getBuiltinModule(id) {
    if (typeof id !== 'string') throw natives.argType('id', 'of type string', id);
    return natives.builtin(id);
  });
  Object.defineProperty(process, 'mainModule', {
    get() {
      return natives.mainModule();
    },
    set(v) {
      Object.defineProperty(process, 'mainModule', { value: v, writable: true, enumerable: true, configurable: true });
    },
    enumerable: true,
    configurable: true,
  });
  // Node's list of its internal modules loaded so far; pluginhost has no such modules.
  define('moduleLoadList', [], false);
  define('_preload_modules', [], false);

  define('loadEnvFile', function loadEnvFile(path = undefined) {
    const isURL = typeof URL === 'function' && path instanceof URL;
    if (path !== undefined && typeof path !== 'string' && !(path instanceof Uint8Array) && !isURL) {
      throw natives.argType('path', 'of type string or an instance of Buffer or URL', path);
    }
    natives.loadEnvFile(path === undefined ? '.env' : path);
  });

  // Node's NodeEnvironmentFlagsSet: a frozen Set whose has() accepts a flag with or without its dashes,
  // with underscores for dashes, and with a value. As in Node, it is built on first read, when the
  // accessor becomes a plain property.
  function environmentFlags() {
    const flags = [
    '--abort-on-uncaught-exception', '--addons', '--allow-addons', '--allow-child-process', '--allow-fs-read',
    '--allow-fs-write', '--allow-wasi', '--allow-worker', '--conditions', '--debug-arraybuffer-allocations',
    '--debug-port', '--deprecation', '--diagnostic-dir', '--disable-proto', '--disable-warning',
    '--disable-wasm-trap-handler', '--disallow-code-generation-from-strings', '--dns-result-order',
    '--enable-etw-stack-walking', '--enable-fips', '--enable-network-family-autoselection',
    '--enable-source-maps', '--es-module-specifier-resolution', '--experimental-abortcontroller',
    '--experimental-default-type', '--experimental-detect-module', '--experimental-eventsource',
    '--experimental-fetch', '--experimental-global-customevent', '--experimental-global-webcrypto',
    '--experimental-import-meta-resolve', '--experimental-json-modules', '--experimental-loader',
    '--experimental-modules', '--experimental-network-imports', '--experimental-permission',
    '--experimental-policy', '--experimental-print-required-tla', '--experimental-repl-await',
    '--experimental-report', '--experimental-require-module', '--experimental-shadow-realm',
    '--experimental-specifier-resolution', '--experimental-top-level-await', '--experimental-vm-modules',
    '--experimental-wasi-unstable-preview1', '--experimental-wasm-modules', '--experimental-websocket',
    '--experimental-worker', '--expose-gc', '--extra-info-on-fatal-exception', '--force-async-hooks-checks',
    '--force-context-aware', '--force-fips', '--force-node-api-uncaught-exceptions-policy',
    '--frozen-intrinsics', '--global-search-paths', '--heap-prof', '--heap-prof-dir', '--heap-prof-interval',
    '--heap-prof-name', '--heapsnapshot-near-heap-limit', '--heapsnapshot-signal', '--http-parser',
    '--huge-max-old-generation-size', '--icu-data-dir', '--import', '--input-type', '--insecure-http-parser',
    '--inspect', '--inspect-brk', '--inspect-port', '--inspect-publish-uid', '--inspect-wait',
    '--interpreted-frames-native-stack', '--jitless', '--loader', '--max-http-header-size',
    '--max-old-space-size', '--max-semi-space-size', '--napi-modules', '--network-family-autoselection',
    '--network-family-autoselection-attempt-timeout', '--no-addons', '--no-allow-addons',
    '--no-allow-child-process', '--no-allow-wasi', '--no-allow-worker', '--no-debug-arraybuffer-allocations',
    '--no-deprecation', '--no-disable-wasm-trap-handler', '--no-enable-fips', '--no-enable-source-maps',
    '--no-experimental-detect-module', '--no-experimental-eventsource', '--no-experimental-fetch',
    '--no-experimental-global-customevent', '--no-experimental-global-webcrypto',
    '--no-experimental-import-meta-resolve', '--no-experimental-network-imports',
    '--no-experimental-permission', '--no-experimental-print-required-tla', '--no-experimental-repl-await',
    '--no-experimental-require-module', '--no-experimental-shadow-realm', '--no-experimental-vm-modules',
    '--no-experimental-wasm-modules', '--no-experimental-websocket', '--no-extra-info-on-fatal-exception',
    '--no-force-async-hooks-checks', '--no-force-context-aware', '--no-force-fips',
    '--no-force-node-api-uncaught-exceptions-policy', '--no-frozen-intrinsics', '--no-global-search-paths',
    '--no-heap-prof', '--no-insecure-http-parser', '--no-inspect', '--no-inspect-brk', '--no-inspect-wait',
    '--no-network-family-autoselection', '--no-node-snapshot', '--no-openssl-legacy-provider',
    '--no-openssl-shared-config', '--no-pending-deprecation', '--no-preserve-symlinks',
    '--no-preserve-symlinks-main', '--no-report-compact', '--no-report-exclude-network',
    '--no-report-on-fatalerror', '--no-report-on-signal', '--no-report-uncaught-exception', '--no-test-only',
    '--no-throw-deprecation', '--no-tls-max-v1.2', '--no-tls-max-v1.3', '--no-tls-min-v1.0',
    '--no-tls-min-v1.1', '--no-tls-min-v1.2', '--no-tls-min-v1.3', '--no-trace-atomics-wait',
    '--no-trace-deprecation', '--no-trace-exit', '--no-trace-promises', '--no-trace-sigint',
    '--no-trace-sync-io', '--no-trace-tls', '--no-trace-uncaught', '--no-trace-warnings',
    '--no-track-heap-objects', '--no-use-bundled-ca', '--no-use-openssl-ca', '--no-verify-base-objects',
    '--no-warnings', '--no-watch', '--no-watch-preserve-output', '--no-zero-fill-buffers',
    '--node-memory-debug', '--node-snapshot', '--openssl-config', '--openssl-legacy-provider',
    '--openssl-shared-config', '--pending-deprecation', '--perf-basic-prof',
    '--perf-basic-prof-only-functions', '--perf-prof', '--perf-prof-unwinding-info', '--policy-integrity',
    '--preserve-symlinks', '--preserve-symlinks-main', '--prof-process', '--redirect-warnings',
    '--report-compact', '--report-dir', '--report-directory', '--report-exclude-network', '--report-filename',
    '--report-on-fatalerror', '--report-on-signal', '--report-signal', '--report-uncaught-exception',
    '--require', '--secure-heap', '--secure-heap-min', '--snapshot-blob', '--stack-trace-limit', '--test-only',
    '--test-reporter', '--test-reporter-destination', '--test-shard', '--throw-deprecation', '--title',
    '--tls-cipher-list', '--tls-keylog', '--tls-max-v1.2', '--tls-max-v1.3', '--tls-min-v1.0',
    '--tls-min-v1.1', '--tls-min-v1.2', '--tls-min-v1.3', '--trace-atomics-wait', '--trace-deprecation',
    '--trace-event-categories', '--trace-event-file-pattern', '--trace-events-enabled', '--trace-exit',
    '--trace-promises', '--trace-require-module', '--trace-sigint', '--trace-sync-io', '--trace-tls',
    '--trace-uncaught', '--trace-warnings', '--track-heap-objects', '--unhandled-rejections',
    '--use-bundled-ca', '--use-largepages', '--use-openssl-ca', '--v8-pool-size', '--verify-base-objects',
    '--warnings', '--watch', '--watch-path', '--watch-preserve-output', '--zero-fill-buffers', '-C', '-r'
    ];
    class NodeEnvironmentFlagsSet extends Set {
      add() {
        return this;
      }
      delete() {
        return false;
      }
      clear() {}
      has(key) {
        if (typeof key !== 'string') return false;
        key = key.replace(/_/g, '-');
        if (/^--?/.test(key)) return super.has(key.replace(/=.*$/, ''));
        return super.has('--' + key) || super.has('-' + key);
      }
    }
    const allowed = new NodeEnvironmentFlagsSet();
    for (const flag of flags) Set.prototype.add.call(allowed, flag);
    return Object.freeze(allowed);
  }
  Object.defineProperty(process, 'allowedNodeEnvironmentFlags', {
    get() {
      const value = environmentFlags();
      define('allowedNodeEnvironmentFlags', value);
      return value;
    },
    set(value) {
      define('allowedNodeEnvironmentFlags', value);
    },
    enumerable: true,
    configurable: true,
  });

  lazy('report', () => ({
    writeReport: function writeReport() {
      throw natives.notSupported('process.report.writeReport');
    },
    getReport: function getReport() {
      throw natives.notSupported('process.report.getReport');
    },
    directory: '',
    filename: '',
    compact: false,
    excludeNetwork: false,
    signal: 'SIGUSR2',
    reportOnFatalError: false,
    reportOnSignal: false,
    reportOnUncaughtException: false,
  }));

  define('hasUncaughtExceptionCaptureCallback', function hasUncaughtExceptionCaptureCallback() {
    return natives.captureCallback() !== null;
  });
  define('setUncaughtExceptionCaptureCallback', function setUncaughtExceptionCaptureCallback(fn) {
    if (fn === null) {
      natives.setCaptureCallback(null);
      return;
    }
    if (typeof fn !== 'function') throw natives.argType('fn', ['Function', 'null'], fn);
    if (natives.captureCallback() !== null) {
      throw natives.error('Error', 'ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
        '`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active');
    }
    natives.setCaptureCallback(fn);
  });

  // stdin is a Readable that has already ended: a plugin has no input stream of its own.
  lazy('stdin', () => {
    const { Readable } = natives.stream();
    const stdin = new Readable({ read() {} });
    stdin.fd = 0;
    stdin.push(null);
    return stdin;
  });
  define('openStdin', function openStdin() {
    process.stdin.resume();
    return process.stdin;
  });

  define('debugPort', 9229);
  define('domain', null);
  let sourceMaps = false;
  Object.defineProperty(process, 'sourceMapsEnabled', { get: () => sourceMaps, enumerable: true, configurable: true });
  define('setSourceMapsEnabled', function setSourceMapsEnabled(val) {
    if (typeof val !== 'boolean') throw natives.argType('val', 'of type boolean', val);
    sourceMaps = val;
  });

  let assertWarned = false;
  define('assert', function deprecated(...args) {
    const [value, message] = args;
    if (!assertWarned) {
      assertWarned = true;
      process.emitWarning('process.assert() is deprecated. Please use the `assert` module instead.', 'DeprecationWarning', 'DEP0100');
    }
    if (!value) throw natives.error('Error', 'ERR_ASSERTION', message || 'assertion error');
  });

  // The runtime's handles (timers, sockets) are Go's, not libuv's: there is nothing to list.
  define('_getActiveHandles', function _getActiveHandles() {
    return [];
  });
  define('_getActiveRequests', function _getActiveRequests() {
    return [];
  });
  define('getActiveResourcesInfo', function getActiveResourcesInfo() {
    return [];
  });
  define('_rawDebug', function _rawDebug(...args) {
    natives.rawDebug(...args);
  });
  define('_kill', function _kill(...args) {
    return process.kill(...args);
  });
  define('_tickCallback', natives.runNextTicks);
  Object.defineProperty(process, '_exiting', { get: () => false, set() {}, enumerable: true, configurable: true });
})
