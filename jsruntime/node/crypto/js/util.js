// Helpers shared by the crypto module's parts: Node's argument validators (lib/internal/validators),
// byte-source checks, and LazyTransform, the Transform base of Hash, Hmac and the ciphers.
(function (C) {
  'use strict';

  var N = C.natives;
  var Transform = C.Transform;

  function isArrayBufferView(v) { return ArrayBuffer.isView(v); }
  function isAnyArrayBuffer(v) { return v instanceof ArrayBuffer; }

  function validateString(value, name) {
    if (typeof value !== 'string') throw N.argType(name, ['string'], value);
  }

  function validateFunction(value, name) {
    if (typeof value !== 'function') throw N.argType(name, ['Function'], value);
  }

  function validateBoolean(value, name) {
    if (typeof value !== 'boolean') throw N.argType(name, ['boolean'], value);
  }

  function validateObject(value, name) {
    if (value === null || Array.isArray(value) || typeof value !== 'object') throw N.argType(name, ['Object'], value);
  }

  function validateNumber(value, name, min, max) {
    if (typeof value !== 'number') throw N.argType(name, ['number'], value);
    var hasMin = min !== undefined && min !== null;
    var hasMax = max !== undefined && max !== null;
    if ((hasMin && value < min) || (hasMax && value > max) || ((hasMin || hasMax) && Number.isNaN(value))) {
      throw N.outOfRange(name, (hasMin ? '>= ' + min : '') + (hasMin && hasMax ? ' && ' : '') + (hasMax ? '<= ' + max : ''), value);
    }
  }

  function validateInteger(value, name, min, max) {
    if (min === undefined) min = Number.MIN_SAFE_INTEGER;
    if (max === undefined) max = Number.MAX_SAFE_INTEGER;
    if (typeof value !== 'number') throw N.argType(name, ['number'], value);
    if (!Number.isInteger(value)) throw N.outOfRange(name, 'an integer', value);
    if (value < min || value > max) throw N.outOfRange(name, '>= ' + min + ' && <= ' + max, value);
  }

  function validateInt32(value, name, min, max) {
    if (min === undefined) min = -2147483648;
    if (max === undefined) max = 2147483647;
    validateInteger(value, name, min, max);
  }

  function validateUint32(value, name, positive) {
    validateInteger(value, name, positive ? 1 : 0, 4294967295);
  }

  // validateEncoding rejects hex strings of odd length, as Node does before decoding them.
  function validateEncoding(data, encoding) {
    if (typeof encoding === 'string' && encoding.toLowerCase() === 'hex' && data.length % 2 !== 0) {
      throw N.argValue('encoding', encoding, 'is invalid for data of length ' + data.length);
    }
  }

  function getStringOption(options, key) {
    var value;
    if (options && (value = options[key]) != null) validateString(value, 'options.' + key);
    return value;
  }

  // getArrayBufferOrView is a byte source as Node's C++ layer takes it: strings become Buffers in
  // the given encoding.
  function getArrayBufferOrView(buffer, name, encoding) {
    if (isAnyArrayBuffer(buffer)) return buffer;
    if (typeof buffer === 'string') {
      if (encoding === 'buffer') encoding = 'utf8';
      return C.Buffer.from(buffer, encoding);
    }
    if (!isArrayBufferView(buffer)) {
      throw N.argType(name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    return buffer;
  }

  function nextTick(fn) {
    var args = Array.prototype.slice.call(arguments, 1);
    if (typeof process === 'object' && process !== null && typeof process.nextTick === 'function') {
      process.nextTick.apply(process, [fn].concat(args));
    } else {
      queueMicrotask(function () { fn.apply(undefined, args); });
    }
  }

  function domException(message, name) {
    return new DOMException(message, name);
  }

  // LazyTransform is a Transform whose stream state is built on first use: most hashes are only
  // updated and digested, never piped, and skip the cost of two stream states.
  function LazyTransform(options) {
    this._options = options;
  }
  Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
  Object.setPrototypeOf(LazyTransform, Transform);

  function makeGetter(name) {
    return function () {
      Transform.call(this, this._options);
      this._writableState.decodeStrings = false;
      return this[name];
    };
  }

  function makeSetter(name) {
    return function (value) {
      Object.defineProperty(this, name, { value: value, enumerable: true, configurable: true, writable: true });
    };
  }

  ['_readableState', '_writableState', '_transformState'].forEach(function (name) {
    Object.defineProperty(LazyTransform.prototype, name, {
      get: makeGetter(name), set: makeSetter(name), enumerable: true, configurable: true,
    });
  });

  C.kHandle = Symbol('kHandle');
  C.isArrayBufferView = isArrayBufferView;
  C.isAnyArrayBuffer = isAnyArrayBuffer;
  C.validateString = validateString;
  C.validateFunction = validateFunction;
  C.validateBoolean = validateBoolean;
  C.validateObject = validateObject;
  C.validateNumber = validateNumber;
  C.validateInteger = validateInteger;
  C.validateInt32 = validateInt32;
  C.validateUint32 = validateUint32;
  C.validateEncoding = validateEncoding;
  C.getStringOption = getStringOption;
  C.getArrayBufferOrView = getArrayBufferOrView;
  C.nextTick = nextTick;
  C.domException = domException;
  C.LazyTransform = LazyTransform;
})
