package fs_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/fs"
)

func newRuntime(t *testing.T) *jsruntime.Runtime {
	t.Helper()
	rt := jsruntime.New(jsruntime.Options{Name: "test"})
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := rt.Do(ctx, func(vm *goja.Runtime) error {
		if err := buffer.Install(rt); err != nil {
			return err
		}
		mod, err := fs.Require(rt)
		if err != nil {
			return err
		}
		return vm.Set("fs", mod)
	})
	if err != nil {
		t.Fatal(err)
	}
	return rt
}

// TestScenarioMatchesNode runs testdata/scenario.js, whose output under Node 20 is scenario.golden.
func TestScenarioMatchesNode(t *testing.T) {
	src, err := os.ReadFile("testdata/scenario.js")
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("testdata/scenario.golden")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	rt := newRuntime(t)
	var out string
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = rt.Await(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		if err := vm.Set("dir", dir); err != nil {
			return nil, err
		}
		p, err := vm.RunScript("scenario.js", string(src))
		if err != nil {
			return nil, err
		}
		obj := p.ToObject(vm)
		then, _ := goja.AssertFunction(obj.Get("then"))
		return then(obj, vm.ToValue(func(call goja.FunctionCall) goja.Value {
			out = call.Argument(0).String()
			return goja.Undefined()
		}))
	})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(out, "\n")
	want := strings.Split(strings.TrimSuffix(string(golden), "\n"), "\n")
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("line %d\n got: %s\nwant: %s", i+1, g, w)
		}
	}
}

func TestPromisesModule(t *testing.T) {
	rt := newRuntime(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := rt.Do(ctx, func(vm *goja.Runtime) error {
		p, err := fs.RequirePromises(rt)
		if err != nil {
			return err
		}
		if !p.SameAs(vm.Get("fs").ToObject(vm).Get("promises")) {
			t.Error("fs/promises is not require('fs').promises")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
