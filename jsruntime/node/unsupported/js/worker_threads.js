// node:worker_threads: a plugin is always the main thread, and cannot start workers. MessageChannel,
// MessagePort and BroadcastChannel are the web globals, working within the plugin's runtime.
(function (lib) {
  'use strict';
  const { natives, unsupportedFn, unsupportedClass } = lib;
  const EventEmitter = natives.events();
  const environmentData = new Map();

  return {
    isMainThread: true,
    MessagePort: natives.web('MessagePort'),
    MessageChannel: natives.web('MessageChannel'),
    markAsUntransferable: function markAsUntransferable() {},
    moveMessagePortToContext: unsupportedFn('worker_threads.moveMessagePortToContext'),
    receiveMessageOnPort: natives.web('receiveMessageOnPort'),
    resourceLimits: {},
    postMessageToThread: unsupportedFn('worker_threads.postMessageToThread'),
    threadId: 0,
    SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
    Worker: unsupportedClass('worker_threads.Worker', EventEmitter),
    parentPort: null,
    workerData: null,
    BroadcastChannel: natives.web('BroadcastChannel'),
    setEnvironmentData: function setEnvironmentData(key, value) {
      if (value === undefined) environmentData.delete(key);
      else environmentData.set(key, value);
    },
    getEnvironmentData: function getEnvironmentData(key) {
      return environmentData.get(key);
    },
  };
})
