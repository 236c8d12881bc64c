// Cipheriv and Decipheriv against Node 20: AES-128/192/256 in CBC, ECB, CTR and GCM, chunked
// updates, encodings, padding, GCM IV and tag lengths and AAD, state and argument errors, streams.
'use strict';
const crypto = require('crypto');
const { Readable, Writable, pipeline } = require('stream');

function t(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message), Object.keys(e).join('|'));
  }
}

function bytes(n, seed) {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed * 7) & 0xff;
  return b;
}

const plain = bytes(77, 1);
for (const bits of [128, 192, 256]) {
  const key = bytes(bits / 8, bits);
  for (const mode of ['cbc', 'ecb', 'ctr']) {
    const name = `aes-${bits}-${mode}`;
    const iv = mode === 'ecb' ? null : bytes(16, 3);
    for (const len of [0, 1, 15, 16, 17, 32, 77]) {
      const c = crypto.createCipheriv(name, key, iv);
      const ct = Buffer.concat([c.update(plain.subarray(0, len)), c.final()]);
      const d = crypto.createDecipheriv(name, key, iv);
      const pt = Buffer.concat([d.update(ct), d.final()]);
      console.log(name, len, ct.toString('hex'), pt.equals(plain.subarray(0, len)));
    }
    // Uneven chunks give the same ciphertext, and update returns what is ready.
    const c = crypto.createCipheriv(name, key, iv);
    const sizes = [5, 11, 16, 1, 30, 14].map((n, i, a) => c.update(plain.subarray(a.slice(0, i).reduce((x, y) => x + y, 0),
      a.slice(0, i + 1).reduce((x, y) => x + y, 0))).length);
    console.log(name, 'chunks', sizes.join(), c.final().length);
  }
  for (const ivLen of [1, 12, 16, 60]) {
    for (const tagLen of [undefined, 4, 8, 12, 16]) {
      const iv = bytes(ivLen, 5);
      const opts = tagLen === undefined ? undefined : { authTagLength: tagLen };
      const c = crypto.createCipheriv(`aes-${bits}-gcm`, key, iv, opts);
      c.setAAD(Buffer.from('header'));
      c.setAAD(Buffer.from(' more'));
      const ct = Buffer.concat([c.update(plain.subarray(0, 40)), c.update(plain.subarray(40)), c.final()]);
      const tag = c.getAuthTag();
      const d = crypto.createDecipheriv(`aes-${bits}-gcm`, key, iv, opts);
      d.setAAD(Buffer.from('header more'));
      d.setAuthTag(tag);
      const pt = Buffer.concat([d.update(ct), d.final()]);
      console.log(`aes-${bits}-gcm`, ivLen, tagLen, ct.toString('hex').slice(0, 32), tag.toString('hex'), pt.equals(plain));
    }
  }
}

