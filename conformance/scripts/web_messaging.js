// MessageChannel, MessagePort, MessageEvent and BroadcastChannel within one runtime, CustomEvent,
// and worker_threads' use of them. Every port is closed at the end, so that Node exits.
module.exports = async function main() {
const wait = () => new Promise((r) => setTimeout(r, 10));
const { port1, port2 } = new MessageChannel();
const log = [];
const obj = { a: [1, 2], d: new Date(0) };
port2.onmessage = (e) => log.push(['onmessage', e.constructor.name, e.type, JSON.stringify(e.data), e.data === obj, e.target === port2, e.ports.length, e.origin, e.lastEventId, e.source]);
port1.postMessage(obj);
obj.a.push(3);
log.push('sync');
Promise.resolve().then(() => log.push('microtask'));
await wait();
console.log(JSON.stringify(log));
console.log(Object.getOwnPropertyNames(MessageEvent.prototype).sort().join(), Object.getPrototypeOf(MessageEvent.prototype) === Event.prototype);
for (const f of [() => new MessagePort(), () => port1.postMessage(() => {}), () => port1.postMessage(), () => new MessageEvent(), () => new MessageEvent('x', 5), () => new BroadcastChannel()]) {
  try { f(); console.log('ok'); } catch (e) { console.log(e.name, e.code, e.message); }
}
const ev = new MessageEvent('message', { data: 5 }); console.log(ev.data, ev.type, ev.ports, ev.origin, ev.source, Object.isFrozen(ev.ports));
const c2 = new MessageChannel();
c2.port1.postMessage('queued 1');
c2.port1.postMessage('queued 2');
await wait();
const got = [];
c2.port2.addEventListener('message', (e) => got.push(e.data));
await wait();
console.log('listener', got.join());
const c3 = new MessageChannel();
const onGot = [];
c3.port2.on('message', (d) => onGot.push(d));
c3.port2.once('message', (d) => onGot.push('once ' + d));
c3.port1.postMessage('x'); c3.port1.postMessage('y');
await wait();
console.log('on', onGot.join());
const closes = [];
c3.port1.addEventListener('close', () => closes.push('port1'));
c3.port2.on('close', () => closes.push('port2'));
c3.port1.close();
c3.port1.postMessage('after close');
await wait();
console.log('closes', closes.sort().join(), onGot.length);
const c4 = new MessageChannel();
const spare = new MessageChannel();
c4.port1.postMessage({ n: 1 }, [spare.port1]);
try { c4.port1.postMessage(1, [c3.port1]); } catch (e) { console.log(e.name, e.code, e.message); }
c4.port2.start();
c4.port1.postMessage('t', { transfer: [] });
const order = [];
c4.port2.onmessage = (e) => order.push(JSON.stringify(e.data) + ':' + e.ports.length);
await wait();
console.log('start', order.join(' '));
const bc1 = new BroadcastChannel('ch'); const bc2 = new BroadcastChannel('ch'); const bc3 = new BroadcastChannel('other');
const bcLog = [];
bc2.onmessage = (e) => bcLog.push('bc2 ' + JSON.stringify(e.data) + ' ' + e.constructor.name);
bc1.onmessage = (e) => bcLog.push('bc1 self');
bc3.onmessage = (e) => bcLog.push('bc3');
bc1.postMessage({ hi: 1 });
console.log(bc1.name, Object.getOwnPropertyNames(BroadcastChannel.prototype).sort().join());
await wait();
console.log(bcLog.join());
bc1.close(); bc2.close(); bc3.close();
try { bc1.postMessage(1) } catch (e) { console.log(e.name, e.code, e.message) }
const ce = new CustomEvent('x', { detail: { a: 1 } }); console.log(ce.detail, ce.type, ce instanceof Event, Object.getOwnPropertyNames(CustomEvent.prototype).join());
console.log(new CustomEvent('y').detail, new CustomEvent('z', null).detail);
try { new CustomEvent('z', 5) } catch (e) { console.log(e.name, e.code, e.message) }
try { new CustomEvent() } catch (e) { console.log(e.name, e.code, e.message) }
const wt = require('worker_threads');
console.log(wt.MessageChannel === MessageChannel, wt.MessagePort === MessagePort, wt.BroadcastChannel === BroadcastChannel);
const c5 = new MessageChannel();
c5.port1.postMessage('sync read');
await wait();
console.log(JSON.stringify(wt.receiveMessageOnPort(c5.port2)), wt.receiveMessageOnPort(c5.port2));
for (const c of [c2, c4, c5, spare]) { c.port1.close(); }
port1.close();
};
