// pbkdf2, scrypt and hkdf with their Sync forms, and timingSafeEqual: argument handling as in Node,
// derivation in Go (natives.pbkdf2, natives.scrypt, natives.hkdf), off the loop when given a callback.
(function (C) {
  'use strict';

  var N = C.natives;

  function pbkdf2Check(password, salt, iterations, keylen, digest) {
    C.validateString(digest, 'digest');
    password = C.getArrayBufferOrView(password, 'password');
    salt = C.getArrayBufferOrView(salt, 'salt');
    C.validateInt32(iterations, 'iterations', 1);
    C.validateInt32(keylen, 'keylen', 0);
    return [password, salt, iterations, keylen, digest];
  }

  function pbkdf2(password, salt, iterations, keylen, digest, callback) {
    if (typeof digest === 'function') {
      callback = digest;
      digest = undefined;
    }
    var args = pbkdf2Check(password, salt, iterations, keylen, digest);
    C.validateFunction(callback, 'callback');
    N.pbkdf2.apply(null, args.concat([callback]));
  }

  function pbkdf2Sync(password, salt, iterations, keylen, digest) {
    return N.pbkdf2.apply(null, pbkdf2Check(password, salt, iterations, keylen, digest));
  }

  var scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

  function scryptInvalidParameter() {
    return N.error('Error', 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter');
  }

  // scryptCheck validates the arguments and resolves the option aliases (cost, blockSize,
  // parallelization); a zero parameter means its default.
  function scryptCheck(password, salt, keylen, options) {
    password = C.getArrayBufferOrView(password, 'password');
    salt = C.getArrayBufferOrView(salt, 'salt');
    C.validateInt32(keylen, 'keylen', 0);
    var n = scryptDefaults.N, r = scryptDefaults.r, p = scryptDefaults.p, maxmem = scryptDefaults.maxmem;
    if (options && options !== scryptDefaults) {
      var hasN = options.N !== undefined;
      if (hasN) {
        n = options.N;
        C.validateUint32(n, 'N');
      }
      if (options.cost !== undefined) {
        if (hasN) throw scryptInvalidParameter();
        n = options.cost;
        C.validateUint32(n, 'cost');
      }
      var hasR = options.r !== undefined;
      if (hasR) {
        r = options.r;
        C.validateUint32(r, 'r');
      }
      if (options.blockSize !== undefined) {
        if (hasR) throw scryptInvalidParameter();
        r = options.blockSize;
        C.validateUint32(r, 'blockSize');
      }
      var hasP = options.p !== undefined;
      if (hasP) {
        p = options.p;
        C.validateUint32(p, 'p');
      }
      if (options.parallelization !== undefined) {
        if (hasP) throw scryptInvalidParameter();
        p = options.parallelization;
        C.validateUint32(p, 'parallelization');
      }
      if (options.maxmem !== undefined) {
        maxmem = options.maxmem;
        C.validateInteger(maxmem, 'maxmem', 0);
      }
      if (n === 0) n = scryptDefaults.N;
      if (r === 0) r = scryptDefaults.r;
      if (p === 0) p = scryptDefaults.p;
      if (maxmem === 0) maxmem = scryptDefaults.maxmem;
    }
    return [password, salt, keylen, n, r, p, maxmem];
  }

  function scrypt(password, salt, keylen, options, callback) {
    if (callback === undefined) {
      callback = options;
      options = scryptDefaults;
    }
    var args = scryptCheck(password, salt, keylen, options);
    C.validateFunction(callback, 'callback');
    N.scrypt.apply(null, args.concat([callback]));
  }

  function scryptSync(password, salt, keylen, options) {
    return N.scrypt.apply(null, scryptCheck(password, salt, keylen, options || scryptDefaults));
  }

  var byteSource = ['string', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'];

  function validateByteSource(value, name) {
    if (typeof value === 'string') return C.Buffer.from(value);
    if (C.isAnyArrayBuffer(value) || C.isArrayBufferView(value)) return value;
    throw N.argType(name, byteSource, value);
  }

  function hkdfCheck(hash, key, salt, info, length) {
    C.validateString(hash, 'digest');
    if (key instanceof C.KeyObject) {
      key = C.keyMaterial(key);
    } else if (typeof key === 'string') {
      key = C.Buffer.from(key);
    } else if (!C.isAnyArrayBuffer(key) && !C.isArrayBufferView(key)) {
      throw N.argType('ikm', ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], key);
    }
    salt = validateByteSource(salt, 'salt');
    info = validateByteSource(info, 'info');
    C.validateInteger(length, 'length', 0, 4294967296);
    if (info.byteLength > 1024) throw N.outOfRange('info', 'must not contain more than 1024 bytes', info.byteLength);
    return [hash, key, salt, info, length];
  }

  function hkdf(hash, key, salt, info, length, callback) {
    var args = hkdfCheck(hash, key, salt, info, length);
    C.validateFunction(callback, 'callback');
    N.hkdf.apply(null, args.concat([callback]));
  }

  function hkdfSync(hash, key, salt, info, length) {
    return N.hkdf.apply(null, hkdfCheck(hash, key, salt, info, length));
  }

  // Node's C++ layer words this type error itself, without the received value.
  function notBuffer(name) {
    return N.error('TypeError', 'ERR_INVALID_ARG_TYPE',
      'The "' + name + '" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
  }

  function timingSafeEqual(buf1, buf2) {
    if (!C.isAnyArrayBuffer(buf1) && !C.isArrayBufferView(buf1)) throw notBuffer('buf1');
    if (!C.isAnyArrayBuffer(buf2) && !C.isArrayBufferView(buf2)) throw notBuffer('buf2');
    if (buf1.byteLength !== buf2.byteLength) {
      throw N.error('RangeError', 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
    }
    return N.timingSafeEqual(buf1, buf2);
  }

  C.pbkdf2 = pbkdf2;
  C.pbkdf2Sync = pbkdf2Sync;
  C.scrypt = scrypt;
  C.scryptSync = scryptSync;
  C.hkdf = hkdf;
  C.hkdfSync = hkdfSync;
  C.timingSafeEqual = timingSafeEqual;
})
