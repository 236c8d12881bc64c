// Digests, HMACs and crypto.hash against Node 20: every algorithm, input kinds and encodings,
// copy(), finalization errors, argument errors and the stream interface.
'use strict';
const crypto = require('crypto');
const { Readable } = require('stream');

function t(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message));
  }
}

const algorithms = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-224', 'sha512-256',
  'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'shake128', 'shake256'];
const inputs = ['', 'abc', 'x'.repeat(200), '\u00e9\u4e2d\ud83d\ude00'];
for (const alg of algorithms) {
  for (const input of inputs) {
    console.log(alg, input.length, crypto.createHash(alg).update(input).digest('hex'));
  }
}
for (const alg of ['md5', 'sha1', 'sha256', 'sha512', 'sha3-256']) {
  console.log('hmac', alg, crypto.createHmac(alg, 'key').update('The quick brown fox').digest('hex'));
  console.log('hmac long key', alg, crypto.createHmac(alg, 'k'.repeat(300)).update('data').digest('base64'));
}
for (const name of ['SHA256', 'RSA-SHA256', 'sha256WithRSAEncryption', 'sha-256', 'SHA2-256', 'ssl3-md5', 'RSA-SHA1-2',
  'sha-512/256', 'id-rsassa-pkcs1-v1_5-with-sha3-256', '2.16.840.1.101.3.4.2.1', 'ripemd160x', 'sha512/256']) {
  t('alias ' + name, () => crypto.createHash(name).update('a').digest('hex').slice(0, 16));
}

const h = crypto.createHash('sha256');
h.update('ab', 'utf8');
h.update(Buffer.from('cd'));
h.update(new Uint16Array([0x6665]));
h.update(new DataView(new Uint8Array([0x67]).buffer));
h.update('68', 'hex');
h.update('aQ==', 'base64');
h.update('ag', 'base64url');
h.update('\u00e9', 'latin1');
h.update('k', 'nope');
const fork = h.copy();
console.log('mixed', h.digest('hex'));
console.log('fork', fork.update('more').digest('base64url'));
for (const enc of ['hex', 'HEX', 'base64', 'base64url', 'latin1', 'binary', 'buffer', 'nope', undefined, null, 5]) {
  t('digest ' + enc, () => {
    const r = crypto.createHash('md5').update('enc').digest(enc);
    return Buffer.isBuffer(r) ? 'Buffer ' + r.toString('hex') : JSON.stringify(r);
  });
}
t('digest utf8', () => Buffer.from(crypto.createHash('md5').update('enc').digest('utf8')).toString('hex'));
t('shake128 len 5', () => crypto.createHash('shake128', { outputLength: 5 }).update('a').digest('hex'));
t('shake256 len 0', () => crypto.createHash('shake256', { outputLength: 0 }).update('a').digest('hex'));
t('shake copy len', () => {
  const s = crypto.createHash('shake256', { outputLength: 4 }).update('a');
  return s.copy({ outputLength: 8 }).digest('hex') + ' ' + s.digest('hex');
});
t('sha256 len 32', () => crypto.createHash('sha256', { outputLength: 32 }).digest('hex'));
t('sha256 len 5', () => crypto.createHash('sha256', { outputLength: 5 }));
t('outputLength string', () => crypto.createHash('sha256', { outputLength: 'a' }));
t('outputLength -1', () => crypto.createHash('sha256', { outputLength: -1 }));
t('no algorithm', () => crypto.createHash());
t('number algorithm', () => crypto.createHash(5));
t('unknown', () => crypto.createHash('nope'));
t('update number', () => crypto.createHash('md5').update(5));
t('update ArrayBuffer', () => crypto.createHash('md5').update(new ArrayBuffer(2)));
t('update odd hex', () => crypto.createHash('md5').update('abc', 'hex'));
t('digest twice', () => { const x = crypto.createHash('md5'); x.digest(); x.digest(); });
t('update after digest', () => { const x = crypto.createHash('md5'); x.digest(); x.update('a'); });
t('copy after digest', () => { const x = crypto.createHash('md5'); x.digest(); x.copy(); });
t('Hash without new', () => crypto.Hash('md5').digest('hex'));
t('instanceof', () => [crypto.createHash('md5') instanceof crypto.Hash, crypto.createHmac('md5', 'k') instanceof crypto.Hmac,
  crypto.createHash('md5') instanceof require('stream').Transform].join());
t('own keys', () => Object.keys(crypto.createHash('md5')).join());

t('hmac no key', () => crypto.createHmac('sha256'));
t('hmac number key', () => crypto.createHmac('sha256', 5));
t('hmac bad digest', () => crypto.createHmac('nope', 'k'));
t('hmac number digest', () => crypto.createHmac(5, 'k'));
t('hmac empty key', () => crypto.createHmac('sha256', '').digest('hex'));
t('hmac ArrayBuffer key', () => crypto.createHmac('sha256', new Uint8Array([1, 2, 3]).buffer).digest('hex'));
t('hmac hex key option', () => crypto.createHmac('sha256', '0a0b', { encoding: 'hex' }).digest('hex'));
t('hmac bad encoding option', () => crypto.createHmac('sha256', 'k', { encoding: 5 }));
t('hmac secret KeyObject', () => crypto.createHmac('sha256', crypto.createSecretKey(Buffer.from('key'))).update('x').digest('hex'));
t('hmac digest twice', () => {
  const x = crypto.createHmac('sha256', 'k');
  return [x.digest('hex').length, JSON.stringify(x.digest('hex')), x.digest().length].join();
});
t('hmac update after digest', () => { const x = crypto.createHmac('sha256', 'k'); x.digest(); x.update('a'); });

t('hash hex', () => crypto.hash('sha1', 'abc'));
t('hash base64', () => crypto.hash('sha1', 'abc', 'base64'));
t('hash buffer', () => crypto.hash('sha1', Buffer.from('abc'), 'buffer').toString('hex'));
t('hash BUFFER', () => Buffer.isBuffer(crypto.hash('md5', 'a', 'BUFFER')));
t('hash HEX', () => crypto.hash('md5', 'a', 'HEX'));
t('hash shake', () => crypto.hash('shake256', 'a'));
t('hash unknown', () => crypto.hash('nope', 'abc'));
t('hash number input', () => crypto.hash('sha1', 5));
t('hash bad encoding', () => crypto.hash('md5', 'a', 'nope'));
t('hash number encoding', () => crypto.hash('md5', 'a', 5));
t('getHashes', () => crypto.getHashes().filter((n) => /^(md5|sha1|sha256|sha3-256|shake128|RSA-SHA256)$/.test(n)).join());

module.exports = async function main() {
  const piped = await new Promise((resolve, reject) => {
    const hash = crypto.createHash('sha256');
    hash.setEncoding('hex');
    let out = '';
    hash.on('data', (d) => { out += d; });
    hash.on('end', () => resolve(out));
    hash.on('error', reject);
    Readable.from(['chunk one, ', Buffer.from('chunk two')]).pipe(hash);
  });
  console.log('piped', piped);
  const hmac = crypto.createHmac('sha1', 'key');
  hmac.write('streamed');
  hmac.end();
  console.log('hmac read', hmac.read().toString('hex'));
};
