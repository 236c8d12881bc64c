// Secret KeyObjects (createSecretKey, generateKey, KeyObject.from) and prepareSecretKey, which every
// keyed function uses to accept a string, bytes, a KeyObject or a CryptoKey.
(function (C) {
  'use strict';

  var N = C.natives;
  var Buffer = C.Buffer;
  var kMaterial = Symbol('kMaterial');
  var kType = Symbol('kType');
  var internal = Symbol('internal');

  // KeyObject is constructible only from inside the module, as in Node, where it needs a native handle.
  class KeyObject {
    constructor(type, handle) {
      if (type !== 'secret' && type !== 'public' && type !== 'private') throw N.argValue('type', type);
      if (handle !== internal) throw N.argType('handle', ['object'], handle);
      this[kType] = type;
    }

    get type() { return this[kType]; }

    static from(key) {
      if (!C.isCryptoKey(key)) throw N.argType('key', ['CryptoKey'], key);
      return C.cryptoKeyObject(key);
    }

    equals(otherKeyObject) {
      if (!(otherKeyObject instanceof KeyObject)) throw N.argType('otherKeyObject', ['KeyObject'], otherKeyObject);
      var a = this[kMaterial];
      var b = otherKeyObject[kMaterial];
      return otherKeyObject.type === this.type && a.length === b.length && N.timingSafeEqual(a, b);
    }
  }
  Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, { value: 'KeyObject', configurable: true });

  class SecretKeyObject extends KeyObject {
    constructor(material) {
      super('secret', internal);
      this[kMaterial] = material;
    }

    get symmetricKeySize() { return this[kMaterial].length; }

    export(options) {
      if (options !== undefined) C.validateObject(options, 'options');
      var format = options && options.format;
      if (format === 'jwk') return { kty: 'oct', k: this[kMaterial].toString('base64url') };
      if (format !== undefined && format !== 'buffer') throw N.argValue('options.format', format, "must be one of: undefined, 'buffer', 'jwk'");
      return Buffer.from(this[kMaterial]);
    }
  }

  // copyBytes copies a byte source into a new Buffer: a key must not change when its source does.
  function copyBytes(source) {
    if (C.isAnyArrayBuffer(source)) return Buffer.from(new Uint8Array(source));
    return Buffer.from(new Uint8Array(source.buffer, source.byteOffset, source.byteLength));
  }

  function newSecretKey(bytes) {
    return new SecretKeyObject(copyBytes(bytes));
  }

  var keyTypes = ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject', 'CryptoKey'];

  // prepareSecretKey returns the key bytes of a string (in encoding), bytes, a secret KeyObject or a
  // secret CryptoKey.
  function prepareSecretKey(key, encoding, bufferOnly) {
    if (!bufferOnly) {
      if (key instanceof KeyObject) return key[kMaterial];
      if (C.isCryptoKey(key)) return C.cryptoKeyObject(key)[kMaterial];
    }
    if (typeof key !== 'string' && !C.isArrayBufferView(key) && !C.isAnyArrayBuffer(key)) {
      throw N.argType('key', bufferOnly ? keyTypes.slice(0, 4) : keyTypes, key);
    }
    return C.getArrayBufferOrView(key, 'key', encoding);
  }

  function createSecretKey(key, encoding) {
    return newSecretKey(prepareSecretKey(key, encoding, true));
  }

  // generateKeySync makes a random secret key: 'hmac' of options.length bits (whole bytes), or 'aes'
  // of 128, 192 or 256 bits.
  function generateKeySync(type, options) {
    C.validateString(type, 'type');
    C.validateObject(options, 'options');
    var length = options.length;
    switch (type) {
      case 'hmac':
        C.validateInteger(length, 'options.length', 8, 2147483647);
        break;
      case 'aes':
        if (length !== 128 && length !== 192 && length !== 256) {
          throw N.argValue('options.length', length, 'must be one of: 128, 192, 256');
        }
        break;
      default:
        throw N.argValue('type', type, "must be a supported key type");
    }
    return new SecretKeyObject(N.randomKey(Math.floor(length / 8)));
  }

  function generateKey(type, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    C.validateFunction(callback, 'callback');
    var key = generateKeySync(type, options);
    C.nextTick(callback, null, key);
  }

  C.KeyObject = KeyObject;
  C.SecretKeyObject = SecretKeyObject;
  C.newSecretKey = newSecretKey;
  C.keyMaterial = function (keyObject) { return keyObject[kMaterial]; };
  C.prepareSecretKey = prepareSecretKey;
  C.createSecretKey = createSecretKey;
  C.generateKeySync = generateKeySync;
  C.generateKey = generateKey;
})
