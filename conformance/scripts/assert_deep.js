// Differential script: assert's loose and strict deep equality, AssertionError, rejects and
// doesNotReject, and assert/strict.
'use strict';
const assert = require('assert');

function show(label, fn) {
  try {
    fn();
    console.log(label, 'passed');
  } catch (e) {
    const keys = Object.keys(e).filter((k) => k !== 'stack');
    console.log(label, e.name, e.code, JSON.stringify(e.message), e.generatedMessage, e.operator, `[${keys}]`);
  }
}

module.exports = async function main() {
  console.log('## loose deep equality');
  const loose = [
    [1, '1'], [{ a: 1 }, { a: '1' }], [[1, 2], ['1', '2']], [NaN, NaN], [0, -0], [null, undefined],
    [new Set([1, '2']), new Set(['1', 2])], [new Map([[1, 'a']]), new Map([['1', 'a']])],
    [new Set([{ a: 1 }]), new Set([{ a: '1' }])], [new Date(0), new Date(0)], [new Date(0), new Date(1)],
    [/a/g, /a/g], [/a/g, /a/i], [Object.create(null), {}], [new (class A {})(), {}],
    [[1, , 3], [1, undefined, 3]], // eslint-disable-line no-sparse-arrays
    [new Error('a'), new Error('a')], [new Error('a'), new TypeError('a')], [new Number(1), new Number(1)],
    [new Number(1), 1], [Buffer.from('a'), new Uint8Array([97])], [new Float64Array([0]), new Float64Array([-0])],
    [new Float64Array([NaN]), new Float64Array([NaN])], [{ a: undefined }, {}], [[], {}], ['a', new String('a')],
    [new Map([[{ a: 1 }, 1]]), new Map([[{ a: 1 }, 1]])], [new Set([null]), new Set([undefined])],
    [Object.assign([1], { x: 1 }), Object.assign([1], { x: '1' })], [() => 1, () => 1], [1n, 1],
    [new Set([1, 2, 3]), new Set([3, 2, 1])], [new Map([[1, { a: [1] }]]), new Map([[1, { a: ['1'] }]])],
  ];
  for (const [a, b] of loose) {
    let deep = true;
    let strict = true;
    try { assert.deepEqual(a, b); } catch { deep = false; }
    try { assert.deepStrictEqual(a, b); } catch { strict = false; }
    console.log(deep, strict);
  }
  const cyc1 = { a: 1 };
  cyc1.self = cyc1;
  const cyc2 = { a: '1' };
  cyc2.self = cyc2;
  show('cycles', () => assert.deepEqual(cyc1, cyc2));

  console.log('## AssertionError');
  const e = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
  console.log(JSON.stringify(e.message), e.generatedMessage, e.name, e.code, String(e));
  console.log(Object.keys(e).filter((k) => k !== 'stack'), Object.getOwnPropertyDescriptor(e, 'name'));
  console.log(e.stack.split('\n')[0]);
  console.log(e instanceof Error, e instanceof assert.AssertionError, assert.AssertionError.name);
  const e2 = new assert.AssertionError({ message: 'hi', actual: 1 });
  console.log(e2.message, e2.generatedMessage, e2.operator, e2.expected);
  show('no options', () => new assert.AssertionError());
  show('details', () => {
    throw new assert.AssertionError({ details: [{ message: 'm', actual: 1, expected: 2, operator: 'x', stack: 's' }] });
  });

  console.log('## rejects and doesNotReject');
  const settle = async (label, p) => {
    try {
      await p;
      console.log(label, 'resolved');
    } catch (err) {
      console.log(label, err.code, JSON.stringify(err.message));
    }
  };
  await settle('rejects ok', assert.rejects(Promise.reject(new Error('x')), /x/));
  await settle('rejects fn', assert.rejects(async () => { throw new TypeError('t'); }, TypeError));
  await settle('rejects none', assert.rejects(Promise.resolve(1)));
  await settle('rejects none named', assert.rejects(Promise.resolve(1), TypeError, 'why'));
  await settle('rejects bad arg', assert.rejects(5));
  await settle('rejects bad return', assert.rejects(() => 5));
  await settle('rejects thenable', assert.rejects({ then(ok, fail) { fail(new Error('q')); }, catch() {} }, { message: 'q' }));
  await settle('doesNotReject', assert.doesNotReject(Promise.reject(new Error('x'))));
  await settle('doesNotReject ok', assert.doesNotReject(Promise.resolve(1)));
  await settle('doesNotReject fn', assert.doesNotReject(async () => {}));
  await settle('rejects sync throw', assert.rejects(() => { throw new Error('sync'); }));

  console.log('## strict');
  const strict = require('assert/strict');
  console.log(strict === assert.strict, strict.strict === strict, strict.equal === assert.strictEqual,
    strict.deepEqual === assert.deepStrictEqual, strict.notEqual === assert.notStrictEqual,
    strict.notDeepEqual === assert.notDeepStrictEqual, assert.ok === assert, strict.ok === assert.ok);
  show('strict.equal', () => strict.equal(1, '1'));
  show('strict.deepEqual', () => strict.deepEqual({ a: 1 }, { a: '1' }));
  console.log(Object.keys(assert).join(' '));
  console.log(Object.keys(strict).join(' '));
  console.log(['equal', 'strictEqual', 'deepEqual', 'throws', 'rejects', 'match', 'doesNotMatch', 'ifError', 'fail', 'ok']
    .map((n) => assert[n].name).join(' '));
};
