// Package timers is Node's "timers" and "timers/promises" modules. "timers" hands out the very
// function objects of the setTimeout family the web package installs as globals, so code that
// compares or patches them sees one set; "timers/promises" (setTimeout, setImmediate, setInterval as
// an async iterator, scheduler.wait and scheduler.yield, with Node's signal and ref options and
// argument errors) is built on those same functions.
//
// The deprecated timers.enroll, unenroll, active and _unrefActive (legacy.js) make any object a timer,
// as in Node: enroll sets its _idleTimeout, active (or _unrefActive, unreferenced) starts or restarts
// it, and its _onTimeout runs when it fires; unenroll stops it. Each warns once, through util.deprecate.
// What differs: the global clearTimeout does not stop an enrolled object (unenroll does), and the
// object's _idleNext/_idlePrev only say whether it is in a timer list (they point at the object
// itself, not at neighbours in Node's lists); _idleStart is not set.
//
// The ref option is validated and passed to the timer, but a plugin's runtime never exits on an empty
// loop, so it changes nothing.
package timers

import (
	_ "embed"
	"errors"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

var (
	//go:embed promises.js
	promisesSource string
	//go:embed legacy.js
	legacySource string
)

var (
	// promisesScript is the JS half of "timers/promises".
	promisesScript = jsruntime.NewScript("node:timers/promises", promisesSource)
	// legacyScript makes the deprecated members of "timers".
	legacyScript = jsruntime.NewScript("node:timers/legacy", legacySource)
)

// names are the timer functions both modules take from the globals, in Node's order.
var names = []string{"setTimeout", "clearTimeout", "setImmediate", "clearImmediate", "setInterval", "clearInterval"}

type moduleKey struct{}

// Require returns the "timers" module, built once per runtime. Must be called on the loop, after
// web.Install.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return jsruntime.Module(rt, moduleKey{}, func() (goja.Value, error) {
		vm := rt.VM()
		exports, err := globals(vm)
		if err != nil {
			return nil, err
		}
		legacy, err := legacyScript.Instance(rt, func() ([]goja.Value, error) { return legacyArgs(rt) })
		if err != nil {
			return nil, err
		}
		// Node's order: the timer functions, the deprecated members, then promises.
		for _, name := range []string{"_unrefActive", "active", "unenroll", "enroll"} {
			_ = exports.Set(name, legacy.ToObject(vm).Get(name))
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

// legacyArgs are the arguments of legacy.js before its exports: its natives (nodeerr's errors and
// util.deprecate) and the timers.
func legacyArgs(rt *jsruntime.Runtime) ([]goja.Value, error) {
	vm := rt.VM()
	timers, err := globals(vm)
	if err != nil {
		return nil, err
	}
	utilMod, err := util.Require(rt)
	if err != nil {
		return nil, err
	}
	natives := nodeerr.Natives(vm)
	_ = natives.Set("deprecate", utilMod.ToObject(vm).Get("deprecate"))
	return []goja.Value{natives, timers}, nil
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
