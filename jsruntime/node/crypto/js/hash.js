// Hash and Hmac (createHash, createHmac) and crypto.hash, over Go digests (natives.hash*).
(function (C) {
  'use strict';

  var N = C.natives;
  var kHandle = C.kHandle;
  var kFinalized = Symbol('kFinalized');
  var LazyTransform = C.LazyTransform;
  // copy() hands its handle to the constructor through copySource, marked by the kCopy algorithm.
  var kCopy = Symbol('kCopy');
  var copySource = null;

  function finalized() {
    return N.error('Error', 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
  }

  function Hash(algorithm, options) {
    if (!new.target) return new Hash(algorithm, options);
    var copyOf = algorithm === kCopy ? copySource : null;
    copySource = null;
    if (!copyOf) C.validateString(algorithm, 'algorithm');
    var xofLen = typeof options === 'object' && options !== null ? options.outputLength : undefined;
    if (xofLen !== undefined) C.validateUint32(xofLen, 'options.outputLength');
    this[kHandle] = copyOf ? N.hashCopy(copyOf, xofLen) : N.hashNew(algorithm, xofLen);
    this[kFinalized] = false;
    LazyTransform.call(this, options);
  }
  Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(Hash, LazyTransform);

  Hash.prototype.copy = function copy(options) {
    if (this[kFinalized]) throw finalized();
    copySource = this[kHandle];
    return new Hash(kCopy, options);
  };

  Hash.prototype._transform = function _transform(chunk, encoding, callback) {
    N.hashUpdate(this[kHandle], chunk, encoding);
    callback();
  };

  Hash.prototype._flush = function _flush(callback) {
    this.push(N.hashDigest(this[kHandle]));
    callback();
  };

  Hash.prototype.update = function update(data, encoding) {
    if (this[kFinalized]) throw finalized();
    if (typeof data === 'string') {
      C.validateEncoding(data, encoding);
    } else if (!C.isArrayBufferView(data)) {
      throw N.argType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    }
    N.hashUpdate(this[kHandle], data, encoding);
    return this;
  };

  Hash.prototype.digest = function digest(outputEncoding) {
    if (this[kFinalized]) throw finalized();
    // Node converts any truthy encoding to a string; an unknown one gives a Buffer.
    var ret = N.hashDigest(this[kHandle], outputEncoding && String(outputEncoding));
    this[kFinalized] = true;
    return ret;
  };

  function Hmac(hmac, key, options) {
    if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
    C.validateString(hmac, 'hmac');
    var encoding = C.getStringOption(options, 'encoding');
    key = C.prepareSecretKey(key, encoding);
    this[kHandle] = N.hmacNew(hmac, key);
    this[kFinalized] = false;
    LazyTransform.call(this, options);
  }
  Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(Hmac, LazyTransform);

  Hmac.prototype.update = Hash.prototype.update;

  // A second digest() of an Hmac returns an empty result instead of throwing, as in Node.
  Hmac.prototype.digest = function digest(outputEncoding) {
    if (this[kFinalized]) {
      var empty = C.Buffer.alloc(0);
      return outputEncoding && outputEncoding !== 'buffer' ? empty.toString(outputEncoding) : empty;
    }
    var ret = N.hashDigest(this[kHandle], outputEncoding && String(outputEncoding));
    this[kFinalized] = true;
    return ret;
  };

  Hmac.prototype._flush = Hash.prototype._flush;
  Hmac.prototype._transform = Hash.prototype._transform;

  var encodings = ['utf8', 'utf-8', 'hex', 'base64', 'base64url', 'latin1', 'binary', 'ascii', 'ucs2', 'ucs-2',
    'utf16le', 'utf-16le'];

  // hash is crypto.hash(algorithm, input, outputEncoding = 'hex'), the one-shot digest.
  function hash(algorithm, input, outputEncoding) {
    if (outputEncoding === undefined) outputEncoding = 'hex';
    C.validateString(algorithm, 'algorithm');
    if (typeof input !== 'string' && !C.isArrayBufferView(input)) {
      throw N.argType('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
    }
    if (outputEncoding !== 'hex') {
      C.validateString(outputEncoding, 'outputEncoding');
      var lower = outputEncoding.toLowerCase();
      if (lower !== 'buffer' && encodings.indexOf(lower) < 0) throw N.argValue('outputEncoding', outputEncoding);
      outputEncoding = lower;
    }
    return N.hashOnce(algorithm, input, outputEncoding);
  }

  C.Hash = Hash;
  C.Hmac = Hmac;
  C.hash = hash;
})
