// Regenerates glob_win32.json from Node 20: node glob_win32_gen.js > glob_win32.json
const path = require('path');
const out = { glob: [], parse: [], rel: [], ns: [] };
for (const [p, g, w] of [['/a/b/c.js', '/a/**/*.js'], ['src/x.test.js', 'src/**/!(*.test).js'], ['src/x.js', 'src/**/!(*.test).js'],
  ['.env', '*'], ['.env', '.*'], ['a/.git/config', '**/config'], ['a/b/', 'a/*/'], ['img03.png', 'img{01..05}.png'],
  ['fileA.txt', 'file[!0-9].txt'], ['a/b', 'a\\b'], ['x.tar.gz', '*.+(gz|zip)'], ['c:\\a\\b.js', 'C:/a/*.js', 1], ['A\\b', 'a/b', 1]]) {
  out.glob.push([p, g, !!w, (w ? path.win32 : path).matchesGlob(p, g)]);
}
for (const p of ['C:\\path\\dir\\file.txt', '\\\\server\\share\\a\\b.c', '\\\\server\\share', 'C:', 'a/b\\c.d', '.bashrc']) out.parse.push([p, path.win32.parse(p)]);
for (const [f, t] of [['C:\\orandea\\test\\aaa', 'C:\\orandea\\impl\\bbb'], ['C:\\A\\b', 'c:\\a\\B\\c'], ['C:\\a', 'D:\\b'], ['C:\\ẞ\\a', 'C:\\ss\\b'], ['\\\\srv\\share', '\\\\srv\\share\\x\\y']]) out.rel.push([f, t, path.win32.relative(f, t)]);
for (const p of ['C:\\a\\b', '\\\\srv\\share\\x', '\\\\?\\C:\\x']) out.ns.push([p, path.win32.toNamespacedPath(p)]);
console.log(JSON.stringify(out));
