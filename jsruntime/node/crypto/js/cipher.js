// Cipheriv and Decipheriv (createCipheriv, createDecipheriv) over Go's AES (natives.cipher*): update
// and final with input and output encodings, padding control and GCM's AAD and tags.
(function (C) {
  'use strict';

  var N = C.natives;
  var kHandle = C.kHandle;
  var LazyTransform = C.LazyTransform;
  var StringDecoder = C.StringDecoder;

  // getUIntOption is options[key] as a uint32, or -1 when absent.
  function getUIntOption(options, key) {
    var value;
    if (options && (value = options[key]) != null) {
      if (value >>> 0 !== value) throw N.argValue('options.' + key, value);
      return value;
    }
    return -1;
  }

  // getDecoder keeps one StringDecoder per cipher, so a multi-byte character or base64 group split
  // across update calls comes out whole, as in Node.
  var kName = Symbol('kName');
  function getDecoder(decoder, encoding) {
    if (!decoder) {
      decoder = new StringDecoder(encoding);
      decoder[kName] = encoding;
    } else if (decoder[kName] !== encoding && new StringDecoder(encoding).encoding !== decoder.encoding) {
      throw N.error('Error', 'ERR_INTERNAL_ASSERTION', 'Cannot change encoding');
    }
    return decoder;
  }

  function init(self, cipher, key, iv, options, decrypt) {
    C.validateString(cipher, 'cipher');
    var encoding = C.getStringOption(options, 'encoding');
    key = C.prepareSecretKey(key, encoding);
    iv = iv === null ? null : C.getArrayBufferOrView(iv, 'iv');
    var authTagLength = getUIntOption(options, 'authTagLength');
    self[kHandle] = N.cipherNew(cipher, key, iv, authTagLength, decrypt);
    self._decoder = null;
    LazyTransform.call(self, options);
  }

  function Cipheriv(cipher, key, iv, options) {
    if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
    init(this, cipher, key, iv, options, false);
  }

  function Decipheriv(cipher, key, iv, options) {
    if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
    init(this, cipher, key, iv, options, true);
  }

  var methods = {
    _transform: function _transform(chunk, encoding, callback) {
      this.push(N.cipherUpdate(this[kHandle], chunk, encoding));
      callback();
    },

    _flush: function _flush(callback) {
      try {
        this.push(N.cipherFinal(this[kHandle]));
      } catch (e) {
        callback(e);
        return;
      }
      callback();
    },

    update: function update(data, inputEncoding, outputEncoding) {
      if (typeof data === 'string') {
        C.validateEncoding(data, inputEncoding);
      } else if (!C.isArrayBufferView(data)) {
        throw N.argType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
      }
      var ret = N.cipherUpdate(this[kHandle], data, inputEncoding);
      if (outputEncoding && outputEncoding !== 'buffer') {
        this._decoder = getDecoder(this._decoder, outputEncoding);
        return this._decoder.write(ret);
      }
      return ret;
    },

    final: function final(outputEncoding) {
      var ret = N.cipherFinal(this[kHandle]);
      if (outputEncoding && outputEncoding !== 'buffer') {
        this._decoder = getDecoder(this._decoder, outputEncoding);
        return this._decoder.end(ret);
      }
      return ret;
    },

    setAutoPadding: function setAutoPadding(ap) {
      if (!N.cipherSetAutoPadding(this[kHandle], !!ap)) {
        throw N.error('Error', 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation setAutoPadding');
      }
      return this;
    },

    setAAD: function setAAD(aadbuf, options) {
      var encoding = C.getStringOption(options, 'encoding');
      getUIntOption(options, 'plaintextLength');
      aadbuf = C.getArrayBufferOrView(aadbuf, 'aadbuf', encoding);
      if (!N.cipherSetAAD(this[kHandle], aadbuf)) {
        throw N.error('Error', 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation setAAD');
      }
      return this;
    },
  };

  [Cipheriv, Decipheriv].forEach(function (ctor) {
    Object.setPrototypeOf(ctor.prototype, LazyTransform.prototype);
    Object.setPrototypeOf(ctor, LazyTransform);
    Object.keys(methods).forEach(function (name) { ctor.prototype[name] = methods[name]; });
  });

  Cipheriv.prototype.getAuthTag = function getAuthTag() {
    var ret = N.cipherGetAuthTag(this[kHandle]);
    if (ret === undefined) {
      throw N.error('Error', 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation getAuthTag');
    }
    return ret;
  };

  Decipheriv.prototype.setAuthTag = function setAuthTag(tagbuf, encoding) {
    tagbuf = C.getArrayBufferOrView(tagbuf, 'buffer', encoding);
    if (!N.cipherSetAuthTag(this[kHandle], tagbuf)) {
      throw N.error('Error', 'ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation setAuthTag');
    }
    return this;
  };

  C.Cipheriv = Cipheriv;
  C.Decipheriv = Decipheriv;
})
