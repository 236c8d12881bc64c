// pbkdf2, scrypt, hkdf and timingSafeEqual against Node 20: vectors for several digests and
// parameters, the option aliases and defaults, the callback forms and the argument errors.
'use strict';
const crypto = require('crypto');

function t(label, f) {
  try {
    const r = f();
    console.log(label, Buffer.isBuffer(r) || r instanceof ArrayBuffer ? Buffer.from(r).toString('hex') : r);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message));
  }
}

for (const digest of ['sha1', 'sha256', 'sha512', 'md5', 'sha3-256', 'SHA256', 'RSA-SHA1']) {
  t('pbkdf2 ' + digest, () => crypto.pbkdf2Sync('password', 'salt', 1000, 40, digest));
}
t('pbkdf2 1 iteration', () => crypto.pbkdf2Sync('pw', 'salt', 1, 32, 'sha256'));
t('pbkdf2 long key', () => crypto.pbkdf2Sync(Buffer.alloc(200, 1), new Uint8Array([1, 2]), 3, 100, 'sha512'));
t('pbkdf2 keylen 0', () => crypto.pbkdf2Sync('pw', 'salt', 1, 0, 'sha256'));
t('pbkdf2 no digest', () => crypto.pbkdf2Sync('pw', 'salt', 1, 32));
t('pbkdf2 bad digest', () => crypto.pbkdf2Sync('pw', 'salt', 1, 32, 'nope'));
t('pbkdf2 iterations 0', () => crypto.pbkdf2Sync('pw', 'salt', 0, 32, 'sha256'));
t('pbkdf2 iterations 1.5', () => crypto.pbkdf2Sync('pw', 'salt', 1.5, 32, 'sha256'));
t('pbkdf2 iterations string', () => crypto.pbkdf2Sync('pw', 'salt', '1', 32, 'sha256'));
t('pbkdf2 iterations 2^31', () => crypto.pbkdf2Sync('pw', 'salt', 2 ** 31, 32, 'sha256'));
t('pbkdf2 keylen -1', () => crypto.pbkdf2Sync('pw', 'salt', 1, -1, 'sha256'));
t('pbkdf2 password number', () => crypto.pbkdf2Sync(5, 'salt', 1, 1, 'sha256'));
t('pbkdf2 salt number', () => crypto.pbkdf2Sync('pw', 5, 1, 1, 'sha256'));
t('pbkdf2 digest number', () => crypto.pbkdf2Sync('pw', 'salt', 1, 1, 5));
t('pbkdf2 no callback', () => crypto.pbkdf2('pw', 'salt', 1, 1, 'sha256'));
t('pbkdf2 bad digest async', () => crypto.pbkdf2('pw', 'salt', 1, 1, 'nope', () => {}));

t('scrypt default', () => crypto.scryptSync('password', 'salt', 64));
t('scrypt rfc7914', () => crypto.scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }));
t('scrypt aliases', () => crypto.scryptSync('pw', 'salt', 16, { cost: 1024, blockSize: 4, parallelization: 2 }));
t('scrypt small', () => crypto.scryptSync('', '', 16, { N: 16, r: 1, p: 1 }));
t('scrypt zeros mean defaults', () => crypto.scryptSync('pw', 'salt', 16, { N: 0, r: 0, p: 0, maxmem: 0 }));
t('scrypt null options', () => crypto.scryptSync('pw', 'salt', 16, null));
t('scrypt keylen 0', () => crypto.scryptSync('pw', 'salt', 0));
t('scrypt maxmem exact', () => crypto.scryptSync('pw', 'salt', 8, { maxmem: 16780288 }));
// Node reports a stale OpenSSL error with "Invalid scrypt params" once one is queued (see the package
// doc); the silent refusals come before the first "memory limit exceeded".
t('scrypt bad params async', () => crypto.scrypt('pw', 'salt', 16, { N: 15 }, () => {}));
for (const opts of [{ N: 1 }, { N: 1000 }, { N: 2 ** 20 }, { r: 2 ** 31 }, { N: 2 ** 16, r: 1 }, { p: 2 ** 30 },
  { N: 16, r: 1, p: 2 ** 20 }, { maxmem: 16780287 }, { maxmem: -1 }, { maxmem: 1.5 }, { maxmem: 2 ** 53 }, { N: -1 },
  { N: 2 ** 32 }, { N: 1.5 }, { N: 'a' }, { N: 1024, cost: 1024 }, { r: 1, blockSize: 1 }, { p: 1, parallelization: 1 }]) {
  t('scrypt ' + JSON.stringify(opts), () => crypto.scryptSync('pw', 'salt', 8, opts));
}
t('scrypt keylen -1', () => crypto.scryptSync('pw', 'salt', -1));
t('scrypt no callback', () => crypto.scrypt('pw', 'salt', 16));

