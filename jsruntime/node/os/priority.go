package os

import (
	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// getPriority answers only for the plugin's own process (pid 0, omitted, or process.pid): other
// processes belong to the host's machine, not to the plugin.
func getPriority(vm *goja.Runtime, pid goja.Value) goja.Value {
	if !ownProcess(pid) {
		panic(nodeerr.New(vm, "Error", process.NotSupportedCode,
			"os.getPriority() of another process is not supported in pluginhost"))
	}
	return vm.ToValue(ownPriority())
}

// setPriority always throws: the plugin's process is the host, shared by every plugin, and other
// processes are not the plugin's to change.
func setPriority(vm *goja.Runtime, call goja.FunctionCall) goja.Value {
	what := "os.setPriority() of another process"
	if len(call.Arguments) < 2 || ownProcess(call.Argument(0)) {
		what = "os.setPriority() of the host process"
	}
	panic(nodeerr.New(vm, "Error", process.NotSupportedCode, what+" is not supported in pluginhost"))
}

func ownProcess(pid goja.Value) bool {
	if goja.IsUndefined(pid) {
		return true
	}
	n := pid.ToInteger()
	return n == 0 || n == int64(process.Pid())
}
