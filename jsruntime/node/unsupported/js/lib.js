// Helpers shared by the modules of this package, built once per runtime over the Go natives: stub
// functions and classes that throw ERR_NOT_SUPPORTED_IN_PLUGINHOST naming the API, and validators
// throwing Node's argument errors.
(function (natives) {
  'use strict';

  function named(name, fn) {
    Object.defineProperty(fn, 'name', { value: name, configurable: true });
    return fn;
  }

  // unsupportedFn is a function that throws NotSupported naming what ('net.connect').
  function unsupportedFn(what) {
    const name = what.slice(what.lastIndexOf('.') + 1);
    return named(name, function () {
      throw natives.notSupported(what);
    });
  }

  // unsupportedClass is a constructor that exists for instanceof checks and subclassing but throws
  // NotSupported when called or constructed; Base, when given, is what Node's class inherits from.
  function unsupportedClass(what, Base) {
    const name = what.slice(what.lastIndexOf('.') + 1);
    const C = named(name, function () {
      throw natives.notSupported(what);
    });
    if (Base) {
      Object.setPrototypeOf(C.prototype, Base.prototype);
      Object.setPrototypeOf(C, Base);
    }
    return C;
  }

  // unsupportedMethods sets each named method of obj to an unsupportedFn under prefix.
  function unsupportedMethods(obj, prefix, names) {
    for (const name of names) obj[name] = unsupportedFn(prefix + '.' + name);
    return obj;
  }

  function validateFunction(fn, name) {
    if (typeof fn !== 'function') throw natives.argType(name, 'of type function', fn);
  }

  function validateString(s, name) {
    if (typeof s !== 'string') throw natives.argType(name, 'of type string', s);
  }

  function validateBoolean(b, name) {
    if (typeof b !== 'boolean') throw natives.argType(name, 'of type boolean', b);
  }

  function validateObject(o, name) {
    if (o === null || typeof o !== 'object' || Array.isArray(o)) throw natives.argType(name, 'of type object', o);
  }

  function validateOneOf(value, name, oneOf) {
    if (!oneOf.includes(value)) {
      const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
      throw natives.argValue(name, value, 'must be one of: ' + allowed);
    }
  }

  function error(Ctor, code, message) {
    return natives.error(Ctor, code, message);
  }

  return {
    natives,
    named,
    unsupportedFn,
    unsupportedClass,
    unsupportedMethods,
    validateFunction,
    validateString,
    validateBoolean,
    validateObject,
    validateOneOf,
    error,
  };
})
