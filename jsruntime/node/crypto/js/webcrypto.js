// Web Crypto: the Crypto object (globalThis.crypto), CryptoKey and SubtleCrypto with digest and HMAC
// keys (importKey raw/jwk, exportKey raw/jwk, generateKey, sign, verify). Arguments are converted
// and checked as Node's WebIDL layer does, with its messages; the work is Go's (natives.digest,
// natives.hmacSign, natives.hmacVerify), off the loop.
(function (C) {
  'use strict';

  var N = C.natives;
  var kKeyObject = Symbol('kKeyObject');
  var kAlgorithm = Symbol('kAlgorithm');
  var kUsages = Symbol('kUsages');
  var kExtractable = Symbol('kExtractable');
  var constructing = false;

  function illegalConstructor() {
    return N.error('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }

  function invalidThis(type) {
    return N.error('TypeError', 'ERR_INVALID_THIS', 'Value of "this" must be of type ' + type);
  }

  class CryptoKey {
    constructor() {
      if (!constructing) throw illegalConstructor();
    }

    get type() {
      if (!(this instanceof CryptoKey)) throw invalidThis('CryptoKey');
      return this[kKeyObject].type;
    }

    get extractable() {
      if (!(this instanceof CryptoKey)) throw invalidThis('CryptoKey');
      return this[kExtractable];
    }

    get algorithm() {
      if (!(this instanceof CryptoKey)) throw invalidThis('CryptoKey');
      return this[kAlgorithm];
    }

    get usages() {
      if (!(this instanceof CryptoKey)) throw invalidThis('CryptoKey');
      return this[kUsages];
    }
  }
  Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { value: 'CryptoKey', configurable: true });

  function newCryptoKey(keyObject, algorithm, usages, extractable) {
    constructing = true;
    try {
      var key = new CryptoKey();
    } finally {
      constructing = false;
    }
    key[kKeyObject] = keyObject;
    key[kAlgorithm] = algorithm;
    key[kUsages] = usages;
    key[kExtractable] = extractable;
    return key;
  }

  // WebIDL conversions, with the messages of Node's lib/internal/crypto/webidl.js.
  function requiredArguments(length, required, prefix) {
    if (length < required) {
      throw N.error('TypeError', 'ERR_MISSING_ARGS', prefix + ': ' + required + ' argument' +
        (required === 1 ? '' : 's') + ' required, but only ' + length + ' present.');
    }
  }

  function isObject(v) { return (typeof v === 'object' && v !== null) || typeof v === 'function'; }

  function algorithmIdentifier(v) { return isObject(v) ? v : String(v); }

  function bufferSource(v, prefix, context) {
    if (C.isAnyArrayBuffer(v) || C.isArrayBufferView(v)) return v;
    throw N.error('TypeError', 'ERR_INVALID_ARG_TYPE',
      prefix + ': ' + context + ' is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
  }

  function enumValue(v, values, type, prefix, context) {
    var s = String(v);
    if (values.indexOf(s) < 0) {
      throw N.error('TypeError', 'ERR_INVALID_ARG_VALUE',
        prefix + ': ' + context + " value '" + s + "' is not a valid enum value of type " + type + '.');
    }
    return s;
  }

  var keyUsageValues = ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey', 'unwrapKey'];

  function keyUsages(v, prefix, context) {
    if (!isObject(v) || typeof v[Symbol.iterator] !== 'function') {
      throw N.error('TypeError', 'ERR_INVALID_ARG_TYPE', prefix + ': ' + context + ' can not be converted to sequence.');
    }
    var out = [];
    for (var item of v) out.push(enumValue(item, keyUsageValues, 'KeyUsage', prefix, context + ', index ' + out.length));
    return out;
  }

  function keyFormat(v, prefix, context) {
    return enumValue(v, ['raw', 'pkcs8', 'spki', 'jwk'], 'KeyFormat', prefix, context);
  }

  function cryptoKey(v, prefix, context) {
    if (!(v instanceof CryptoKey)) {
      throw N.error('TypeError', 'ERR_INVALID_ARG_TYPE', prefix + ': ' + context + ' is not of type CryptoKey.');
    }
    return v;
  }

  var jwkStrings = ['kty', 'use', 'alg', 'k'];

  function jsonWebKey(v, prefix, context) {
    if (v !== undefined && v !== null && !isObject(v)) {
      throw N.error('TypeError', 'ERR_INVALID_ARG_TYPE', prefix + ': ' + context + ' can not be converted to a dictionary');
    }
    var jwk = {};
    if (v === undefined || v === null) return jwk;
    jwkStrings.forEach(function (name) { if (v[name] !== undefined) jwk[name] = String(v[name]); });
    if (v.ext !== undefined) jwk.ext = !!v.ext;
    if (v.key_ops !== undefined) jwk.key_ops = Array.from(v.key_ops, String);
    return jwk;
  }

  // The algorithms Node recognises per operation; only SHA digests and HMAC are implemented here.
  var recognized = {
    digest: ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'],
    sign: ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'ECDSA', 'Ed25519', 'Ed448', 'HMAC'],
    importKey: ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP', 'ECDSA', 'ECDH', 'Ed25519', 'Ed448', 'X25519', 'X448',
      'HMAC', 'AES-CTR', 'AES-CBC', 'AES-GCM', 'AES-KW', 'HKDF', 'PBKDF2'],
    generateKey: ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP', 'ECDSA', 'ECDH', 'Ed25519', 'Ed448', 'X25519', 'X448',
      'HMAC', 'AES-CTR', 'AES-CBC', 'AES-GCM', 'AES-KW'],
  };
  recognized.verify = recognized.sign;

  function missingOption(dictionary, member) {
    return N.error('TypeError', 'ERR_MISSING_OPTION', "Failed to normalize algorithm: passed algorithm can not be converted to '" +
      dictionary + "' because '" + member + "' is required in '" + dictionary + "'.");
  }

  // normalizeAlgorithm resolves an algorithm name case-insensitively and reads the parameters the
  // operation takes (for HMAC keys: hash and length).
  function normalizeAlgorithm(algorithm, op) {
    if (typeof algorithm === 'string') return normalizeAlgorithm({ name: algorithm }, op);
    if (algorithm.name === undefined) throw missingOption('Algorithm', 'name');
    var wanted = String(algorithm.name).toUpperCase();
    var name = recognized[op].find(function (n) { return n.toUpperCase() === wanted; });
    if (name === undefined) throw C.domException('Unrecognized algorithm name', 'NotSupportedError');
    var out = { name: name };
    if (name === 'HMAC' && (op === 'importKey' || op === 'generateKey')) {
      var dictionary = op === 'importKey' ? 'HmacImportParams' : 'HmacKeyGenParams';
      if (algorithm.hash === undefined) throw missingOption(dictionary, 'hash');
      out.hash = normalizeAlgorithm(algorithmIdentifier(algorithm.hash), 'digest');
      if (algorithm.length !== undefined) out.length = Math.trunc(Number(algorithm.length)) >>> 0;
    }
    return out;
  }

  function unsupported(op, algorithm) {
    return N.notSupported('crypto.subtle.' + op + ' with ' + algorithm.name);
  }

  // hashName is the Go digest name of a WebCrypto hash: 'SHA-256' is sha256.
  function hashName(name) { return name.replace('-', '').toLowerCase(); }

  var hmacBlockBits = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 };

  function checkHmacUsages(usages) {
    for (var u of usages) {
      if (u !== 'sign' && u !== 'verify') throw C.domException('Unsupported key usage for an HMAC key', 'SyntaxError');
    }
  }

  var keyOps = ['sign', 'verify', 'encrypt', 'decrypt', 'wrapKey', 'unwrapKey', 'deriveKey', 'deriveBits'];

  function validateKeyOps(ops, usages) {
    if (ops === undefined) return;
    if (!Array.isArray(ops)) throw N.argType('keyData.key_ops', ['Array'], ops);
    var seen = [];
    for (var op of ops) {
      if (keyOps.indexOf(op) < 0) continue;
      if (seen.indexOf(op) >= 0) throw C.domException('Duplicate key operation', 'DataError');
      seen.push(op);
    }
    for (var u of usages) {
      if (ops.indexOf(u) < 0) throw C.domException('Key operations and usage mismatch', 'DataError');
    }
  }

  function jwkAlg(hash) {
    return 'HS' + hash.slice(4);
  }

  function hmacImportKey(format, keyData, algorithm, extractable, usages) {
    checkHmacUsages(usages);
    var material;
    switch (format) {
      case 'raw': {
        var bits = keyData.byteLength * 8;
        if (bits === 0 || algorithm.length === 0) throw C.domException('Zero-length key is not supported', 'DataError');
        if (algorithm.length !== undefined && algorithm.length !== bits) throw C.domException('Invalid key length', 'DataError');
        material = keyData;
        break;
      }
      case 'jwk': {
        if (!keyData.kty) throw C.domException('Invalid keyData', 'DataError');
        if (keyData.kty !== 'oct') throw C.domException('Invalid JWK "kty" Parameter', 'DataError');
        if (usages.length > 0 && keyData.use !== undefined && keyData.use !== 'sig') {
          throw C.domException('Invalid JWK "use" Parameter', 'DataError');
        }
        validateKeyOps(keyData.key_ops, usages);
        if (keyData.ext === false && extractable === true) {
          throw C.domException('JWK "ext" Parameter and extractable mismatch', 'DataError');
        }
        if (keyData.alg !== undefined && keyData.alg !== jwkAlg(algorithm.hash.name)) {
          throw C.domException('JWK "alg" does not match the requested algorithm', 'DataError');
        }
        if (typeof keyData.k !== 'string') throw C.domException('Invalid keyData', 'DataError');
        material = C.Buffer.from(keyData.k, 'base64url');
        break;
      }
      default:
        throw unsupported('importKey', { name: 'HMAC in ' + format + ' format' });
    }
    var keyObject = C.newSecretKey(material);
    return newCryptoKey(keyObject, { name: 'HMAC', hash: algorithm.hash, length: keyObject.symmetricKeySize * 8 },
      usages, extractable);
  }

  function hmacGenerateKey(algorithm, extractable, usages) {
    var length = algorithm.length === undefined ? hmacBlockBits[algorithm.hash.name] : algorithm.length;
    if (length % 8) throw N.argValue('algorithm.length', length, 'must be a multiple of 8');
    checkHmacUsages(usages);
    if (length === 0) throw C.domException('The operation failed for an operation-specific reason', 'OperationError');
    var keyObject = new C.SecretKeyObject(N.randomKey(length / 8));
    return newCryptoKey(keyObject, { name: algorithm.name, length: length, hash: { name: algorithm.hash.name } },
      Array.from(new Set(usages)), extractable);
  }

  function copyToArrayBuffer(buf) {
    var out = new ArrayBuffer(buf.length);
    new Uint8Array(out).set(buf);
    return out;
  }

  class SubtleCrypto {
    constructor() {
      throw illegalConstructor();
    }

    async digest(algorithm, data) {
      if (this !== subtle) throw invalidThis('SubtleCrypto');
      var prefix = "Failed to execute 'digest' on 'SubtleCrypto'";
      requiredArguments(arguments.length, 2, prefix);
      algorithm = algorithmIdentifier(algorithm);
      data = bufferSource(data, prefix, '2nd argument');
      algorithm = normalizeAlgorithm(algorithm, 'digest');
      return N.digest(hashName(algorithm.name), data);
    }

    async importKey(format, keyData, algorithm, extractable, usages) {
      if (this !== subtle) throw invalidThis('SubtleCrypto');
      var prefix = "Failed to execute 'importKey' on 'SubtleCrypto'";
      requiredArguments(arguments.length, 4, prefix);
      format = keyFormat(format, prefix, '1st argument');
      keyData = format === 'jwk' ? jsonWebKey(keyData, prefix, '2nd argument') : bufferSource(keyData, prefix, '2nd argument');
      algorithm = algorithmIdentifier(algorithm);
      extractable = !!extractable;
      usages = keyUsages(usages, prefix, '5th argument');
      algorithm = normalizeAlgorithm(algorithm, 'importKey');
      if (algorithm.name !== 'HMAC') throw unsupported('importKey', algorithm);
      var key = hmacImportKey(format, keyData, algorithm, extractable, usages);
      if (key.usages.length === 0) throw C.domException('Usages cannot be empty when importing a secret key.', 'SyntaxError');
      return key;
    }

    async exportKey(format, key) {
      if (this !== subtle) throw invalidThis('SubtleCrypto');
      var prefix = "Failed to execute 'exportKey' on 'SubtleCrypto'";
      requiredArguments(arguments.length, 2, prefix);
      format = keyFormat(format, prefix, '1st argument');
      key = cryptoKey(key, prefix, '2nd argument');
      // The name is Node's own (not a standard DOMException name).
      if (!key.extractable) throw C.domException('key is not extractable', 'InvalidAccessException');
      var material = C.keyMaterial(key[kKeyObject]);
      switch (format) {
        case 'raw':
          return copyToArrayBuffer(material);
        case 'jwk':
          return { key_ops: key.usages, ext: key.extractable, kty: 'oct', k: material.toString('base64url'),
            alg: jwkAlg(key.algorithm.hash.name) };
        case 'spki':
          // Node words this one as if the format were raw.
          throw C.domException('Unable to export a raw HMAC secret key', 'InvalidAccessError');
      }
      throw C.domException('Unable to export a pkcs8 HMAC secret key', 'InvalidAccessError');
    }

    async generateKey(algorithm, extractable, usages) {
      if (this !== subtle) throw invalidThis('SubtleCrypto');
      var prefix = "Failed to execute 'generateKey' on 'SubtleCrypto'";
      requiredArguments(arguments.length, 3, prefix);
      algorithm = algorithmIdentifier(algorithm);
      extractable = !!extractable;
      usages = keyUsages(usages, prefix, '3rd argument');
      algorithm = normalizeAlgorithm(algorithm, 'generateKey');
      if (algorithm.name !== 'HMAC') throw unsupported('generateKey', algorithm);
      var key = hmacGenerateKey(algorithm, extractable, usages);
      if (key.usages.length === 0) throw C.domException('Usages cannot be empty when creating a key.', 'SyntaxError');
      return key;
    }

    async sign(algorithm, key, data) {
      if (this !== subtle) throw invalidThis('SubtleCrypto');
      var prefix = "Failed to execute 'sign' on 'SubtleCrypto'";
      requiredArguments(arguments.length, 3, prefix);
      algorithm = algorithmIdentifier(algorithm);
      key = cryptoKey(key, prefix, '2nd argument');
      data = bufferSource(data, prefix, '3rd argument');
      return signVerify(algorithm, key, data);
    }

    async verify(algorithm, key, signature, data) {
      if (this !== subtle) throw invalidThis('SubtleCrypto');
      var prefix = "Failed to execute 'verify' on 'SubtleCrypto'";
      requiredArguments(arguments.length, 4, prefix);
      algorithm = algorithmIdentifier(algorithm);
      key = cryptoKey(key, prefix, '2nd argument');
      signature = bufferSource(signature, prefix, '3rd argument');
      data = bufferSource(data, prefix, '4th argument');
      return signVerify(algorithm, key, data, signature);
    }
  }
  Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, { value: 'SubtleCrypto', configurable: true });

  ['encrypt', 'decrypt', 'deriveBits', 'deriveKey', 'wrapKey', 'unwrapKey'].forEach(function (op) {
    Object.defineProperty(SubtleCrypto.prototype, op, {
      value: {
        [op]: async function () {
          if (this !== subtle) throw invalidThis('SubtleCrypto');
          throw N.notSupported('crypto.subtle.' + op);
        },
      }[op],
      writable: true, configurable: true,
    });
  });

  function signVerify(algorithm, key, data, signature) {
    var usage = signature === undefined ? 'sign' : 'verify';
    algorithm = normalizeAlgorithm(algorithm, usage);
    if (key.usages.indexOf(usage) < 0 || algorithm.name !== key.algorithm.name) {
      throw C.domException('Unable to use this key to ' + usage, 'InvalidAccessError');
    }
    if (algorithm.name !== 'HMAC') throw unsupported(usage, algorithm);
    var material = C.keyMaterial(key[kKeyObject]);
    var hash = hashName(key.algorithm.hash.name);
    return usage === 'sign' ? N.hmacSign(hash, material, data) : N.hmacVerify(hash, material, data, signature);
  }

  var integerArrays = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
    BigInt64Array, BigUint64Array];

  class Crypto {
    constructor() {
      throw illegalConstructor();
    }

    get subtle() {
      if (this !== crypto) throw invalidThis('Crypto');
      return subtle;
    }

    getRandomValues(array) {
      if (this !== crypto) throw invalidThis('Crypto');
      requiredArguments(arguments.length, 1, "Failed to execute 'getRandomValues' on 'Crypto'");
      if (!integerArrays.some(function (T) { return array instanceof T; })) {
        throw C.domException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
      }
      if (array.byteLength > 65536) {
        throw C.domException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
      }
      return C.randomFillSync(array, 0);
    }

    randomUUID() {
      if (this !== crypto) throw invalidThis('Crypto');
      return C.randomUUID();
    }
  }
  Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });

  var subtle = Object.create(SubtleCrypto.prototype);
  var crypto = Object.create(Crypto.prototype);

  C.isCryptoKey = function (v) { return v instanceof CryptoKey; };
  C.cryptoKeyObject = function (key) { return key[kKeyObject]; };
  C.Crypto = Crypto;
  C.CryptoKey = CryptoKey;
  C.SubtleCrypto = SubtleCrypto;
  C.crypto = crypto;
})
