// Odd arguments to every function of the module, its classes and a stream's native handle: each
// call either works or throws a JS error; none may crash the host.
'use strict';
const zlib = require('zlib');

const odd = [undefined, null, 0, -1, 2 ** 53, NaN, 'x', '', {}, [], () => {}, Symbol('s'), 10n, true,
  Buffer.alloc(0), Buffer.from('abc'), new Uint16Array(3), new ArrayBuffer(2), { windowBits: 'x' }, { level: {} },
  { params: { 1: Infinity } }, { dictionary: new DataView(new ArrayBuffer(1)) }, { chunkSize: 1e10 }, new Proxy({}, {})];

module.exports = async function main() {
  let calls = 0;
  const call = (fn, ...args) => {
    calls++;
    try {
      const r = fn(...args);
      if (r && typeof r.then === 'function') r.then(null, () => {});
      if (r && typeof r.on === 'function') r.on('error', () => {});
    } catch {
      // A JS error is a fine answer to an odd argument.
    }
  };
  for (const name of Object.keys(zlib)) {
    const fn = zlib[name];
    if (typeof fn !== 'function') continue;
    for (const a of odd) {
      call(fn, a);
      call(fn, a, () => {});
      call(fn, Buffer.from('abc'), a, () => {});
      for (const b of odd.slice(0, 4)) call(fn, a, b);
    }
  }
  for (const make of [zlib.createGzip, zlib.createGunzip, zlib.createBrotliCompress, zlib.createInflateRaw]) {
    const s = make();
    s.on('error', () => {});
    const h = s._handle;
    for (const m of ['write', 'writeSync', 'params', 'reset', 'close']) {
      for (const a of odd) {
        call(() => h[m](a, a, a, a, a));
        call(() => h[m](0, Buffer.from('abc'), a, a, 16));
        call(() => h[m](a, Buffer.from('abc'), 0, 3, a));
      }
    }
    for (const m of ['flush', 'params', 'write', 'end', 'close', 'reset', '_processChunk']) {
      for (const a of odd) call(() => s[m](a, a, a));
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  console.log('calls', calls > 1000);
};
