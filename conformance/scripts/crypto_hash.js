// node:crypto digests, HMAC and key derivation: fixed inputs, so every value is deterministic.
'use strict';
const crypto = require('crypto');

function t(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

for (const alg of ['md5', 'sha1', 'sha256', 'sha512', 'sha3-256']) {
  t(alg, () => crypto.createHash(alg).update('hello ').update(Buffer.from('world')).digest('hex'));
  t('hmac ' + alg, () => crypto.createHmac(alg, 'secret').update('payload').digest('base64'));
}
t('copy', () => {
  const h = crypto.createHash('sha256').update('a');
  const c = h.copy().update('b');
  return h.digest('hex').slice(0, 16) + ' ' + c.digest('hex').slice(0, 16);
});
t('crypto.hash', () => crypto.hash('sha1', 'abc'));
t('digest twice', () => { const h = crypto.createHash('md5'); h.digest(); h.digest(); });
t('unknown digest', () => crypto.createHash('nope'));
t('bad hmac digest', () => crypto.createHmac('nope', 'k'));
t('pbkdf2Sync', () => crypto.pbkdf2Sync('password', 'salt', 1000, 32, 'sha256').toString('hex'));
t('scryptSync', () => crypto.scryptSync('password', 'salt', 32, { N: 1024 }).toString('hex'));
t('hkdfSync', () => Buffer.from(crypto.hkdfSync('sha256', 'ikm', 'salt', 'info', 32)).toString('hex'));
t('timingSafeEqual', () => crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc')));
t('timingSafeEqual length', () => crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('ab')));
t('randomBytes', () => crypto.randomBytes(16).length);
t('randomUUID', () => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));
t('randomInt', () => { const n = crypto.randomInt(10, 20); return n >= 10 && n < 20; });
t('randomInt range', () => crypto.randomInt(5, 5));

module.exports = async function main() {
  const key = await new Promise((resolve, reject) =>
    crypto.pbkdf2('password', 'salt', 1000, 16, 'sha512', (err, k) => (err ? reject(err) : resolve(k))));
  console.log('pbkdf2', key.toString('hex'));
  const skey = await new Promise((resolve, reject) =>
    crypto.scrypt('password', 'salt', 16, (err, k) => (err ? reject(err) : resolve(k))));
  console.log('scrypt', skey.toString('hex'));
  const hash = crypto.createHash('sha256');
  hash.end('streamed');
  console.log('stream', hash.read().toString('hex'));
};
