package events_test

import (
	"strings"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	asynchooks "github.com/pluginhost/pluginhost/jsruntime/node/async_hooks"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/polyfill"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// newRuntime has the globals events builds on in a plugin (process for nextTick and emitWarning,
// AbortController, queueMicrotask, Symbol.dispose) and events and async_hooks as globals.
func newRuntime(t *testing.T) *jsruntime.Runtime {
	return jstest.New(t,
		func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{}) },
		web.Install,
		polyfill.Install,
		jstest.Global("events", events.Require),
		jstest.Global("async_hooks", asynchooks.Require))
}

func TestOnIteratesBufferedEventsAndEnds(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.Await(t, rt, `(async () => {
		const ee = new events();
		const it = events.on(ee, 'data', { close: ['end'] });
		ee.emit('data', 1, 'a');
		ee.emit('data', 2);
		const out = [JSON.stringify(await it.next()), JSON.stringify(await it.next())];
		const pending = it.next();
		ee.emit('end');
		out.push(JSON.stringify(await pending), ee.listenerCount('data'), ee.listenerCount('error'), ee.listenerCount('end'));
		return out.join(' ');
	})()`)
	jstest.Expect(t, "iteration", got, `{"value":[1,"a"],"done":false} {"value":[2],"done":false} {"done":true} 0 0 0`)
}

func TestOnRejectsOnErrorAndAbort(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.Await(t, rt, `(async () => {
		const out = [];
		const ee = new events();
		const it = events.on(ee, 'data');
		const p = it.next();
		ee.emit('error', new Error('broke'));
		await p.catch((e) => out.push(e.message));
		out.push(JSON.stringify(await it.next()));
		const ac = new AbortController();
		const it2 = events.on(ee, 'data', { signal: ac.signal });
		const p2 = it2.next();
		ac.abort('why');
		await p2.catch((e) => out.push(e.name, e.code, e.cause));
		try { events.on(ee, 'data', { signal: ac.signal }); } catch (e) { out.push('sync ' + e.name); }
		out.push(ee.listenerCount('data'), ee.listenerCount('error'));
		return out.join(' ');
	})()`)
	jstest.Expect(t, "errors", got, `broke {"done":true} AbortError ABORT_ERR why sync AbortError 0 0`)
}

func TestOnWatermarksPauseAndResume(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.Await(t, rt, `(async () => {
		const calls = [];
		const ee = new events();
		ee.pause = () => calls.push('pause');
		ee.resume = () => calls.push('resume');
		const it = events.on(ee, 'data', { highWaterMark: 2, lowWaterMark: 2 });
		for (let i = 0; i < 3; i++) ee.emit('data', i);
		calls.push('|');
		await it.next(); await it.next();
		return calls.join('');
	})()`)
	jstest.Expect(t, "calls", got, "pause|resume")
}

func TestOnValidatesOptions(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.Eval(t, rt, `
		const ee = new events();
		const out = [];
		for (const opts of [{ signal: 1 }, { highWaterMark: 0 }, { lowWaterMark: 1.5 }]) {
			try { events.on(ee, 'x', opts); } catch (e) { out.push(e.code + ': ' + e.message); }
		}
		out.join('\n')`)
	want := strings.Join([]string{
		`ERR_INVALID_ARG_TYPE: The "options.signal" property must be an instance of AbortSignal. Received type number (1)`,
		`ERR_OUT_OF_RANGE: The value of "options.highWaterMark" is out of range. It must be >= 1 && <= 9007199254740991. Received 0`,
		`ERR_OUT_OF_RANGE: The value of "options.lowWaterMark" is out of range. It must be an integer. Received 1.5`,
	}, "\n")
	jstest.Expect(t, "errors", got, want)
}

