// node:inspector (and inspector/promises): no inspector is ever active, so url() is undefined, the
// inspector console discards what it is given and a Session cannot connect.
(function (lib) {
  'use strict';
  const { natives, unsupportedFn } = lib;
  const EventEmitter = natives.events();

  class Session extends EventEmitter {
    connect() {
      throw natives.notSupported('inspector.Session.connect');
    }
    connectToMainThread() {
      throw natives.notSupported('inspector.Session.connectToMainThread');
    }
    post() {
      throw lib.error('Error', 'ERR_INSPECTOR_NOT_CONNECTED', 'Session is not connected');
    }
    disconnect() {}
  }

  const consoleMethods = ['debug', 'error', 'info', 'log', 'warn', 'dir', 'dirxml', 'table', 'trace', 'group',
    'groupCollapsed', 'groupEnd', 'clear', 'count', 'countReset', 'assert', 'profile', 'profileEnd', 'time',
    'timeLog', 'timeEnd', 'timeStamp', 'context'];
  const inspectorConsole = {};
  for (const name of consoleMethods) inspectorConsole[name] = lib.named(name, function () {});

  const network = {};
  for (const name of ['requestWillBeSent', 'responseReceived', 'loadingFinished', 'loadingFailed']) {
    network[name] = lib.named(name, function () {});
  }

  return {
    open: unsupportedFn('inspector.open'),
    close: function close() {},
    url: function url() {
      return undefined;
    },
    waitForDebugger: function waitForDebugger() {
      throw lib.error('Error', 'ERR_INSPECTOR_NOT_ACTIVE', 'Inspector is not active');
    },
    console: inspectorConsole,
    Session,
    Network: network,
  };
})
