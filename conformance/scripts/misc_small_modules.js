// diagnostics_channel, punycode, constants and sys.
'use strict';
const log = (...args) => console.log(...args);

module.exports = async function main() {
  const dc = require('diagnostics_channel');
  const { AsyncLocalStorage } = require('async_hooks');
  log('dc keys', Object.keys(dc).join());
  const ch = dc.channel('my-channel');
  log('channel', ch.name, ch.hasSubscribers, dc.hasSubscribers('my-channel'), dc.channel('my-channel') === ch, ch instanceof dc.Channel);
  const got = [];
  const sub = (msg, name) => got.push(name + ':' + JSON.stringify(msg));
  dc.subscribe('my-channel', sub);
  log('subscribed', ch.hasSubscribers, dc.hasSubscribers('my-channel'), ch instanceof dc.Channel);
  ch.publish({ a: 1 });
  log('unsubscribe', dc.unsubscribe('my-channel', sub), dc.unsubscribe('my-channel', sub), ch.hasSubscribers);
  ch.publish({ a: 2 });
  log('published', got.join(' '));
  log('hasSubscribers unknown', dc.hasSubscribers('nobody'));
  try { dc.channel(5); } catch (e) { log('bad name', e.code, e.message); }
  try { ch.subscribe('x'); } catch (e) { log('bad subscriber', e.code, e.message); }

  const als = new AsyncLocalStorage();
  const bound = dc.channel('bound');
  bound.bindStore(als, (data) => 'store:' + data.id);
  bound.subscribe((data) => log('bound subscriber sees', als.getStore(), data.id));
  log('runStores', bound.runStores({ id: 7 }, function (x) { return [als.getStore(), this.t, x].join(); }, { t: 'this' }, 'arg'));
  log('after runStores', als.getStore(), bound.unbindStore(als), bound.unbindStore(als));

  const tc = dc.tracingChannel('op');
  const events = [];
  tc.subscribe({
    start: (ctx) => events.push('start:' + ctx.arg),
    end: (ctx) => events.push('end:' + ctx.result),
    asyncStart: (ctx) => events.push('asyncStart:' + (ctx.error ? ctx.error.message : ctx.result)),
    asyncEnd: (ctx) => events.push('asyncEnd'),
    error: (ctx) => events.push('error:' + ctx.error.message),
  });
  log('traceSync', tc.traceSync((a) => a * 2, { arg: 21 }, null, 21), tc.hasSubscribers, tc.start.name);
  try { tc.traceSync(() => { throw new Error('sync boom'); }, { arg: 'x' }); } catch (e) { log('traceSync threw', e.message); }
  log('tracePromise', await tc.tracePromise(async (a) => a + 1, { arg: 1 }, null, 1));
  await tc.tracePromise(async () => { throw new Error('async boom'); }, { arg: 'p' }).catch((e) => log('tracePromise rejected', e.message));
  await new Promise((resolve) => tc.traceCallback((cb) => setImmediate(() => cb(null, 'cb-result')), 0, { arg: 'cb' }, null, () => resolve()));
  log('trace events', events.join(' '));
  try { dc.tracingChannel(5); } catch (e) { log('bad tracing', e.message); }

  const punycode = require('punycode');
  log('punycode', punycode.version, punycode.encode('mañana'), punycode.decode('maana-pta'), punycode.toASCII('mañana.com'),
    punycode.toUnicode('xn--maana-pta.com'), punycode.toASCII('☃-⌘.com'), JSON.stringify(punycode.ucs2.decode('\uD834\uDF06')),
    punycode.ucs2.encode([0x1D306]) === '\uD834\uDF06');
  try { punycode.decode('\x81'); } catch (e) { log('punycode error', e.name, e.message); }

  const constants = require('constants');
  const keys = Object.keys(constants);
  log('constants', keys.length, keys.join(), Object.isFrozen(constants));
  log('constants values', constants.ENOENT, constants.SIGTERM, constants.O_CREAT, constants.F_OK, constants.PRIORITY_HIGH, constants.SSL_OP_ALL, constants.TLS1_3_VERSION);
  const fsC = require('fs').constants, osC = require('os').constants;
  log('constants consistent', constants.O_RDWR === fsC.O_RDWR, constants.EACCES === osC.errno.EACCES, constants.SIGKILL === osC.signals.SIGKILL);

  log('sys is util', require('sys') === require('util'));
};
{
  const punycode = require('punycode');
  const samples = ['', 'abc', 'ü', 'bücher', 'München-Ost', '日本語', '\uD83D\uDE00 smile', 'a-b-c', 'ñ-', '-ñ', 'Ab\u00dfCD'];
  for (const s of samples) {
    const enc = punycode.encode(s);
    console.log('punycode round trip', JSON.stringify(s), enc, punycode.decode(enc) === s);
  }
  for (const d of ['user@bücher.example', 'a@b@c.de', 'x\u3002y\uFF0Ez\uFF61com', 'XN--bcher-kva.example', 'xn--BCHER-KVA.example', 'xn--bcher-kva.xn--.com']) {
    let u; try { u = punycode.toUnicode(d); } catch (e) { u = e.name + ': ' + e.message; }
    console.log('punycode domain', punycode.toASCII(d), u);
  }
  for (const bad of ['99999999999', 'a-!', 'zzzzzz9', 'ü-abc']) {
    try { console.log('punycode decode', JSON.stringify(punycode.decode(bad))); } catch (e) { console.log('punycode decode error', bad, e.name, e.message); }
  }
  console.log('ucs2', JSON.stringify(punycode.ucs2.decode('a\uD800b\uDC00\uD834\uDF06')), JSON.stringify(punycode.ucs2.encode([97, 0xD800, 0x1F600])));
}
