package zlib_test

import (
	"context"
	"flag"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/node/fs"
	"github.com/pluginhost/pluginhost/jsruntime/node/path"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/node/zlib"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

var update = flag.Bool("update", false, "regenerate the .golden files with node")

// env is a runtime with what the scenarios use: Buffer, process, timers, the module system with
// zlib and the modules it builds on, and a console.log (util.format) whose lines are collected.
type env struct {
	rt  *jsruntime.Runtime
	sys *modules.System
	out []string
}

func newEnv(t testing.TB) *env {
	t.Helper()
	return newEnvWithLogger(t, nil)
}

// newEnvWithLogger is newEnv with the runtime logging to logger.
func newEnvWithLogger(t testing.TB, logger *slog.Logger) *env {
	t.Helper()
	reg := new(modules.Registry)
	reg.Register("events", events.Require)
	reg.Register("buffer", buffer.Require)
	reg.Register("stream", stream.Require)
	reg.Register("util", util.Require)
	reg.Register("fs", fs.Require)
	reg.Register("path", path.Require)
	reg.Register("zlib", zlib.Require)
	e := &env{rt: jsruntime.New(jsruntime.Options{Name: t.Name(), Logger: logger})}
	t.Cleanup(func() { _ = e.rt.Close(context.Background()) })
	root, _ := filepath.Abs("testdata")
	err := e.rt.Do(context.Background(), func(vm *goja.Runtime) error {
		if err := buffer.Install(e.rt); err != nil {
			return err
		}
		if err := process.Install(e.rt, process.Config{}); err != nil {
			return err
		}
		if err := web.Install(e.rt); err != nil {
			return err
		}
		utilMod, err := util.Require(e.rt)
		if err != nil {
			return err
		}
		format, _ := goja.AssertFunction(utilMod.ToObject(vm).Get("format"))
		console := vm.NewObject()
		_ = console.Set("log", func(call goja.FunctionCall) goja.Value {
			s, err := format(goja.Undefined(), call.Arguments...)
			if err != nil {
				panic(err)
			}
			e.out = append(e.out, s.String())
			return goja.Undefined()
		})
		_ = vm.Set("console", console)
		e.sys = modules.Enable(e.rt, modules.Options{Registry: reg, Root: root})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// runMain loads file, calls the function it exports (the conformance scripts' convention) and
// waits for the promise it returns; it returns the log.
func (e *env) runMain(file string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	err := e.rt.Await(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		exports, err := e.sys.LoadMain(file)
		if err != nil {
			return nil, err
		}
		if main, ok := goja.AssertFunction(exports); ok {
			return main(goja.Undefined())
		}
		return exports, nil
	})
	var out string
	_ = e.rt.Do(context.Background(), func(*goja.Runtime) error {
		out = strings.Join(e.out, "\n") + "\n"
		return nil
	})
	return out, err
}

// runNode runs a scenario under Node the same way (testdata/node-main.js) and returns its output.
func runNode(t *testing.T, file string) string {
	t.Helper()
	cmd := exec.Command("node", "node-main.js", filepath.Base(file))
	cmd.Dir = filepath.Dir(file)
	cmd.Env = append(os.Environ(), "SCRIPT_TMPDIR="+t.TempDir())
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node %s: %v", file, err)
	}
	return string(out)
}

// compareGolden runs testdata/<name>.js in a fresh runtime and compares its log with <name>.golden,
// recorded from Node 20 (regenerate with -update).
func compareGolden(t *testing.T, name string) {
	t.Helper()
	file, _ := filepath.Abs(filepath.Join("testdata", name+".js"))
	golden := strings.TrimSuffix(file, ".js") + ".golden"
	if *update {
		if err := os.WriteFile(golden, []byte(runNode(t, file)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	got, err := newEnv(t).runMain(file)
	if err != nil {
		t.Fatalf("run: %v\noutput so far:\n%s", err, got)
	}
	diffLines(t, got, string(want))
}

func diffLines(t *testing.T, got, want string) {
	t.Helper()
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Errorf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
}

func mustAbs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		panic(err)
	}
	return a
}
