// util.inspect and util.format against Node: top-level strings are quoted by inspect and %o, not by
// format's plain arguments; nesting, circular references, class instances, Maps, Sets and errors'
// "Received" rendering in argument errors.
const util = require('util');
const path = require('path');

console.log(util.inspect('plain'), util.inspect("it's"), util.inspect(`it's "q"`));
console.log(util.format('%o|%O|%s|%d', 'str', 'str', 'str', '42'), 'raw', 'strings');
console.log(util.inspect({ a: 1, b: 'two', c: [1, 2, { d: { e: { f: 1 } } }] }));
const circ = { name: 'c' };
circ.self = circ;
console.log(util.inspect(circ));
class Point { constructor(x, y) { this.x = x; this.y = y; } }
console.log(util.inspect(new Point(1, 2)), util.inspect([new Map([[1, 'a']]), new Set(['s'])]));
console.log(util.inspect(-0), util.inspect(1e21), util.inspect(5n), util.inspect(Symbol('s')));
console.log(util.inspect({ deep: { deeper: { deepest: { gone: 1 } } } }, { depth: 0 }));
for (const bad of [5, 'x'.repeat(40), Object.create(null), { a: 1 }, [1], () => {}, null]) {
  try { path.join(bad); } catch (e) { console.log(e.code, e.message); }
}
console.log(util.inspect(Buffer.alloc(0)), util.inspect(Buffer.from('hi')), util.inspect(Buffer.alloc(60)));
console.log(util.inspect(new Uint8Array(0)), util.inspect(new Uint8Array([1, 2])));
class Money {
  constructor(n) { this.n = n; }
  [util.inspect.custom](depth, options, inspect) {
    return `Money<${this.n}> depth=${depth} ${typeof options.stylize} ${inspect({ x: [this.n] })}`;
  }
}
console.log(util.inspect(new Money(5)), [new Money(1)], { m: { m: new Money(2) } });
class Wrapper { [Symbol.for('nodejs.util.inspect.custom')]() { return { wrapped: true, list: [1, 2] }; } }
console.log(util.inspect(new Wrapper()), util.format('%O', new Wrapper()));
class Self { constructor() { this.a = 1; } [util.inspect.custom]() { return this; } }
console.log(new Self());
try { util.inspect({ [util.inspect.custom]() { throw new Error('custom failed'); } }); } catch (e) { console.log('threw', e.message); }
console.log(util.inspect(new URLSearchParams('a=1&b=2')), util.inspect(new URLSearchParams()));
console.log(util.inspect(new URL('https://user:pw@example.com:8080/a/b?c=1#h')));
