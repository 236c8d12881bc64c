package jsruntime

import (
	"fmt"
	"sync"

	"github.com/dop251/goja"
)

// Script is JS source shipped inside the host (a built-in module's JS half), usually a function
// expression such as `(function (natives, exports) { ... })`. It is compiled once per process, since a
// goja Program is immutable and may run in any number of runtimes; Run or Call evaluates it in one.
type Script struct {
	name    string
	program func() (*goja.Program, error)
}

// NewScript prepares source for compiling on first use; name appears in stack traces ("node:util").
func NewScript(name, source string) *Script {
	return &Script{name: name, program: sync.OnceValues(func() (*goja.Program, error) {
		return goja.Compile(name, source, true)
	})}
}

// Run evaluates the script in rt and returns its value. Must be called on the loop.
func (s *Script) Run(rt *Runtime) (goja.Value, error) {
	prog, err := s.program()
	if err != nil {
		return nil, fmt.Errorf("%s: compile: %w", s.name, err)
	}
	v, err := rt.vm.RunProgram(prog)
	if err != nil {
		return nil, fmt.Errorf("%s: evaluate: %w", s.name, rt.Describe(err))
	}
	return v, nil
}

// Call evaluates the script in rt and calls the function it yields with args. Must be called on the
// loop.
func (s *Script) Call(rt *Runtime, args ...goja.Value) (goja.Value, error) {
	fnVal, err := s.Run(rt)
	if err != nil {
		return nil, err
	}
	fn, ok := goja.AssertFunction(fnVal)
	if !ok {
		return nil, fmt.Errorf("%s: the script does not yield a function", s.name)
	}
	v, err := fn(goja.Undefined(), args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.name, rt.Describe(err))
	}
	return v, nil
}

// Instance returns the module the script makes in rt, building it on first use and keeping it for
// the runtime's life, keyed by the Script itself: one Script is one module instance per runtime.
//
// To build it, args (nil when there are none) supplies the leading arguments, typically the natives
// object through which the JS reaches Go and the modules it builds on; the script's function is then
// called with them followed by a new, empty exports object. The instance is what the function
// returns or, when it returns undefined, the exports object it filled, as with a CommonJS module. A
// failed build, in args or in the script, is not kept, so the next call tries again. Must be called
// on the loop.
func (s *Script) Instance(rt *Runtime, args func() ([]goja.Value, error)) (goja.Value, error) {
	return Module(rt, s, func() (goja.Value, error) {
		var lead []goja.Value
		if args != nil {
			var err error
			if lead, err = args(); err != nil {
				return nil, fmt.Errorf("%s: %w", s.name, err)
			}
		}
		exports := rt.vm.NewObject()
		v, err := s.Call(rt, append(lead[:len(lead):len(lead)], exports)...)
		if err != nil {
			return nil, err
		}
		if goja.IsUndefined(v) {
			return exports, nil
		}
		return v, nil
	})
}

// Module returns the value stored under key for rt, building it with build on first use: how a
// built-in module is instantiated once per runtime. A failed build is not kept, so the next call
// tries again and reports its own error. Must be called on the loop.
func Module[T any](rt *Runtime, key any, build func() (T, error)) (T, error) {
	var err error
	v := rt.Value(key, func() any {
		var mod T
		mod, err = build()
		return mod
	})
	if err != nil {
		delete(rt.values, key)
		var zero T
		return zero, err
	}
	return v.(T), nil
}
