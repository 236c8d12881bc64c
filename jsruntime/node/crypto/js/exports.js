// The exports of require('crypto'), in Node's order: the implemented members, and stand-ins for the
// ones pluginhost lacks (asymmetric keys, Diffie-Hellman, certificates, primes, legacy ciphers),
// which exist so that bundles load and throw ERR_NOT_SUPPORTED_IN_PLUGINHOST when called.
(function (C) {
  'use strict';

  var N = C.natives;
  var exports = C.exports;

  function unsupported(name) {
    var fn = {
      [name]: function () { throw N.notSupported('crypto.' + name); },
    }[name];
    return fn;
  }

  var constants = {
    OPENSSL_VERSION_NUMBER: 805306672, SSL_OP_ALL: 2147485776, SSL_OP_ALLOW_NO_DHE_KEX: 1024,
    SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION: 262144, SSL_OP_CIPHER_SERVER_PREFERENCE: 4194304,
    SSL_OP_CISCO_ANYCONNECT: 32768, SSL_OP_COOKIE_EXCHANGE: 8192, SSL_OP_CRYPTOPRO_TLSEXT_BUG: 2147483648,
    SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS: 2048, SSL_OP_LEGACY_SERVER_CONNECT: 4, SSL_OP_NO_COMPRESSION: 131072,
    SSL_OP_NO_ENCRYPT_THEN_MAC: 524288, SSL_OP_NO_QUERY_MTU: 4096, SSL_OP_NO_RENEGOTIATION: 1073741824,
    SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION: 65536, SSL_OP_NO_SSLv2: 0, SSL_OP_NO_SSLv3: 33554432,
    SSL_OP_NO_TICKET: 16384, SSL_OP_NO_TLSv1: 67108864, SSL_OP_NO_TLSv1_1: 268435456, SSL_OP_NO_TLSv1_2: 134217728,
    SSL_OP_NO_TLSv1_3: 536870912, SSL_OP_PRIORITIZE_CHACHA: 2097152, SSL_OP_TLS_ROLLBACK_BUG: 8388608,
    ENGINE_METHOD_RSA: 1, ENGINE_METHOD_DSA: 2, ENGINE_METHOD_DH: 4, ENGINE_METHOD_RAND: 8, ENGINE_METHOD_EC: 2048,
    ENGINE_METHOD_CIPHERS: 64, ENGINE_METHOD_DIGESTS: 128, ENGINE_METHOD_PKEY_METHS: 512,
    ENGINE_METHOD_PKEY_ASN1_METHS: 1024, ENGINE_METHOD_ALL: 65535, ENGINE_METHOD_NONE: 0,
    DH_CHECK_P_NOT_SAFE_PRIME: 2, DH_CHECK_P_NOT_PRIME: 1, DH_UNABLE_TO_CHECK_GENERATOR: 4,
    DH_NOT_SUITABLE_GENERATOR: 8, RSA_PKCS1_PADDING: 1, RSA_NO_PADDING: 3, RSA_PKCS1_OAEP_PADDING: 4,
    RSA_X931_PADDING: 5, RSA_PKCS1_PSS_PADDING: 6, RSA_PSS_SALTLEN_DIGEST: -1, RSA_PSS_SALTLEN_MAX_SIGN: -2,
    RSA_PSS_SALTLEN_AUTO: -2,
    defaultCoreCipherList: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
      'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
      'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:' +
      'ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:' +
      '!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA',
    TLS1_VERSION: 769, TLS1_1_VERSION: 770, TLS1_2_VERSION: 771, TLS1_3_VERSION: 772,
    POINT_CONVERSION_COMPRESSED: 2, POINT_CONVERSION_UNCOMPRESSED: 4, POINT_CONVERSION_HYBRID: 6,
  };
  constants.defaultCipherList = constants.defaultCoreCipherList;

  function getRandomValues(array) {
    return C.crypto.getRandomValues(array);
  }

  var members = {
    checkPrime: unsupported('checkPrime'),
    checkPrimeSync: unsupported('checkPrimeSync'),
    createCipheriv: function createCipheriv(cipher, key, iv, options) { return new C.Cipheriv(cipher, key, iv, options); },
    createDecipheriv: function createDecipheriv(cipher, key, iv, options) {
      return new C.Decipheriv(cipher, key, iv, options);
    },
    createDiffieHellman: unsupported('createDiffieHellman'),
    createDiffieHellmanGroup: unsupported('createDiffieHellmanGroup'),
    createECDH: unsupported('createECDH'),
    createHash: function createHash(algorithm, options) { return new C.Hash(algorithm, options); },
    createHmac: function createHmac(hmac, key, options) { return new C.Hmac(hmac, key, options); },
    createPrivateKey: unsupported('createPrivateKey'),
    createPublicKey: unsupported('createPublicKey'),
    createSecretKey: C.createSecretKey,
    createSign: unsupported('createSign'),
    createVerify: unsupported('createVerify'),
    diffieHellman: unsupported('diffieHellman'),
    generatePrime: unsupported('generatePrime'),
    generatePrimeSync: unsupported('generatePrimeSync'),
    getCiphers: function getCiphers() { return N.getCiphers(); },
    getCipherInfo: unsupported('getCipherInfo'),
    getCurves: function getCurves() { return []; },
    getDiffieHellman: unsupported('getDiffieHellman'),
    getHashes: function getHashes() { return N.getHashes(); },
    hkdf: C.hkdf,
    hkdfSync: C.hkdfSync,
    pbkdf2: C.pbkdf2,
    pbkdf2Sync: C.pbkdf2Sync,
    generateKeyPair: unsupported('generateKeyPair'),
    generateKeyPairSync: unsupported('generateKeyPairSync'),
    generateKey: C.generateKey,
    generateKeySync: C.generateKeySync,
    privateDecrypt: unsupported('privateDecrypt'),
    privateEncrypt: unsupported('privateEncrypt'),
    publicDecrypt: unsupported('publicDecrypt'),
    publicEncrypt: unsupported('publicEncrypt'),
    randomBytes: C.randomBytes,
    randomFill: C.randomFill,
    randomFillSync: C.randomFillSync,
    randomInt: C.randomInt,
    randomUUID: C.randomUUID,
    scrypt: C.scrypt,
    scryptSync: C.scryptSync,
    sign: unsupported('sign'),
    setEngine: unsupported('setEngine'),
    timingSafeEqual: C.timingSafeEqual,
    getFips: function getFips() { return 0; },
    setFips: unsupported('setFips'),
    verify: unsupported('verify'),
    hash: C.hash,
    Certificate: unsupported('Certificate'),
    Cipher: unsupported('Cipher'),
    Cipheriv: C.Cipheriv,
    Decipher: unsupported('Decipher'),
    Decipheriv: C.Decipheriv,
    DiffieHellman: unsupported('DiffieHellman'),
    DiffieHellmanGroup: unsupported('DiffieHellmanGroup'),
    ECDH: unsupported('ECDH'),
    Hash: C.Hash,
    Hmac: C.Hmac,
    KeyObject: C.KeyObject,
    Sign: unsupported('Sign'),
    Verify: unsupported('Verify'),
    X509Certificate: unsupported('X509Certificate'),
    secureHeapUsed: unsupported('secureHeapUsed'),
  };
  Object.keys(members).forEach(function (name) { exports[name] = members[name]; });

  Object.defineProperties(exports, {
    createCipher: { enumerable: false, value: unsupported('createCipher') },
    createDecipher: { enumerable: false, value: unsupported('createDecipher') },
    fips: { get: members.getFips, set: members.setFips },
    constants: { configurable: false, enumerable: true, value: constants },
    webcrypto: { configurable: false, enumerable: true, get: function () { return C.crypto; } },
    subtle: { configurable: false, enumerable: true, get: function () { return C.crypto.subtle; } },
    getRandomValues: { configurable: false, enumerable: true, get: function () { return getRandomValues; } },
    // Deprecated aliases of randomBytes that the ecosystem still reads.
    prng: { enumerable: false, configurable: true, writable: true, value: C.randomBytes },
    pseudoRandomBytes: { enumerable: false, configurable: true, writable: true, value: C.randomBytes },
    rng: { enumerable: false, configurable: true, writable: true, value: C.randomBytes },
  });
})
