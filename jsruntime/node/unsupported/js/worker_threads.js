// node:worker_threads: a plugin is always the main thread, and cannot start workers.
(function (lib) {
  'use strict';
  const { natives, unsupportedFn, unsupportedClass } = lib;
  const EventEmitter = natives.events();
  const environmentData = new Map();

  return {
    isMainThread: true,
    MessagePort: unsupportedClass('worker_threads.MessagePort', EventEmitter),
    MessageChannel: unsupportedClass('worker_threads.MessageChannel'),
    markAsUntransferable: function markAsUntransferable() {},
    moveMessagePortToContext: unsupportedFn('worker_threads.moveMessagePortToContext'),
    receiveMessageOnPort: unsupportedFn('worker_threads.receiveMessageOnPort'),
    resourceLimits: {},
    postMessageToThread: unsupportedFn('worker_threads.postMessageToThread'),
    threadId: 0,
    SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
    Worker: unsupportedClass('worker_threads.Worker', EventEmitter),
    parentPort: null,
    workerData: null,
    BroadcastChannel: unsupportedClass('worker_threads.BroadcastChannel'),
    setEnvironmentData: function setEnvironmentData(key, value) {
      if (value === undefined) environmentData.delete(key);
      else environmentData.set(key, value);
    },
    getEnvironmentData: function getEnvironmentData(key) {
      return environmentData.get(key);
    },
  };
})
