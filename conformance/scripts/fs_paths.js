// fs path calls: cp (recursive, filter, errors), opendir, realpath, link, utimes, bigint stats,
// promises.watch and watchFile.
'use strict';
const fs = require('fs');
const path = require('path');

const tmp = process.env.SCRIPT_TMPDIR;
const at = (...p) => path.join(tmp, ...p);
const rel = (s) => String(s).split(tmp).join('$TMP');
const tree = (p) => fs.readdirSync(p, { recursive: true }).sort().join(',');
function attempt(label, fn) {
  try {
    console.log(label, 'ok', rel(JSON.stringify(fn())));
  } catch (e) {
    console.log(label, 'throws', rel([e.name, e.code, e.syscall, e.message].join('|')));
  }
}

module.exports = async function main() {
  fs.mkdirSync(at('src', 'nested', 'deeper'), { recursive: true });
  fs.writeFileSync(at('src', 'a.txt'), 'a');
  fs.writeFileSync(at('src', 'nested', 'b.log'), 'b');
  fs.writeFileSync(at('src', 'nested', 'deeper', 'c.txt'), 'c');
  fs.symlinkSync('a.txt', at('src', 'link'));

  attempt('cpSync', () => { fs.cpSync(at('src'), at('copy'), { recursive: true }); return tree(at('copy')); });
  attempt('cpSync link target', () => rel(fs.readlinkSync(at('copy', 'link'))));
  attempt('cpSync filter', () => { fs.cpSync(at('src'), at('txt'), { recursive: true, filter: (s) => !s.endsWith('.log') }); return tree(at('txt')); });
  attempt('cpSync no recursive', () => fs.cpSync(at('src'), at('x')));
  attempt('cpSync into itself', () => fs.cpSync(at('src'), at('src', 'nested', 'x'), { recursive: true }));
  attempt('cpSync errorOnExist', () => fs.cpSync(at('src', 'a.txt'), at('copy', 'a.txt'), { force: false, errorOnExist: true }));
  await fs.promises.cp(at('src'), at('async'), { recursive: true, filter: async (s) => !s.includes('deeper') });
  console.log('promises.cp', tree(at('async')));

  const dir = fs.opendirSync(at('src', 'nested'));
  const names = [];
  for (let e = dir.readSync(); e !== null; e = dir.readSync()) names.push(e.name + (e.isDirectory() ? '/' : ''));
  dir.closeSync();
  console.log('opendir', names.sort().join(' '), rel(dir.path));
  attempt('Dir closed', () => dir.readSync());

  attempt('realpath', () => rel(fs.realpathSync(at('src', 'link'))));
  attempt('realpath missing', () => fs.realpathSync(at('src', 'nope', 'x')));
  attempt('realpath.native missing', () => fs.realpathSync.native(at('src', 'nope')));
  attempt('link', () => { fs.linkSync(at('src', 'a.txt'), at('hard')); return fs.statSync(at('hard')).nlink; });
  attempt('utimes', () => { fs.utimesSync(at('hard'), 1e6, new Date(2e9)); const s = fs.statSync(at('hard')); return [s.atimeMs, s.mtime.toISOString()]; });
  attempt('bigint', () => { const s = fs.statSync(at('hard'), { bigint: true }); return [typeof s.ino, s.mtimeMs.toString(), s.mtimeNs.toString(), s.constructor.name]; });

  const watched = at('watched');
  fs.mkdirSync(watched);
  const it = fs.promises.watch(watched);
  const next = it.next();
  fs.writeFileSync(path.join(watched, 'one.txt'), '1');
  const first = await next;
  console.log('promises.watch', first.value.eventType, first.value.filename);
  console.log('return', JSON.stringify(await it.return()));

  // watchFile: a missing file is reported once with zeroed stats, then its creation.
  const polled = at('polled.txt');
  const seen = [];
  await new Promise((resolve) => {
    const listener = (curr, prev) => {
      seen.push(curr.size + '<-' + prev.size + (curr.isFile() ? ' file' : ''));
      if (seen.length === 1) fs.writeFileSync(polled, 'hello');
      if (seen.length === 2) {
        fs.unwatchFile(polled, listener);
        resolve();
      }
    };
    fs.watchFile(polled, { interval: 20 }, listener);
  });
  console.log('watchFile', seen.join(' '));
};
