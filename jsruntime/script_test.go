package jsruntime_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
)

func TestScriptAndModule(t *testing.T) {
	rt, _ := newTestRuntime(t)
	double := jsruntime.NewScript("node:double", `(function (n) { return n * 2; })`)
	broken := jsruntime.NewScript("node:broken", `(function ( {`)
	type key struct{}
	builds := 0
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		v, err := double.Call(rt, vm.ToValue(21))
		if err != nil || v.ToInteger() != 42 {
			return errors.New("Call did not return the function's result")
		}
		if _, err := broken.Call(rt); err == nil || !strings.Contains(err.Error(), "node:broken: compile") {
			return errors.New("a compile error must name the script")
		}
		if _, err := jsruntime.Module(rt, key{}, func() (goja.Value, error) { builds++; return nil, errors.New("first build fails") }); err == nil {
			return errors.New("the build error was lost")
		}
		for range 2 {
			if _, err := jsruntime.Module(rt, key{}, func() (goja.Value, error) { builds++; return vm.ToValue("mod"), nil }); err != nil {
				return err
			}
		}
		return nil
	})
	if builds != 2 {
		t.Errorf("%d builds, want 2: a failed build is retried, a good one is kept", builds)
	}
}

func TestScriptInstance(t *testing.T) {
	rt, _ := newTestRuntime(t)
	// fills takes (greeting, exports) and fills exports; returns gives back its own object.
	fills := jsruntime.NewScript("node:fills", `(function (greeting, exports) { exports.greeting = greeting; exports.n = (exports.n || 0) + 1; })`)
	returns := jsruntime.NewScript("node:returns", `(function (exports) { return { exportsGiven: typeof exports === 'object' }; })`)
	broken := jsruntime.NewScript("node:broken", `(function () { throw new Error('boom'); })`)
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		calls := 0
		args := func() ([]goja.Value, error) {
			calls++
			if calls == 1 {
				return nil, errors.New("natives unavailable")
			}
			return []goja.Value{vm.ToValue("hi")}, nil
		}
		if _, err := fills.Instance(rt, args); err == nil || !strings.Contains(err.Error(), "node:fills: natives unavailable") {
			return errors.New("an args error must be returned, naming the script: " + fmt.Sprint(err))
		}
		first, err := fills.Instance(rt, args)
		if err != nil {
			return err
		}
		again, err := fills.Instance(rt, args)
		if err != nil {
			return err
		}
		if first != again || calls != 2 {
			return fmt.Errorf("the instance must be built once after the failed try (args called %d times)", calls)
		}
		if g := first.ToObject(vm).Get("greeting"); g == nil || g.String() != "hi" || first.ToObject(vm).Get("n").ToInteger() != 1 {
			return errors.New("a function returning undefined must make its exports object the instance")
		}
		v, err := returns.Instance(rt, nil)
		if err != nil {
			return err
		}
		if !v.ToObject(vm).Get("exportsGiven").ToBoolean() {
			return errors.New("a function's return value must be the instance, and it must get an exports object")
		}
		for range 2 {
			if _, err := broken.Instance(rt, nil); err == nil || !strings.Contains(err.Error(), "boom") {
				return errors.New("a throwing script must fail every time, not be kept: " + fmt.Sprint(err))
			}
		}
		return nil
	})
}
