// node:vm: code runs in the plugin's own global context (runInThisContext, Script, compileFunction);
// new contexts cannot be created, so createContext, runInContext and runInNewContext are not
// supported.
(function (lib) {
  'use strict';
  const { natives, unsupportedFn, validateString, validateObject } = lib;
  const kProgram = Symbol('program');
  const defaultFilename = 'evalmachine.<anonymous>';

  function filenameOf(options) {
    if (typeof options === 'string') return options;
    if (options === undefined || options === null) return defaultFilename;
    validateObject(options, 'options');
    if (options.filename === undefined) return defaultFilename;
    validateString(options.filename, 'options.filename');
    return options.filename;
  }

  class Script {
    constructor(code, options = {}) {
      code = `${code}`;
      Object.defineProperty(this, kProgram, { value: natives.compile(code, filenameOf(options)) });
      if (options && options.cachedData !== undefined) this.cachedDataRejected = true;
    }
    runInThisContext(options) {
      return natives.run(this[kProgram]);
    }
    runInContext() {
      throw natives.notSupported('vm.Script.runInContext');
    }
    runInNewContext() {
      throw natives.notSupported('vm.Script.runInNewContext');
    }
    createCachedData() {
      return Buffer.alloc(0);
    }
  }

  function runInThisContext(code, options) {
    return new Script(code, options).runInThisContext(options);
  }

  function createScript(code, options) {
    return new Script(code, options);
  }

  function compileFunction(code, params = [], options = {}) {
    validateString(code, 'code');
    if (!Array.isArray(params)) throw natives.argType('params', 'an instance of Array', params);
    params.forEach((p, i) => validateString(p, `params[${i}]`));
    validateObject(options, 'options');
    if (options.parsingContext !== undefined || (options.contextExtensions && options.contextExtensions.length)) {
      throw natives.notSupported('vm.compileFunction in another context');
    }
    const filename = options.filename === undefined ? '' : options.filename;
    validateString(filename, 'options.filename');
    return natives.run(natives.compile(`(function (${params.join(', ')}) {\n${code}\n})`, filename));
  }

  function isContext(object) {
    validateObject(object, 'object');
    return false;
  }

  const constants = Object.create(null);
  constants.USE_MAIN_CONTEXT_DEFAULT_LOADER = Symbol('vm_dynamic_import_main_context_default');
  constants.DONT_CONTEXTIFY = Symbol('vm_context_no_contextify');
  Object.freeze(constants);

  return {
    Script,
    createContext: unsupportedFn('vm.createContext'),
    createScript,
    runInContext: unsupportedFn('vm.runInContext'),
    runInNewContext: unsupportedFn('vm.runInNewContext'),
    runInThisContext,
    isContext,
    compileFunction,
    measureMemory: unsupportedFn('vm.measureMemory'),
    constants,
  };
})
