// randomBytes, randomFill(Sync), randomInt and randomUUID over Go's crypto/rand (natives.random*).
(function (C) {
  'use strict';

  var N = C.natives;
  var kMaxLength = 2147483647; // Node's kMaxPossibleLength on 64-bit: min(buffer.kMaxLength, 2^31-1)
  var RAND_MAX = 0xFFFFFFFFFFFF;

  function assertOffset(offset, elementSize, length) {
    C.validateNumber(offset, 'offset');
    offset *= elementSize;
    var maxLength = Math.min(length, kMaxLength);
    if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
      throw N.outOfRange('offset', '>= 0 && <= ' + maxLength, offset);
    }
    return offset >>> 0;
  }

  function assertSize(size, elementSize, offset, length) {
    C.validateNumber(size, 'size');
    size *= elementSize;
    if (Number.isNaN(size) || size > kMaxLength || size < 0) {
      throw N.outOfRange('size', '>= 0 && <= ' + kMaxLength, size);
    }
    if (size + offset > length) throw N.outOfRange('size + offset', '<= ' + length, size + offset);
    return size >>> 0;
  }

  function checkBuffer(buf) {
    if (!C.isAnyArrayBuffer(buf) && !C.isArrayBufferView(buf)) {
      throw N.argType('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
    }
  }

  function randomBytes(size, callback) {
    size = assertSize(size, 1, 0, Infinity);
    if (callback !== undefined) C.validateFunction(callback, 'callback');
    var buf = C.Buffer.alloc(size);
    if (callback === undefined) {
      N.randomFill(buf, 0, size);
      return buf;
    }
    N.randomFillAsync(buf, 0, size, function (err) {
      if (err) callback(err);
      else callback(null, buf);
    });
  }

  function randomFillSync(buf, offset, size) {
    if (offset === undefined) offset = 0;
    checkBuffer(buf);
    var elementSize = buf.BYTES_PER_ELEMENT || 1;
    offset = assertOffset(offset, elementSize, buf.byteLength);
    if (size === undefined) size = buf.byteLength - offset;
    else size = assertSize(size, elementSize, offset, buf.byteLength);
    if (size !== 0) N.randomFill(buf, offset, size);
    return buf;
  }

  // randomFill keeps Node 20's argument shuffling, including its treatment of a size given with a
  // callback in place of the size.
  function randomFill(buf, offset, size, callback) {
    checkBuffer(buf);
    var elementSize = buf.BYTES_PER_ELEMENT || 1;
    if (typeof offset === 'function') {
      callback = offset;
      offset = 0;
      size = buf.length;
    } else if (typeof size === 'function') {
      callback = size;
      offset *= elementSize;
      size = buf.length - offset;
    } else {
      C.validateFunction(callback, 'callback');
    }
    offset = assertOffset(offset, elementSize, buf.byteLength);
    if (size === undefined) size = buf.byteLength - offset;
    else size = assertSize(size, elementSize, offset, buf.byteLength);
    if (size === 0) {
      callback(null, buf);
      return;
    }
    N.randomFillAsync(buf, offset, size, function (err) {
      if (err) callback(err);
      else callback(null, buf);
    });
  }

  function randomInt(min, max, callback) {
    var minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
    if (minNotSpecified) {
      callback = max;
      max = min;
      min = 0;
    }
    var isSync = typeof callback === 'undefined';
    if (!isSync) C.validateFunction(callback, 'callback');
    if (!Number.isSafeInteger(min)) throw N.argType('min', ['a safe integer'], min);
    if (!Number.isSafeInteger(max)) throw N.argType('max', ['a safe integer'], max);
    if (max <= min) throw N.outOfRange('max', 'greater than the value of "min" (' + min + ')', max);
    var range = max - min;
    if (!(range <= RAND_MAX)) throw N.outOfRange('max' + (minNotSpecified ? '' : ' - min'), '<= ' + RAND_MAX, range);
    var n = N.randomInt(min, max);
    if (isSync) return n;
    C.nextTick(callback, undefined, n);
  }

  function randomUUID(options) {
    if (options !== undefined) C.validateObject(options, 'options');
    var disableEntropyCache = options && options.disableEntropyCache !== undefined ? options.disableEntropyCache : false;
    C.validateBoolean(disableEntropyCache, 'options.disableEntropyCache');
    return N.randomUUID();
  }

  C.randomBytes = randomBytes;
  C.randomFill = randomFill;
  C.randomFillSync = randomFillSync;
  C.randomInt = randomInt;
  C.randomUUID = randomUUID;
})
