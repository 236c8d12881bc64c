package jsruntime

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

func TestScriptAndModule(t *testing.T) {
	rt, _ := newTestRuntime(t)
	double := NewScript("node:double", `(function (n) { return n * 2; })`)
	broken := NewScript("node:broken", `(function ( {`)
	type key struct{}
	builds := 0
	err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
		v, err := double.Call(rt, vm.ToValue(21))
		if err != nil || v.ToInteger() != 42 {
			return errors.New("Call did not return the function's result")
		}
		if _, err := broken.Call(rt); err == nil || !strings.Contains(err.Error(), "node:broken: compile") {
			return errors.New("a compile error must name the script")
		}
		if _, err := Module(rt, key{}, func() (goja.Value, error) { builds++; return nil, errors.New("first build fails") }); err == nil {
			return errors.New("the build error was lost")
		}
		for range 2 {
			if _, err := Module(rt, key{}, func() (goja.Value, error) { builds++; return vm.ToValue("mod"), nil }); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if builds != 2 {
		t.Errorf("%d builds, want 2: a failed build is retried, a good one is kept", builds)
	}
}
