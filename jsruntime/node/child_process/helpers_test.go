package child_process_test

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	childprocess "github.com/pluginhost/pluginhost/jsruntime/node/child_process"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/polyfill"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// newRuntime starts a runtime of the plugin "plugin-x" set up as the platform sets up a plugin's
// (process, the web globals, the polyfills), whose process.env is vars plus the host's PATH, with
// cp = require('child_process'), util = require('util') and logged(), what the runtime has logged so
// far (jstest.Logs' text), as globals.
func newRuntime(t *testing.T, vars map[string]string) *jsruntime.Runtime {
	t.Helper()
	pluginEnv := map[string]string{"PATH": os.Getenv("PATH")}
	for k, v := range vars {
		pluginEnv[k] = v
	}
	return jstest.NewWith(t, jsruntime.Options{Name: "plugin-x"}, buffer.Install,
		func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{Env: pluginEnv}) },
		web.Install, polyfill.Install, jstest.Global("cp", childprocess.Require), jstest.Global("util", util.Require),
		func(rt *jsruntime.Runtime) error {
			return rt.VM().Set("logged", func() string { return jstest.LogsOf(rt).String() })
		})
}

// run evaluates an async function body (src) with a log(...) helper collecting util.format lines
// (each also copied to the test's log), waits for it to finish, and returns the lines. A child's
// inherited output goes to the runtime's logger, so log keeps apart what the script says.
func run(t *testing.T, rt *jsruntime.Runtime, src string) []string {
	t.Helper()
	var mu sync.Mutex // lines is written on the loop and read here
	var lines []string
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		return vm.Set("log", func(call goja.FunctionCall) goja.Value {
			line := util.Format(rt, call.Arguments)
			t.Log("log: " + line)
			mu.Lock()
			lines = append(lines, line)
			mu.Unlock()
			return goja.Undefined()
		})
	})
	jstest.Await(t, rt, "(async () => {\n"+src+"\n})()")
	mu.Lock()
	defer mu.Unlock()
	return append([]string(nil), lines...)
}

// expect runs src and compares its log lines with want.
func expect(t *testing.T, rt *jsruntime.Runtime, src string, want ...string) {
	t.Helper()
	if got := run(t, rt, src); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
