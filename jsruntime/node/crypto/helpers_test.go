package crypto

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	stringdecoder "github.com/pluginhost/pluginhost/jsruntime/node/string_decoder"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// env is a runtime with the globals and modules the crypto module meets in a plugin.
type env struct {
	rt  *jsruntime.Runtime
	sys *modules.System
	mu  sync.Mutex
	out []string
}

func newEnv(t testing.TB) *env {
	t.Helper()
	reg := new(modules.Registry)
	reg.Register("buffer", buffer.Require)
	reg.Register("events", events.Require)
	reg.Register("stream", stream.Require)
	reg.Register("string_decoder", stringdecoder.Require)
	reg.Register("util", util.Require)
	reg.Register("crypto", Require)
	e := &env{rt: jsruntime.New(jsruntime.Options{Name: t.Name()})}
	t.Cleanup(func() { _ = e.rt.Close(context.Background()) })
	root, _ := filepath.Abs("testdata")
	err := e.rt.Do(context.Background(), func(vm *goja.Runtime) error {
		for _, install := range []func(*jsruntime.Runtime) error{
			buffer.Install,
			func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{}) },
			web.Install,
			Install,
		} {
			if err := install(e.rt); err != nil {
				return err
			}
		}
		console := vm.NewObject()
		_ = console.Set("log", func(call goja.FunctionCall) goja.Value {
			line := util.Format(e.rt, call.Arguments)
			e.mu.Lock()
			e.out = append(e.out, line)
			e.mu.Unlock()
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

func (e *env) log() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return strings.Join(e.out, "\n")
}

// runFile loads file as the main module; when it exports a function, that is called and awaited
// (the convention of the conformance scripts). It returns what console.log printed.
func (e *env) runFile(t *testing.T, file string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	err := e.rt.Await(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		exp, err := e.sys.LoadMain(file)
		if err != nil {
			return nil, err
		}
		if fn, ok := goja.AssertFunction(exp); ok {
			return fn(goja.Undefined())
		}
		return exp, nil
	})
	if err != nil {
		t.Fatalf("%s: %v\noutput so far:\n%s", file, err, e.log())
	}
	return e.log()
}

// eval runs src as a script and waits for the promise it may evaluate to; it returns the log.
func (e *env) eval(t *testing.T, src string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	err := e.rt.Await(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		mod, err := Require(e.rt)
		if err != nil {
			return nil, err
		}
		_ = vm.Set("nodeCrypto", mod)
		return vm.RunString(src)
	})
	if err != nil {
		t.Fatalf("%v\noutput so far:\n%s", err, e.log())
	}
	return e.log()
}

// compareGolden runs testdata/name.js and compares its output with testdata/name.golden, recorded
// from Node 20 by the conformance runner, which awaits an exported main as runFile does: from this
// directory, `node ../../../conformance/scripts/run.cjs testdata/name.js > testdata/name.golden`.
func compareGolden(t *testing.T, name string) {
	t.Helper()
	file, _ := filepath.Abs(filepath.Join("testdata", name+".js"))
	golden, err := os.ReadFile(filepath.Join("testdata", name+".golden"))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(newEnv(t).runFile(t, file), "\n")
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
			t.Errorf("line %d:\n got: %s\nwant: %s", i+1, g, w)
		}
	}
}
