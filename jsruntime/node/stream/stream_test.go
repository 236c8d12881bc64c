package stream

import (
	"context"
	"flag"
	"fmt"
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
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

var update = flag.Bool("update", false, "regenerate the .golden files with node")

// env is a runtime with what plugins get that the scenarios use: Buffer, timers, queueMicrotask,
// AbortController, the module system with events, buffer and stream, and a console whose log
// lines are collected.
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
	reg.Register("stream", Require)
	reg.Register("stream/promises", RequirePromises)
	e := &env{rt: jsruntime.New(jsruntime.Options{Name: t.Name()})}
	t.Cleanup(func() { _ = e.rt.Close(context.Background()) })
	root, _ := filepath.Abs("testdata")
	err := e.rt.Do(context.Background(), func(vm *goja.Runtime) error {
		if err := buffer.Install(e.rt); err != nil {
			return err
		}
		if err := web.Install(e.rt); err != nil {
			return err
		}
		console := vm.NewObject()
		_ = console.Set("log", func(call goja.FunctionCall) goja.Value {
			parts := make([]string, len(call.Arguments))
			for i, a := range call.Arguments {
				parts[i] = a.String()
			}
			e.out = append(e.out, strings.Join(parts, " "))
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

// runFile loads file as the main module and waits for the promise it exports; it returns the log.
func (e *env) runFile(file string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err := e.rt.Await(ctx, func(*goja.Runtime) (goja.Value, error) { return e.sys.LoadMain(file) })
	return e.log(), err
}

// log is what console.log printed so far, one line per call.
func (e *env) log() string {
	var out string
	_ = e.rt.Do(context.Background(), func(*goja.Runtime) error {
		out = strings.Join(e.out, "\n") + "\n"
		return nil
	})
	return out
}

// TestScenarios runs each testdata/*.js scenario and compares its event log with the log Node 20
// printed for it (the .golden file next to it; regenerate with -update).
func TestScenarios(t *testing.T) {
	files, err := filepath.Glob("testdata/*.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".js")
		if name == "harness" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			golden := strings.TrimSuffix(file, ".js") + ".golden"
			if *update {
				cmd := exec.Command("node", filepath.Base(file))
				cmd.Dir = "testdata"
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
			abs, _ := filepath.Abs(file)
			got, err := newEnv(t).runFile(abs)
			if err != nil {
				t.Fatalf("run: %v\noutput so far:\n%s", err, got)
			}
			if got != string(want) {
				t.Errorf("event log differs from Node's\n%s", diff(string(want), got))
			}
		})
	}
}

// diff shows the two logs side by side from the first differing line.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	first := -1
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl && first < 0 {
			first = i
		}
		if first >= 0 && i < first+25 {
			mark := " "
			if wl != gl {
				mark = "!"
			}
			fmt.Fprintf(&b, "%s %4d node: %-50s ours: %s\n", mark, i+1, wl, gl)
		}
	}
	return b.String()
}
