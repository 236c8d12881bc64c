package async_hooks_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/dop251/goja"

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
	rt := jsruntime.New(jsruntime.Options{Name: "async-hooks-test", Logger: slog.New(slog.DiscardHandler)})
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
	err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
		if err := process.Install(rt, process.Config{}); err != nil {
			return err
		}
		if err := web.Install(rt); err != nil {
			return err
		}
		ah, err := asynchooks.Require(rt)
		if err != nil {
			return err
		}
		ee, err := events.Require(rt)
		if err != nil {
			return err
		}
		if err := vm.Set("async_hooks", ah); err != nil {
			return err
		}
		return vm.Set("EventEmitter", ee)
	})
	if err != nil {
		t.Fatal(err)
	}
	return rt
}

// eval runs src, waits for its value to settle and returns it as JSON.
func eval(t *testing.T, rt *jsruntime.Runtime, src string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var out string
	err := rt.AwaitThen(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		v, err := vm.RunScript("test.js", src)
		return v, rt.Describe(err)
	}, func(vm *goja.Runtime, v goja.Value) error {
		b, err := v.ToObject(vm).MarshalJSON()
		out = string(b)
		return err
	})
	if err != nil {
		t.Fatalf("eval: %v", err)
	}
	return out
}

func expect(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s:\n got %s\nwant %s", what, got, want)
	}
}

func TestStoreFollowsSchedulers(t *testing.T) {
	rt := newRuntime(t)
	got := eval(t, rt, `
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
	expect(t, "contexts", got, `["await=R","immediate=R","listener=E","microtask=R","then=R","tick=R","timeout=R","outside=undefined"]`)
}

func TestTickCallbacksKeepTheirOwnContext(t *testing.T) {
	rt := newRuntime(t)
	got := eval(t, rt, `
		const als = new async_hooks.AsyncLocalStorage();
		const seen = [];
		new Promise((done) => {
			als.run('a', () => process.nextTick(() => seen.push(als.getStore())));
			als.run('b', () => process.nextTick(() => seen.push(als.getStore())));
			process.nextTick(() => { seen.push(als.getStore()); done(seen); });
		})`)
	expect(t, "ticks", got, `["a","b",null]`)
}

func TestEnterWithEndsWithTheJob(t *testing.T) {
	rt := newRuntime(t)
	eval(t, rt, `globalThis.als = new async_hooks.AsyncLocalStorage(); als.enterWith('leak'); 0`)
	expect(t, "next job", eval(t, rt, `[als.getStore() === undefined]`), `[true]`)
}

func TestAsyncResource(t *testing.T) {
	rt := newRuntime(t)
	got := eval(t, rt, `
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
	expect(t, "resource", got, `[["captured","this","arg",true,true,true],[1,0,"object"],"snap!",true,["RangeError","ERR_INVALID_ASYNC_ID","Invalid triggerAsyncId value: 1.5"]]`)
}

func TestCreateHookIsInert(t *testing.T) {
	rt := newRuntime(t)
	got := eval(t, rt, `
		let calls = 0;
		const h = async_hooks.createHook({ init() { calls++ }, before() { calls++ } });
		let bad;
		try { async_hooks.createHook({ destroy: 'x' }) } catch (e) { bad = [e.name, e.code, e.message] }
		new Promise((done) => { h.enable(); setTimeout(() => done([calls, h.disable() === h, bad]), 1) })`)
	expect(t, "hook", got, `[0,true,["TypeError","ERR_ASYNC_CALLBACK","hook.destroy must be a function"]]`)
}
