package process

import (
	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// ExitCode is the code of the error thrown by exit, reallyExit, abort and kill(process.pid): stopping
// the process would stop every plugin and the host, so the call unwinds the plugin's code instead.
const ExitCode = "ERR_PROCESS_EXIT_IN_PLUGINHOST"

// NotSupportedCode is the code of the error thrown by members that would change the host process
// (chdir, kill of another process).
const NotSupportedCode = "ERR_NOT_SUPPORTED_IN_PLUGINHOST"

// defineControl sets the members that would stop or alter the host process in Node.
func defineControl(rt *jsruntime.Runtime, p *goja.Object, _ Config) error {
	vm := rt.VM()
	refuse := func(what string, code goja.Value) {
		rt.Logger().Error("plugin tried to stop the process; refused", "call", what, "code", code.String())
		panic(nodeerr.New(vm, "Error", ExitCode, what+" is not allowed in pluginhost: it would stop the host"))
	}
	exit := func(call goja.FunctionCall) goja.Value {
		code := call.Argument(0)
		if !goja.IsUndefined(code) && !goja.IsNull(code) {
			_ = p.Set("exitCode", code)
		}
		refuse("process.exit()", p.Get("exitCode"))
		return nil
	}
	fns := map[string]func(goja.FunctionCall) goja.Value{
		"exit":       exit,
		"reallyExit": exit,
		"abort": func(goja.FunctionCall) goja.Value {
			refuse("process.abort()", vm.ToValue(134))
			return nil
		},
		"kill": func(call goja.FunctionCall) goja.Value {
			if call.Argument(0).ToInteger() == int64(hostPid) {
				refuse("process.kill(process.pid)", call.Argument(1))
			}
			panic(nodeerr.New(vm, "Error", NotSupportedCode, "process.kill() of another process is not supported in pluginhost"))
		},
		"chdir": func(goja.FunctionCall) goja.Value {
			// The working directory is shared by every plugin and the host.
			panic(nodeerr.New(vm, "Error", NotSupportedCode, "process.chdir() is not supported in pluginhost"))
		},
		"umask": func(goja.FunctionCall) goja.Value { return vm.ToValue(0o022) },
	}
	for name, fn := range fns {
		if err := p.Set(name, fn); err != nil {
			return err
		}
	}
	return p.Set("exitCode", goja.Undefined())
}
