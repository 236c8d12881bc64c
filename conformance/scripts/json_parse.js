// JSON.parse: values, V8's error messages, revivers (order of calls, deletion, holders), and deep
// nesting within pluginhost's limit.
'use strict';
const log = (...args) => console.log(...args);

function attempt(label, fn) {
  try {
    log(label, JSON.stringify(fn()));
  } catch (err) {
    log(label, 'throws', err.name, err.message);
  }
}

module.exports = function main() {
  log('shape', typeof JSON.parse, JSON.parse.name, JSON.parse.length, Object.getOwnPropertyDescriptor(JSON, 'parse').enumerable);
  for (const text of ['{"a":[1,2.5,-0,1e400,"x\\u00e9\\n"],"b":{"c":null,"d":true}}', '  [] ', '"\\ud83d\\ude00"',
    '{"__proto__":1,"2":"two","1":"one","b":0,"a":0,"b":2}', '123456789012345678901234567890', '-0', '0.1e-2']) {
    attempt(`value ${text}`, () => {
      const v = JSON.parse(text);
      return [v, typeof v === 'object' && v !== null ? Object.keys(v) : typeof v, Object.is(v, -0)];
    });
  }
  for (const text of ['{bad', '{"a":1,}', '[1 2]', '"abc', '01', '[1,', '-x', 'tru', '', 'undefined', '{"a":x}',
    '[1,1,1,1,x,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]', '"\\x"', '"\\u12G4"', '"a\tb"', '{"a" 1}', '[1] 2']) {
    attempt(`error ${JSON.stringify(text)}`, () => JSON.parse(text));
  }
  attempt('non-string text', () => [JSON.parse(12), JSON.parse(null), JSON.parse({ toString: () => '[7]' }), JSON.parse(true)]);
  attempt('symbol text', () => JSON.parse(Symbol('s')));
  attempt('no text', () => JSON.parse());

  const calls = [];
  const revived = JSON.parse('{"a":[1,{"b":2}],"c":"d","e":3}', function (key, value) {
    calls.push(`${key}:${JSON.stringify(value)}:${Array.isArray(this) ? 'array' : typeof this}`);
    if (key === 'e') return undefined;
    if (typeof value === 'number') return value * 10;
    return value;
  });
  log('reviver calls', calls.join(' | '));
  log('revived', JSON.stringify(revived), Object.keys(revived).join());
  attempt('reviver throws', () => JSON.parse('[1]', () => { throw new TypeError('from reviver'); }));
  attempt('reviver not a function', () => JSON.parse('[1]', 'nope'));
  attempt('reviver sees the root holder', () => {
    let root;
    JSON.parse('5', function (key, value) { if (key === '') root = [Object.keys(this), this[''], Object.getPrototypeOf(this) === Object.prototype]; return value; });
    return root;
  });

  const depth = 5000;
  const deep = JSON.parse('['.repeat(depth) + ']'.repeat(depth));
  let d = 0;
  for (let x = deep; Array.isArray(x); x = x[0]) d++;
  log('deep arrays', d);
  const deepObj = JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
  d = 0;
  for (let x = deepObj; typeof x === 'object'; x = x.a) d++;
  log('deep objects', d);
};
