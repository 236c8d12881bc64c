package child_process_test

import (
	"context"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	childprocess "github.com/pluginhost/pluginhost/jsruntime/node/child_process"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/polyfill"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// records is a slog.Handler keeping each record as "LEVEL message key=value...".
type records struct {
	mu    sync.Mutex
	lines []string
}

func (h *records) Enabled(context.Context, slog.Level) bool { return true }

func (h *records) Handle(_ context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	line := r.Level.String() + " " + r.Message
	r.Attrs(func(a slog.Attr) bool {
		line += " " + a.String()
		return true
	})
	h.lines = append(h.lines, line)
	return nil
}

func (h *records) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *records) WithGroup(string) slog.Handler      { return h }

func (h *records) all() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.lines...)
}

// env is a runtime set up as the platform sets up a plugin's (process, the web globals, the
// polyfills), with
// cp = require('child_process'), util = require('util') and logged() as globals.
type env struct {
	rt   *jsruntime.Runtime
	logs *records
}

// newEnv starts a runtime whose process.env is vars plus the host's PATH.
func newEnv(t *testing.T, vars map[string]string) *env {
	t.Helper()
	logs := &records{}
	rt := jsruntime.New(jsruntime.Options{Name: "plugin-x", Logger: slog.New(logs)})
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
	pluginEnv := map[string]string{"PATH": os.Getenv("PATH")}
	for k, v := range vars {
		pluginEnv[k] = v
	}
	err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
		if err := buffer.Install(rt); err != nil {
			return err
		}
		if err := process.Install(rt, process.Config{Env: pluginEnv}); err != nil {
			return err
		}
		if err := web.Install(rt); err != nil {
			return err
		}
		if err := polyfill.Install(rt); err != nil {
			return err
		}
		cp, err := childprocess.Require(rt)
		if err != nil {
			return err
		}
		u, err := util.Require(rt)
		if err != nil {
			return err
		}
		_ = vm.Set("util", u)
		// logged() is what the runtime has logged so far, one record per line.
		_ = vm.Set("logged", func() string { return strings.Join(logs.all(), "\n") })
		return vm.Set("cp", cp)
	})
	if err != nil {
		t.Fatal(err)
	}
	return &env{rt: rt, logs: logs}
}

// run evaluates an async function body (src) with a log(...) helper collecting util.format lines,
// waits for it to finish, and returns the lines.
func (e *env) run(t *testing.T, src string) []string {
	t.Helper()
	var mu sync.Mutex // lines is written on the loop and read here, possibly before the script ends
	var lines []string
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err := e.rt.Await(ctx, func(vm *goja.Runtime) (goja.Value, error) {
		_ = vm.Set("log", func(call goja.FunctionCall) goja.Value {
			line := util.Format(e.rt, call.Arguments)
			mu.Lock()
			lines = append(lines, line)
			mu.Unlock()
			return goja.Undefined()
		})
		return vm.RunString("(async () => {\n" + src + "\n})()")
	})
	mu.Lock()
	defer mu.Unlock()
	if err != nil {
		t.Fatalf("script failed: %v\noutput so far:\n%s", err, strings.Join(lines, "\n"))
	}
	return append([]string(nil), lines...)
}

// expect runs src and compares its log lines with want.
func (e *env) expect(t *testing.T, src string, want ...string) {
	t.Helper()
	got := e.run(t, src)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
