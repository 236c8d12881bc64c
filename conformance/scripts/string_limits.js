// V8's string length limit on the methods that build long strings from short ones; normal use is
// unaffected (names, lengths and results).
for (const [label, fn] of [
  ['repeat 2^29', () => 'x'.repeat(2 ** 29)],
  ['repeat 2^40', () => 'ab'.repeat(2 ** 40)],
  ['padStart 2^29', () => 'x'.padStart(2 ** 29)],
  ['padEnd 2^30 ab', () => 'x'.padEnd(2 ** 30, 'ab')],
  ['padEnd empty fill', () => 'x'.padEnd(2 ** 30, '').length],
  ['repeat -1', () => 'x'.repeat(-1)],
  ['repeat Infinity', () => 'x'.repeat(Infinity)],
  ['repeat 0 of long', () => 'x'.repeat(0).length],
  ['repeat null this', () => String.prototype.repeat.call(null, 2)],
]) {
  try { console.log(label, fn()); } catch (e) { console.log(label, e.name, e.message); }
}
console.log('normal', 'ab'.repeat(3), '5'.padStart(3, '0'), 'a'.padEnd(4, 'xy'), 'xy'.repeat(1 << 20).length);
console.log('shape', String.prototype.repeat.name, String.prototype.repeat.length, String.prototype.padStart.name, String.prototype.padStart.length,
  Object.getOwnPropertyDescriptor(String.prototype, 'padEnd').enumerable);
