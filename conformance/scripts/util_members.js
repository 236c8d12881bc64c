// The util members beyond format/inspect/promisify: system error names, the legacy error builders,
// styleText, stripVTControlCharacters, toUSVString, _extend, log, aborted, the transferable helpers
// and the util.types checks, against Node.
const util = require('util');
const types = require('util/types');

function show(label, fn) {
  try {
    const v = fn();
    console.log(label, '->', typeof v === 'string' ? JSON.stringify(v) : util.inspect(v));
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message);
  }
}

module.exports = async function main() {
  console.log('keys', Object.keys(util).join());
  console.log('types keys', Object.keys(types).join());
  console.log('same types', types === util.types);

  show('getSystemErrorName(-2)', () => util.getSystemErrorName(-2));
  show('getSystemErrorName(-3008)', () => util.getSystemErrorName(-3008));
  show('getSystemErrorName(-4095)', () => util.getSystemErrorName(-4095));
  show('getSystemErrorName(-99999)', () => util.getSystemErrorName(-99999));
  show('getSystemErrorName(2)', () => util.getSystemErrorName(2));
  show('getSystemErrorName(-1.5)', () => util.getSystemErrorName(-1.5));
  show('getSystemErrorName("x")', () => util.getSystemErrorName('x'));
  const map = util.getSystemErrorMap();
  console.log('map', map instanceof Map, JSON.stringify(map.get(-2)), JSON.stringify(map.get(-3008)), JSON.stringify(map.get(-98)),
    JSON.stringify(map.get(-4094)));
  for (const [errno, [code]] of map) {
    if (util.getSystemErrorName(errno) !== code) console.log('name mismatch', errno, code);
  }

  const e1 = util._errnoException(-2, 'open', 'extra');
  console.log('errno exception', e1.message, e1.errno, e1.code, e1.syscall, e1 instanceof Error, e1.constructor === Error, Object.keys(e1));
  const e2 = util._exceptionWithHostPort(-111, 'connect', '127.0.0.1', 8080, 'local');
  console.log('host port', e2.message, e2.code, e2.address, e2.port, Object.keys(e2));
  const e3 = util._exceptionWithHostPort(-111, 'connect', '::1');
  console.log('host only', e3.message, 'port' in e3);
  show('_errnoException(1)', () => util._errnoException(1, 'x'));

  show('styleText red', () => util.styleText('red', 'hi'));
  show('styleText array', () => util.styleText(['bold', 'underline'], 'hi'));
  show('styleText no validate', () => util.styleText('green', 'hi', { validateStream: false }));
  show('styleText alias', () => util.styleText('grey', 'hi', { validateStream: false }));
  show('styleText bad format', () => util.styleText('nope', 'hi'));
  show('styleText bad text', () => util.styleText('red', 5));
  show('styleText bad stream', () => util.styleText('red', 'x', { stream: {} }));
  show('styleText tty stream', () => util.styleText('red', 'x', { stream: { isTTY: true, on() {}, write() {}, getColorDepth: () => 8 } }));
  console.log('colors', Object.keys(util.inspect.colors).length, JSON.stringify(util.inspect.colors.grey), Object.getPrototypeOf(util.inspect.colors),
    util.inspect.styles.number, Object.keys(util.inspect).join());

  show('strip', () => util.stripVTControlCharacters('\u001b[31mred\u001b[39m \u001b]8;;http://x\u0007link\u001b]8;;\u0007 \u009b1mX'));
  show('strip number', () => util.stripVTControlCharacters(1));
  show('toUSVString', () => util.toUSVString('a\ud800b\udc00c\ud83d\ude00'));
  show('toUSVString number', () => util.toUSVString(12));

  const target = { a: 1 };
  console.log('_extend', JSON.stringify(util._extend(target, { b: 2, c: 3 })), util._extend(target, null) === target, util._extend(target, 'str') === target);

  const logged = [];
  const realLog = console.log;
  console.log = (...args) => logged.push(args);
  util.log('msg %d', 5);
  console.log = realLog;
  const [fmt, stamp, msg] = logged[0];
  console.log('log', fmt, /^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d\d:\d\d:\d\d$/.test(stamp), msg);

  // aborted and the transferable helpers.
  show('aborted()', () => util.aborted().catch((e) => console.log('aborted() rejects', e.code, e.message)));
  await util.aborted(new AbortController().signal, null).catch((e) => console.log('aborted(null resource)', e.code, e.message));
  await util.aborted({}, {}).catch((e) => console.log('aborted({})', e.code, e.message));
  const ac = new AbortController();
  const waiting = util.aborted(ac.signal, {});
  const order = [];
  waiting.then(() => order.push('aborted'));
  order.push('before');
  ac.abort();
  await waiting;
  console.log('aborted order', order.join(), await util.aborted(AbortSignal.abort(), () => {}));
  const signal = new AbortController().signal;
  console.log('transferable', util.transferableAbortSignal(signal) instanceof AbortSignal, util.transferableAbortController() instanceof AbortController);
  show('transferableAbortSignal({})', () => util.transferableAbortSignal({}));

  // util.types.
  function args() { return arguments; }
  function* gen() { yield 1; }
  const checks = {
    isArgumentsObject: [args(1), [1], { length: 0 }],
    isGeneratorObject: [gen(), gen, {}],
    isMapIterator: [new Map().keys(), new Map().entries(), new Set().values(), [].values()],
    isSetIterator: [new Set().values(), new Set().entries(), new Map().keys()],
    isProxy: [new Proxy({}, {}), new Proxy(function () {}, {}), {}],
    isExternal: [{}, 1],
    isModuleNamespaceObject: [{}, require('path')],
    isKeyObject: [require('crypto').createSecretKey(Buffer.from('k')), {}, 'x'],
    isCryptoKey: [{}, null],
  };
  for (const [name, values] of Object.entries(checks)) console.log('types.' + name, values.map((v) => types[name](v)).join());
};
