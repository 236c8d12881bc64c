// createReadStream, createWriteStream and the stream classes, which load the stream module (and
// streams.js) only when first used, as Node loads them lazily too.
(function (ns) {
  'use strict';

  const { natives, fs } = ns;

  fs.createReadStream = function createReadStream(path, options) {
    return new (natives.streams().ReadStream)(path, options);
  };
  fs.createWriteStream = function createWriteStream(path, options) {
    return new (natives.streams().WriteStream)(path, options);
  };
  for (const [name, cls] of [['ReadStream', 'ReadStream'], ['WriteStream', 'WriteStream'],
    ['FileReadStream', 'ReadStream'], ['FileWriteStream', 'WriteStream']]) {
    Object.defineProperty(fs, name, {
      get() { return natives.streams()[cls]; },
      set(value) { Object.defineProperty(fs, name, { value, writable: true, enumerable: true, configurable: true }); },
      enumerable: true,
      configurable: true,
    });
  }
});
