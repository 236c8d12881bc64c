// node:repl: a plugin has no terminal, so a REPL cannot start; the constants, Recoverable, writer
// and isValidSyntax work.
(function (lib) {
  'use strict';
  const { natives, unsupportedFn, unsupportedClass } = lib;
  const util = natives.util();

  class Recoverable extends SyntaxError {
    constructor(err) {
      super();
      this.err = err;
    }
  }

  function writer(obj) {
    return util.inspect(obj, writer.options);
  }
  writer.options = { ...util.inspect.defaultOptions, showProxy: true };

  const repl = {
    start: unsupportedFn('repl.start'),
    writer,
    REPLServer: unsupportedClass('repl.REPLServer', natives.builtin('readline').Interface),
    REPL_MODE_SLOPPY: Symbol('repl-sloppy'),
    REPL_MODE_STRICT: Symbol('repl-strict'),
    Recoverable,
    isValidSyntax: function isValidSyntax(input) {
      return natives.parses(input) || natives.parses(`_=${input}`);
    },
    builtinModules: natives.builtinModules(),
  };
  // _builtinLibs is the older name of builtinModules (DEP0142, a warning only with
  // --pending-deprecation).
  let builtinLibs = repl.builtinModules;
  Object.defineProperty(repl, '_builtinLibs', {
    get() {
      return builtinLibs;
    },
    set(value) {
      builtinLibs = value;
    },
    enumerable: false,
    configurable: true,
  });
  return repl;
})
