// node:wasi: WebAssembly is not available in pluginhost.
(function (lib) {
  'use strict';
  return { WASI: lib.unsupportedClass('wasi.WASI') };
})
