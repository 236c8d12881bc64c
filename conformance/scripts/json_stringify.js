// JSON.stringify: plain data with and without indentation (numbers, strings, String and Number
// objects as space), what falls back to the full algorithm (replacers, toJSON, Dates, wrappers,
// BigInt, cycles), getters' order, and nesting within V8's stack.
'use strict';
const log = (...args) => console.log(...args);

function attempt(label, fn) {
  try {
    log(label, JSON.stringify(String(fn())));
  } catch (err) {
    log(label, 'throws', err.name, err.message);
  }
}

module.exports = function main() {
  log('shape', JSON.stringify.name, JSON.stringify.length, Object.getOwnPropertyDescriptor(JSON, 'stringify').enumerable);
  const doc = { a: [1, -0, 2.5, 1e21, 1e-7, NaN, Infinity, null, true, 'x"\\\n\u2028é😀\ud800'], b: {}, c: [], d: { e: undefined, f: () => 1, g: Symbol('s') },
    '2': 'two', '1': 'one', nested: [[[]], [{}], [undefined, () => 1]], h: 'end' };
  for (const space of [undefined, 0, 2, 4.9, 20, -3, '', '\t', '--', 'abcdefghijklmnop', new Number(3), new String('> '), null, true, {}, NaN, Infinity]) {
    attempt(`space ${typeof space === 'object' && space !== null ? 'object ' + String(space) : String(space)}`, () => JSON.stringify(doc, null, space));
  }
  attempt('all members skipped, indented', () => JSON.stringify({ a: undefined, b: () => 1 }, null, 2));
  attempt('top level', () => [JSON.stringify(undefined), JSON.stringify(() => 1), JSON.stringify(Symbol()), JSON.stringify('s'), JSON.stringify(1)].join('|'));
  attempt('replacer function', () => JSON.stringify({ a: 1, b: [2, { c: 3 }] }, (k, v) => (typeof v === 'number' ? v * 10 : v), 1));
  attempt('replacer list', () => JSON.stringify({ a: 1, b: 2, c: { a: 3, d: 4 } }, ['a', 'c', 1], '  '));
  attempt('replacer ignored', () => JSON.stringify({ a: 1 }, { not: 'a function' }, 2));
  attempt('toJSON and Date', () => JSON.stringify({ d: new Date(0), t: { toJSON(k) { return `key ${k}`; } } }, null, 2));
  attempt('wrappers', () => JSON.stringify([new String('s'), new Number(2), new Boolean(false)], null, 1));
  attempt('BigInt', () => JSON.stringify({ n: 1n }));
  attempt('cycle', () => { const o = { a: {} }; o.a.o = o; return JSON.stringify(o, null, 2); });
  attempt('cycle through an array', () => { const o = { list: [1, { x: {} }] }; o.list[1].x.up = o.list; return JSON.stringify([o]); });
  const reads = [];
  const getters = { get a() { reads.push('a'); return { get b() { reads.push('b'); return 1; } }; }, get c() { reads.push('c'); return [2]; } };
  attempt('getters', () => JSON.stringify(getters, null, 2) + ' ' + reads.join());
  attempt('class instance', () => JSON.stringify(new (class P { constructor() { this.x = 1; } })(), null, 2));
  let deep = 1;
  for (let i = 0; i < 1000; i++) deep = i % 2 ? [deep] : { v: deep };
  attempt('1000 levels', () => JSON.stringify(deep).length);
  attempt('1000 levels indented', () => JSON.stringify(deep, null, 1).length);
};
