// Package timers is Node's "timers" and "timers/promises" modules. "timers" hands out the very
// function objects of the setTimeout family the web package installs as globals, so code that
// compares or patches them sees one set; "timers/promises" is built on those same functions.
package timers

import (
	_ "embed"
	"errors"
	"fmt"
	"sync"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

//go:embed promises.js
var promisesSource string

// program is compiled once; a goja Program is immutable and may be run by any number of runtimes.
var program = sync.OnceValues(func() (*goja.Program, error) {
	return goja.Compile("node:timers/promises", promisesSource, true)
})

// names are the timer functions both modules take from the globals.
var names = []string{"setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "clearImmediate"}

type (
	moduleKey   struct{}
	promisesKey struct{}
)

// built is a module or the error building it, cached per runtime.
type built struct {
	v   goja.Value
	err error
}

// Require returns the "timers" module, built once per runtime. Must be called on the loop, after
// web.Install.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	b := rt.Value(moduleKey{}, func() any {
		vm := rt.VM()
		exports, err := globals(vm)
		if err != nil {
			return built{err: err}
		}
		promises, err := RequirePromises(rt)
		if err != nil {
			return built{err: err}
		}
		_ = exports.Set("promises", promises)
		return built{v: exports}
	}).(built)
	return b.v, b.err
}

// RequirePromises returns the "timers/promises" module, built once per runtime. Must be called on the
// loop, after web.Install.
func RequirePromises(rt *jsruntime.Runtime) (goja.Value, error) {
	b := rt.Value(promisesKey{}, func() any {
		v, err := buildPromises(rt)
		return built{v: v, err: err}
	}).(built)
	return b.v, b.err
}

// globals is a new object holding the global timer functions.
func globals(vm *goja.Runtime) (*goja.Object, error) {
	obj := vm.NewObject()
	for _, name := range names {
		fn := vm.GlobalObject().Get(name)
		if _, ok := goja.AssertFunction(fn); !ok {
			return nil, errors.New("timers: the global " + name + " is missing")
		}
		_ = obj.Set(name, fn)
	}
	return obj, nil
}

func buildPromises(rt *jsruntime.Runtime) (goja.Value, error) {
	vm := rt.VM()
	timers, err := globals(vm)
	if err != nil {
		return nil, err
	}
	prog, err := program()
	if err != nil {
		return nil, fmt.Errorf("timers/promises: compiling: %w", err)
	}
	fnVal, err := vm.RunProgram(prog)
	if err != nil {
		return nil, fmt.Errorf("timers/promises: evaluating: %w", rt.Describe(err))
	}
	fn, _ := goja.AssertFunction(fnVal)
	natives := vm.NewObject()
	_ = natives.Set("invalidArgType", func(call goja.FunctionCall) goja.Value {
		return nodeerr.InvalidArgType(vm, call.Argument(0).String(), call.Argument(1).String(), call.Argument(2))
	})
	exports := vm.NewObject()
	if _, err := fn(goja.Undefined(), natives, timers, exports); err != nil {
		return nil, fmt.Errorf("timers/promises: building: %w", rt.Describe(err))
	}
	return exports, nil
}
