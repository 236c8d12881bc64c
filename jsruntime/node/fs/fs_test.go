package fs_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/fs"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

func newRuntime(t *testing.T) *jsruntime.Runtime {
	t.Helper()
	return newRuntimeWith(t, jsruntime.Options{Name: "test"})
}

// newRuntimeWith returns a runtime with the globals a plugin has and the module bound to "fs".
func newRuntimeWith(t *testing.T, opts jsruntime.Options) *jsruntime.Runtime {
	t.Helper()
	rt := jsruntime.New(opts)
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := rt.Do(ctx, func(vm *goja.Runtime) error {
		// As the platform does: process first (for nextTick), then Buffer and the web globals.
		if err := process.Install(rt, process.Config{}); err != nil {
			return err
		}
		if err := buffer.Install(rt); err != nil {
			return err
		}
		if err := web.Install(rt); err != nil {
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

// run evaluates src on the loop and returns String() of its value.
func run(t *testing.T, rt *jsruntime.Runtime, src string) string {
	t.Helper()
	var out string
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := rt.Do(ctx, func(vm *goja.Runtime) error {
		v, err := vm.RunString(src)
		if err != nil {
			return err
		}
		out = v.String()
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return out
}

// waitFor evaluates cond on the loop until it is true; the file system's notifications take their
// own time to arrive, so this waits for them instead of for a duration.
func waitFor(t *testing.T, rt *jsruntime.Runtime, cond string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for run(t, rt, cond) != "true" {
		if time.Now().After(deadline) {
			t.Fatalf("still not %s; log: %s", cond, run(t, rt, `JSON.stringify(globalThis.log)`))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestScenariosMatchNode runs each testdata/*.js, whose output under Node 20 is the .golden beside it
// (recorded with `node testdata/record.cjs testdata/<name>.js > testdata/<name>.golden`).
func TestScenariosMatchNode(t *testing.T) {
	files, err := filepath.Glob("testdata/*.js")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scenarios: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".js")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			golden, err := os.ReadFile(strings.TrimSuffix(file, ".js") + ".golden")
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Split(runScenario(t, string(src)), "\n")
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
		})
	}
}

// runScenario evaluates src, a script yielding a promise of its output, with the globals fs and dir,
// which is also the working directory.
func runScenario(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	rt := newRuntime(t)
	var out string
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err := rt.AwaitThen(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		if err := vm.Set("dir", dir); err != nil {
			return nil, err
		}
		return vm.RunScript("scenario.js", src)
	}, func(_ *goja.Runtime, v goja.Value) error {
		out = v.String()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
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