func TestArgumentErrorsAreNodes(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.Eval(t, rt, `
		const out = [];
		const ee = new events();
		for (const f of [() => ee.on('x', {}), () => ee.setMaxListeners(-1), () => { events.defaultMaxListeners = 'x'; },
		                 () => events.getMaxListeners({}), () => ee.emit('error', { a: 1 })]) {
			try { f(); } catch (e) { out.push(e.name + ' ' + e.code + ': ' + e.message); }
		}
		out.join('\n')`)
	want := strings.Join([]string{
		`TypeError ERR_INVALID_ARG_TYPE: The "listener" argument must be of type function. Received an instance of Object`,
		`RangeError ERR_OUT_OF_RANGE: The value of "setMaxListeners" is out of range. It must be >= 0. Received -1`,
		`TypeError ERR_INVALID_ARG_TYPE: The "defaultMaxListeners" argument must be of type number. Received type string ('x')`,
		`TypeError ERR_INVALID_ARG_TYPE: The "emitter" argument must be an instance of EventEmitter or EventTarget. Received an instance of Object`,
		`Error ERR_UNHANDLED_ERROR: Unhandled error. ({ a: 1 })`,
	}, "\n")
	jstest.Expect(t, "errors", got, want)
}

func TestCaptureRejections(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.Await(t, rt, `(async () => {
		const ee = new events({ captureRejections: true });
		ee.on('go', async () => { throw new Error('rejected'); });
		const err = new Promise((resolve) => ee.on('error', (e) => resolve(e.message)));
		ee.emit('go');
		const viaSymbol = new events({ captureRejections: true });
		const sym = new Promise((resolve) => { viaSymbol[events.captureRejectionSymbol] = (e, type, arg) => resolve(type + arg); });
		viaSymbol.on('go', () => Promise.reject(new Error('x')));
		viaSymbol.emit('go', 1);
		let bad;
		try { events.captureRejections = 'yes'; } catch (e) { bad = e.code; }
		return [await err, await sym, events.captureRejections, bad].join(' ');
	})()`)
	jstest.Expect(t, "capture", got, "rejected go1 false ERR_INVALID_ARG_TYPE")
}

func TestMaxListenersWarning(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.Eval(t, rt, `
		const seen = [];
		process.on('warning', (w) => seen.push(w.name + ': ' + w.message + ' ' + w.count));
		const ee = new events().setMaxListeners(1);
		for (let i = 0; i < 3; i++) ee.on('data', () => {});
		seen.join('\n')`)
	jstest.Expect(t, "warnings", got, "MaxListenersExceededWarning: Possible EventEmitter memory leak detected. "+
		"2 data listeners added to [EventEmitter]. MaxListeners is 1. Use emitter.setMaxListeners() to increase limit 2")
}

func TestAddAbortListener(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.Await(t, rt, `(async () => {
		const out = [];
		const ac = new AbortController();
		events.addAbortListener(ac.signal, () => out.push('a'));
		events.addAbortListener(ac.signal, () => out.push('removed'))[Symbol.dispose]();
		ac.abort();
		events.addAbortListener(ac.signal, () => out.push('late'));
		out.push('sync');
		await null;
		return out.join();
	})()`)
	jstest.Expect(t, "order", got, "a,sync,late")
}

func TestEventEmitterAsyncResourceRunsListenersInItsScope(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.Eval(t, rt, `
		const als = new async_hooks.AsyncLocalStorage();
		const res = als.run('creation', () => new events.EventEmitterAsyncResource({ name: 'R' }));
		let store;
		res.on('x', () => { store = als.getStore(); });
		als.run('caller', () => res.emit('x'));
		let err;
		try { new events.EventEmitterAsyncResource(); } catch (e) { err = e.code; }
		[store, res instanceof events, res.asyncResource instanceof async_hooks.AsyncResource,
		 res.asyncResource.eventEmitter === res, err].join(' ')`)
	jstest.Expect(t, "resource", got, "creation true true true ERR_INVALID_ARG_TYPE")
}

func TestEmitterShape(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.Eval(t, rt, `
		const ee = new events();
		[Object.getOwnPropertySymbols(ee).map(String).join(), events.usingDomains,
		 typeof events.kMaxEventTargetListeners, Object.keys(events).join()].join(' ')`)
	jstest.Expect(t, "shape", got, "Symbol(shapeMode),Symbol(kCapture) false symbol "+
		"addAbortListener,once,on,getEventListeners,getMaxListeners,EventEmitter,usingDomains,captureRejectionSymbol,"+
		"captureRejections,EventEmitterAsyncResource,errorMonitor,defaultMaxListeners,setMaxListeners,init,listenerCount")
}
