package jsruntime

import (
	"fmt"

	"github.com/dop251/goja"
)

// Node 20 creates many globals on first use: a global accessor loads the module behind it when it is
// first read. DefineLazyClass and DefineLazyValue give a runtime the same globals with the same
// property shapes, so a plugin that never touches them never pays for building them (each such
// module costs a runtime about 100-200 KiB and a millisecond of start-up).

// DefineLazyClass defines the global name as Node defines a lazily loaded class (Blob, CryptoKey,
// Performance, ...): a non-enumerable accessor whose getter, named "get <name>", calls load and
// replaces itself with a plain writable, configurable, non-enumerable data property holding the
// result; assigning the global replaces it the same way without loading. A load error is thrown into
// the JS reading the global, and the accessor stays so that a later read tries again. Must be called
// on the loop.
func DefineLazyClass(rt *Runtime, name string, load func() (goja.Value, error)) error {
	return DefineLazyData(rt, name, false, load)
}

// DefineLazyData is DefineLazyClass for a global that Node defines as a plain data property but that
// is cheaper to build on first use (fetch, which is enumerable): it becomes that property when first
// read or assigned. Must be called on the loop.
func DefineLazyData(rt *Runtime, name string, enumerable bool, load func() (goja.Value, error)) error {
	vm := rt.VM()
	global := vm.GlobalObject()
	flag := goja.FLAG_FALSE
	if enumerable {
		flag = goja.FLAG_TRUE
	}
	become := func(v goja.Value) {
		_ = global.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, flag)
	}
	get := func(goja.FunctionCall) goja.Value {
		v, err := load()
		if err != nil {
			rt.Throw(err)
		}
		become(v)
		return v
	}
	set := func(call goja.FunctionCall) goja.Value {
		become(call.Argument(0))
		return goja.Undefined()
	}
	return defineLazy(rt, name, get, set, flag)
}

// DefineLazyValue defines the global name as Node defines a lazily created instance (crypto,
// performance): an enumerable accessor that stays one. Its getter, named "get <name>", returns
// load's result, which must be the same value on every call (load memoises). With settable, an
// assignment is kept and returned by later reads instead (Node's performance); without, the accessor
// has no setter, so an assignment is ignored, or throws in strict code (Node's crypto). Must be
// called on the loop.
func DefineLazyValue(rt *Runtime, name string, settable bool, load func() (goja.Value, error)) error {
	var assigned goja.Value
	get := func(goja.FunctionCall) goja.Value {
		if assigned != nil {
			return assigned
		}
		v, err := load()
		if err != nil {
			rt.Throw(err)
		}
		return v
	}
	var set func(goja.FunctionCall) goja.Value
	if settable {
		set = func(call goja.FunctionCall) goja.Value {
			assigned = call.Argument(0)
			return goja.Undefined()
		}
	}
	return defineLazy(rt, name, get, set, goja.FLAG_TRUE)
}

func defineLazy(rt *Runtime, name string, get, set func(goja.FunctionCall) goja.Value, enumerable goja.Flag) error {
	vm := rt.VM()
	getter, err := accessorFunc(vm, "get "+name, get)
	if err != nil {
		return err
	}
	var setter goja.Value
	if set != nil {
		if setter, err = accessorFunc(vm, "set "+name, set); err != nil {
			return err
		}
	}
	if err := vm.GlobalObject().DefineAccessorProperty(name, getter, setter, goja.FLAG_TRUE, enumerable); err != nil {
		return fmt.Errorf("jsruntime: defining the global %s: %w", name, err)
	}
	return nil
}

// accessorFunc is fn as a JS function named name, as V8 names accessors ("get crypto").
func accessorFunc(vm *goja.Runtime, name string, fn func(goja.FunctionCall) goja.Value) (*goja.Object, error) {
	f := vm.ToValue(fn).(*goja.Object)
	if err := f.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
		return nil, fmt.Errorf("jsruntime: naming %s: %w", name, err)
	}
	return f, nil
}
