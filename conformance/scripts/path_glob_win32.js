// path.matchesGlob (posix and win32), _makeLong, and path.win32's relative, parse, format and
// toNamespacedPath against Node, with the modules' key order.
const path = require('path');

const show = (label, fn) => {
  try {
    console.log(label, '->', JSON.stringify(fn()));
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message);
  }
};

module.exports = function main() {
  console.log('keys', Object.keys(path).join());
  console.log('win32 keys', Object.keys(path.win32).join());
  console.log('makeLong', path._makeLong === path.toNamespacedPath, path.win32._makeLong === path.win32.toNamespacedPath,
    path._makeLong('/x'), path._makeLong(5));

  const globs = [
    ['/a/b/c.js', '/a/**/*.js'], ['src/lib/x.ts', 'src/**/*.{js,ts}'], ['src/x.test.js', 'src/**/!(*.test).js'],
    ['src/x.js', 'src/**/!(*.test).js'], ['.env', '*'], ['.env', '.*'], ['README.md', '*.md'], ['docs/a/b.md', 'docs/**'],
    ['a/.git/config', '**/config'], ['a/b', 'a/*/'], ['a/b/', 'a/*/'], ['x.tar.gz', '*.+(gz|zip)'], ['file1.txt', 'file[0-9].txt'],
    ['fileA.txt', 'file[!0-9].txt'], ['a/b/c', 'a/{b,x}/c'], ['img03.png', 'img{01..05}.png'], ['UPPER', '[[:upper:]]*'],
    ['a', ''], ['', ''], ['a/../b', 'b'], ['./a', 'a'], ['a', './a'], ['abc', '@(abc|xyz)'], ['a/b', 'a\\b'],
  ];
  for (const [p, g] of globs) show('matchesGlob ' + JSON.stringify([p, g]), () => path.matchesGlob(p, g));
  for (const [p, g] of [['C:\\a\\b.js', 'C:/a/*.js'], ['c:\\a\\b.js', 'C:/a/*.js'], ['a\\b\\c', 'a/**'], ['A\\b', 'a/b']]) {
    show('win32.matchesGlob ' + JSON.stringify([p, g]), () => path.win32.matchesGlob(p, g));
  }
  show('matchesGlob(1)', () => path.matchesGlob(1, '*'));
  show('matchesGlob(x, 1)', () => path.matchesGlob('x', 1));

  const parses = ['C:\\', 'C:', 'C:x', 'C:\\path\\dir\\file.txt', '\\\\server\\share\\a\\b.c', '\\\\server\\share',
    '\\\\server', '\\\\server\\share\\', '\\x', '/x/y', 'a/b\\c.d', '.bashrc', 'file.', 'a\\\\', '', 'x', '\\', '..', 'a.b.c'];
  for (const p of parses) show('win32.parse ' + JSON.stringify(p), () => path.win32.parse(p));
  for (const o of [{ root: 'C:\\', dir: 'C:\\path', base: 'f.txt' }, { root: 'C:\\', name: 'f', ext: 'txt' },
    { dir: 'a', name: 'b', ext: '.c' }, { root: '\\' }, {}]) {
    show('win32.format ' + JSON.stringify(o), () => path.win32.format(o));
  }
  show('win32.format(1)', () => path.win32.format(1));
  const rels = [['C:\\orandea\\test\\aaa', 'C:\\orandea\\impl\\bbb'], ['C:\\a', 'C:\\a\\b\\c'], ['C:\\a\\b', 'C:\\a'],
    ['C:\\', 'C:\\foo'], ['C:\\foo\\bar', 'C:\\'], ['C:\\A\\b', 'c:\\a\\B\\c'], ['C:\\a', 'D:\\b'],
    ['\\\\srv\\share\\a', '\\\\srv\\share\\b'], ['\\\\srv\\share', '\\\\srv\\share\\x\\y'], ['C:\\ẞ\\a', 'C:\\ss\\b'],
    ['C:\\foo\\test', 'C:\\foo\\test\\bar\\package.json'], ['C:\\x', 'C:\\x']];
  for (const [f, t] of rels) show('win32.relative ' + JSON.stringify([f, t]), () => path.win32.relative(f, t));
  show('win32.relative(1)', () => path.win32.relative(1, 'x'));
  for (const p of ['C:\\a\\b', 'c:/a', '\\\\srv\\share\\x', '\\\\?\\C:\\x', '\\\\.\\pipe\\x', '', 'C:', 5]) {
    show('win32.toNamespacedPath ' + JSON.stringify(p), () => path.win32.toNamespacedPath(p));
  }
};