const key = bytes(32, 9), iv = bytes(16, 2), iv12 = bytes(12, 4);
t('utf8 to hex', () => { const c = crypto.createCipheriv('aes-256-cbc', key, iv); return c.update('héllo', 'utf8', 'hex') + c.final('hex'); });
t('base64 carries', () => {
  const c = crypto.createCipheriv('aes-256-ctr', key, iv);
  return [c.update('abcd', 'utf8', 'base64'), c.update('efgh', 'latin1', 'base64'), c.final('base64')].join('|');
});
t('hex input', () => { const c = crypto.createCipheriv('aes-256-ctr', key, iv); return c.update('00ff', 'hex', 'hex'); });
t('odd hex input', () => crypto.createCipheriv('aes-256-ctr', key, iv).update('abc', 'hex'));
t('unknown input encoding', () => crypto.createCipheriv('aes-256-ctr', key, iv).update('abc', 'nope', 'hex'));
t('unknown output encoding', () => crypto.createCipheriv('aes-256-ctr', key, iv).update('abc', 'utf8', 'nope'));
t('utf8 output split', () => {
  const c = crypto.createCipheriv('aes-256-ctr', key, iv);
  const ct = Buffer.concat([c.update('€uro'), c.final()]);
  const d = crypto.createDecipheriv('aes-256-ctr', key, iv);
  return [d.update(ct.subarray(0, 1), undefined, 'utf8'), d.update(ct.subarray(1), undefined, 'utf8'), d.final('utf8')].join('|');
});
t('string key and iv', () => crypto.createCipheriv('aes-128-cbc', 'k'.repeat(16), 'i'.repeat(16)).update('x'.repeat(16), 'utf8', 'hex'));
t('KeyObject key', () => crypto.createCipheriv('aes-128-ctr', crypto.createSecretKey(bytes(16, 1)), iv).update('x', 'utf8', 'hex'));
t('alias aes256', () => crypto.createCipheriv('aes256', key, iv).update('x'.repeat(16), 'utf8', 'hex'));
t('upper case name', () => crypto.createCipheriv('AES-256-CBC', key, iv).update('x'.repeat(16), 'utf8', 'hex'));
t('no padding', () => {
  const c = crypto.createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  const ct = Buffer.concat([c.update(bytes(32, 0)), c.final()]);
  const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
  d.setAutoPadding(false);
  return ct.length + ' ' + Buffer.concat([d.update(ct), d.final()]).equals(bytes(32, 0));
});
t('no padding partial', () => { const c = crypto.createCipheriv('aes-256-cbc', key, iv); c.setAutoPadding(false); c.update('abc'); c.final(); });
t('bad padding', () => { const d = crypto.createDecipheriv('aes-256-cbc', key, iv); d.update(Buffer.alloc(16)); d.final(); });
t('short final block', () => { const d = crypto.createDecipheriv('aes-256-cbc', key, iv); d.update(Buffer.alloc(15)); d.final(); });
t('empty decrypt', () => crypto.createDecipheriv('aes-128-cbc', bytes(16, 0), iv).final());
t('decrypt holds last block', () => {
  const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
  return [d.update(Buffer.alloc(16)).length, d.update(Buffer.alloc(16)).length, d.update(Buffer.alloc(1)).length].join();
});
t('final twice', () => { const c = crypto.createCipheriv('aes-256-cbc', key, iv); c.final(); c.final(); });
t('update after final', () => { const c = crypto.createCipheriv('aes-256-cbc', key, iv); c.final(); c.update('a'); });
t('setAutoPadding after final', () => { const c = crypto.createCipheriv('aes-256-cbc', key, iv); c.final(); c.setAutoPadding(); });
t('key length', () => crypto.createCipheriv('aes-256-cbc', Buffer.alloc(5), iv));
t('iv length', () => crypto.createCipheriv('aes-256-cbc', key, Buffer.alloc(5)));
t('iv missing', () => crypto.createCipheriv('aes-256-cbc', key));
t('iv null cbc', () => crypto.createCipheriv('aes-256-cbc', key, null));
t('iv ecb', () => crypto.createCipheriv('aes-256-ecb', key, iv));
t('iv ecb empty', () => crypto.createCipheriv('aes-256-ecb', key, Buffer.alloc(0)).update(Buffer.alloc(16)).toString('hex'));
t('iv gcm empty', () => crypto.createCipheriv('aes-256-gcm', key, Buffer.alloc(0)));
t('iv before key', () => crypto.createCipheriv('aes-256-cbc', Buffer.alloc(5), Buffer.alloc(5)));
t('unknown cipher', () => crypto.createCipheriv('nope', key, iv));
t('cipher number', () => crypto.createCipheriv(5, key, iv));
t('key number', () => crypto.createCipheriv('aes-256-cbc', 5, iv));
t('iv number', () => crypto.createCipheriv('aes-256-cbc', key, 5));
t('data number', () => crypto.createCipheriv('aes-256-cbc', key, iv).update(5));
t('tag length 7', () => crypto.createCipheriv('aes-256-gcm', key, iv12, { authTagLength: 7 }));
t('tag length -1', () => crypto.createCipheriv('aes-256-gcm', key, iv12, { authTagLength: -1 }));
t('tag length on cbc', () => crypto.createCipheriv('aes-256-cbc', key, iv, { authTagLength: 7 }).update('x').length);
t('getAuthTag early', () => crypto.createCipheriv('aes-256-gcm', key, iv12).getAuthTag());
t('getAuthTag cbc', () => { const c = crypto.createCipheriv('aes-256-cbc', key, iv); c.final(); c.getAuthTag(); });
t('setAAD cbc', () => crypto.createCipheriv('aes-256-cbc', key, iv).setAAD(Buffer.alloc(1)));
t('setAAD after update', () => { const c = crypto.createCipheriv('aes-256-gcm', key, iv12); c.update('a'); c.setAAD(Buffer.alloc(1)); });
t('setAAD string', () => { const c = crypto.createCipheriv('aes-256-gcm', key, iv12); c.setAAD('616263', { encoding: 'hex' }); c.final(); return c.getAuthTag().toString('hex'); });
t('setAAD number', () => crypto.createCipheriv('aes-256-gcm', key, iv12).setAAD(5));
t('no setAuthTag on cipher', () => typeof crypto.createCipheriv('aes-256-gcm', key, iv12).setAuthTag);
t('no getAuthTag on decipher', () => typeof crypto.createDecipheriv('aes-256-gcm', key, iv12).getAuthTag);
t('gcm without tag', () => { const d = crypto.createDecipheriv('aes-256-gcm', key, iv12); d.update(Buffer.from('aa', 'hex')); d.final(); });
t('gcm wrong tag', () => { const d = crypto.createDecipheriv('aes-256-gcm', key, iv12); d.setAuthTag(Buffer.alloc(16)); d.update(Buffer.from('aa', 'hex')); d.final(); });
t('gcm tag length 3', () => crypto.createDecipheriv('aes-256-gcm', key, iv12).setAuthTag(Buffer.alloc(3)));
t('gcm tag twice', () => { const d = crypto.createDecipheriv('aes-256-gcm', key, iv12); d.setAuthTag(Buffer.alloc(16)); d.setAuthTag(Buffer.alloc(16)); });
t('gcm tag mismatch option', () => crypto.createDecipheriv('aes-256-gcm', key, iv12, { authTagLength: 8 }).setAuthTag(Buffer.alloc(16)));
t('gcm tag number', () => crypto.createDecipheriv('aes-256-gcm', key, iv12).setAuthTag(5));
t('gcm tag hex string', () => {
  const c = crypto.createCipheriv('aes-128-gcm', bytes(16, 1), iv12);
  const ct = Buffer.concat([c.update('secret'), c.final()]);
  const d = crypto.createDecipheriv('aes-128-gcm', bytes(16, 1), iv12);
  d.setAuthTag(c.getAuthTag().toString('hex'), 'hex');
  return d.update(ct, undefined, 'utf8') + d.final('utf8');
});
t('gcm setAutoPadding', () => crypto.createCipheriv('aes-256-gcm', key, iv12).setAutoPadding(false) instanceof crypto.Cipheriv);
t('gcm final twice', () => { const c = crypto.createCipheriv('aes-256-gcm', key, iv12); c.final(); c.final(); });
t('getCiphers', () => crypto.getCiphers().filter((n) => /^(aes-128-cbc|aes-256-gcm|aes128|id-aes128-GCM|aes-192-ctr)$/.test(n)).join());
t('Cipheriv without new', () => crypto.Cipheriv('aes-128-ecb', bytes(16, 1), null).update(Buffer.alloc(16)).toString('hex'));
t('own keys', () => Object.keys(crypto.createCipheriv('aes-128-ecb', bytes(16, 1), null)).join());

module.exports = async function main() {
  const chunks = [];
  await new Promise((resolve, reject) => pipeline(
    Readable.from([Buffer.from('streamed '), Buffer.from('through a cipher')]),
    crypto.createCipheriv('aes-256-cbc', key, iv),
    new Writable({ write(chunk, enc, cb) { chunks.push(chunk); cb(); } }),
    (err) => (err ? reject(err) : resolve()),
  ));
  const ct = Buffer.concat(chunks);
  console.log('pipeline', ct.toString('hex'));
  const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
  d.setEncoding('utf8');
  let text = '';
  d.on('data', (s) => { text += s; });
  await new Promise((resolve) => { d.on('end', resolve); d.end(ct); });
  console.log('stream decrypt', text);
  const bad = crypto.createDecipheriv('aes-256-cbc', key, iv);
  await new Promise((resolve) => {
    bad.on('error', (e) => { console.log('stream error', e.code, e.message); resolve(); });
    bad.resume();
    bad.end(Buffer.alloc(16));
  });
};
