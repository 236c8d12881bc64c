package assert_test

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/node/assert"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

var update = flag.Bool("update", false, "regenerate the .golden files with node")

// env is a runtime with what the scenarios use: Buffer, process (and its V8 stack API), timers,
// the module system with assert, and a console.log (util.format) whose lines are collected.
type env struct {
	rt  *jsruntime.Runtime
	sys *modules.System
	out []string
}

func newEnv(t testing.TB) *env {
	t.Helper()
	reg := new(modules.Registry)
	reg.Register("events", events.Require)
	reg.Register("buffer", buffer.Require)
	reg.Register("util", util.Require)
	reg.Register("assert", assert.Require)
	reg.Register("assert/strict", assert.RequireStrict)
	e := &env{rt: jsruntime.New(jsruntime.Options{Name: t.Name()})}
	t.Cleanup(func() { _ = e.rt.Close(context.Background()) })
	root, _ := filepath.Abs("testdata")
	err := e.rt.Do(context.Background(), func(vm *goja.Runtime) error {
		for _, install := range []func(*jsruntime.Runtime) error{
			buffer.Install, web.Install,
			func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{}) },
		} {
			if err := install(e.rt); err != nil {
				return err
			}
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

// runMain loads file, calls the function it exports and waits for its promise; it returns the log.
func (e *env) runMain(file string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
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

// compareGolden runs testdata/<name>.js and compares its log with <name>.golden, recorded from
// Node 20 by testdata/node-main.js (regenerate with -update).
func compareGolden(t *testing.T, name string) {
	t.Helper()
	file, _ := filepath.Abs(filepath.Join("testdata", name+".js"))
	golden := strings.TrimSuffix(file, ".js") + ".golden"
	if *update {
		cmd := exec.Command("node", "node-main.js", filepath.Base(file))
		cmd.Dir = filepath.Dir(file)
		want, err := cmd.Output()
		if err != nil {
			t.Fatalf("node %s: %v", file, err)
		}
		if err := os.WriteFile(golden, want, 0o644); err != nil {
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
	g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
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

// TestScenarios runs each scenario and compares its log with Node 20's.
func TestScenarios(t *testing.T) {
	for _, name := range []string{"falsy"} {
		t.Run(name, func(t *testing.T) { compareGolden(t, name) })
	}
}
