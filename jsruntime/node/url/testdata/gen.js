// Regenerates cases.json from Node 20: node gen.js > cases.json
// Every case is a JS expression evaluated with prelude.js loaded, `url` bound to require('url') and the
// URL globals; want is out(expression) as Node computes it.
'use strict';
const fs = require('fs');
const path = require('path');
globalThis.url = require('url');
(0, eval)(fs.readFileSync(path.join(__dirname, 'prelude.js'), 'utf8'));

// lit writes s as an ASCII-only JS string literal, so lone surrogates survive JSON and Go.
function lit(s) {
  if (s === undefined) return 'undefined';
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

const parses = [
  // The path.Clean regressions.
  ['http://x.com/dir/'], ['chat/completions', 'https://api/v1/'], ['chat/completions', 'https://api.openai.com/v1/'],
  ['/chat/completions', 'https://api.openai.com/v1/'], ['./models', 'https://api.example.com/v1/'],
  ['https://api.example.com/v1//double//slash/'], ['http://x.com'], ['http://x.com?q'], ['http://x.com#h'],
  // Dot segments.
  ['http://x/a/../../b'], ['http://x/a/%2e%2E/b'], ['http://x/a/.%2e/'], ['http://x/a/./'], ['http://x/..'],
  ['http://x/a/..'], ['http://x/a/.'], ['http://x/a/b/..?q'], ['../x', 'https://a/b/c/d'], ['..', 'http://a/b/c/'],
  ['.', 'http://a/b/c'], ['./g/', 'http://a/b/c/d;p?q'], ['g;x?y#s', 'http://a/b/c/d;p?q'], ['../../../../g', 'http://a/b/c/d;p?q'],
  ['http://x/a/%2E./b/'], ['http://x/.../a'],
  // Relative references.
  ['', 'http://x/a?b#c'], ['#frag', 'http://x/a?b#c'], ['?q', 'http://x/a?b#c'], ['//other/p', 'http://x/a?b#c'],
  ['/abs', 'http://x/a?b#c'], ['http:g', 'http://a/b/c/d'], ['https:g', 'http://a/b/c/d'], ['\\\\y\\z', 'http://x/a'],
  ['/a', 'mailto:x@y'], ['#f', 'mailto:x@y'], ['sc:z', 'http://x/'], ['x', 'sc://h/a/b'], ['/p', 'sc:opaque'],
  ['?q#f', 'file:///a/b'], ['http://y/', 'http://x/'],
  // Schemes, case and whitespace.
  ['HTTP://Example.COM/Path'], ['  http://x.com/a  '], ['ht\ttp://x\n.com/\ra'], ['\u0000http://x/\u001f'],
  ['http:\\\\x.com\\a\\b'], ['http:/x.com/a'], ['http:x.com/a'], ['https:x.com'], ['HTTPS://X.COM:443'],
  ['WS://x:80/'], ['wss://x:443'], ['ftp://x:21/'], ['ftp://x:22/'], ['git+ssh://git@github.com/x/y.git'],
  ['a1+-.://h/'],
  // Ports.
  ['https://example.com:443/'], ['https://example.com:8443/'], ['http://example.com:0/'], ['http://x:65535/'],
  ['http://x:65536/'], ['http://x:/'], ['http://x:00080/'], ['http://x:0008080/'], ['http://x:8a/'], ['http://x:-1/'],
  ['http://x:99999999999999999999/'], ['sc://x:80/'], ['sc://x:/'],
  // Credentials.
  ['http://user:pa ss@x.com/'], ['http://user@x.com'], ['http://:pw@x.com'], ['http://@x.com'], ['http://a@b@c/'],
  ['http://us%65r:p@x/'], ['http://u:p:q@x/'], ['http://ü:ö@x/'], ['http://a:b@/'], ['http://a@'],
  ['http://u;=[]^|:p$&+,@x/'], ['sc://u:p@h/'],
  // IPv6.
  ['http://[::1]:8080/'], ['http://[2001:DB8::1]/'], ['http://[::ffff:192.168.0.1]/'], ['http://[1:0:0:2::3:0]/'],
  ['http://[0:0:0:0:0:0:0:0]/'], ['http://[1:2:3:4:5:6:7:8]/'], ['http://[1::]/'], ['http://[::1/'], ['http://[:::1]/'],
  ['http://[1:2:3:4:5:6:7:8:9]/'], ['http://[::1.2.3.4x]/'], ['http://[::1.2.3]/'], ['http://[::01.2.3.4]/'],
  ['http://[1:0::0:1]/'], ['http://[0:0:1:0:0:1:0:0]/'], ['http://[::1]x/'], ['sc://[::1]/'], ['http://[1:2::3::4]/'],
  ['http://[12345::]/'], ['http://[::127.0.0.1]/'],
  // IPv4 number forms.
  ['http://0x7f.1/'], ['http://127.1/'], ['http://0177.0.0.1/'], ['http://2130706433/'], ['http://256.256.256.256/'],
  ['http://1.2.3.4.5/'], ['http://1.2.3.4./'], ['http://0x/'], ['http://09.1/'], ['http://4294967295/'],
  ['http://4294967296/'], ['http://foo.1/'], ['http://1.foo/'], ['http://0X7F.0x0.00.1/'], ['http://1.2.3.08/'],
  ['http://1.256/'], ['http://1.1.65536/'], ['http://999999999999999999999/'], ['http://1..2/'], ['sc://127.1/'],
  ['http://１２７.0.0.1/'],
  // Hosts and IDNA.
  ['http://ex%41mple.com/'], ['http://münchen.de/straße?ä=ö#ü'], ['http://xn--mnchen-3ya.de/'], ['http://☕.example/'],
  ['http://ＥＸＡＭＰＬＥ.com/'], ['http://xn--/'], ['http://xn--a.com/'], ['http://ex ample.com/'], ['http://exa<mple/'],
  ['http://exa%mple/'], ['http://_under.score/'], ['http://a.b%2Ec/'], ['http://%C2%AD/'], ['http://faß.de/'],
  ['http://ab--c.com/'], ['http://-x-.com/'], ['http://x.com./'], ['http://EXAMPLE.%43om/'], ['http://a^b/'],
  ['http://%zz/'], ['http://%ef%bc%a1.com/'], ['http://a\u00ADb.com/'], ['http://日本語.jp/パス'], ['http://example.com:80@x/'],
  ['sc://ñ/'], ['sc://%41b/'], ['sc://a b/'], ['sc://a%20b/'], ['sc://a|b/'], ['foo://ex ample'], ['sc://H/'],
  // Percent-encoding of paths, queries and fragments.
  ['http://x/a b/"c"/<d>/`e`/{f}/^g|h'], ['http://x/?a b"c<d>\'e`f{g}^|'], ['http://x/#a b"c<d>`e{}^|'],
  ['sc://x/?a\'b'], ['http://x/%zz/%41'], ['http://x/ü/😀?ü=😀#😀'], ['http://x/\ud800'], ['http://x/?\u007f\u0080'],
  ['http://x/#\u0000\t'], ['http://x/a?b?c#d#e'], ['http://x/;a=b,c'], ['http://x/[]@!$&()*+,=:'],
  // file: URLs.
  ['file:///C:/x/y'], ['file:///home/u/a b'], ['file://localhost/etc/'], ['file://host/share/x'], ['file:/x'],
  ['file:x'], ['file:///a/../../b'], ['x', 'file:///home/u/'], ['/C:/y', 'file:///D:/x'], ['file:c|/a'],
  ['file://C|/x'], ['..', 'file:///C:/'], ['file:///dir/'], ['file:'], ['file://'], ['file://LOCALHOST/x'],
  ['file:\\\\h\\x'], ['file://h:80/'], ['file://u@h/'], ['file:///C|/..'], ['/x', 'file://h/y'], ['//h2/x', 'file://h/y'],
  ['C|', 'file://h/y/z'], ['?q', 'file://h/y'], ['file:///c:/x/../../..'], ['file://[::1]/x'], ['FILE:///X'],
  // Non-special schemes.
  ['mailto:a@b.com'], ['data:text/plain,hi there'], ['javascript:alert(1)'], ['sc://User:Pw@Host:99/p?q#f'], ['sc://h'],
  ['sc:'], ['sc:/a/../b'], ['sc:a b ?q'], ['urn:isbn:123'], ['blob:https://a.com/uuid'], ['blob:foo'], ['blob:file:///x'],
  ['about:blank'], ['sc://x/a/./b/../c'], ['sc:/.//p'], ['sc://'], ['sc:///'], ['sc:\\x\\y'], ['sc://x\\y'],
  ['sc:a\u0001\u007f b#\u0001'], ['non-spec:/.//'], ['web+demo:/.//not-a-host/'],
  // Invalid.
  [''], ['x'], ['//x'], ['http://'], ['http://:80'], ['https://x:99999'], ['1http://x'], ['http://[::1'], ['a', 'b'],
  ['a', 'not a url'], ['http://x', 'bad'], ['http://a b/'], ['http://\u0000/'], ['ws://'], ['sc://@/'],
];

const setters = [
  ['http://x/', 'protocol', 'https'], ['http://x/', 'protocol', 'sc'], ['sc://x/', 'protocol', 'http'],
  ['http://x:443/', 'protocol', 'https:'], ['http://u@x/', 'protocol', 'file'], ['file:///x', 'protocol', 'http'],
  ['http://x/', 'protocol', 'HTTPS://ignored'], ['http://x/', 'protocol', '1x'], ['sc://x/', 'protocol', 'other'],
  ['file://h/x', 'protocol', 'https'], ['file:///x', 'protocol', 'https'],
  ['http://x/', 'username', 'a b@c:d'], ['file:///x', 'username', 'u'], ['sc:opaque', 'username', 'u'],
  ['http://u:p@x/', 'username', ''], ['http://x/', 'password', 'p@ss/w'], ['http://u:p@x/', 'password', ''],
  ['http://x/', 'host', 'y.com:8080'], ['http://x/', 'host', 'Y.com:80'], ['http://x/', 'host', '[::1]:9'],
  ['http://x:8/', 'host', 'y'], ['sc://x/', 'host', ''], ['http://x/', 'host', ''], ['http://x/', 'host', 'a b'],
  ['http://x/', 'host', 'y/z?q'], ['http://x/', 'host', 'y:abc'], ['http://x/', 'host', 'y:99999'],
  ['mailto:a', 'host', 'y'], ['file:///x', 'host', 'h'], ['file://h/x', 'host', 'localhost'], ['sc://u@x/', 'host', ''],
  ['http://x:8/', 'hostname', 'y:9'], ['http://x/', 'hostname', 'EXAMPLE.com'], ['http://x/', 'hostname', 'münchen.de'],
  ['http://x/', 'hostname', '0x7f.1'], ['sc://x:8/', 'hostname', 'y'], ['http://x/', 'hostname', 'y#z'],
  ['http://x/', 'port', '8080'], ['http://x:8/', 'port', '80'], ['http://x:8/', 'port', ''], ['http://x/', 'port', '8080abc'],
  ['http://x:8/', 'port', 'abc'], ['http://x:8/', 'port', '99999'], ['file:///x', 'port', '8'], ['sc://x/', 'port', '80'],
  ['http://x/', 'port', 123], ['http://x/', 'port', '  9'],
  ['http://x/', 'pathname', 'a b/../c/'], ['http://x/a', 'pathname', ''], ['sc://x', 'pathname', 'p'],
  ['mailto:a', 'pathname', 'p'], ['http://x/', 'pathname', '?#'], ['http://x/', 'pathname', '\\a\\b'],
  ['sc://x/', 'pathname', '\\a\\b'], ['file:///C:/x', 'pathname', '/..'], ['sc:/x', 'pathname', '//p'],
  ['http://x/', 'search', 'a=1 2&b=\''], ['http://x/?a', 'search', ''], ['http://x/', 'search', '?'],
  ['http://x/', 'search', '??a'], ['sc://x/', 'search', 'q=\''], ['http://x/', 'search', 'a#b'],
  ['http://x/', 'hash', 'a b'], ['http://x/#a', 'hash', '#'], ['http://x/#a', 'hash', ''], ['http://x/', 'hash', '##x'],
  ['sc:a b #f', 'hash', ''], ['sc:a b ?q', 'search', ''], ['sc:a b ?q#f', 'search', ''],
  ['http://x/', 'href', 'https://y/?a=b'], ['http://x/', 'href', 'not a url'], ['http://x/', 'href', '/relative'],
  ['http://x/', 'origin', 'http://y'], ['http://x/', 'searchParams', 'a=b'],
];

const exprs = [
  // URLSearchParams parsing and serialisation.
  `String(new URLSearchParams('a=1&b=2+3&c=%20&d&=e&&f=g=h'))`,
  `[...new URLSearchParams('?a=1&a=2&b=%zz&c=%F0%9F%98%80&d=%F0%9F&e=%FF%FF&f=%e2%82')]`,
  `[...new URLSearchParams('??a=1')]`,
  `new URLSearchParams({a: 1, b: 'x y', c: undefined, d: null}).toString()`,
  `new URLSearchParams([['a', '1'], ['b', 2]]).toString()`,
  `new URLSearchParams(new Map([['a', '1'], ['a', '2']])).toString()`,
  `new URLSearchParams(new URLSearchParams('a=1&b=2')).toString()`,
  `new URLSearchParams(null).toString()`,
  `new URLSearchParams(undefined).toString()`,
  `new URLSearchParams('').size`,
  `new URLSearchParams(42).toString()`,
  `new URLSearchParams({q: ' !"#$%&\\'()*+,-./:;<=>?@[\\\\]^_\`{|}~\u00e9\u{1F600}'}).toString()`,
  `new URLSearchParams('a=\\ud800&\\udc00=b').toString()`,
  `new URLSearchParams({'\\ud800': 'x', '\\udbff': 'y'}).toString()`,
  `attempt(() => new URLSearchParams([['a']]))`,
  `attempt(() => new URLSearchParams([1]))`,
  `attempt(() => new URLSearchParams({[Symbol.iterator]: 1}))`,
  `attempt(() => URLSearchParams('a=1'))`,
  // Methods.
  `(() => { const p = new URLSearchParams('a=1&b=2&a=3'); p.append('c', 'x y'); p.delete('b'); return [p.toString(), p.get('a'), p.get('z'), p.getAll('a'), p.has('c'), p.has('b'), p.size]; })()`,
  `(() => { const p = new URLSearchParams('a=1&b=2&a=3'); p.set('a', '9'); return p.toString(); })()`,
  `(() => { const p = new URLSearchParams('a=1&b=2'); p.set('c', '3'); return p.toString(); })()`,
  `(() => { const p = new URLSearchParams('a=1&a=2&a=1'); return [p.has('a', '2'), p.has('a', '3'), p.has('a', undefined)]; })()`,
  `(() => { const p = new URLSearchParams('a=1&a=2&a=1'); p.delete('a', '1'); return p.toString(); })()`,
  `(() => { const p = new URLSearchParams('a=1&a=2'); p.delete('a', undefined); return p.toString(); })()`,
  `(() => { const p = new URLSearchParams('z=1&a=2&\\ufffd=3&\\u{1F600}=4&a=1&B=5&=6'); p.sort(); return p.toString(); })()`,
  `(() => { const r = []; new URLSearchParams('a=1&b=2').forEach(function (v, k, o) { r.push([v, k, o instanceof URLSearchParams, this.t]); }, {t: 1}); return r; })()`,
  `(() => { const p = new URLSearchParams('a=1&b=2'); return [[...p.keys()], [...p.values()], [...p.entries()], [...p]]; })()`,
  `(() => { const p = new URLSearchParams('a=1&b=2'); const it = p.entries(); const first = it.next(); p.append('c', '3'); return [first, it.next(), it.next(), it.next()]; })()`,
  `(() => { const p = new URLSearchParams('a=1'); const r = []; p.forEach((v, k) => { if (r.length < 5) { r.push(k); p.append('n' + r.length, '1'); } }); return r; })()`,
  `URLSearchParams.prototype[Symbol.iterator] === URLSearchParams.prototype.entries`,
  `Object.prototype.toString.call(new URLSearchParams().entries())`,
  `Object.prototype.toString.call(new URLSearchParams())`,
  `(() => { const it = new URLSearchParams('a=1').keys(); return it[Symbol.iterator]() === it; })()`,
  `attempt(() => new URLSearchParams().append('a'))`,
  `attempt(() => new URLSearchParams().get())`,
  `attempt(() => new URLSearchParams().forEach(1))`,
  `attempt(() => URLSearchParams.prototype.get.call({}, 'a'))`,
  `Object.keys(new URLSearchParams('a=1'))`,
  `JSON.stringify(new URLSearchParams('a=1'))`,
  // URL object surface.
  `(() => { const u = new URL('http://x/?a=1'); u.searchParams.append('b', '2 3'); return u.href; })()`,
  `(() => { const u = new URL('http://x/?a=1'); const p = u.searchParams; u.search = '?c=3'; return [p.get('c'), p.has('a'), p === u.searchParams]; })()`,
  `(() => { const u = new URL('http://x/?a=1#h'); u.searchParams.delete('a'); return [u.href, u.search]; })()`,
  `(() => { const u = new URL('http://x/?a=b%20c&d=%41'); u.searchParams.sort(); return u.search; })()`,
  `(() => { const u = new URL('http://x/?a=1'); const p = u.searchParams; u.href = 'http://y/?z=9'; return [...p]; })()`,
  `(() => { const u = new URL('http://x/?a=1'); const p = u.searchParams; u.search = ''; return [p.size, u.href]; })()`,
  `(() => { const u = new URL('sc:a b ?q=1'); u.searchParams.delete('q'); return u.href; })()`,
  `(() => { const u = new URL('http://x/?q=%zz+1'); return [u.searchParams.get('q'), u.searchParams.size]; })()`,
  `new URL('http://x/').searchParams === new URL('http://x/').searchParams`,
  `JSON.stringify(new URL('http://x/a b'))`,
  `JSON.stringify({u: new URL('http://x/')})`,
  `String(new URL('http://x')) + '|' + new URL('http://x').toString() + '|' + (new URL('http://x') + '')`,
  `new URL('http://x') instanceof URL`,
  `Object.keys(new URL('http://x'))`,
  `Object.prototype.toString.call(new URL('http://x'))`,
  `new URL(new URL('http://x/a?b#c')).href`,
  `new URL('/a', new URL('http://b/c')).href`,
  `new URL({toString() { return 'http://obj/'; }}).href`,
  `new URL('http://x/', undefined).href`,
  `[URL.canParse('x'), URL.canParse('x', 'http://y'), URL.canParse('http://['), URL.canParse('http://x', 'bad'), URL.canParse('http://x')]`,
  `attempt(() => new URL())`,
  `attempt(() => URL('http://x'))`,
  `(() => { try { new URL('x'); } catch (e) { return [e instanceof TypeError, e.name, e.code, e.message, e.input, 'base' in e]; } })()`,
  `(() => { try { new URL('x', 'http://['); } catch (e) { return [e.code, e.input, e.base]; } })()`,
  `attempt(() => Object.getOwnPropertyDescriptor(URL.prototype, 'href').get.call({}))`,
  `Object.getOwnPropertyNames(URL.prototype).sort()`,
  `Object.getOwnPropertyNames(URLSearchParams.prototype).sort()`,
  `(() => { const d = Object.getOwnPropertyDescriptor(URL.prototype, 'href'); return [d.enumerable, d.configurable, typeof d.get, typeof d.set]; })()`,
  `(() => { class My extends URL { constructor(s) { super(s); this.extra = 1; } } const m = new My('http://x/p'); return [m instanceof URL, m instanceof My, m.pathname, m.extra]; })()`,
  `(() => { const u = new URL('http://x/'); u.custom = 5; return [u.custom, Object.keys(u)]; })()`,
  `(() => { const u = new URL('http://x/'); u.pathname = '/a/b/'; u.search = 'q=1'; u.hash = 'top'; u.port = '81'; u.username = 'me'; return u.href; })()`,
  // Module functions.
  `url.URL === URL && url.URLSearchParams === URLSearchParams`,
  `url.pathToFileURL('/dir/').href`,
  `url.pathToFileURL('/dir/') instanceof URL`,
  `url.pathToFileURL('/a b#c?d%e').href`,
  `url.pathToFileURL('/a[b]{c}^|"<>\\\\x\\ty\\nz\\r;=&$,+!\\'()*~@:').href`,
  `url.pathToFileURL('/\u00fc/\u{1F600}').href`,
  `url.pathToFileURL('/x/../y/./z/').href`,
  `url.pathToFileURL('/').href`,
  `url.pathToFileURL('/a%2fb').href`,
  `url.fileURLToPath('file:///dir/')`,
  `url.fileURLToPath('file:///a%20b/%C3%BC')`,
  `url.fileURLToPath(url.pathToFileURL('/a[b]{c}^|"<>\\\\x\\ty%z?#/'))`,
  `attempt(() => url.fileURLToPath('file:///a%2Fb'))`,
  `attempt(() => url.fileURLToPath('https://x/'))`,
  `attempt(() => url.fileURLToPath('file://h/x'))`,
  `attempt(() => url.fileURLToPath('not a url'))`,
  `url.domainToASCII('espa\u00f1ol.com')`,
  `url.domainToASCII('xn--i\u00f1valid.com')`,
  `url.domainToASCII('EXAMPLE.com')`,
  `url.domainToASCII('')`,
  `url.domainToASCII('0x7f.1')`,
  `url.domainToASCII('a b')`,
  `url.domainToASCII('\u2615.example')`,
  `url.domainToUnicode('xn--espaol-zwa.com')`,
  `url.domainToUnicode('xn--i\u00f1valid.com')`,
  `url.domainToUnicode('EXAMPLE.com')`,
  `url.domainToUnicode('xn--53h.example')`,
  `url.domainToUnicode('m\u00fcnchen.de')`,
  `url.domainToUnicode('[::1]')`,
  `url.format(new URL('http://x/dir/'))`,
  `url.domainToASCII('a/b')`,
  `url.domainToASCII('a:1')`,
  `attempt(() => new URLSearchParams('a=1').forEach(() => { throw new RangeError('boom'); }))`,
  `(() => { const u = new URL('http://x/'); u.searchParams.set('q', 'a b&c'); u.hash = 'h'; return [u.href, u.searchParams.get('q')]; })()`,
  `(() => { const u = new URL('http://x/?a=1&b=2'); const r = []; for (const [k, v] of u.searchParams) { r.push(k + v); u.searchParams.delete('b'); } return [r, u.href]; })()`,
  `(() => { const b = new URL('https://api.example.com/v1/'); return ['models', 'chat/completions', '/v2/x', '../up', '?q=1'].map((p) => new URL(p, b).href); })()`,
];

const cases = [];
for (const [input, base] of parses) cases.push(`parse(${lit(input)}${base === undefined ? '' : ', ' + lit(base)})`);
for (const [href, prop, value] of setters) cases.push(`set(${lit(href)}, ${lit(prop)}, ${typeof value === 'string' ? lit(value) : value})`);
cases.push(...exprs.map((e) => e.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))));

const seen = new Set();
const rows = [];
for (const expr of cases) {
  if (seen.has(expr)) throw new Error('duplicate case ' + expr);
  seen.add(expr);
  rows.push({ expr, want: (0, eval)(`out(${expr})`) });
}
process.stdout.write(JSON.stringify(rows, null, 1) + '\n');
