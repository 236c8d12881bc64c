package process_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// newRuntime is a runtime of the plugin "plugin-x" set up as the platform does: process first, then
// Buffer and the web globals; requireStream() loads the stream module when the script asks.
func newRuntime(t *testing.T, cfg process.Config) *jsruntime.Runtime {
	t.Helper()
	return jstest.NewWith(t, jsruntime.Options{Name: "plugin-x"},
		func(rt *jsruntime.Runtime) error { return process.Install(rt, cfg) },
		buffer.Install, web.Install,
		func(rt *jsruntime.Runtime) error {
			return rt.VM().Set("requireStream", func() (goja.Value, error) { return stream.Require(rt) })
		})
}

// evalFile is jstest.AwaitJSON with src named file in stacks and call sites.
func evalFile(t *testing.T, rt *jsruntime.Runtime, file, src string) string {
	t.Helper()
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		v, err := vm.RunScript(file, src)
		if err != nil {
			return err
		}
		return vm.Set("result", v)
	})
	return jstest.AwaitJSON(t, rt, `result`)
}
