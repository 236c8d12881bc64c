// The modules pluginhost provides mostly for loading: their members (names and kinds) and the parts
// that work the same as in Node. Calls Node supports and pluginhost does not are tested in Go.
'use strict';
const log = (...args) => console.log(...args);

const modules = ['worker_threads', 'net', 'tls', 'http2', 'dns', 'dns/promises', 'vm', 'v8', 'cluster', 'dgram',
  'inspector', 'trace_events', 'repl', 'readline', 'readline/promises'];

function shape(m) {
  return Object.keys(m).map((k) => k + ':' + typeof m[k]).join(' ');
}

module.exports = async function main() {
  for (const name of modules) {
    const m = require(name);
    log(name, '=', shape(m));
    log(name, 'same with node: prefix', require('node:' + name) === m);
  }

  const wt = require('worker_threads');
  log('worker_threads', wt.isMainThread, wt.threadId, wt.parentPort, wt.workerData, JSON.stringify(wt.resourceLimits), String(wt.SHARE_ENV));
  wt.setEnvironmentData('k', 'v');
  log('environment data', wt.getEnvironmentData('k'), wt.getEnvironmentData('missing'));

  const net = require('net');
  log('isIP', ['127.0.0.1', '1.2.3.04', '256.1.1.1', '::1', 'fe80::1%eth0', '::ffff:1.2.3.4', '1::2::3', '', 'x'].map(net.isIP).join());
  log('isIPv4/6', net.isIPv4('10.0.0.1'), net.isIPv4('::1'), net.isIPv6('::1'), net.isIPv6('10.0.0.1'));
  log('normalizeArgs', JSON.stringify(net._normalizeArgs([80, 'host', () => {}])), JSON.stringify(net._normalizeArgs(['/tmp/sock'])), JSON.stringify(net._normalizeArgs([])));
  log('Socket is a Duplex', net.Socket.prototype instanceof require('stream').Duplex, net.Stream === net.Socket);
  log('autoSelectFamily', net.getDefaultAutoSelectFamily(), net.getDefaultAutoSelectFamilyAttemptTimeout());
  net.setDefaultAutoSelectFamilyAttemptTimeout(5);
  log('attempt timeout floor', net.getDefaultAutoSelectFamilyAttemptTimeout());

  const tls = require('tls');
  log('tls', tls.DEFAULT_MIN_VERSION, tls.DEFAULT_MAX_VERSION, tls.DEFAULT_ECDH_CURVE, tls.CLIENT_RENEG_LIMIT, tls.getCiphers().length, tls.getCiphers().includes('aes128-gcm-sha256'));
  const alpn = {};
  tls.convertALPNProtocols(['h2', 'http/1.1'], alpn);
  log('alpn', alpn.ALPNProtocols.toString('hex'));
  log('TLSSocket extends net.Socket', tls.TLSSocket.prototype instanceof net.Socket);

  const http2 = require('http2');
  log('http2', http2.constants.HTTP2_HEADER_STATUS, http2.constants.HTTP_STATUS_OK, Object.keys(http2.constants).length, JSON.stringify(http2.getDefaultSettings()));

  const dns = require('dns');
  log('dns constants', dns.ADDRCONFIG, dns.ALL, dns.V4MAPPED, dns.NOTFOUND, dns.getDefaultResultOrder());
  log('lookup literal', await new Promise((resolve) => dns.lookup('127.0.0.1', (err, a, f) => resolve([err, a, f].join()))));
  log('lookup all', JSON.stringify(await new Promise((resolve) => dns.lookup('::1', { all: true }, (err, all) => resolve(all)))));
  log('lookup localhost v4', JSON.stringify(await dns.promises.lookup('localhost', { family: 4 })));
  log('lookup empty', await new Promise((resolve) => dns.lookup('', (err, a, f) => resolve([err, a, f].join()))));
  try {
    await dns.promises.lookup('does-not-exist.invalid');
  } catch (e) {
    log('lookup failure', e.message, e.code, e.errno, e.syscall, e.hostname, Object.keys(e).join());
  }
  for (const bad of [() => dns.lookup('x', 7, () => {}), () => dns.lookup(5, () => {}), () => dns.lookup('x', { order: 'x' }, () => {}), () => dns.setDefaultResultOrder('y')]) {
    try { bad(); } catch (e) { log('bad lookup', e.code, e.message); }
  }

  const vm = require('vm');
  log('runInThisContext', vm.runInThisContext('var fromVm = 20; fromVm * 2'), typeof globalThis.fromVm);
  const script = new vm.Script('fromVm + 1', { filename: 'x.js' });
  log('Script', script.runInThisContext(), typeof script.runInContext);
  log('compileFunction', vm.compileFunction('return a * b', ['a', 'b'])(6, 7));
  try { new vm.Script('var = ;'); } catch (e) { log('syntax', e.name); }
  log('isContext', vm.isContext({}), typeof vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER);

  const v8 = require('v8');
  log('heap keys', Object.keys(v8.getHeapStatistics()).join());
  log('startupSnapshot', Boolean(v8.startupSnapshot.isBuildingSnapshot()));

  const cluster = require('cluster');
  log('cluster', cluster.isPrimary, cluster.isMaster, cluster.isWorker, cluster.SCHED_RR, cluster instanceof require('events'));
  const inspector = require('inspector');
  log('inspector', inspector.url(), typeof inspector.console.log, inspector.close());
  log('trace_events', require('trace_events').getEnabledCategories());
  const repl = require('repl');
  log('repl', String(repl.REPL_MODE_SLOPPY), repl.isValidSyntax('1 +'), repl.isValidSyntax('{ a: 1 }'), new repl.Recoverable(new SyntaxError('x')) instanceof SyntaxError);

  const readline = require('readline');
  const { Readable, Writable } = require('stream');
  const rl = readline.createInterface({ input: Readable.from(['a\nb\r\nc\rd', '\ne\n\nf']) });
  const lines = [];
  for await (const line of rl) lines.push(line);
  log('readline lines', JSON.stringify(lines), rl.closed, rl.terminal, JSON.stringify(rl.getPrompt()));
  let written = '';
  const out = new Writable({ write(chunk, enc, cb) { written += chunk; cb(); } });
  const rl2 = readline.createInterface({ input: Readable.from(['first\nsecond\n']), output: out });
  const next = new Promise((resolve) => rl2.once('line', resolve));
  const answer = await new Promise((resolve) => rl2.question('name? ', resolve));
  await next;
  rl2.close();
  log('question', answer, await next, JSON.stringify(written));
  const rl3 = require('readline/promises').createInterface({ input: Readable.from(['yes\n']) });
  log('promises question', await rl3.question(''));
  let escapes = '';
  const sink = { write(s) { escapes += s; return true; } };
  readline.cursorTo(sink, 3);
  readline.cursorTo(sink, 1, 2);
  readline.moveCursor(sink, -2, 1);
  readline.clearLine(sink, 0);
  readline.clearScreenDown(sink);
  log('escapes', JSON.stringify(escapes));
};
