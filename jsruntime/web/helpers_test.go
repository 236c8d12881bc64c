package web_test

import (
	"context"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// manualClock fires timers only when the test advances it, so timer tests never wait.
type manualClock struct {
	mu     sync.Mutex
	now    time.Time
	timers []*manualTimer
}

type manualTimer struct {
	c       *manualClock
	at      time.Time
	f       func()
	stopped bool
}

func newManualClock() *manualClock { return &manualClock{now: time.Unix(1_700_000_000, 0)} }

func (c *manualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *manualClock) AfterFunc(d time.Duration, f func()) jsruntime.Timer {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &manualTimer{c: c, at: c.now.Add(d), f: f}
	c.timers = append(c.timers, t)
	return t
}

func (t *manualTimer) Stop() bool {
	t.c.mu.Lock()
	defer t.c.mu.Unlock()
	was := !t.stopped
	t.stopped = true
	return was
}

// Advance moves time forward by d and runs, in deadline order, every timer that is due.
func (c *manualClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	var due []*manualTimer
	rest := c.timers[:0]
	for _, t := range c.timers {
		switch {
		case t.stopped:
		case !t.at.After(c.now):
			t.stopped = true
			due = append(due, t)
		default:
			rest = append(rest, t)
		}
	}
	c.timers = rest
	c.mu.Unlock()
	sort.SliceStable(due, func(i, j int) bool { return due[i].at.Before(due[j].at) })
	for _, t := range due {
		t.f()
	}
}

func newRuntime(t *testing.T, clock jsruntime.Clock) *jsruntime.Runtime {
	t.Helper()
	rt := jsruntime.New(jsruntime.Options{Name: "test", Clock: clock})
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
	do(t, rt, func(*goja.Runtime) error {
		if err := buffer.Install(rt); err != nil {
			return err
		}
		return web.Install(rt)
	})
	return rt
}

func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func do(t *testing.T, rt *jsruntime.Runtime, fn func(vm *goja.Runtime) error) {
	t.Helper()
	if err := rt.Do(testCtx(t), fn); err != nil {
		t.Fatal(err)
	}
}

// run evaluates src on the loop and returns String(result).
func run(t *testing.T, rt *jsruntime.Runtime, src string) string {
	t.Helper()
	var out string
	do(t, rt, func(vm *goja.Runtime) error {
		v, err := vm.RunString(src)
		if err != nil {
			return rt.Describe(err)
		}
		out = v.String()
		return nil
	})
	return out
}

// await evaluates src, which must produce a promise, waits for it and returns String(value).
func await(t *testing.T, rt *jsruntime.Runtime, src string) string {
	t.Helper()
	var result string
	err := rt.Await(testCtx(t), func(vm *goja.Runtime) (goja.Value, error) {
		v, err := vm.RunString(src)
		if err != nil {
			return nil, rt.Describe(err)
		}
		p := v.ToObject(vm)
		then, _ := goja.AssertFunction(p.Get("then"))
		return then(p, vm.ToValue(func(call goja.FunctionCall) goja.Value {
			result = call.Argument(0).String()
			return goja.Undefined()
		}))
	})
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return result
}
