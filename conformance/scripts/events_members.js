// The events module beyond on/emit: argument errors, unhandled 'error', captureRejections, the
// max-listeners warning, getMaxListeners/setMaxListeners, addAbortListener, EventEmitterAsyncResource
// and what an emitter looks like, against Node.
const events = require('events');
const { EventEmitter } = events;
const util = require('util');

function show(label, fn) {
  try {
    const v = fn();
    console.log(label, '->', typeof v === 'string' ? v : util.inspect(v));
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message);
  }
}

module.exports = async function main() {
  console.log('keys', Object.keys(events).join());
  console.log('usingDomains', events.usingDomains, 'captureRejections', events.captureRejections,
    String(events.captureRejectionSymbol), String(events.errorMonitor));
  console.log('symbols', typeof events.kMaxEventTargetListeners, String(events.kMaxEventTargetListeners),
    String(events.kMaxEventTargetListenersWarned), Object.keys(events).includes('kMaxEventTargetListeners'));
  console.log('emitter', util.inspect(new EventEmitter()));
  console.log('shape', util.inspect(new EventEmitter({ captureRejections: true })));

  const ee = new EventEmitter();
  show('on(non-function)', () => ee.on('x', 42));
  show('once(null)', () => ee.once('x', null));
  show('removeListener(obj)', () => ee.removeListener('x', {}));
  show('setMaxListeners(-1)', () => ee.setMaxListeners(-1));
  show('setMaxListeners(NaN)', () => ee.setMaxListeners(NaN));
  show('setMaxListeners("5")', () => ee.setMaxListeners('5'));
  show('defaultMaxListeners = -2', () => { EventEmitter.defaultMaxListeners = -2; });
  show('events.setMaxListeners("a")', () => events.setMaxListeners('a'));
  show('events.setMaxListeners(3, {})', () => events.setMaxListeners(3, {}));
  show('captureRejections = 1', () => { EventEmitter.captureRejections = 1; });
  show('new EE({captureRejections: 1})', () => new EventEmitter({ captureRejections: 1 }));
  show('emit error string', () => new EventEmitter().emit('error', 'boom'));
  show('emit error object', () => new EventEmitter().emit('error', { a: 1, b: [1, 2] }));
  show('emit error none', () => new EventEmitter().emit('error'));
  show('emit error Error', () => new EventEmitter().emit('error', new TypeError('typed')));
  try { new EventEmitter().emit('error', 7); } catch (e) { console.log('context', e.context, Object.keys(e)); }

  show('getMaxListeners(ee)', () => events.getMaxListeners(new EventEmitter().setMaxListeners(3)));
  show('getMaxListeners(default)', () => events.getMaxListeners(new EventEmitter()));
  show('getMaxListeners({})', () => events.getMaxListeners({}));
  show('getMaxListeners(EventTarget)', () => events.getMaxListeners(new EventTarget()));
  const target = new EventTarget();
  events.setMaxListeners(4, target);
  show('getMaxListeners(EventTarget set)', () => events.getMaxListeners(target));
  show('getEventListeners({})', () => events.getEventListeners({}, 'x'));
  const fn = () => {};
  ee.on('y', fn).once('y', fn);
  show('getEventListeners(ee)', () => events.getEventListeners(ee, 'y').length);
  show('listenerCount with listener', () => ee.listenerCount('y', fn));
  show('listenerCount other', () => ee.listenerCount('y', () => {}));

  // The leak warning: once per event name, through process.emitWarning.
  const warnings = [];
  const onWarning = (w) => warnings.push(w);
  process.on('warning', onWarning);
  const leaky = new EventEmitter();
  leaky.setMaxListeners(2);
  for (let i = 0; i < 4; i++) leaky.on('data', () => {});
  const zero = new EventEmitter().setMaxListeners(0);
  for (let i = 0; i < 20; i++) zero.on('data', () => {});
  await new Promise((r) => setTimeout(r, 5));
  process.removeListener('warning', onWarning);
  for (const w of warnings) console.log('warning', w.name, w.message, w.count, String(w.type), w.emitter === leaky);

  // captureRejections: a rejected listener promise becomes 'error', or the rejection symbol's call.
  const cap = new EventEmitter({ captureRejections: true });
  cap.on('go', async (v) => { throw new Error('rejected ' + v); });
  const got = new Promise((resolve) => cap.on('error', (e) => resolve(e.message)));
  cap.emit('go', 1);
  console.log('captured', await got);
  const sym = new EventEmitter({ captureRejections: true });
  sym.on('go', () => Promise.reject(new Error('via symbol')));
  const viaSym = new Promise((resolve) => {
    sym[events.captureRejectionSymbol] = (err, type, ...args) => resolve([err.message, type, ...args].join('|'));
  });
  sym.emit('go', 'a', 'b');
  console.log('rejection symbol', await viaSym);
  const off = new EventEmitter();
  off.on('go', () => Promise.reject(new Error('ignored')).catch(() => {}));
  console.log('no capture', off.emit('go'));

  // addAbortListener.
  show('addAbortListener()', () => events.addAbortListener());
  show('addAbortListener(signal, 1)', () => events.addAbortListener(new AbortController().signal, 1));
  show('addAbortListener({}, fn)', () => events.addAbortListener({}, () => {}));
  const ac = new AbortController();
  const order = [];
  const disposable = events.addAbortListener(ac.signal, () => order.push('listener'));
  const removed = events.addAbortListener(ac.signal, () => order.push('removed'));
  removed[Symbol.dispose]();
  ac.abort();
  events.addAbortListener(ac.signal, () => order.push('late'));
  order.push('sync');
  await null;
  console.log('abort listeners', order.join(), typeof disposable[Symbol.dispose], Object.getPrototypeOf(disposable));

  // EventEmitterAsyncResource.
  const { EventEmitterAsyncResource } = events;
  const { AsyncResource, AsyncLocalStorage } = require('async_hooks');
  console.log('EEAR', typeof EventEmitterAsyncResource, EventEmitterAsyncResource === events.EventEmitterAsyncResource,
    Object.getPrototypeOf(EventEmitterAsyncResource) === EventEmitter);
  show('new EEAR()', () => new EventEmitterAsyncResource());
  show('new EEAR({name: 1})', () => new EventEmitterAsyncResource({ name: 1 }));
  const als = new AsyncLocalStorage();
  const res = als.run('outer', () => new EventEmitterAsyncResource({ name: 'Res' }));
  res.on('ping', () => console.log('listener store', als.getStore()));
  als.run('caller', () => res.emit('ping'));
  console.log('EEAR parts', res instanceof EventEmitter, res.asyncResource instanceof AsyncResource,
    res.asyncResource.eventEmitter === res, typeof res.asyncId, typeof res.triggerAsyncId);
  class Named extends EventEmitterAsyncResource {}
  console.log('subclass', new Named() instanceof EventEmitter, new EventEmitterAsyncResource('str') instanceof EventEmitterAsyncResource);
  show('emit on bare prototype', () => EventEmitterAsyncResource.prototype.emit.call(new EventEmitter(), 'x'));
};
