package async_hooks_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	asynchooks "github.com/pluginhost/pluginhost/jsruntime/node/async_hooks"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// newRuntime sets up process and the web globals as the platform does, with the async_hooks and events
// modules as globals.
func newRuntime(t *testing.T) *jsruntime.Runtime {
	t.Helper()
	return jstest.NewWith(t, jsruntime.Options{Name: "async-hooks-test"},
		func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{}) },
		web.Install, jstest.Global("async_hooks", asynchooks.Require), jstest.Global("EventEmitter", events.Require))
}

func TestStoreFollowsSchedulers(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.AwaitJSON(t, rt, `
		const als = new async_hooks.AsyncLocalStorage();
		const seen = [];
		const see = (what) => seen.push(what + '=' + als.getStore());
		new Promise((done) => als.run('R', () => {
			Promise.resolve().then(() => see('then'));
			(async () => { await null; see('await'); })();
			process.nextTick(() => see('tick'));
			queueMicrotask(() => see('microtask'));
			setImmediate(() => see('immediate'));
			const ee = new EventEmitter();
			ee.on('x', () => see('listener'));
			als.run('E', () => ee.emit('x'));
			setTimeout(() => { see('timeout'); done(seen); }, 1);
		})).then((s) => { s.sort(); s.push('outside=' + als.getStore()); return s; })`)
	jstest.Expect(t, "contexts", got, `["await=R","immediate=R","listener=E","microtask=R","then=R","tick=R","timeout=R","outside=undefined"]`)
}

func TestTickCallbacksKeepTheirOwnContext(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.AwaitJSON(t, rt, `
		const als = new async_hooks.AsyncLocalStorage();
		const seen = [];
		new Promise((done) => {
			als.run('a', () => process.nextTick(() => seen.push(als.getStore())));
			als.run('b', () => process.nextTick(() => seen.push(als.getStore())));
			process.nextTick(() => { seen.push(als.getStore()); done(seen); });
		})`)
	jstest.Expect(t, "ticks", got, `["a","b",null]`)
}

func TestEnterWithEndsWithTheJob(t *testing.T) {
	rt := newRuntime(t)
	jstest.AwaitJSON(t, rt, `globalThis.als = new async_hooks.AsyncLocalStorage(); als.enterWith('leak'); 0`)
	jstest.Expect(t, "next job", jstest.AwaitJSON(t, rt, `[als.getStore() === undefined]`), `[true]`)
}

func TestAsyncResource(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.AwaitJSON(t, rt, `
		const { AsyncLocalStorage, AsyncResource, executionAsyncId, triggerAsyncId, executionAsyncResource } = async_hooks;
		const als = new AsyncLocalStorage();
		const r = als.run('captured', () => new AsyncResource('T'));
		const inScope = r.runInAsyncScope(function (x) {
			return [als.getStore(), this.v, x, executionAsyncId() === r.asyncId(), triggerAsyncId() === r.triggerAsyncId(),
				executionAsyncResource() === r];
		}, { v: 'this' }, 'arg');
		const top = [executionAsyncId(), triggerAsyncId(), typeof executionAsyncResource()];
		const bound = AsyncLocalStorage.snapshot ? als.run('snap', () => AsyncLocalStorage.snapshot()) : null;
		let bad;
		try { new AsyncResource('T', { triggerAsyncId: 1.5 }) } catch (e) { bad = [e.name, e.code, e.message] }
		[inScope, top, bound((a) => als.getStore() + a, '!'), r.asyncId() > 1, bad]`)
	jstest.Expect(t, "resource", got, `[["captured","this","arg",true,true,true],[1,0,"object"],"snap!",true,["RangeError","ERR_INVALID_ASYNC_ID","Invalid triggerAsyncId value: 1.5"]]`)
}

func TestCreateHookIsInert(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.AwaitJSON(t, rt, `
		let calls = 0;
		const h = async_hooks.createHook({ init() { calls++ }, before() { calls++ } });
		let bad;
		try { async_hooks.createHook({ destroy: 'x' }) } catch (e) { bad = [e.name, e.code, e.message] }
		new Promise((done) => { h.enable(); setTimeout(() => done([calls, h.disable() === h, bad]), 1) })`)
	jstest.Expect(t, "hook", got, `[0,true,["TypeError","ERR_ASYNC_CALLBACK","hook.destroy must be a function"]]`)
}
