// The web crypto global: getRandomValues, randomUUID and subtle digest and HMAC, with fixed inputs.
'use strict';

const hex = (b) => Buffer.from(b).toString('hex');

async function t(label, f) {
  try {
    console.log(label, await f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

module.exports = async function main() {
  const { subtle } = globalThis.crypto;
  const data = new TextEncoder().encode('hello');
  for (const alg of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']) await t(alg, async () => hex(await subtle.digest(alg, data)));
  await t('digest MD5', () => subtle.digest('MD5', data));
  await t('digest string', () => subtle.digest('SHA-256', 'hello'));
  const key = await subtle.importKey('raw', new TextEncoder().encode('key'), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
  await t('key', () => [key.type, key.extractable, JSON.stringify(key.algorithm), key.usages.join()].join(' '));
  const sig = await subtle.sign('HMAC', key, data);
  await t('sign', () => hex(sig));
  await t('verify', () => subtle.verify('HMAC', key, sig, data));
  await t('verify other', () => subtle.verify('HMAC', key, sig, new Uint8Array(1)));
  await t('export jwk', async () => JSON.stringify(await subtle.exportKey('jwk', key)));
  await t('generate', async () => {
    const k = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-512' }, false, ['sign']);
    return JSON.stringify(k.algorithm) + ' ' + k.extractable;
  });
  await t('export not extractable', async () => subtle.exportKey('raw',
    await subtle.importKey('raw', new Uint8Array(8), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign'])));
  await t('bad usage', () => subtle.importKey('raw', new Uint8Array(8), { name: 'HMAC', hash: 'SHA-1' }, true, ['encrypt']));
  await t('getRandomValues', () => crypto.getRandomValues(new Uint32Array(4)).length);
  await t('getRandomValues float', () => crypto.getRandomValues(new Float64Array(1)));
  await t('getRandomValues quota', () => crypto.getRandomValues(new Uint8Array(70000)));
  await t('randomUUID', () => crypto.randomUUID().length);
  await t('same object', () => require('crypto').webcrypto === globalThis.crypto);
};
