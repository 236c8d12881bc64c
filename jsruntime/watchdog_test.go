package jsruntime

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// A job that never yields is interrupted with a BusyError, OnBusy hears of it, and the runtime still
// runs later jobs.
func TestWatchdogInterruptsBusyJob(t *testing.T) {
	busy := make(chan *BusyError, 1)
	rt := New(Options{Name: "spinner", BusyLimit: 50 * time.Millisecond, OnBusy: func(e *BusyError) { busy <- e }})
	t.Cleanup(func() { _ = rt.Close(context.Background()) })

	err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
		_, err := vm.RunString("for (;;) {}")
		return err
	})
	var intr *goja.InterruptedError
	if !errors.As(err, &intr) {
		t.Fatalf("busy job returned %v, want an interrupt", err)
	}
	be, ok := intr.Value().(*BusyError)
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
	case <-time.After(10 * time.Second):
		t.Fatal("OnBusy was not called")
	}
	if rt.Busy() != be {
		t.Errorf("Busy() = %v", rt.Busy())
	}
	var v goja.Value
	err = rt.Do(context.Background(), func(vm *goja.Runtime) (err error) {
		v, err = vm.RunString("1 + 1")
		return err
	})
	if err != nil || v.ToInteger() != 2 {
		t.Errorf("runtime after the interrupt: %v, %v", v, err)
	}
}

// Without a limit nothing watches, and Busy stays nil.
func TestNoWatchdogByDefault(t *testing.T) {
	rt := New(Options{})
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
	err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
		_, err := vm.RunString("let n = 0; for (let i = 0; i < 1e5; i++) n += i;")
		return err
	})
	if err != nil || rt.Busy() != nil {
		t.Errorf("err %v, Busy %v", err, rt.Busy())
	}
}
