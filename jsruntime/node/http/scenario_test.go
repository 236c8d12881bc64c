package http_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/console"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	nodehttp "github.com/pluginhost/pluginhost/jsruntime/node/http"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	"github.com/pluginhost/pluginhost/jsruntime/node/url"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

var update = flag.Bool("update", false, "record the scenarios' golden files by running them under node")

// scenarios are testdata/<name>.js; each one's output under Node 20, talking to the same server, is
// testdata/<name>.golden.
var scenarios = []string{"get", "post", "headers", "errors", "abort", "timeout", "misc", "agent", "https", "socketpath"}

func TestScenariosMatchNode(t *testing.T) {
	srv := newTestServer(t)
	for _, name := range scenarios {
		t.Run(name, func(t *testing.T) {
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				record(t, srv, name, golden)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			got := runScenario(t, srv, name)
			compareLines(t, got, string(want))
		})
	}
}

// record runs the scenario under node and writes its output as the golden file.
func record(t *testing.T, srv *testServer, name, golden string) {
	t.Helper()
	env, _ := json.Marshal(srv.env())
	script, _ := filepath.Abs(filepath.Join("testdata", name+".js"))
	out, err := exec.Command("node", "testdata/run.js", script, string(env)).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	if err := os.WriteFile(golden, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// newRuntime is a runtime with the globals the scenarios use (process, Buffer, timers, URL,
// AbortController) and a require that knows the modules they load.
func newRuntime(t *testing.T) *jsruntime.Runtime {
	t.Helper()
	rt := jsruntime.New(jsruntime.Options{Name: "test"})
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
	err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
		installs := []func(*jsruntime.Runtime) error{
			console.Install, buffer.Install,
			func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{}) },
			web.Install, url.Install,
		}
		for _, install := range installs {
			if err := install(rt); err != nil {
				return err
			}
		}
		mods := map[string]func(*jsruntime.Runtime) (goja.Value, error){
			"http": nodehttp.Require, "https": nodehttp.RequireHTTPS, "stream": stream.Require,
			"events": events.Require, "buffer": buffer.Require,
		}
		return vm.Set("require", func(name string) goja.Value {
			req, ok := mods[strings.TrimPrefix(name, "node:")]
			if !ok {
				panic(vm.NewGoError(&os.PathError{Op: "require", Path: name, Err: os.ErrNotExist}))
			}
			v, err := req(rt)
			if err != nil {
				panic(vm.NewGoError(err))
			}
			return v
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return rt
}

// runScenario runs testdata/<name>.js in a fresh runtime and returns what it logged.
func runScenario(t *testing.T, srv *testServer, name string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name+".js"))
	if err != nil {
		t.Fatal(err)
	}
	rt := newRuntime(t)
	var out strings.Builder
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err = rt.Await(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		wrapped, err := vm.RunScript(name+".js", "(function (module, require) {"+string(src)+"\n})")
		if err != nil {
			return nil, err
		}
		module := vm.NewObject()
		fn, _ := goja.AssertFunction(wrapped)
		if _, err := fn(goja.Undefined(), module, vm.Get("require")); err != nil {
			return nil, err
		}
		main, _ := goja.AssertFunction(module.Get("exports"))
		log := func(call goja.FunctionCall) goja.Value {
			parts := make([]string, len(call.Arguments))
			for i, a := range call.Arguments {
				parts[i] = a.String()
			}
			out.WriteString(strings.Join(parts, " ") + "\n")
			return goja.Undefined()
		}
		return main(goja.Undefined(), vm.ToValue(srv.env()), vm.ToValue(log))
	})
	if err != nil {
		t.Fatalf("%v\noutput so far:\n%s", err, out.String())
	}
	return out.String()
}

func compareLines(t *testing.T, got, want string) {
	t.Helper()
	g := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	w := strings.Split(strings.TrimSuffix(want, "\n"), "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Errorf("line %d\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
}
