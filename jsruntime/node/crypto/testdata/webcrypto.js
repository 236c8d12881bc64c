// crypto.subtle (digest and HMAC keys) and the web Crypto classes against Node 20: results, key
// objects, JWK import and export, and the WebIDL and DOMException errors.
'use strict';
const nodeCrypto = require('crypto');

const subtle = globalThis.crypto.subtle;
const hex = (b) => Buffer.from(b).toString('hex');

async function t(label, f) {
  try {
    const r = await f();
    console.log(label, r instanceof ArrayBuffer ? 'ArrayBuffer ' + hex(r) : typeof r === 'object' ? JSON.stringify(r) : r);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message), e instanceof DOMException);
  }
}

module.exports = async function main() {
  const data = Buffer.from('The quick brown fox');
  for (const alg of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'sha-256', { name: 'Sha-512' }]) {
    await t('digest ' + JSON.stringify(alg), () => subtle.digest(alg, data));
  }
  await t('digest views', async () => [hex(await subtle.digest('SHA-1', new Uint16Array([0x6261]))),
    hex(await subtle.digest('SHA-1', new DataView(new ArrayBuffer(2)))), hex(await subtle.digest('SHA-1', new ArrayBuffer(0)))].join());
  await t('digest MD5', () => subtle.digest('MD5', data));
  await t('digest string', () => subtle.digest('SHA-256', 'abc'));
  await t('digest one arg', () => subtle.digest('SHA-256'));
  await t('digest no args', () => subtle.digest());
  await t('digest number alg', () => subtle.digest(5, data));
  await t('digest no name', () => subtle.digest({}, data));
  await t('digest this', () => subtle.digest.call({}, 'SHA-256', data));
  await t('digest is async', () => {
    let p;
    try { p = subtle.digest(); } catch (e) { return 'sync throw'; }
    return p.catch(() => 'rejected');
  });

  const raw = Buffer.from('secret key');
  const key = await subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
  console.log('key', key.type, key.extractable, JSON.stringify(key.algorithm), key.usages.join(),
    Object.prototype.toString.call(key), key instanceof CryptoKey, key.algorithm === key.algorithm);
  const sig = await subtle.sign('HMAC', key, data);
  console.log('sign', hex(sig), hex(sig) === nodeCrypto.createHmac('sha256', raw).update(data).digest('hex'));
  await t('sign object alg', () => subtle.sign({ name: 'hmac' }, key, data));
  await t('verify good', () => subtle.verify('HMAC', key, sig, data));
  await t('verify bad data', () => subtle.verify('HMAC', key, sig, Buffer.from('other')));
  await t('verify short sig', () => subtle.verify('HMAC', key, sig.slice(0, 8), data));
  await t('export raw', () => subtle.exportKey('raw', key));
  await t('export jwk', () => subtle.exportKey('jwk', key));
  await t('export spki', () => subtle.exportKey('spki', key));
  await t('export pkcs8', () => subtle.exportKey('pkcs8', key));
  await t('export bad format', () => subtle.exportKey('nope', key));
  await t('export not a key', () => subtle.exportKey('raw', 5));
  await t('export one arg', () => subtle.exportKey('raw'));

  const signOnly = await subtle.importKey('raw', raw, { name: 'HMAC', hash: { name: 'SHA-512' }, length: 80 }, false, ['sign']);
  console.log('signOnly', JSON.stringify(signOnly.algorithm), signOnly.usages.join(), signOnly.extractable);
  await t('export not extractable', () => subtle.exportKey('raw', signOnly));
  await t('verify with sign-only key', () => subtle.verify('HMAC', signOnly, sig, data));
  await t('sign with SHA-512 key', () => subtle.sign('HMAC', signOnly, data));
  await t('sign wrong alg', () => subtle.sign('SHA-256', key, data));
  await t('sign RSA-PSS name', () => subtle.sign('NOPE', key, data));
  await t('sign string data', () => subtle.sign('HMAC', key, 'abc'));
  await t('sign not a key', () => subtle.sign('HMAC', {}, data));
  await t('sign two args', () => subtle.sign('HMAC', key));
  await t('verify string sig', () => subtle.verify('HMAC', key, 'abc', data));

  await t('import usage', () => subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, true, ['encrypt']));
  await t('import bad usage', () => subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, true, ['nope']));
  await t('import usages string', () => subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, true, 'sign'));
  await t('import no usages', () => subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, true));
  await t('import empty usages', () => subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, true, []));
  await t('import no hash', () => subtle.importKey('raw', raw, { name: 'HMAC' }, true, ['sign']));
  await t('import MD5 hash', () => subtle.importKey('raw', raw, { name: 'HMAC', hash: 'MD5' }, true, ['sign']));
  await t('import empty key', () => subtle.importKey('raw', Buffer.alloc(0), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
  await t('import wrong length', () => subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256', length: 40 }, true, ['sign']));
  await t('import string data', () => subtle.importKey('raw', 'abc', { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
  await t('import unknown alg', () => subtle.importKey('raw', raw, { name: 'NOPE' }, true, ['sign']));
  await t('import duplicate usages', async () => (await subtle.importKey('raw', raw, { name: 'hmac', hash: 'sha-384' }, true,
    ['verify', 'sign', 'sign'])).usages.join());

  const jwk = { kty: 'oct', k: raw.toString('base64url'), alg: 'HS256' };
  await t('import jwk', async () => hex(await subtle.sign('HMAC',
    await subtle.importKey('jwk', jwk, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']), data)) === hex(sig));
  await t('import jwk short', async () => JSON.stringify((await subtle.importKey('jwk', { kty: 'oct', k: 'AA' },
    { name: 'HMAC', hash: 'SHA-1' }, true, ['sign'])).algorithm));
  await t('jwk alg mismatch', () => subtle.importKey('jwk', { ...jwk, alg: 'HS512' }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
  await t('jwk no kty', () => subtle.importKey('jwk', { k: 'AA' }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
  await t('jwk bad kty', () => subtle.importKey('jwk', { kty: 'RSA', k: 'AA' }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
  await t('jwk no k', () => subtle.importKey('jwk', { kty: 'oct' }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
  await t('jwk use', () => subtle.importKey('jwk', { kty: 'oct', k: 'AA', use: 'enc' }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
  await t('jwk key_ops', () => subtle.importKey('jwk', { kty: 'oct', k: 'AA', key_ops: ['verify'] }, { name: 'HMAC', hash: 'SHA-256' },
    true, ['sign']));
  await t('jwk duplicate key_ops', () => subtle.importKey('jwk', { kty: 'oct', k: 'AA', key_ops: ['sign', 'sign'] },
    { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
  await t('jwk ext', () => subtle.importKey('jwk', { kty: 'oct', k: 'AA', ext: false }, { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));
  await t('jwk string', () => subtle.importKey('jwk', 'abc', { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']));

  for (const [hash, length] of [['SHA-1'], ['SHA-256'], ['SHA-384'], ['SHA-512'], ['SHA-256', 128]]) {
    await t('generate ' + hash + ' ' + length, async () => {
      const g = await subtle.generateKey({ name: 'HMAC', hash, length }, true, ['sign', 'verify', 'sign']);
      return [JSON.stringify(g.algorithm), g.usages.join(), (await subtle.exportKey('raw', g)).byteLength].join(' ');
    });
  }
  await t('generate no hash', () => subtle.generateKey({ name: 'HMAC' }, true, ['sign']));
  await t('generate bad usage', () => subtle.generateKey({ name: 'HMAC', hash: 'SHA-1' }, true, ['sign', 'encrypt']));
  await t('generate empty usages', () => subtle.generateKey({ name: 'HMAC', hash: 'SHA-1' }, true, []));
  await t('generate length 100', () => subtle.generateKey({ name: 'HMAC', hash: 'SHA-1', length: 100 }, true, ['sign']));
  await t('generate length 0', () => subtle.generateKey({ name: 'HMAC', hash: 'SHA-1', length: 0 }, true, ['sign']));
  await t('generate unknown', () => subtle.generateKey({ name: 'NOPE' }, true, ['sign']));

  await t('KeyObject.from', () => {
    const k = nodeCrypto.KeyObject.from(key);
    return [k.type, k.symmetricKeySize, k.export().toString()].join();
  });
  await t('hmac with CryptoKey', () => nodeCrypto.createHmac('sha256', key).update(data).digest('hex') === hex(sig));

  await t('new CryptoKey', () => new CryptoKey());
  await t('new SubtleCrypto', () => new SubtleCrypto());
  await t('new Crypto', () => new Crypto());
  await t('globals', () => [typeof Crypto, typeof CryptoKey, typeof SubtleCrypto, Object.prototype.toString.call(globalThis.crypto),
    Object.prototype.toString.call(subtle), globalThis.crypto instanceof Crypto, subtle instanceof SubtleCrypto].join());
  await t('same objects', () => [nodeCrypto.webcrypto === globalThis.crypto, nodeCrypto.subtle === subtle,
    globalThis.crypto.subtle === subtle, nodeCrypto.getRandomValues === globalThis.crypto.getRandomValues].join());
  await t('global descriptor', () => {
    const d = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    return [typeof d.get, d.set, d.enumerable, d.configurable, d.get.name].join();
  });
  await t('class descriptor', () => {
    const d = Object.getOwnPropertyDescriptor(globalThis, 'CryptoKey');
    return [typeof d.get, typeof d.set, d.enumerable, d.configurable].join();
  });
  await t('prototype members', () => [Object.getOwnPropertyNames(Crypto.prototype).join(),
    Object.getOwnPropertyNames(CryptoKey.prototype).join()].join(' | '));
  await t('subtle this', () => Object.getOwnPropertyDescriptor(Crypto.prototype, 'subtle').get.call({}));
};
