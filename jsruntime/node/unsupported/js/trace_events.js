// node:trace_events: no category is ever enabled and tracing cannot be started.
(function (lib) {
  'use strict';
  return {
    createTracing: lib.unsupportedFn('trace_events.createTracing'),
    getEnabledCategories: function getEnabledCategories() {
      return undefined;
    },
  };
})
