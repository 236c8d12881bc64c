package diagnostics_channel_test

import (
	"strings"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	asynchooks "github.com/pluginhost/pluginhost/jsruntime/node/async_hooks"
	diagnosticschannel "github.com/pluginhost/pluginhost/jsruntime/node/diagnostics_channel"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// newRuntime sets up process and the web globals as the platform does, with dc and async_hooks as
// globals.
func newRuntime(t *testing.T) *jsruntime.Runtime {
	t.Helper()
	return jstest.New(t, func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{}) },
		web.Install, jstest.Global("dc", diagnosticschannel.Require), jstest.Global("async_hooks", asynchooks.Require))
}

func TestPublishSubscribe(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.AwaitJSON(t, rt, `new Promise((resolve) => {
		const seen = [];
		const ch = dc.channel('c');
		const before = ch.hasSubscribers;
		dc.subscribe('c', () => { throw new Error('subscriber failed'); });
		dc.subscribe('c', (msg, name) => seen.push(name + ':' + msg));
		ch.publish('hello');
		setTimeout(() => resolve([before, ch.hasSubscribers, dc.hasSubscribers('c'), seen]), 1);
	})`)
	jstest.Expect(t, "published", got, `[false,true,true,["c:hello"]]`)
	if logs := jstest.LogsOf(rt).String(); !strings.Contains(logs, "subscriber failed") {
		t.Errorf("throwing subscriber not logged:\n%s", logs)
	}
}

func TestRunStoresAndTracing(t *testing.T) {
	got := jstest.AwaitJSON(t, newRuntime(t), `(async () => {
		const als = new async_hooks.AsyncLocalStorage();
		const ch = dc.channel('stores');
		ch.bindStore(als, (data) => data.user);
		const inside = ch.runStores({ user: 'ann' }, () => als.getStore());
		const tc = dc.tracingChannel('work');
		const events = [];
		tc.subscribe({ start: () => events.push('start'), end: () => events.push('end'),
			asyncStart: (c) => events.push('asyncStart:' + c.result), asyncEnd: () => events.push('asyncEnd') });
		const r = await tc.tracePromise(async () => 5);
		return [inside, als.getStore() === undefined, r, events];
	})()`)
	jstest.Expect(t, "stores and tracing", got, `["ann",true,5,["start","end","asyncStart:5","asyncEnd"]]`)
}
