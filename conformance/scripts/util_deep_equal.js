// Differential script: deep equality, strict (util.isDeepStrictEqual, assert.deepStrictEqual and
// notDeepStrictEqual) and loose (assert.deepEqual and notDeepEqual), rule by rule, both ways round.
'use strict';
const assert = require('assert');
const util = require('util');
const crypto = require('crypto');

const passes = (fn, a, b) => {
  try {
    fn(a, b);
    return 1;
  } catch (e) {
    if (e.code !== 'ERR_ASSERTION') return e.name + ':' + e.message;
    return 0;
  }
};

// Each line: label, then for (a, b) and (b, a): deepEqual, notDeepEqual, deepStrictEqual,
// notDeepStrictEqual, isDeepStrictEqual.
function check(label, a, b) {
  const one = (x, y) => [
    passes(assert.deepEqual, x, y), passes(assert.notDeepEqual, x, y),
    passes(assert.deepStrictEqual, x, y), passes(assert.notDeepStrictEqual, x, y),
    util.isDeepStrictEqual(x, y) ? 1 : 0,
  ].join('');
  console.log(label, one(a, b), one(b, a));
}

function errorWith(message, props) {
  return Object.assign(new Error(message), props);
}

function cyclic(depth) {
  const root = {};
  let node = root;
  for (let i = 1; i < depth; i++) node = node.next = {};
  node.next = root;
  return root;
}