for (const digest of ['sha1', 'sha256', 'sha384', 'sha512', 'md5']) {
  t('hkdf ' + digest, () => crypto.hkdfSync(digest, 'key', 'salt', 'info', 42));
}
t('hkdf type', () => Object.prototype.toString.call(crypto.hkdfSync('sha256', 'key', 'salt', 'info', 16)));
t('hkdf max length', () => crypto.hkdfSync('sha256', 'key', 'salt', 'info', 255 * 32).byteLength);
t('hkdf too long', () => crypto.hkdfSync('sha256', 'key', 'salt', 'info', 255 * 32 + 1));
t('hkdf length 0', () => crypto.hkdfSync('sha256', 'key', 'salt', 'info', 0));
t('hkdf empty key', () => crypto.hkdfSync('sha256', '', '', '', 8));
t('hkdf KeyObject', () => crypto.hkdfSync('sha256', crypto.createSecretKey(Buffer.from('key')), Buffer.from('salt'), new Uint8Array([1]), 8));
t('hkdf ArrayBuffer', () => crypto.hkdfSync('sha256', new Uint8Array([1, 2]).buffer, new ArrayBuffer(1), 'i', 8));
t('hkdf bad digest', () => crypto.hkdfSync('nope', 'key', 'salt', 'info', 16));
t('hkdf digest number', () => crypto.hkdfSync(5, 'key', 'salt', 'info', 16));
t('hkdf info too long', () => crypto.hkdfSync('sha256', 'key', 'salt', 'i'.repeat(1025), 16));
t('hkdf key number', () => crypto.hkdfSync('sha256', 5, 'salt', 'info', 16));
t('hkdf salt number', () => crypto.hkdfSync('sha256', 'key', 5, 'info', 16));
t('hkdf info number', () => crypto.hkdfSync('sha256', 'key', 'salt', 5, 16));
t('hkdf length -1', () => crypto.hkdfSync('sha256', 'key', 'salt', 'info', -1));
t('hkdf no callback', () => crypto.hkdf('sha256', 'key', 'salt', 'info', 16));

t('timingSafeEqual same', () => crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')));
t('timingSafeEqual differ', () => crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ac')));
t('timingSafeEqual views', () => crypto.timingSafeEqual(new Uint16Array([1]), Buffer.from([1, 0])));
t('timingSafeEqual ArrayBuffers', () => crypto.timingSafeEqual(new ArrayBuffer(2), new ArrayBuffer(2)));
t('timingSafeEqual length', () => crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('abc')));
t('timingSafeEqual strings', () => crypto.timingSafeEqual('ab', 'ab'));
t('timingSafeEqual second string', () => crypto.timingSafeEqual(Buffer.from('ab'), 'ab'));

function callback(fn) {
  return new Promise((resolve) => fn((err, key) => resolve(err ? 'error ' + err.message : Buffer.from(key).toString('hex'))));
}

module.exports = async function main() {
  console.log('pbkdf2 async', await callback((cb) => crypto.pbkdf2('password', 'salt', 1000, 20, 'sha1', cb)));
  console.log('scrypt async', await callback((cb) => crypto.scrypt('pw', 'salt', 16, cb)));
  console.log('scrypt async options', await callback((cb) => crypto.scrypt('pw', 'salt', 16, { N: 16 }, cb)));
  console.log('hkdf async', await callback((cb) => crypto.hkdf('sha256', 'key', 'salt', 'info', 16, cb)));
  const order = [];
  const done = new Promise((resolve) => crypto.pbkdf2('a', 'b', 1, 1, 'sha256', () => { order.push('callback'); resolve(); }));
  order.push('sync');
  await done;
  console.log('callback after return', order.join());
};
