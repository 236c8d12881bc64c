package web_test

import (
	"context"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/internal/clocktest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/url"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

func newRuntime(t *testing.T, clock jsruntime.Clock) *jsruntime.Runtime {
	t.Helper()
	rt := jsruntime.New(jsruntime.Options{Name: "test", Clock: clock})
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
	do(t, rt, func(*goja.Runtime) error {
		if err := buffer.Install(rt); err != nil {
			return err
		}
		if err := web.Install(rt); err != nil {
			return err
		}
		return url.Install(rt)
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

func newManualClock() *clocktest.Clock { return clocktest.New() }
