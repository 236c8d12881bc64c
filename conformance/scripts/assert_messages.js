// Differential script: assert's failures, their messages (short comparisons, the line diff of
// deep comparisons, the source text of a falsy assert()), AssertionError, rejects and
// doesNotReject, and assert/strict. The deep comparison itself, loose and strict, is
// util_deep_equal.js.
'use strict';
const assert = require('assert');

function show(label, fn) {
  try {
    fn();
    console.log(label, 'passed');
  } catch (e) {
    // Whether 'stack' is enumerable is the process module's business.
    const keys = Object.keys(e).filter((k) => k !== 'stack');
    console.log(label, e.name, e.code, JSON.stringify(e.message), e.generatedMessage, e.operator, `[${keys}]`);
  }
}

module.exports = async function main() {
  show('strictEqual', () => assert.strictEqual(1, 2));
  show('strictEqual long', () => assert.strictEqual('a'.repeat(20), 'b'));
  show('strictEqual caret', () => assert.strictEqual('hello world', 'hello there'));
  show('deepStrictEqual', () => assert.deepStrictEqual({ a: 1, b: [1, 2, { c: 3 }] }, { a: 1, b: [1, 2, { c: 4 }] }));
  show('deepStrictEqual arrays', () => assert.deepStrictEqual([1, 2, 3], [1, 2, 4]));
  show('deepEqual', () => assert.deepEqual({ a: 1 }, { a: 2 }));
  show('notDeepEqual', () => assert.notDeepEqual({ a: 1 }, { a: 1 }));
  show('notDeepStrictEqual', () => assert.notDeepStrictEqual({ a: 1 }, { a: 1 }));
  show('notStrictEqual', () => assert.notStrictEqual(1, 1));
  show('notStrictEqual string', () => assert.notStrictEqual('hello world', 'hello world'));
  show('equal', () => assert.equal(1, 2));
  show('equal NaN', () => assert.equal(NaN, NaN));
  show('equal coerce', () => assert.equal('1', 1));
  show('notEqual', () => assert.notEqual(1, 1));
  show('ok custom', () => assert.ok(null, 'custom'));
  show('ok no args', () => assert.ok());
  show('ok error message', () => assert.ok(false, new TypeError('mine')));
  show('fail', () => assert.fail());
  show('fail message', () => assert.fail('boom'));
  show('fail error', () => assert.fail(new RangeError('r')));
  show('throws none', () => assert.throws(() => {}));
  show('throws regexp', () => assert.throws(() => { throw new Error('x'); }, /y/));
  show('throws object', () => assert.throws(() => { throw new Error('x'); }, { message: 'y' }));
  show('throws ok', () => assert.throws(() => { throw new TypeError('x'); }, TypeError));
  show('throws ok regexp', () => assert.throws(() => { throw new Error('abc'); }, /b/));
  show('throws ok object', () => assert.throws(() => { throw new Error('abc'); }, { message: /b/, name: 'Error' }));
  show('doesNotThrow', () => assert.doesNotThrow(() => { throw new Error('x'); }));
  show('doesNotThrow msg', () => assert.doesNotThrow(() => { throw new Error('x'); }, 'msg'));
  show('match', () => assert.match('abc', /x/));
  show('doesNotMatch', () => assert.doesNotMatch('abc', /b/));
  show('match non-string', () => assert.match(5, /x/));
  show('match bad regexp', () => assert.match('x', 'x'));
  show('ifError', () => assert.ifError(new Error('e')));
  show('ifError string', () => assert.ifError('str'));
  show('ifError null', () => assert.ifError(null));
  show('ifError empty message', () => assert.ifError(new TypeError('')));
  show('strictEqual objects', () => assert.strictEqual({ a: 1 }, { a: 1 }));
  show('same structure', () => assert.deepStrictEqual({ a: Symbol() }, { a: Symbol() }));
  show('NaN', () => assert.strictEqual(NaN, 0));
  show('NaN equal', () => assert.strictEqual(NaN, NaN));
  show('zeros', () => assert.strictEqual(0, -0));
  show('Map', () => assert.deepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]])));
  show('Set', () => assert.deepStrictEqual(new Set([1, 2]), new Set([1, 3])));
  show('missing args', () => assert.equal(1));
  show('missing args strict', () => assert.strictEqual());
  show('throws string', () => assert.throws(() => { throw new Error('x'); }, 'x'));
  show('throws number', () => assert.throws(() => { throw new Error('x'); }, 5));
  show('throws empty object', () => assert.throws(() => { throw new Error('x'); }, {}));
  show('throws wrong class', () => assert.throws(() => { throw new TypeError('x'); }, RangeError));
  show('throws non-error', () => assert.throws(() => { throw 'str'; }, RangeError));
  show('validation false', () => assert.throws(() => { throw new Error('x'); }, () => false));
  show('validation named', () => assert.throws(() => { throw new Error('x'); }, function named() { return 1; }));
  show('throws class missing', () => assert.throws(() => {}, TypeError, 'msg'));
  show('throws object missing', () => assert.throws(() => {}, { name: 'X' }));
  show('throws not function', () => assert.throws(5));
  show('doesNotThrow other class', () => assert.doesNotThrow(() => { throw new Error('x'); }, TypeError));
  show('throws primitive vs object', () => assert.throws(() => { throw 5; }, { a: 1 }));
  show('throws string and message', () => assert.throws(() => { throw new Error('x'); }, 'x', 'y'));
  show('throws identical name', () => assert.throws(() => { throw new (class TypeError extends Error {})('x'); }, TypeError));
  show('long lines', () => assert.deepStrictEqual('a\nb\nc'.repeat(20), 'a\nb\nd'.repeat(20)));
  show('long string', () => assert.strictEqual('x'.repeat(100) + '\ny', 'x'.repeat(100) + '\nz'));
  show('many lines', () => assert.deepStrictEqual(Array.from({ length: 80 }, (_, i) => i),
    Array.from({ length: 80 }, (_, i) => (i === 40 ? -1 : i))));
  show('nested', () => assert.deepStrictEqual({ user: { name: 'a', roles: ['x', 'y'], meta: { n: 1 } }, ok: true },
    { user: { name: 'a', roles: ['x', 'z'], meta: { n: 1 } }, ok: true }));
  show('class instance', () => assert.deepStrictEqual(new (class Foo { constructor() { this.a = 1; } })(), { a: 1 }));
  show('arrays length', () => assert.deepStrictEqual([1, 2], [1, 2, 3]));
  show('Buffer', () => assert.deepStrictEqual(Buffer.from('ab'), Buffer.from('ac')));
  show('deepEqual long', () => assert.deepEqual({ a: 'x'.repeat(600) }, { b: 1 }));
  show('notDeepEqual long', () => assert.notDeepEqual({ a: 'x'.repeat(1100) }, { a: 'x'.repeat(1100) }));
  show('custom message deepStrictEqual', () => assert.deepStrictEqual({ a: 1 }, { a: 2 }, 'mine'));
  show('custom message error', () => assert.strictEqual(1, 2, new TypeError('typed')));
  show('circular', () => {
    const a = { x: 1 };
    a.self = a;
    const b = { x: 2 };
    b.self = b;
    assert.deepStrictEqual(a, b);
  });
  show('null proto', () => assert.deepStrictEqual(Object.assign(Object.create(null), { a: 1 }), { a: 1 }));
  show('sparse', () => assert.deepStrictEqual([1, , 3], [1, 2, 3])); // eslint-disable-line no-sparse-arrays
  show('symbol keys', () => assert.deepStrictEqual({ [Symbol('k')]: 1, b: 'x' }, { b: 'y' }));
  show('quoted keys', () => assert.deepStrictEqual({ 'a-b': 1, 10: 2, 2: 3 }, { 'a-b': 1, 10: 2, 2: 4 }));
  show('getter', () => assert.deepStrictEqual({ get g() { return 1; } }, { g: 2 }));
  show('trailing comma', () => assert.deepStrictEqual([[1, 2], 3], [[1, 2]]));

  const x = 2;
  const obj = { list: [1, 2] };
  show('falsy', () => assert(x === 1));
  show('falsy ok', () => assert.ok(typeof x === 'string'));
  const strict = require('assert/strict');
  show('falsy strict', () => strict(obj.list.includes(3)));
  show('falsy multi-line', () => assert(
    x === 3 &&
      obj.list.length === 2,
  ));
  show('falsy template', () => assert(`(${x})` === ')('));

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