module.exports = async function main() {
  console.log('## primitives');
  check('1 "1"', 1, '1');
  check('0 -0', 0, -0);
  check('NaN NaN', NaN, NaN);
  check('NaN "NaN"', NaN, 'NaN');
  check('null undefined', null, undefined);
  check('0 false', 0, false);
  check('1n 1', 1n, 1);
  check('symbol same', Symbol.iterator, Symbol.iterator);
  check('symbol other', Symbol('a'), Symbol('a'));
  check('fn', function f() {}, function f() {});
  check('str vs String', 'a', new String('a'));

  console.log('## objects and prototypes');
  check('{a:1} {a:"1"}', { a: 1 }, { a: '1' });
  check('{a:-0} {a:0}', { a: -0 }, { a: 0 });
  check('{a:NaN} twice', { a: NaN }, { a: NaN });
  check('{a:undefined} {}', { a: undefined }, {});
  check('null proto', Object.create(null), {});
  check('class instance', new (class A {})(), {});
  check('same class', new (class A {})(), new (class A {})());
  check('getter', Object.defineProperty({}, 'x', { get() { return 1; }, enumerable: true }), { x: 1 });
  check('non-enumerable', Object.defineProperty({}, 'x', { value: 1 }), {});
  check('key order', { a: 1, b: 2 }, { b: 2, a: 1 });
  check('arguments', (function () { return arguments; })(1), { 0: 1 });
  check('fake tag', { [Symbol.toStringTag]: 'Date' }, new Date(0));
  check('weakmap', new WeakMap(), new WeakMap());
  check('promise', Promise.resolve(1), Promise.resolve(2));

  console.log('## symbol keys');
  const s = Symbol('s');
  check('sym values', { [s]: 1 }, { [s]: 2 });
  check('sym loose values', { [s]: 1 }, { [s]: '1' });
  check('sym missing', { [s]: 1 }, {});
  check('sym non-enumerable', {}, Object.defineProperty({}, s, { value: 1 }));
  check('sym on array', Object.assign([1], { [s]: 1 }), [1]);
  check('sym on typed array', Object.assign(new Uint8Array(1), { [s]: 1 }), new Uint8Array(1));

  console.log('## arrays');
  check('[1,2] ["1","2"]', [1, 2], ['1', '2']);
  check('[-0] [0]', [-0], [0]);
  check('holes vs undefined', [1, , 3], [1, undefined, 3]); // eslint-disable-line no-sparse-arrays
  check('holes both', [1, , 3], [1, , 3]); // eslint-disable-line no-sparse-arrays
  check('hole moved', [, 1], [1, ,]); // eslint-disable-line no-sparse-arrays
  check('extra key', Object.assign([1], { x: 1 }), [1]);
  check('extra key loose', Object.assign([1], { x: 1 }), Object.assign([1], { x: '1' }));
  check('array vs object', [1], { 0: 1, length: 1 });
  check('empty array vs object', [], {});
  check('array null proto', Object.setPrototypeOf([1], null), [1]);
  check('lengths', [1], [1, 2]);

  console.log('## dates');
  check('same time', new Date(0), new Date(0));
  check('other time', new Date(0), new Date(1));
  check('invalid', new Date(NaN), new Date(NaN));
  check('invalid vs valid', new Date(NaN), new Date(0));
  check('extra key', Object.assign(new Date(0), { x: 1 }), new Date(0));
  check('subclass', new (class D extends Date {})(0), new Date(0));

  console.log('## regexps');
  check('same', /a/g, /a/g);
  check('flags', /a/g, /a/gi);
  check('source', /a/, /b/);
  const r = /a/g;
  r.lastIndex = 3;
  check('lastIndex', r, /a/g);
  check('extra key', Object.assign(/a/, { x: 1 }), /a/);

  console.log('## errors');
  check('same', new Error('a'), new Error('a'));
  check('message', new Error('a'), new Error('b'));
  check('type', new Error('a'), new TypeError('a'));
  check('name prop', errorWith('a', { name: 'TypeError' }), new TypeError('a'));
  check('name changed', new Error('a'), errorWith('a', { name: 'X' }));
  const enumerableMessage = new Error('a');
  Object.defineProperty(enumerableMessage, 'message', { value: 'a', enumerable: true });
  check('message enumerable', new Error('a'), enumerableMessage);
  check('cause', new Error('a', { cause: 1 }), new Error('a', { cause: 2 }));
  check('cause loose', new Error('a', { cause: 1 }), new Error('a', { cause: '1' }));
  check('cause missing', new Error('a', { cause: 1 }), new Error('a'));
  check('cause undefined', new Error('a', { cause: undefined }), new Error('a'));
  check('cause deep', new Error('a', { cause: { x: [1] } }), new Error('a', { cause: { x: [1] } }));
  check('aggregate', new AggregateError([1], 'm'), new AggregateError([2], 'm'));
  check('aggregate loose', new AggregateError([1], 'm'), new AggregateError(['1'], 'm'));
  check('errors enumerable', errorWith('a', { errors: [1] }), errorWith('a', { errors: [2] }));
  check('code', errorWith('a', { code: 1 }), errorWith('a', { code: 2 }));
  check('code loose', errorWith('a', { code: 1 }), errorWith('a', { code: '1' }));
  check('error vs object', new Error('a'), { message: 'a', name: 'Error' });
  check('subclass', new (class E extends Error {})('a'), new Error('a'));
  check('null proto', Object.setPrototypeOf(new Error('a'), null), Object.setPrototypeOf(new Error('a'), null));
  const selfCause = () => {
    const e = new Error('a');
    e.cause = e;
    return e;
  };
  check('self cause', selfCause(), selfCause());

  console.log('## boxed primitives');
  check('Number same', new Number(1), new Number(1));
  check('Number other', new Number(1), new Number(2));
  check('Number -0', new Number(-0), new Number(0));
  check('Number NaN', new Number(NaN), new Number(NaN));
  check('Number vs 1', new Number(1), 1);
  check('Number vs String', new Number(1), new String('1'));
  check('String', new String('ab'), new String('ab'));
  check('Boolean', new Boolean(true), new Boolean(false));
  check('BigInt', Object(1n), Object(1n));
  check('Symbol', Object(Symbol.iterator), Object(Symbol.iterator));
  check('Symbol other', Object(Symbol('a')), Object(Symbol('a')));
  check('extra key', Object.assign(new Number(1), { x: 1 }), new Number(1));

  console.log('## typed arrays and buffers');
  check('same', new Uint8Array([1, 2]), new Uint8Array([1, 2]));
  check('bytes', new Uint8Array([1, 2]), new Uint8Array([1, 3]));
  check('types', new Uint8Array([1]), new Int8Array([1]));
  check('Buffer vs Uint8Array', Buffer.from('a'), new Uint8Array([97]));
  check('Float64 -0', new Float64Array([-0]), new Float64Array([0]));
  check('Float32 -0', new Float32Array([-0]), new Float32Array([0]));
  check('Float64 NaN', new Float64Array([NaN]), new Float64Array([NaN]));
  check('offset view', new Uint8Array(new ArrayBuffer(4), 2, 1), new Uint8Array(1));
  check('extra key', Object.assign(new Uint8Array(1), { x: 1 }), new Uint8Array(1));
  check('DataView', new DataView(new ArrayBuffer(2)), new DataView(new ArrayBuffer(2)));
  check('DataView bytes', new DataView(new Uint8Array([1]).buffer), new DataView(new Uint8Array([2]).buffer));
  check('ArrayBuffer', new ArrayBuffer(2), new ArrayBuffer(2));
  check('ArrayBuffer size', new ArrayBuffer(2), new ArrayBuffer(3));
  check('ArrayBuffer bytes', new Uint8Array([1]).buffer, new Uint8Array([2]).buffer);
  check('BigInt64', new BigInt64Array([1n]), new BigInt64Array([1n]));

  console.log('## sets');
  check('order', new Set([1, 2, 3]), new Set([3, 2, 1]));
  check('loose prims', new Set([1, '2']), new Set(['1', 2]));
  check('loose one', new Set([1]), new Set(['1']));
  check('null undefined', new Set([null]), new Set([undefined]));
  check('objects', new Set([{ a: 1 }]), new Set([{ a: 1 }]));
  check('objects loose', new Set([{ a: 1 }]), new Set([{ a: '1' }]));
  check('objects order', new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 1 }]));
  check('object vs prim', new Set([{}]), new Set([1]));
  check('mixed', new Set([1, {}]), new Set([1, {}]));
  check('dup loose', new Set([1, '1']), new Set([1, 2]));
  check('NaN', new Set([NaN]), new Set([NaN]));
  check('sizes', new Set([1]), new Set([1, 2]));
  check('nested -0', new Set([[-0]]), new Set([[0]]));
  check('extra key', Object.assign(new Set([1]), { x: 1 }), new Set([1]));

  console.log('## maps');
  check('same', new Map([[1, 'a']]), new Map([[1, 'a']]));
  check('loose key', new Map([[1, 'a']]), new Map([['1', 'a']]));
  check('loose swap', new Map([[1, 'a'], ['1', 'b']]), new Map([['1', 'a'], [1, 'b']]));
  check('null undefined key', new Map([[null, 1]]), new Map([[undefined, 1]]));
  check('loose value', new Map([[1, { a: [1] }]]), new Map([[1, { a: ['1'] }]]));
  check('object keys', new Map([[{ a: 1 }, 1]]), new Map([[{ a: 1 }, 1]]));
  check('object keys loose', new Map([[{ a: 1 }, 1]]), new Map([[{ a: '1' }, 1]]));
  check('object keys both loose', new Map([[{ a: 1 }, { b: 1 }]]), new Map([[{ a: '1' }, { b: '1' }]]));
  check('object keys swapped values', new Map([[{}, 'a'], [{}, 'b']]), new Map([[{}, 'b'], [{}, 'a']]));
  check('object keys wrong values', new Map([[{}, 'a'], [{}, 'b']]), new Map([[{}, 'a'], [{}, 'c']]));
  check('-0 key', new Map([[-0, 1]]), new Map([[0, 1]]));
  check('sizes', new Map([[1, 1]]), new Map([[1, 1], [2, 2]]));
  check('nested map', new Map([[1, new Map([[2, 3]])]]), new Map([[1, new Map([[2, '3']])]]));

  console.log('## cycles');
  const c1 = { a: 1 };
  c1.self = c1;
  const c2 = { a: '1' };
  c2.self = c2;
  check('self loose', c1, c2);
  check('depth 1 vs 2', cyclic(1), cyclic(2));
  check('depth 2 vs 2', cyclic(2), cyclic(2));
  const arr1 = [];
  arr1.push(arr1);
  const arr2 = [];
  arr2.push([arr2]);
  check('array', arr1, arr2);
  const m1 = new Map();
  m1.set('m', m1);
  const m2 = new Map();
  m2.set('m', m2);
  check('map', m1, m2);

  console.log('## URL and keys');
  check('URL same', new URL('http://a/x'), new URL('http://a/x'));
  check('URL other', new URL('http://a/'), new URL('http://b/'));
  const extra = new URL('http://a/');
  extra.x = 1;
  check('URL extra key', new URL('http://a/'), extra);
  check('URL vs object', new URL('http://a/'), { href: 'http://a/' });
  const secret = (s) => crypto.createSecretKey(Buffer.from(s));
  check('KeyObject same', secret('a'), secret('a'));
  check('KeyObject other', secret('a'), secret('b'));
  const hmac = { name: 'HMAC', hash: 'SHA-256' };
  const importKey = (s, extractable, usages) => crypto.subtle.importKey('raw', Buffer.from(s), hmac, extractable, usages);
  const ka = await importKey('a', true, ['sign']);
  check('CryptoKey same', ka, await importKey('a', true, ['sign']));
  check('CryptoKey extractable', ka, await importKey('a', false, ['sign']));
  check('CryptoKey usages', ka, await importKey('a', true, ['verify']));
  check('CryptoKey material', ka, await importKey('b', true, ['sign']));
};
