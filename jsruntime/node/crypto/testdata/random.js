// randomBytes, randomFill(Sync), randomInt, randomUUID and getRandomValues against Node 20: shapes,
// ranges and argument errors (the values themselves are random, so only their form is printed).
'use strict';
const crypto = require('crypto');

function t(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message));
  }
}

t('randomBytes', () => { const b = crypto.randomBytes(8); return [Buffer.isBuffer(b), b.length].join(); });
t('randomBytes 0', () => crypto.randomBytes(0).length);
t('randomBytes 1.5', () => crypto.randomBytes(1.5).length);
t('randomBytes -1', () => crypto.randomBytes(-1));
t('randomBytes string', () => crypto.randomBytes('4'));
t('randomBytes 2^31', () => crypto.randomBytes(2 ** 31));
t('randomBytes NaN', () => crypto.randomBytes(NaN));
t('randomBytes bad callback', () => crypto.randomBytes(4, 5));
t('aliases', () => [crypto.prng, crypto.pseudoRandomBytes, crypto.rng].every((f) => f === crypto.randomBytes));

t('randomFillSync', () => crypto.randomFillSync(Buffer.alloc(4)).length);
t('randomFillSync range', () => {
  const b = crypto.randomFillSync(Buffer.alloc(64), 8, 16);
  return [b.subarray(0, 8).every((x) => x === 0), b.subarray(24).every((x) => x === 0)].join();
});
t('randomFillSync Uint32Array', () => {
  const a = crypto.randomFillSync(new Uint32Array(8), 2, 2);
  return [a[0], a[1], a[4], a[5], a[6], a[7]].join();
});
t('randomFillSync ArrayBuffer', () => Object.prototype.toString.call(crypto.randomFillSync(new ArrayBuffer(4))));
t('randomFillSync offset 5', () => crypto.randomFillSync(Buffer.alloc(4), 5));
t('randomFillSync size', () => crypto.randomFillSync(Buffer.alloc(4), 1, 4));
t('randomFillSync offset -1', () => crypto.randomFillSync(Buffer.alloc(4), -1));
t('randomFillSync offset string', () => crypto.randomFillSync(Buffer.alloc(4), 'a'));
t('randomFillSync number', () => crypto.randomFillSync(5));
t('randomFill no callback', () => crypto.randomFill(Buffer.alloc(4)));
t('randomFill offset no callback', () => crypto.randomFill(Buffer.alloc(3), 1));

t('randomInt max', () => { const n = crypto.randomInt(10); return n >= 0 && n < 10 && Number.isInteger(n); });
t('randomInt range', () => { const n = crypto.randomInt(-5, -3); return n === -5 || n === -4; });
t('randomInt one value', () => crypto.randomInt(7, 8));
t('randomInt wide', () => { const n = crypto.randomInt(0, 2 ** 48 - 1); return n >= 0 && n < 2 ** 48 - 1; });
t('randomInt min safe', () => crypto.randomInt(-(2 ** 53) + 1, -(2 ** 53) + 2));
for (const args of [[5, 5], [10, 5], [1.5], ['1'], [0], [-1], [2 ** 48], [0, 2 ** 48], [-(2 ** 53), 0], [1, 2, 3],
  [1, '2'], [Number.MAX_SAFE_INTEGER + 1], [NaN]]) {
  t('randomInt ' + JSON.stringify(args), () => crypto.randomInt(...args));
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
t('randomUUID', () => uuid.test(crypto.randomUUID()));
t('randomUUID options', () => uuid.test(crypto.randomUUID({ disableEntropyCache: true })));
t('randomUUID distinct', () => crypto.randomUUID() !== crypto.randomUUID());
t('randomUUID number', () => crypto.randomUUID(5));
t('randomUUID bad option', () => crypto.randomUUID({ disableEntropyCache: 5 }));
t('web randomUUID', () => uuid.test(globalThis.crypto.randomUUID()));
t('web randomUUID this', () => globalThis.crypto.randomUUID.call({}));

for (const make of [() => new Uint8Array(4), () => new Int32Array(2), () => new BigInt64Array(1), () => new Uint8ClampedArray(3),
  () => new Float32Array(4), () => new Float64Array(1), () => new DataView(new ArrayBuffer(4)), () => new ArrayBuffer(4),
  () => 5, () => undefined, () => new Uint8Array(65536), () => new Uint8Array(65537), () => new Uint32Array(16385)]) {
  t('getRandomValues ' + make.toString().slice(6), () => {
    const a = make();
    const r = globalThis.crypto.getRandomValues(a);
    return [r === a, r.length].join();
  });
}
t('module getRandomValues', () => crypto.getRandomValues(new Uint16Array(3)).length);
t('module getRandomValues float', () => crypto.getRandomValues(new Float32Array(3)));
t('getRandomValues this', () => globalThis.crypto.getRandomValues.call({}, new Uint8Array(2)));
t('getRandomValues no args', () => globalThis.crypto.getRandomValues());

module.exports = async function main() {
  const cb = (fn) => new Promise((resolve) => fn((err, v) => resolve([err, v])));
  let [err, buf] = await cb((done) => crypto.randomBytes(12, done));
  console.log('randomBytes async', err, buf.length, Buffer.isBuffer(buf));
  const target = Buffer.alloc(16);
  [err, buf] = await cb((done) => crypto.randomFill(target, 4, 8, done));
  console.log('randomFill async', err, buf === target, target.subarray(0, 4).every((x) => x === 0),
    target.subarray(12).every((x) => x === 0));
  [err, buf] = await cb((done) => crypto.randomFill(new Uint32Array(4), 1, done));
  console.log('randomFill offset', err, buf.length, buf[0]);
  [err, buf] = await cb((done) => crypto.randomFill(new ArrayBuffer(8), done));
  console.log('randomFill ArrayBuffer', err, buf.byteLength);
  [err, buf] = await cb((done) => crypto.randomFill(Buffer.alloc(0), done));
  console.log('randomFill empty', err, buf.length);
  const [e2, n] = await cb((done) => crypto.randomInt(3, 6, done));
  console.log('randomInt async', e2, n >= 3 && n < 6);
};
