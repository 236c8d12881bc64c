package jstest

import (
	"context"
	"errors"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
)

// scriptName names the scripts Eval and its siblings run, in stacks and call sites.
const scriptName = "test.js"

// Eval runs src as a script on the loop and returns String() of its completion value, without waiting
// for a promise (see Await). An exception fails t.
func Eval(t testing.TB, rt *jsruntime.Runtime, src string) string {
	t.Helper()
	var out string
	run(t, rt, src, false, func(_ *goja.Runtime, v goja.Value) error {
		out = v.String()
		return nil
	})
	return out
}

// EvalValue is Eval returning the completion value exported to Go (goja's Export: bool, int64,
// float64, string, nil, maps and slices).
func EvalValue(t testing.TB, rt *jsruntime.Runtime, src string) any {
	t.Helper()
	var out any
	run(t, rt, src, false, func(_ *goja.Runtime, v goja.Value) error {
		out = v.Export()
		return nil
	})
	return out
}

// Await runs src as a script, waits for its value to settle when it is a promise and returns String()
// of the settled value. An exception or a rejection fails t.
func Await(t testing.TB, rt *jsruntime.Runtime, src string) string {
	t.Helper()
	var out string
	run(t, rt, src, true, func(_ *goja.Runtime, v goja.Value) error {
		out = v.String()
		return nil
	})
	return out
}

// AwaitJSON is Await returning the settled value as JSON.stringify shows it ("undefined" for
// undefined).
func AwaitJSON(t testing.TB, rt *jsruntime.Runtime, src string) string {
	t.Helper()
	var out string
	run(t, rt, src, true, func(vm *goja.Runtime, v goja.Value) error {
		if goja.IsUndefined(v) {
			out = "undefined"
			return nil
		}
		if goja.IsNull(v) {
			out = "null"
			return nil
		}
		b, err := v.ToObject(vm).MarshalJSON()
		out = string(b)
		return err
	})
	return out
}

// run evaluates src on the loop, awaiting its value if await is set, and hands the value to show on
// the loop.
func run(t testing.TB, rt *jsruntime.Runtime, src string, await bool, show func(vm *goja.Runtime, v goja.Value) error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	eval := func(vm *goja.Runtime) (goja.Value, error) {
		v, err := vm.RunScript(scriptName, src)
		return v, rt.Describe(err)
	}
	var err error
	if await {
		err = rt.AwaitThen(ctx, eval, show)
	} else {
		err = rt.Do(ctx, func(vm *goja.Runtime) error {
			v, err := eval(vm)
			if err != nil {
				return err
			}
			return show(vm, v)
		})
	}
	if err != nil {
		t.Fatalf("%v\nrunning:\n%s", err, src)
	}
}

// RunMain runs file as the main module of the runtime's module system (see Modules) the way the
// conformance runner and the goldens' Node side run a script: when it exports a function, that is
// called; the promise the exports or the call give is awaited. A failure fails t, showing what the
// script printed so far.
func RunMain(t testing.TB, rt *jsruntime.Runtime, file string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	err := rt.Await(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		sys := modules.Of(rt)
		if sys == nil {
			return nil, errors.New("jstest: RunMain needs the module system (install jstest.Modules)")
		}
		exports, err := sys.LoadMain(file)
		if err != nil {
			return nil, err
		}
		if main, ok := goja.AssertFunction(exports); ok {
			return main(goja.Undefined())
		}
		return exports, nil
	})
	if err != nil {
		var soFar string
		if logs := LogsOf(rt); logs != nil {
			soFar = "\noutput so far:\n" + logs.Stdout()
		}
		t.Fatalf("%s: %v%s", file, err, soFar)
	}
}
