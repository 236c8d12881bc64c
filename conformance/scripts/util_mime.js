// util.MIMEType and util.MIMEParams against Node: parsing, normalisation, parameter rules, setters,
// serialisation and ERR_INVALID_MIME_SYNTAX.
const { MIMEType, MIMEParams, inspect } = require('util');

function show(label, fn) {
  try {
    const v = fn();
    console.log(label, '->', typeof v === 'string' ? JSON.stringify(v) : inspect(v));
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message);
  }
}

const inputs = [
  'text/plain', 'Text/HTML; Charset="utf-8"; foo=bar', '  application/json  ', 'text/plain;charset=UTF-8;charset=latin1',
  'text/plain; a=1; ;b=2; c', 'text/plain;a="quoted \\"value\\""', 'text/plain;a="unterminated', 'text/plain;a="x\\',
  'text/plain;A=B;empty=', 'text/plain;a=b c', 'text/plain;a="b c";d=""', 'text/plain;é=1;b=ü', 'text/plain;a="x"junk;b=2',
  'image/svg+xml; charset=utf-8', 'multipart/form-data; boundary=----abc', 'text/plain;a=1\t;b=2  ',
  'te xt/plain', 'text/', '/plain', 'text', 'text/pl ain', 'text/plain ;a=1', ' text/plain', '', 'text/"x"',
];
for (const input of inputs) {
  show(JSON.stringify(input), () => {
    const m = new MIMEType(input);
    return [m.type, m.subtype, m.essence, String(m), JSON.stringify(m), [...m.params].map((e) => e.join('=')).join('&')].join(' | ');
  });
}

const m = new MIMEType('text/plain;a=1');
show('set type', () => { m.type = 'IMAGE'; return String(m); });
show('set subtype', () => { m.subtype = 'PNG'; return String(m); });
show('bad type', () => { m.type = 'a/b'; });
show('empty subtype', () => { m.subtype = ''; });
show('params set', () => { m.params.set('Key', 'with space'); m.params.set('e', ''); return String(m); });
show('params get', () => [m.params.get('a'), m.params.get('missing'), m.params.has('a'), m.params.has('A')].join());
show('params delete', () => { m.params.delete('a'); return m.params.toString(); });
show('bad param name', () => m.params.set('a b', 'x'));
show('bad param value', () => m.params.set('x', 'caf\u0100'));
show('keys values', () => [...m.params.keys()].join() + ' ' + [...m.params.values()].join());
show('params toJSON', () => JSON.stringify({ p: m.params }));
show('new MIMEParams', () => { const p = new MIMEParams(); p.set('z', '1'); return String(p) + ' ' + [...p].length; });
show('from object', () => String(new MIMEType({ toString: () => 'a/b;c=d' })));
show('inspect', () => inspect(new MIMEType('a/b')) + ' ' + inspect(new MIMEParams()));
show('proto', () => Object.getOwnPropertyNames(MIMEType.prototype).join() + ' ' + Object.getOwnPropertyNames(MIMEParams.prototype).join());
show('tag', () => Object.prototype.toString.call(m) + ' ' + (typeof MIMEParams.prototype[Symbol.iterator]));
