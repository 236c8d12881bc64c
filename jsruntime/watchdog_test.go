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

// A job that never yields is interrupted with a BusyError, OnBusy hears of it, and the runtime still
// runs later jobs.
func TestWatchdogInterruptsBusyJob(t *testing.T) {
	busy := make(chan *jsruntime.BusyError, 1)
	rt := jstest.NewWith(t, jsruntime.Options{Name: "spinner"})
	rt.Watch(50*time.Millisecond, func(e *jsruntime.BusyError) { busy <- e })

	err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
		_, err := vm.RunString("for (;;) {}")
		return err
	})
	var intr *goja.InterruptedError
	if !errors.As(err, &intr) {
		t.Fatalf("busy job returned %v, want an interrupt", err)
	}
	be, ok := intr.Value().(*jsruntime.BusyError)
	if !ok || be.Name != "spinner" || be.Limit != 50*time.Millisecond {
		t.Fatalf("interrupt value %#v, want the BusyError", intr.Value())
	}
	if !strings.Contains(be.Error(), "spinner ran JavaScript for more than 50ms") {
		t.Errorf("message %q", be.Error())
	}
	select {
	case got := <-busy:
		if got != be {
			t.Errorf("OnBusy got %v, want the interrupt's error", got)
		}
	case <-time.After(time.Minute):
		t.Fatal("OnBusy was not called")
	}
	if rt.Cause() != error(be) {
		t.Errorf("Cause() = %v", rt.Cause())
	}
	if got := jstest.Eval(t, rt, "1 + 1"); got != "2" {
		t.Errorf("runtime after the interrupt: %s", got)
	}
}

// Without a limit nothing watches, and Cause stays nil.
func TestNoWatchdogByDefault(t *testing.T) {
	rt := jstest.New(t)
	jstest.Eval(t, rt, "let n = 0; for (let i = 0; i < 1e5; i++) n += i; n")
	if rt.Cause() != nil {
		t.Errorf("Cause %v", rt.Cause())
	}
	// Do returns when the job has produced its result; the loop marks itself idle a moment later.
	for deadline := time.Now().Add(time.Minute); rt.JobTime() != 0; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("JobTime %v with the loop idle", rt.JobTime())
		}
	}
}

// goja unwinds a stack overflow past every try/catch; where it leaves JS, ErrorValue gives the error
// handlers V8's RangeError.
func TestStackOverflowBecomesRangeError(t *testing.T) {
	rt := jstest.New(t)
	err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
		_, err := vm.RunString("(function down() { return down() + 1; })()")
		var overflow *goja.StackOverflowError
		if !errors.As(err, &overflow) {
			t.Fatalf("recursion gave %v", err)
		}
		v := rt.ErrorValue(err).ToObject(vm)
		if name, msg := v.Get("name").String(), v.Get("message").String(); name != "RangeError" || msg != "Maximum call stack size exceeded" {
			t.Errorf("ErrorValue: %s: %s", name, msg)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// An interrupt that unwinds through Go code on the loop (a Go job reading a JS getter while the
// runtime is stopped) is contained without a "panic on event loop" report; other panics are reported.
func TestInterruptThroughGoIsNotAPanic(t *testing.T) {
	logs := jstest.NewLogs(t)
	rt := jstest.NewWith(t, jsruntime.Options{Logger: logs.Logger()})
	getter := jstest.EvalValue(t, rt, "(() => { const o = {}; Object.defineProperty(o, 'spin', { get() { for (;;) {} } }); return o; })()")
	done := make(chan struct{})
	rt.RunOnLoop(func(vm *goja.Runtime) {
		defer close(done)
		_ = vm.ToValue(getter).ToObject(vm).Get("spin")
	})
	time.Sleep(20 * time.Millisecond)
	rt.Interrupt(errors.New("stopping"))
	<-done
	rt.RunOnLoop(func(*goja.Runtime) { panic("a real bug") })
	jstest.Do(t, rt, func(*goja.Runtime) error { return nil })
	if out := logs.String(); strings.Count(out, "panic on event loop") != 1 || !strings.Contains(out, "a real bug") {
		t.Errorf("logs:\n%s", out)
	}
}
