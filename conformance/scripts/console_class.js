// console.Console writing to streams, and the global console's member set, against Node: formatting,
// groups, count, assert, dir, table, timers, trace's first line, errors and the inspector methods.
const { Console } = require('console');
const { Writable } = require('stream');

function collector() {
  const out = [];
  const stream = new Writable({ write(chunk, enc, cb) { out.push(String(chunk)); cb(); } });
  return { out, stream };
}

module.exports = async function main() {
  const names = Object.getOwnPropertyNames(console);
  console.log('global members', names.join());
  console.log('global types', names.map((n) => {
    const d = Object.getOwnPropertyDescriptor(console, n);
    return n + ':' + (d.get ? 'get' : typeof d.value) + (d.enumerable ? '' : '!');
  }).join());
  console.log('global shape', require('console') === console, console instanceof Console, Object.prototype.toString.call(console),
    Object.getPrototypeOf(Object.getPrototypeOf(console)) === Object.prototype, console.log.name, console.log.length, console.Console === Console);
  console.log('global streams', console._stdout === process.stdout, console._stderr === process.stderr, console._ignoreErrors, typeof console._times.get);
  console.log('inspector', console.profile(), console.profileEnd(), console.timeStamp('x'), console.clear(), console.createTask('t').run(() => 42));
  const ctx = console.context('name');
  console.log('context', Object.keys(ctx).join(), ctx.log('hidden'));
  try { console.createTask(''); } catch (e) { console.log('createTask', e.name, e.message); }
  try { console.createTask('t').run(1); } catch (e) { console.log('run', e.name, e.message); }

  const { out, stream } = collector();
  const err = collector();
  const c = new Console({ stdout: stream, stderr: err.stream });
  console.log('instance', c instanceof Console, Object.keys(c).join(), c.log.name, typeof Console.prototype.log,
    Console.prototype.debug === Console.prototype.log, Object.keys(Console.prototype).join());
  c.log('a %s %d', 'b', 2, { x: [1, 2] });
  c.info('info');
  c.debug('debug');
  c.warn('warn', 1);
  c.error(new Error('boom').message);
  c.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
  c.dirxml('xml', [1]);
  c.group('group');
  c.log('line1\nline2');
  c.groupCollapsed();
  c.log('deeper');
  c.groupEnd();
  c.groupEnd();
  c.groupEnd();
  c.log('out');
  c.count();
  c.count('k');
  c.count();
  c.countReset();
  c.count();
  c.assert(true, 'never');
  c.assert(false, 'failed %s', 'here');
  c.assert(false);
  c.assert(0, { o: 1 });
  c.table([{ a: 1, b: 'x' }, { a: 2, c: [1, 2, 3, 4] }]);
  c.table({ r1: { x: 1 }, r2: { y: true } }, ['x', 'y']);
  c.table([1, 'two', { three: 3 }]);
  c.table(new Map([['k', { v: 1 }], [2, 'b']]));
  c.table(new Set(['s', 1]));
  c.table(5);
  c.table([]);
  c.table([{ 'wide 表': '漢字' }]);
  c.time('t');
  c.timeLog('nope');
  c.trace('traced %d', 7);
  await new Promise((r) => setTimeout(r, 5));
  console.log('stdout', JSON.stringify(out));
  console.log('stderr', JSON.stringify(err.out.map((s) => s.split('\n')[0])));

  const positional = collector();
  const p = new Console(positional.stream);
  p.error('to the same stream');
  p.log('%o', 'x');
  await new Promise((r) => setTimeout(r, 1));
  console.log('positional', JSON.stringify(positional.out), Console(positional.stream) instanceof Console);

  const plain = [];
  const loud = new Console({ stdout: { write: (s) => plain.push(s) }, ignoreErrors: false, groupIndentation: 4 });
  loud.group('g');
  loud.log('x');
  console.log('ignoreErrors false', JSON.stringify(plain));

  for (const [label, fn] of [
    ['no stream', () => new Console()],
    ['bad stderr', () => new Console(stream, 5)],
    ['bad colorMode', () => new Console({ stdout: stream, colorMode: 'x' })],
    ['bad indentation', () => new Console({ stdout: stream, groupIndentation: 1001 })],
    ['float indentation', () => new Console({ stdout: stream, groupIndentation: 1.5 })],
    ['bad inspectOptions', () => new Console({ stdout: stream, inspectOptions: 1 })],
    ['option pair', () => new Console({ stdout: stream, inspectOptions: { colors: true }, colorMode: true })],
    ['table properties', () => c.table([], 'x')],
  ]) {
    try { fn(); console.log(label, 'ok'); } catch (e) { console.log(label, e.name, e.code, e.message); }
  }
};
