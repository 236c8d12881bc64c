// node:v8: heap statistics describe the host's Go heap; serialization, snapshots, coverage and V8's
// flags and hooks are not available.
(function (lib) {
  'use strict';
  const { natives, unsupportedFn, unsupportedClass } = lib;

  const Serializer = unsupportedClass('v8.Serializer');
  const Deserializer = unsupportedClass('v8.Deserializer');

  return {
    cachedDataVersionTag: function cachedDataVersionTag() {
      return 0;
    },
    getHeapSnapshot: unsupportedFn('v8.getHeapSnapshot'),
    getHeapStatistics: function getHeapStatistics() {
      return natives.heapStatistics();
    },
    // V8's spaces do not exist in Go's heap.
    getHeapSpaceStatistics: function getHeapSpaceStatistics() {
      return [];
    },
    getHeapCodeStatistics: function getHeapCodeStatistics() {
      return { code_and_metadata_size: 0, bytecode_and_metadata_size: 0, external_script_source_size: 0, cpu_profiler_metadata_size: 0 };
    },
    // V8's flags mean nothing to goja; the call is accepted and has no effect.
    setFlagsFromString: function setFlagsFromString(flags) {
      lib.validateString(flags, 'flags');
    },
    Serializer,
    Deserializer,
    DefaultSerializer: unsupportedClass('v8.DefaultSerializer', Serializer),
    DefaultDeserializer: unsupportedClass('v8.DefaultDeserializer', Deserializer),
    deserialize: unsupportedFn('v8.deserialize'),
    takeCoverage: unsupportedFn('v8.takeCoverage'),
    stopCoverage: unsupportedFn('v8.stopCoverage'),
    serialize: unsupportedFn('v8.serialize'),
    writeHeapSnapshot: unsupportedFn('v8.writeHeapSnapshot'),
    promiseHooks: lib.unsupportedMethods({}, 'v8.promiseHooks', ['createHook', 'onInit', 'onBefore', 'onAfter', 'onSettled']),
    queryObjects: unsupportedFn('v8.queryObjects'),
    startupSnapshot: Object.assign(
      lib.unsupportedMethods({}, 'v8.startupSnapshot', ['addDeserializeCallback', 'addSerializeCallback', 'setDeserializeMainFunction']),
      { isBuildingSnapshot: function isBuildingSnapshot() { return false; } },
    ),
    setHeapSnapshotNearHeapLimit: unsupportedFn('v8.setHeapSnapshotNearHeapLimit'),
    GCProfiler: unsupportedClass('v8.GCProfiler'),
  };
})
