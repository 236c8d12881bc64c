package diagnostics_channel_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	asynchooks "github.com/pluginhost/pluginhost/jsruntime/node/async_hooks"
	diagnosticschannel "github.com/pluginhost/pluginhost/jsruntime/node/diagnostics_channel"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

type logs struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logs) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logs) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// eval runs src with dc and async_hooks as globals, waits for its value to settle and returns it as
// JSON.
func eval(t *testing.T, l *logs, src string) string {
	t.Helper()
	rt := jsruntime.New(jsruntime.Options{Logger: slog.New(slog.NewTextHandler(l, nil))})
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var out string
	err := rt.AwaitThen(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		if err := process.Install(rt, process.Config{}); err != nil {
			return nil, err
		}
		if err := web.Install(rt); err != nil {
			return nil, err
		}
		for name, require := range map[string]func(*jsruntime.Runtime) (goja.Value, error){
			"dc": diagnosticschannel.Require, "async_hooks": asynchooks.Require,
		} {
			v, err := require(rt)
			if err != nil {
				return nil, err
			}
			if err := vm.Set(name, v); err != nil {
				return nil, err
			}
		}
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

func TestPublishSubscribe(t *testing.T) {
	l := &logs{}
	got := eval(t, l, `new Promise((resolve) => {
		const seen = [];
		const ch = dc.channel('c');
		const before = ch.hasSubscribers;
		dc.subscribe('c', () => { throw new Error('subscriber failed'); });
		dc.subscribe('c', (msg, name) => seen.push(name + ':' + msg));
		ch.publish('hello');
		setTimeout(() => resolve([before, ch.hasSubscribers, dc.hasSubscribers('c'), seen]), 1);
	})`)
	if want := `[false,true,true,["c:hello"]]`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if !strings.Contains(l.String(), "subscriber failed") {
		t.Errorf("throwing subscriber not logged:\n%s", l.String())
	}
}

func TestRunStoresAndTracing(t *testing.T) {
	got := eval(t, &logs{}, `(async () => {
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
	if want := `["ann",true,5,["start","end","asyncStart:5","asyncEnd"]]`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
