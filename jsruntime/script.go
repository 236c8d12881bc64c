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
