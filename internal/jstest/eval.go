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
	return run(t, rt, src, false, asString)
}

// EvalValue is Eval returning the completion value exported to Go (goja's Export: bool, int64,
// float64, string, nil, maps and slices).
func EvalValue(t testing.TB, rt *jsruntime.Runtime, src string) any {
	t.Helper()
	return run(t, rt, src, false, func(_ *goja.Runtime, v goja.Value) (any, error) { return v.Export(), nil })
}

// Await runs src as a script, waits for its value to settle when it is a promise and returns String()
// of the settled value. An exception or a rejection fails t.
func Await(t testing.TB, rt *jsruntime.Runtime, src string) string {
	t.Helper()
	return run(t, rt, src, true, asString)
}

// AwaitJSON is Await returning the settled value as JSON.stringify shows it ("undefined" for
// undefined).
func AwaitJSON(t testing.TB, rt *jsruntime.Runtime, src string) string {
	t.Helper()
	return run(t, rt, src, true, asJSON)
}

func asString(_ *goja.Runtime, v goja.Value) (string, error) { return v.String(), nil }

func asJSON(vm *goja.Runtime, v goja.Value) (string, error) {
	switch {
	case goja.IsUndefined(v):
		return "undefined", nil
	case goja.IsNull(v):
		return "null", nil
	}
	b, err := v.ToObject(vm).MarshalJSON()
	return string(b), err
}

// run evaluates src on the loop, awaiting its value if await is set, and returns what show (run on
// the loop) makes of the value.
func run[T any](t testing.TB, rt *jsruntime.Runtime, src string, await bool, show func(*goja.Runtime, goja.Value) (T, error)) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	eval := func(vm *goja.Runtime) (goja.Value, error) {
		v, err := vm.RunScript(scriptName, src)
		return v, rt.Describe(err)
	}
	var out T
	then := func(vm *goja.Runtime, v goja.Value) (err error) {
		out, err = show(vm, v)
		return err
	}
	var err error
	if await {
		err = rt.AwaitThen(ctx, eval, then)
	} else {
		err = rt.Do(ctx, func(vm *goja.Runtime) error {
			v, err := eval(vm)
			if err != nil {
				return err
			}
			return then(vm, v)
		})
	}
	if err != nil {
		t.Fatalf("%v\nrunning:\n%s", err, src)
	}
	return out
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
