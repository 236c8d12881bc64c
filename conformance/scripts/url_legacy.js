// The legacy url API against Node: url.parse (hosts, auth, ports, spaces, backslashes, javascript:,
// mailto:, IPv6, parseQueryString, slashesDenoteHost), url.format of Url objects, plain objects and
// WHATWG URLs with options, url.resolve and url.resolveObject, Url, and urlToHttpOptions.
const url = require('url');
const util = require('util');

const show = (label, fn) => {
  try {
    const v = fn();
    console.log(label, '->', typeof v === 'string' ? JSON.stringify(v) : util.inspect(v, { depth: 3 }));
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message, e.input);
  }
};

module.exports = function main() {
  console.log('keys', Object.keys(url).join());
  const parses = [
    'https://user:pw@Example.com:8080/p/a/t/h?query=string&a=1#hash', 'http://x.com', 'HTTP://X.COM/A?B#C',
    '/relative/path?x=1', 'relative', '//host/path', 'mailto:someone@example.com', 'javascript:alert(1)',
    'http://[::1]:3000/x', 'http://[::1/x', 'http://a b.com/c d', '  http://trim.me/  ', 'http:\\\\back\\slash?x\\y',
    'http://a%41.com', 'http://ÄB.com/x', 'http://münchen.de', 'http://xn--a.com', 'http://a.com:99999/', 'http://a.com:/x',
    'http://u@h', 'http://u:@h', 'http://%41:%42@h/', 'file:///etc/passwd', 'file://host/share', 'x:y', 'urn:isbn:123',
    'http://h/p?q#f?g', 'http://h/#', 'http://h/?', '?only=query', '#only-hash', '', 'http://h/a<b>"c`{d}|e^f\'g',
    'http://h\t\n/x', 'ws://h:80/s', 'git+ssh://git@github.com:user/repo.git', 'http://a.com./', 'HTTP://a.com.',
    'http://h/ø?ø=ø#ø',
  ];
  for (const p of parses) show('parse ' + JSON.stringify(p), () => url.parse(p));
  show('parse query', () => url.parse('http://h/p?a=1&a=2&b=%20x&c', true).query);
  show('parse query empty', () => url.parse('http://h/p', true));
  show('parse simple query', () => url.parse('/p?x=1&y', true).query);
  show('slashesDenoteHost', () => url.parse('//host/p?q', false, true));
  show('slashesDenoteHost simple', () => url.parse('/p', false, true));
  show('parse number', () => url.parse(42));
  show('parse Url', () => { const u = url.parse('http://x/'); return url.parse(u) === u; });
  show('instanceof', () => url.parse('http://x/') instanceof url.Url);
  show('new Url', () => new url.Url());
  show('Url parse method', () => new url.Url().parse('http://a/b').href);

  const formats = [
    { protocol: 'https', hostname: 'example.com', port: 8080, pathname: '/p', query: { a: '1', b: ['x', 'y'] }, hash: 'h' },
    { protocol: 'http:', host: 'h:1', pathname: 'no-slash', search: 'q=1' },
    { protocol: 'mailto', pathname: 'a@b' },
    { protocol: 'file', pathname: '/x' },
    { protocol: 'http', hostname: '::1', port: 80 },
    { hostname: 'h', slashes: true, pathname: 'a?b#c' },
    { protocol: 'http', auth: 'us er:p@ss;w=&', hostname: 'h' },
    { pathname: '/p', search: '?a#b', hash: '#c' },
    {},
  ];
  for (const f of formats) show('format ' + JSON.stringify(f), () => url.format(f));
  show('format string', () => url.format('HTTP://X.com/a b'));
  show('format null', () => url.format(null));
  show('format URL', () => url.format(new URL('http://u:p@xn--mnchen-3ya.de:81/a?b#c')));
  show('format URL options', () => url.format(new URL('http://u:p@xn--mnchen-3ya.de:81/a?b#c'),
    { fragment: false, unicode: true, search: false, auth: false }));
  show('format URL bad options', () => url.format(new URL('http://x/'), 5));
  show('format mailto URL', () => url.format(new URL('mailto:a@b?c#d'), { search: false }));

  const resolves = [
    ['http://a.com/b/c', '../d'], ['/one/two/three', 'four'], ['http://example.com/', '/one'], ['http://example.com/one', '/two'],
    ['http://a/b/c/d;p?q', 'g?y'], ['http://a/b/c/d;p?q', '#s'], ['http://a/b/c/d;p?q', '../../../g'],
    ['http://a/b/c/d;p?q', '//g'], ['http://a/b/c/d;p?q', '?y'], ['http://a/b/c/d;p?q', ''], ['http://a/b/c/d;p?q', 'https:g'],
    ['mailto:a@b', 'c@d'], ['mailto:a@b', 'mailto:x@y'], ['http://u:p@h/a', '//other/b'], ['http://u:p@h/a', '/b'],
    ['foo/bar', '../baz'], ['/foo', '.'], ['http://h', 'x'], ['file:///a/b', 'c'], ['http://h/a/', './'],
    ['http://h/a/b/', '..'], ['git+ssh://git@github.com:user/repo.git', 'other'],
  ];
  for (const [from, to] of resolves) show('resolve ' + JSON.stringify([from, to]), () => url.resolve(from, to));
  show('resolveObject', () => url.resolveObject('http://a/b/c', '../d?x#y'));
  show('resolveObject empty source', () => url.resolveObject('', 'x'));
  show('resolveObject Url', () => url.resolveObject(url.parse('http://a/b'), url.parse('c', false, true)).href);

  show('urlToHttpOptions', () => url.urlToHttpOptions(new URL('https://a:b%20c@[::1]:8443/p?q=1#h')));
  show('urlToHttpOptions plain', () => url.urlToHttpOptions(new URL('http://x.com/')));
  show('urlToHttpOptions extended', () => url.urlToHttpOptions(Object.assign(new URL('http://x/'), { extra: 1 })));
};
