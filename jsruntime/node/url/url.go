// Package url is Node's url module: the WHATWG URL and URLSearchParams (from goja_nodejs), the file URL
// helpers fileURLToPath and pathToFileURL, and the legacy parse, format and resolve.
package url

import (
	"errors"
	"fmt"

	"github.com/dop251/goja"
	gojaurl "github.com/dop251/goja_nodejs/url"

	"github.com/pluginhost/pluginhost/jsruntime"
)

type exportsKey struct{}

// Require returns the runtime's url module. Its URL is the same constructor Install makes global, so
// instanceof agrees between them.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return exportsOf(rt)
}

// Install makes URL and URLSearchParams globals, as they are in Node. Must be called on the loop.
func Install(rt *jsruntime.Runtime) error {
	exports, err := exportsOf(rt)
	if err != nil {
		return err
	}
	vm := rt.VM()
	for _, name := range []string{"URL", "URLSearchParams"} {
		if err := vm.Set(name, exports.Get(name)); err != nil {
			return fmt.Errorf("install %s: %w", name, err)
		}
	}
	return nil
}

// exportsOf builds the module once per runtime.
func exportsOf(rt *jsruntime.Runtime) (*goja.Object, error) {
	var err error
	exports := rt.Value(exportsKey{}, func() any {
		var obj *goja.Object
		obj, err = build(rt)
		return obj
	}).(*goja.Object)
	if exports == nil {
		if err == nil {
			err = errors.New("url module failed to initialise")
		}
		return nil, err
	}
	return exports, err
}

func build(rt *jsruntime.Runtime) (*goja.Object, error) {
	vm := rt.VM()
	exports := vm.NewObject()
	module := vm.NewObject()
	if err := module.Set("exports", exports); err != nil {
		return nil, err
	}
	// goja_nodejs's url needs no require registry: its loader only fills module.exports.
	gojaurl.Require(vm, module)
	u := &urlModule{rt: rt, vm: vm, ctor: exports.Get("URL")}
	for name, fn := range map[string]func(goja.FunctionCall) goja.Value{
		"fileURLToPath": u.fileURLToPath,
		"pathToFileURL": u.pathToFileURL,
		"parse":         u.parse,
		"format":        u.format,
		"resolve":       u.resolve,
	} {
		if err := exports.Set(name, fn); err != nil {
			return nil, err
		}
	}
	return exports, nil
}

type urlModule struct {
	rt   *jsruntime.Runtime
	vm   *goja.Runtime
	ctor goja.Value // URL
}
