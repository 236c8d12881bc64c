// Package timers is Node's "timers" and "timers/promises" modules. "timers" hands out the very
// function objects of the setTimeout family the web package installs as globals, so code that
// compares or patches them sees one set; "timers/promises" (setTimeout, setImmediate, setInterval as
// an async iterator, scheduler.wait and scheduler.yield, with Node's signal and ref options and
// argument errors) is built on those same functions.
//
// Not provided: the deprecated timers.active, enroll, unenroll and _unrefActive. The ref option is
// validated and passed to the timer, but a plugin's runtime never exits on an empty loop, so it
// changes nothing.
package timers

import (
	_ "embed"
	"errors"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

//go:embed promises.js
var promisesSource string

// promisesScript is the JS half of "timers/promises".
var promisesScript = jsruntime.NewScript("node:timers/promises", promisesSource)

// names are the timer functions both modules take from the globals.
var names = []string{"setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "clearImmediate"}

type moduleKey struct{}

// Require returns the "timers" module, built once per runtime. Must be called on the loop, after
// web.Install.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return jsruntime.Module(rt, moduleKey{}, func() (goja.Value, error) {
		exports, err := globals(rt.VM())
		if err != nil {
			return nil, err
		}
		promises, err := RequirePromises(rt)
		if err != nil {
			return nil, err
		}
		_ = exports.Set("promises", promises)
		return exports, nil
	})
}

// RequirePromises returns the "timers/promises" module, built once per runtime. Must be called on the
// loop, after web.Install.
func RequirePromises(rt *jsruntime.Runtime) (goja.Value, error) {
	return promisesScript.Instance(rt, func() ([]goja.Value, error) { return promisesArgs(rt) })
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

// promisesArgs are the arguments of promises.js before its exports: its natives and the timers.
func promisesArgs(rt *jsruntime.Runtime) ([]goja.Value, error) {
	vm := rt.VM()
	timers, err := globals(vm)
	if err != nil {
		return nil, err
	}
	return []goja.Value{nodeerr.Natives(vm), timers}, nil
}
