package web_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/clocktest"
	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
)

func TestTimersOrderAndClear(t *testing.T) {
	clock := clocktest.New()
	rt := newRuntime(t, clock)
	jstest.Eval(t, rt, `
		globalThis.log = [];
		setTimeout((a, b) => log.push('t10:' + a + b), 10, 'x', 'y');
		setTimeout(() => log.push('t5'), 5);
		const cleared = setTimeout(() => log.push('cleared'), 1);
		clearTimeout(cleared);
		const byId = setTimeout(() => log.push('byId'), 1);
		clearTimeout(+byId);
		setImmediate((v) => log.push('immediate:' + v), 1);
		queueMicrotask(() => log.push('microtask'));
		Promise.resolve().then(() => log.push('promise'));
		let n = 0;
		const iv = setInterval(() => { log.push('iv' + (++n)); if (n === 3) clearInterval(iv); }, 3);
		log.push('sync');
	`)
	if got := jstest.Eval(t, rt, `log.join()`); got != "sync,microtask,promise,immediate:1" {
		t.Fatalf("before the clock moves: %s", got)
	}
	for range 5 {
		clock.Advance(3 * time.Millisecond)
		jstest.Eval(t, rt, `0`) // let the fired timers' jobs run
	}
	want := "sync,microtask,promise,immediate:1,iv1,t5,iv2,iv3,t10:xy"
	if got := jstest.Eval(t, rt, `log.join()`); got != want {
		t.Errorf("order:\n got %s\nwant %s", got, want)
	}
}

func TestTimeoutObject(t *testing.T) {
	clock := clocktest.New()
	rt := newRuntime(t, clock)
	got := jstest.Eval(t, rt, `
		const t = setTimeout(() => {}, 1000);
		const r = [typeof t, t.hasRef(), t.unref() === t, t.hasRef(), t.ref().hasRef(), typeof +t, +t > 0, t.constructor.name];
		clearTimeout(t);
		r.join()`)
	if want := "object,true,true,false,true,number,true,Timeout"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	jstest.Eval(t, rt, `globalThis.fired = 0; globalThis.rt = setTimeout(() => fired++, 10)`)
	clock.Advance(8 * time.Millisecond)
	jstest.Eval(t, rt, `rt.refresh()`)
	clock.Advance(8 * time.Millisecond)
	if got := jstest.Eval(t, rt, `fired`); got != "0" {
		t.Errorf("refresh did not restart the timer: fired=%s", got)
	}
	clock.Advance(2 * time.Millisecond)
	if got := jstest.Eval(t, rt, `fired`); got != "1" {
		t.Errorf("refreshed timer fired %s times", got)
	}
}

func TestTimerCallbackErrorIsContained(t *testing.T) {
	clock := clocktest.New()
	rt := newRuntime(t, clock)
	jstest.Eval(t, rt, `globalThis.after = false; setTimeout(() => { throw new Error('boom') }, 1); setTimeout(() => { after = true }, 2)`)
	clock.Advance(5 * time.Millisecond)
	if got := jstest.Eval(t, rt, `after`); got != "true" {
		t.Error("a throwing timer stopped later timers")
	}
}

func TestSetTimeoutValidatesCallback(t *testing.T) {
	rt := newRuntime(t, clocktest.New())
	got := jstest.Eval(t, rt, `try { setTimeout('code', 1); 'no error' } catch (e) { e.code + ' ' + e.name }`)
	if got != "ERR_INVALID_ARG_TYPE TypeError" {
		t.Errorf("got %s", got)
	}
}

func TestCloseStopsTimers(t *testing.T) {
	clock := clocktest.New()
	rt := newRuntime(t, clock)
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		_, err := vm.RunString(`setInterval(() => {}, 5); setTimeout(() => {}, 50)`)
		return err
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := rt.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if n := clock.Pending(); n != 0 {
		t.Errorf("%d timers still scheduled after Close", n)
	}
}

// reversedClock fires its callbacks in the opposite order to their deadlines, as goroutines racing
// to the loop may.
type reversedClock struct {
	mu    sync.Mutex
	now   time.Time
	fired []func()
}

func (c *reversedClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *reversedClock) AfterFunc(d time.Duration, f func()) jsruntime.Timer {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.fired = append(c.fired, f)
	return stoppedTimer{}
}

type stoppedTimer struct{}

func (stoppedTimer) Stop() bool { return false }

// fireAll advances the clock past every deadline and fires the callbacks last-scheduled first.
func (c *reversedClock) fireAll() {
	c.mu.Lock()
	c.now = c.now.Add(time.Hour)
	fs := c.fired
	c.fired = nil
	c.mu.Unlock()
	for i := len(fs) - 1; i >= 0; i-- {
		fs[i]()
	}
}

// Clock callbacks can reach the loop in any order; timers must still run in deadline order.
func TestTimersRunInDeadlineOrder(t *testing.T) {
	clock := &reversedClock{now: time.Unix(1_700_000_000, 0)}
	rt := newRuntime(t, clock)
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		_, err := vm.RunString(`globalThis.order = [];
			setTimeout(() => order.push('early'), 10);
			setTimeout(() => order.push('early-2'), 10);
			setTimeout(() => order.push('late'), 30);
			setTimeout(() => order.push('middle'), 20);`)
		return err
	})
	clock.fireAll()
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		if s := fmt.Sprint(vm.Get("order").Export()); s != "[early early-2 middle late]" {
			return fmt.Errorf("order %s", s)
		}
		return nil
	})
}
