// Array.prototype.join, toString and flat on nested arrays: the same results as V8's, with the
// length, name and holes, and V8's RangeError where nesting outruns the stack.
'use strict';
const log = (...args) => console.log(...args);

module.exports = function main() {
  log('shape', Array.prototype.join.length, Array.prototype.join.name, Array.prototype.flat.length, Array.prototype.flat.name,
    Object.getOwnPropertyDescriptor(Array.prototype, 'join').enumerable);
  log('join', [1, [2, [3, null, undefined]], 'x'].join(' - '), [1, 2].join(), [].join('x'), Array.prototype.join.call({ length: 2, 0: 'a', 1: 'b' }, '+'));
  const cyclic = [1, 2];
  cyclic.push(cyclic);
  log('cycle', String(cyclic));
  const holey = [1, , [2, , [3, , [4, [5]]]]];
  for (const depth of [undefined, 0, 1, 2, 3, -1, NaN, '2', Infinity, 20000]) {
    log('flat', String(depth), JSON.stringify(holey.flat(depth)));
  }
  let deep = [7];
  for (let i = 0; i < 3000; i++) deep = [deep];
  log('deep 3000', String(deep), deep.flat(Infinity).length, JSON.stringify(deep.flat(2999)).length);
  for (const n of [3000, 3300, 5000]) {
    let d = [7];
    for (let i = 0; i < n; i++) d = [d];
    try { log('n', n, String(d).length); } catch (err) { log('n', n, err.name); }
  }
  let deeper = [7];
  for (let i = 0; i < 1e6; i++) deeper = [deeper];
  try {
    log('deep 1e6 toString', String(deeper).length);
  } catch (err) {
    log('deep 1e6 toString', err.name);
  }
};
