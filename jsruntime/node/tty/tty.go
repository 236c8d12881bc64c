// Package tty is Node's "tty" module for pluginhost runtimes. A plugin never owns a terminal: its
// output goes to the host's logger, so isatty is always false and the stream classes cannot be built.
// Packages such as chalk and debug only call isatty and compare streams with the classes, which works.
package tty

import (
	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

type moduleKey struct{}

// Require returns the "tty" module, built once per runtime. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return rt.Value(moduleKey{}, func() any { return build(rt.VM()) }).(goja.Value), nil
}

func build(vm *goja.Runtime) goja.Value {
	mod := vm.NewObject()
	_ = mod.Set("isatty", func(goja.FunctionCall) goja.Value { return vm.ToValue(false) })
	_ = mod.Set("ReadStream", unsupported(vm, "ReadStream"))
	_ = mod.Set("WriteStream", unsupported(vm, "WriteStream"))
	return mod
}

// unsupported is a constructor, so that `instanceof tty.WriteStream` still works, that throws
// ERR_NOT_SUPPORTED_IN_PLUGINHOST naming itself whenever it is called.
func unsupported(vm *goja.Runtime, name string) goja.Value {
	return vm.ToValue(func(goja.ConstructorCall) *goja.Object {
		panic(nodeerr.New(vm, "Error", process.NotSupportedCode, "tty."+name+" is not supported in pluginhost: plugins have no terminal"))
	})
}
