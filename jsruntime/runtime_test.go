package jsruntime_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
)

// newTestRuntime is a runtime of the plugin "test-plugin" and what it logs.
func newTestRuntime(t *testing.T) (*jsruntime.Runtime, *jstest.Logs) {
	t.Helper()
	rt := jstest.NewWith(t, jsruntime.Options{Name: "test-plugin"})
	return rt, jstest.LogsOf(rt)
}

func TestRunOnLoopIsFIFO(t *testing.T) {
	rt, _ := newTestRuntime(t)
	var got []int
	for i := range 100 {
		rt.RunOnLoop(func(*goja.Runtime) { got = append(got, i) })
	}
	if err := rt.Do(context.Background(), func(*goja.Runtime) error { return nil }); err != nil {
		t.Fatal(err)
	}
	for i, v := range got {
		if v != i {
			t.Fatalf("job %d ran as %d", i, v)
		}
	}
	if len(got) != 100 {
		t.Fatalf("%d jobs ran", len(got))
	}
}

func TestAwait(t *testing.T) {
	rt, _ := newTestRuntime(t)
	ctx := context.Background()
	run := func(src string) error {
		return rt.Await(ctx, func(vm *goja.Runtime) (goja.Value, error) { return vm.RunString(src) })
	}
	if err := run(`42`); err != nil {
		t.Errorf("plain value: %v", err)
	}
	if err := run(`Promise.resolve(1).then(() => 2)`); err != nil {
		t.Errorf("fulfilled: %v", err)
	}
	err := run(`(async () => { await null; throw new TypeError('nope'); })()`)
	var jsErr *jsruntime.Error
	if !errors.As(err, &jsErr) || !strings.Contains(err.Error(), "TypeError: nope") {
		t.Errorf("rejected: %v", err)
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if err := rt.Await(short, func(vm *goja.Runtime) (goja.Value, error) { return vm.RunString(`new Promise(() => {})`) }); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("never settles: %v", err)
	}
}

func TestGoSettlesOnLoop(t *testing.T) {
	rt, _ := newTestRuntime(t)
	err := rt.Await(context.Background(), func(vm *goja.Runtime) (goja.Value, error) {
		ok := rt.Go(func(ctx context.Context) func(*goja.Runtime) (goja.Value, error) {
			return func(vm *goja.Runtime) (goja.Value, error) { return vm.ToValue("done"), nil }
		})
		failed := rt.Go(func(ctx context.Context) func(*goja.Runtime) (goja.Value, error) {
			return func(vm *goja.Runtime) (goja.Value, error) { return nil, errors.New("work failed") }
		})
		panicked := rt.Go(func(ctx context.Context) func(*goja.Runtime) (goja.Value, error) { panic("boom") })
		vm.Set("ok", ok)
		vm.Set("failed", failed)
		vm.Set("panicked", panicked)
		return vm.RunString(`(async () => {
			if (await ok !== 'done') throw new Error('ok');
			try { await failed; throw new Error('failed resolved'); } catch (e) { if (!String(e).includes('work failed')) throw e; }
			try { await panicked; throw new Error('panicked resolved'); } catch (e) { if (!String(e).includes('boom')) throw e; }
		})()`)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestPanicInJobIsContained(t *testing.T) {
	rt, logs := newTestRuntime(t)
	rt.RunOnLoop(func(*goja.Runtime) { panic("bad job") })
	if err := rt.Do(context.Background(), func(*goja.Runtime) error { return nil }); err != nil {
		t.Fatalf("loop died: %v", err)
	}
	if !strings.Contains(logs.String(), "bad job") || !strings.Contains(logs.String(), "plugin=test-plugin") {
		t.Errorf("panic not logged with the plugin: %s", logs.String())
	}
}

func TestUnhandledRejectionIsLogged(t *testing.T) {
	rt, logs := newTestRuntime(t)
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		_, err := vm.RunString(`
			Promise.reject(new Error('nobody listens'));
			const handled = Promise.reject(new Error('caught later'));
			handled.catch(() => {});
		`)
		return err
	})
	_ = rt.Do(context.Background(), func(*goja.Runtime) error { return nil })
	out := logs.String()
	if !strings.Contains(out, "unhandled promise rejection") || !strings.Contains(out, "nobody listens") || !strings.Contains(out, "plugin=test-plugin") {
		t.Errorf("unhandled rejection not logged: %s", out)
	}
	if strings.Contains(out, "caught later") {
		t.Errorf("a rejection handled in the same job was reported: %s", out)
	}
}

func TestCloseInterruptsBusyLoopAndIsIdempotent(t *testing.T) {
	rt, _ := newTestRuntime(t)
	started := make(chan struct{})
	rt.RunOnLoop(func(vm *goja.Runtime) {
		close(started)
		_, _ = vm.RunString(`for (;;) {}`)
	})
	<-started
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := rt.Close(ctx); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := rt.Close(ctx); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if rt.RunOnLoop(func(*goja.Runtime) {}) {
		t.Error("RunOnLoop accepted a job after Close")
	}
	if err := rt.Do(ctx, func(*goja.Runtime) error { return nil }); !errors.Is(err, jsruntime.ErrClosed) {
		t.Errorf("Do after Close: %v", err)
	}
	if rt.Context().Err() == nil {
		t.Error("context not cancelled by Close")
	}
}

func TestRecursionIsBounded(t *testing.T) {
	rt, _ := newTestRuntime(t)
	err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
		_, err := vm.RunString(`function f() { return f(); } f()`)
		return err
	})
	var overflow *goja.StackOverflowError
	if !errors.As(err, &overflow) {
		t.Fatalf("unbounded recursion: %v, want a stack overflow error", err)
	}
	if err := rt.Do(context.Background(), func(*goja.Runtime) error { return nil }); err != nil {
		t.Fatalf("runtime unusable after overflow: %v", err)
	}
}

