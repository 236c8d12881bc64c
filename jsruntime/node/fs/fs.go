// Package fs is Node's "fs" module (sync, callback and promise APIs) and "fs/promises", over the os
// package. Plugins have full filesystem access, as in Luker; paths are resolved against the process's
// working directory. Asynchronous calls do their I/O off the event loop (Runtime.Go).
package fs

import (
	"context"
	"fmt"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// module is the per-runtime state: prototypes and the three API objects.
type module struct {
	rt          *jsruntime.Runtime
	vm          *goja.Runtime
	statsProto  *goja.Object
	direntProto *goja.Object
	typeKey     *goja.Symbol
	exports     *goja.Object
	promises    *goja.Object
}

// result converts an operation's Go outcome into JS, on the loop.
type result func(m *module) goja.Value

// op is one filesystem call whose arguments have been read from JS; it may run on any goroutine.
type op func() (result, error)

// def describes one fs function: build reads and validates the JS arguments (on the loop, throwing
// like Node for bad ones) and returns the call to perform.
type def struct {
	name  string
	build func(m *module, args []goja.Value) op
}

type moduleKey struct{}

func get(rt *jsruntime.Runtime) *module {
	return rt.Value(moduleKey{}, func() any { return newModule(rt) }).(*module)
}

// Require returns the "fs" module. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) { return get(rt).exports, nil }

// RequirePromises returns "fs/promises", which is also require('fs').promises. Must be called on the loop.
func RequirePromises(rt *jsruntime.Runtime) (goja.Value, error) { return get(rt).promises, nil }

func newModule(rt *jsruntime.Runtime) *module {
	vm := rt.VM()
	m := &module{rt: rt, vm: vm, typeKey: goja.NewSymbol("type"), exports: vm.NewObject(), promises: vm.NewObject()}
	m.statsProto = typeProto(vm, "Stats", func(this goja.Value) int64 {
		if o, ok := this.(*goja.Object); ok {
			if mode := o.Get("mode"); mode != nil {
				return mode.ToInteger()
			}
		}
		return 0
	})
	m.direntProto = typeProto(vm, "Dirent", func(this goja.Value) int64 {
		if o, ok := this.(*goja.Object); ok {
			if t := o.GetSymbol(m.typeKey); t != nil {
				return t.ToInteger()
			}
		}
		return 0
	})
	for _, d := range defs {
		m.set(m.exports, d.name+"Sync", m.syncFn(d))
		m.set(m.exports, d.name, m.callbackFn(d))
		m.set(m.promises, d.name, m.promiseFn(d))
	}
	m.set(m.exports, "existsSync", func(call goja.FunctionCall) goja.Value {
		p, valid := m.tryPath(call.Argument(0))
		return vm.ToValue(valid && statOK(p))
	})
	m.set(m.exports, "exists", func(call goja.FunctionCall) goja.Value {
		cb, ok := goja.AssertFunction(call.Argument(1))
		if !ok {
			panic(nodeerr.InvalidArgType(m.vm, "cb", "of type function", call.Argument(1)))
		}
		p, valid := m.tryPath(call.Argument(0))
		promise := m.async(func() (result, error) {
			ok := valid && statOK(p)
			return func(m *module) goja.Value { return m.vm.ToValue(ok) }, nil
		})
		m.rt.WhenSettled(vm.ToValue(promise), func(v goja.Value, _ error) { m.callback(cb, v) })
		return goja.Undefined()
	})
	constants := m.constants()
	m.set(m.exports, "constants", constants)
	m.set(m.promises, "constants", constants)
	for _, name := range []string{"F_OK", "R_OK", "W_OK", "X_OK"} {
		m.set(m.exports, name, constants.Get(name))
	}
	m.set(m.exports, "promises", m.promises)
	m.set(m.exports, "Stats", m.statsProto.Get("constructor"))
	m.set(m.exports, "Dirent", m.direntProto.Get("constructor"))
	return m
}

func (m *module) set(o *goja.Object, name string, v any) {
	if err := o.Set(name, v); err != nil {
		panic(fmt.Errorf("fs: defining %s: %w", name, err))
	}
}

func (m *module) syncFn(d def) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		res, err := d.build(m, call.Arguments)()
		if err != nil {
			panic(m.rt.ErrorValue(err))
		}
		return res(m)
	}
}

func (m *module) promiseFn(d def) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		return m.vm.ToValue(m.async(d.build(m, call.Arguments)))
	}
}

// callbackFn is the Node callback form: the last argument is the callback, called with (err) or
// (null, result) on a later loop turn.
func (m *module) callbackFn(d def) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		args := call.Arguments
		var cb goja.Callable
		if n := len(args); n > 0 {
			cb, _ = goja.AssertFunction(args[n-1])
		}
		if cb == nil {
			panic(nodeerr.InvalidArgType(m.vm, "cb", "of type function", goja.Undefined()))
		}
		p := m.async(d.build(m, args[:len(args)-1]))
		m.rt.WhenSettled(m.vm.ToValue(p), func(v goja.Value, err error) {
			if err != nil {
				m.callback(cb, m.rt.ErrorValue(err))
				return
			}
			if goja.IsUndefined(v) {
				m.callback(cb, goja.Null())
				return
			}
			m.callback(cb, goja.Null(), v)
		})
		return goja.Undefined()
	}
}

// callback calls a user callback; an exception from it is uncaught, so it is logged.
func (m *module) callback(cb goja.Callable, args ...goja.Value) {
	if _, err := cb(goja.Undefined(), args...); err != nil {
		m.rt.Logger().Error("uncaught exception in fs callback", "error", m.rt.Describe(err).Error())
	}
}

// async runs o off the loop and returns the promise of its result.
func (m *module) async(o op) *goja.Promise {
	return m.rt.Go(func(context.Context) func(*goja.Runtime) (goja.Value, error) {
		res, err := o()
		return func(*goja.Runtime) (goja.Value, error) {
			if err != nil {
				return nil, err
			}
			return res(m), nil
		}
	})
}
