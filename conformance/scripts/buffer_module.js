// require('buffer')'s members besides Buffer: transcode, isAscii/isUtf8, SlowBuffer, the limits,
// INSPECT_MAX_BYTES as util.inspect and console honour it, and the web members (Blob, File, atob,
// btoa, resolveObjectURL with URL.createObjectURL).
const b = require('buffer');
const util = require('util');

const show = (fn) => {
  try {
    const v = fn();
    console.log(Buffer.isBuffer(v) ? v.toString('hex') : v);
  } catch (e) {
    console.log('threw', e.name, e.code, e.errno, e.message, Object.keys(e).join());
  }
};

const pairs = [['utf8', 'latin1'], ['utf8', 'ascii'], ['utf8', 'ucs2'], ['ucs2', 'utf8'], ['ucs2', 'latin1'], ['latin1', 'utf8'],
  ['ascii', 'utf8'], ['ascii', 'ucs2'], ['binary', 'UTF-8'], ['utf8', ''], [undefined, 'latin1'], ['utf8', 'hex'], ['base64', 'utf8'], ['utf8', 5]];
const inputs = [Buffer.from('a€😀'), Buffer.from([0x61, 0xff, 0x80]), Buffer.from([0xe2, 0x82, 0x61]), Buffer.from([0x00, 0xd8, 0x61, 0x00]), Buffer.from([0x61])];
for (const [from, to] of pairs) {
  for (const input of inputs) show(() => b.transcode(input, from, to));
}
show(() => b.transcode('a', 'utf8', 'latin1'));
show(() => b.transcode(new Uint16Array(1), 'utf8', 'latin1'));
show(() => b.transcode(Buffer.alloc(0), 'nope', 'nope').length);

for (const v of ['x', new Uint16Array([1]), new ArrayBuffer(2), new DataView(new ArrayBuffer(1)), Buffer.from('é')]) {
  show(() => [b.isAscii(v), b.isUtf8(v)].join());
}

console.log(b.SlowBuffer.name, b.SlowBuffer.length, b.SlowBuffer.prototype === Buffer.prototype, new b.SlowBuffer(2) instanceof Buffer);
for (const v of [3, '3', -1, 2 ** 33, 1.5, NaN]) show(() => b.SlowBuffer(v));
console.log(b.kMaxLength, b.kStringMaxLength, b.constants, Object.getOwnPropertyDescriptor(b, 'constants').writable);

for (const v of ['3', NaN, -1, 1.5, Infinity, 0, 4]) {
  show(() => {
    b.INSPECT_MAX_BYTES = v;
    return util.inspect(Buffer.from('abcdef'));
  });
}
b.INSPECT_MAX_BYTES = 50;
const extra = Buffer.from('ab');
extra['a-b'] = 1;
extra.s = 'str';
const empty = Buffer.alloc(0);
empty.k = { deep: [1, 2] };
console.log(extra, empty, [Buffer.alloc(0)], { nested: { buf: Buffer.from('x') } });
console.log(util.inspect(Buffer.alloc(60)), util.format('%o', Buffer.from('hi')));
class Sub extends Buffer {}
console.log(Object.setPrototypeOf(Buffer.from('a'), Sub.prototype));
console.log(Buffer.prototype.inspect === Buffer.prototype[util.inspect.custom], Buffer.prototype.inspect.name);

console.log(b.Blob === Blob, b.File === File, b.atob === atob, b.btoa === btoa);
const blob = new Blob(['hi'], { type: 'text/plain' });
const url = URL.createObjectURL(blob);
const resolved = b.resolveObjectURL(url);
console.log(url.startsWith('blob:nodedata:'), url.length, resolved === blob, resolved instanceof Blob, resolved.size, resolved.type);
console.log(b.resolveObjectURL(url + '#frag').size, b.resolveObjectURL('blob:nodedata:nope'), b.resolveObjectURL('nope'));
const fileURL = URL.createObjectURL(new File(['abc'], 'n.txt'));
console.log(b.resolveObjectURL(fileURL).constructor.name, b.resolveObjectURL(fileURL).size);
URL.revokeObjectURL(url);
console.log(b.resolveObjectURL(url), URL.revokeObjectURL('nope'));
for (const args of [[], ['x'], [{}]]) show(() => URL.createObjectURL(...args));
show(() => URL.revokeObjectURL());

module.exports = async function main() {
  console.log(await b.resolveObjectURL(fileURL).text());
};
