package fs_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/fs"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

func newRuntime(t *testing.T, installs ...jstest.Install) *jsruntime.Runtime {
	t.Helper()
	return newRuntimeWith(t, jsruntime.Options{}, installs...)
}

// newRuntimeWith returns a runtime with the globals a plugin has and the module bound to "fs"; installs
// follow.
func newRuntimeWith(t *testing.T, opts jsruntime.Options, installs ...jstest.Install) *jsruntime.Runtime {
	t.Helper()
	// As the platform does: process first (for nextTick), then Buffer and the web globals.
	return jstest.NewWith(t, opts, append([]jstest.Install{
		func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{}) },
		buffer.Install, web.Install, jstest.Global("fs", fs.Require),
	}, installs...)...)
}

// waitFor evaluates cond on the loop until it is true; the file system's notifications take their
// own time to arrive, so this waits for them instead of for a duration.
func waitFor(t *testing.T, rt *jsruntime.Runtime, cond string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for jstest.Eval(t, rt, cond) != "true" {
		if time.Now().After(deadline) {
			t.Fatalf("still not %s; log: %s", cond, jstest.Eval(t, rt, `JSON.stringify(globalThis.log)`))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestScenariosMatchNode runs each testdata/*.js, a script yielding a promise of its output, with the
// globals fs and dir, a fresh directory that is also the working directory. Its output under Node 20
// is the .golden beside it (recorded with `node testdata/record.cjs testdata/<name>.js >
// testdata/<name>.golden`).
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
			golden, _ := filepath.Abs(strings.TrimSuffix(file, ".js") + ".golden")
			dir := t.TempDir()
			t.Chdir(dir)
			rt := newRuntime(t, jstest.Set("dir", dir))
			jstest.Golden(t, jstest.Await(t, rt, string(src)), golden, nil)
		})
	}
}

func TestPromisesModule(t *testing.T) {
	rt := newRuntime(t, jstest.Global("fsPromises", fs.RequirePromises))
	if jstest.Eval(t, rt, `fsPromises === fs.promises`) != "true" {
		t.Error("fs/promises is not require('fs').promises")
	}
}
