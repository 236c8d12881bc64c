// node:dgram: UDP sockets are not supported.
(function (lib) {
  'use strict';
  const { natives, unsupportedFn, unsupportedClass } = lib;
  return {
    _createSocketHandle: unsupportedFn('dgram._createSocketHandle'),
    createSocket: unsupportedFn('dgram.createSocket'),
    Socket: unsupportedClass('dgram.Socket', natives.events()),
  };
})
