// node:cluster: a plugin is always the primary and cannot fork workers. The module is an
// EventEmitter, as in Node.
(function (lib) {
  'use strict';
  const { natives, unsupportedFn, unsupportedClass } = lib;
  const EventEmitter = natives.events();

  const cluster = new EventEmitter();
  Object.assign(cluster, {
    isWorker: false,
    isMaster: true,
    isPrimary: true,
    Worker: unsupportedClass('cluster.Worker', EventEmitter),
    workers: {},
    settings: {},
    SCHED_NONE: 1,
    SCHED_RR: 2,
    schedulingPolicy: 2,
    setupPrimary: unsupportedFn('cluster.setupPrimary'),
    setupMaster: unsupportedFn('cluster.setupMaster'),
    fork: unsupportedFn('cluster.fork'),
    disconnect: unsupportedFn('cluster.disconnect'),
  });
  return cluster;
})
