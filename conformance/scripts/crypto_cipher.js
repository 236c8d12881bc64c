// node:crypto AES ciphers: fixed keys and IVs, so every ciphertext is deterministic.
'use strict';
const crypto = require('crypto');

function t(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

const key = Buffer.alloc(32, 7);
const iv = Buffer.alloc(16, 9);
const nonce = Buffer.alloc(12, 3);
const text = 'The quick brown fox jumps over the lazy dog';

for (const alg of ['aes-128-cbc', 'aes-192-cbc', 'aes-256-cbc', 'aes-256-ctr', 'aes-128-ecb']) {
  t(alg, () => {
    const k = key.subarray(0, Number(alg.split('-')[1]) / 8);
    const i = alg.endsWith('ecb') ? null : iv;
    const c = crypto.createCipheriv(alg, k, i);
    const ct = c.update(text, 'utf8', 'base64') + c.final('base64');
    const d = crypto.createDecipheriv(alg, k, i);
    return ct + ' ' + (d.update(ct, 'base64', 'utf8') + d.final('utf8') === text);
  });
}
t('gcm', () => {
  const c = crypto.createCipheriv('aes-256-gcm', key, nonce);
  c.setAAD(Buffer.from('header'));
  const ct = Buffer.concat([c.update(text), c.final()]);
  const tag = c.getAuthTag();
  const d = crypto.createDecipheriv('aes-256-gcm', key, nonce);
  d.setAAD(Buffer.from('header'));
  d.setAuthTag(tag);
  return ct.toString('hex') + ' ' + tag.toString('hex') + ' ' + Buffer.concat([d.update(ct), d.final()]).toString();
});
t('gcm tampered', () => {
  const c = crypto.createCipheriv('aes-256-gcm', key, nonce);
  const ct = Buffer.concat([c.update(text), c.final()]);
  ct[0] ^= 1;
  const d = crypto.createDecipheriv('aes-256-gcm', key, nonce);
  d.setAuthTag(c.getAuthTag());
  d.update(ct);
  return d.final();
});
t('gcm short tag', () => {
  const c = crypto.createCipheriv('aes-128-gcm', key.subarray(0, 16), nonce, { authTagLength: 8 });
  c.update('x');
  c.final();
  return c.getAuthTag().toString('hex');
});
t('no padding', () => {
  const c = crypto.createCipheriv('aes-256-cbc', key, iv);
  c.setAutoPadding(false);
  c.update('short');
  return c.final();
});
t('bad decrypt', () => {
  const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
  d.update(Buffer.alloc(16));
  return d.final();
});
t('key length', () => crypto.createCipheriv('aes-256-cbc', Buffer.alloc(3), iv));
t('iv length', () => crypto.createCipheriv('aes-256-cbc', key, Buffer.alloc(3)));
t('unknown cipher', () => crypto.createCipheriv('aes-999-cbc', key, iv));
t('ciphers', () => ['aes-128-gcm', 'aes-256-cbc', 'aes-256-ctr'].every((c) => crypto.getCiphers().includes(c)));

module.exports = async function main() {
  const { Readable } = require('stream');
  const { pipeline } = require('stream/promises');
  const out = [];
  await pipeline(Readable.from([Buffer.from(text)]), crypto.createCipheriv('aes-256-ctr', key, iv), async function* (source) {
    for await (const chunk of source) out.push(chunk);
  });
  console.log('piped', Buffer.concat(out).toString('hex'));
};
