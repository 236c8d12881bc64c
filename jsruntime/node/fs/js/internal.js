// Helpers shared by the JS half of fs: Node's argument validators and errors, and nextTick. Every
// file of the JS half is a function of one namespace ns, to which it adds what it provides.
(function (ns) {
  'use strict';

  const natives = ns.natives;

  // nextTick is process.nextTick when the runtime has it, so fs events keep Node's order among
  // stream events.
  ns.nextTick = function nextTick(fn, ...args) {
    if (typeof process === 'object' && process !== null && typeof process.nextTick === 'function') {
      process.nextTick(fn, ...args);
    } else {
      queueMicrotask(() => fn(...args));
    }
  };

  ns.validateInteger = function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
    if (typeof value !== 'number') throw natives.argType(name, 'of type number', value);
    if (!Number.isInteger(value)) throw natives.outOfRange(name, 'an integer', value);
    if (value < min || value > max) throw natives.outOfRange(name, `>= ${min} && <= ${max}`, value);
  };

  ns.validateBoolean = function validateBoolean(value, name) {
    if (typeof value !== 'boolean') throw natives.argType(name, 'of type boolean', value);
  };

  ns.validateFunction = function validateFunction(value, name) {
    if (typeof value !== 'function') throw natives.argType(name, 'of type function', value);
  };

  // validateObject accepts objects (and null when nullable), not arrays, as Node's validateObject.
  ns.validateObject = function validateObject(value, name, nullable) {
    if ((value === null && !nullable) || Array.isArray(value) || (value !== null && typeof value !== 'object')) {
      throw natives.argType(name, 'of type object', value);
    }
  };

  ns.validateBuffer = function validateBuffer(buffer, name = 'buffer') {
    if (!ArrayBuffer.isView(buffer)) {
      throw natives.argType(name, 'an instance of Buffer, TypedArray, or DataView', buffer);
    }
  };

  ns.validateAbortSignal = function validateAbortSignal(signal, name) {
    if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
      throw natives.argType(name, 'an instance of AbortSignal', signal);
    }
  };

  ns.validateEncoding = function validateEncoding(encoding) {
    if (encoding && encoding !== 'buffer' && !natives.isEncoding(encoding)) {
      throw natives.argValue('encoding', encoding, 'is invalid encoding');
    }
  };

  // getOptions is Node's: a string is the encoding, nothing is the defaults, anything but an object
  // is refused.
  ns.getOptions = function getOptions(options, defaults = {}) {
    if (options == null || typeof options === 'function') return defaults;
    if (typeof options === 'string') {
      options = { ...defaults, encoding: options };
    } else if (typeof options !== 'object') {
      throw natives.argType('options', 'one of type string or object', options);
    }
    if (options.encoding !== 'buffer') ns.validateEncoding(options.encoding);
    return options;
  };

  ns.abortError = function abortError(signal) {
    const err = new Error('The operation was aborted', { cause: signal && signal.reason });
    err.name = 'AbortError';
    err.code = 'ABORT_ERR';
    return err;
  };

  ns.asyncIterator = Symbol.asyncIterator || Symbol.for('Symbol.asyncIterator');

  // defineHidden adds a non-enumerable method, as class methods are.
  ns.defineHidden = function defineHidden(obj, name, value) {
    Object.defineProperty(obj, name, { value, writable: true, configurable: true });
  };
});