func TestDoAndAwaitAnswerWhenFnPanics(t *testing.T) {
	rt, _ := newTestRuntime(t)
	ctx := context.Background()
	if err := rt.Do(ctx, func(*goja.Runtime) error { panic("go bug") }); err == nil || !strings.Contains(err.Error(), "go bug") {
		t.Errorf("Do: %v", err)
	}
	err := rt.Await(ctx, func(vm *goja.Runtime) (goja.Value, error) { panic(vm.NewTypeError("thrown")) })
	if err == nil || !strings.Contains(err.Error(), "thrown") {
		t.Errorf("Await: %v", err)
	}
}

func TestSymbolAsyncIteratorIsDefined(t *testing.T) {
	rt, _ := newTestRuntime(t)
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		v, err := vm.RunString(`typeof Symbol.asyncIterator === 'symbol' && Symbol.asyncIterator === Symbol.for('Symbol.asyncIterator')`)
		if err != nil {
			return err
		}
		if !v.ToBoolean() {
			return errors.New("Symbol.asyncIterator is not the registered symbol")
		}
		return nil
	})
}

func TestAfterJobRunsWhenTheJobEnds(t *testing.T) {
	rt, logs := newTestRuntime(t)
	var order []string
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		rt.AfterJob(func() {
			order = append(order, "after")
			rt.AfterJob(func() { order = append(order, "nested") })
		})
		_ = vm.Set("note", func(s string) { order = append(order, s) })
		_, err := vm.RunString(`note('job'); Promise.resolve().then(() => note('promise job'))`)
		return err
	})
	rt.RunOnLoop(func(*goja.Runtime) {
		rt.AfterJob(func() { order = append(order, "after panic") })
		panic("bad job")
	})
	if err := rt.Do(context.Background(), func(*goja.Runtime) error { order = append(order, "next job"); return nil }); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(order, ","); got != "job,promise job,after,nested,after panic,next job" {
		t.Errorf("order: %s", got)
	}
	if !strings.Contains(logs.String(), "bad job") {
		t.Errorf("panic not logged: %s", logs.String())
	}
}

func TestReportUncaught(t *testing.T) {
	rt, logs := newTestRuntime(t)
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		_, thrown := vm.RunString("throw new TypeError('listener broke')")
		rt.ReportUncaught("test listener", thrown)
		rt.ReportUncaught("test listener", &goja.InterruptedError{})
		rt.ReportUncaught("test listener", nil)
		return nil
	})
	out := logs.String()
	if strings.Count(out, "uncaught exception") != 1 || !strings.Contains(out, "in test listener") ||
		!strings.Contains(out, "TypeError: listener broke") || !strings.Contains(out, "plugin=test-plugin") {
		t.Errorf("logs:\n%s", out)
	}
}
