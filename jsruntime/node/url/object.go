package url

import (
	"fmt"

	"github.com/dop251/goja"
)

// class makes a constructor named name whose body hands this and its arguments to init. It is JS so
// that it behaves as Node's classes do: it needs new, and subclasses get their own prototype. params
// gives it its length.
func (m *module) class(name, params string, init func(this *goja.Object, args []goja.Value)) *goja.Object {
	src := fmt.Sprintf(`(init => {
		function %[1]s(%[2]s) {
			if (new.target === undefined) throw new TypeError("Class constructor %[1]s cannot be invoked without 'new'");
			init(this, ...arguments);
		}
		Object.defineProperty(%[1]s, "prototype", { writable: false });
		return %[1]s;
	})`, name, params)
	fv, err := m.vm.RunString(src)
	must(err)
	f, ok := goja.AssertFunction(fv)
	if !ok {
		panic("class factory is not a function")
	}
	ctor, err := f(goja.Undefined(), m.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		init(call.Argument(0).(*goja.Object), call.Arguments[1:])
		return goja.Undefined()
	}))
	must(err)
	return ctor.(*goja.Object)
}

// attach stores Go state in obj's hidden slot.
func (m *module) attach(obj *goja.Object, state any) {
	must(obj.DefineDataPropertySymbol(m.slot, m.vm.ToValue(state), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE))
}

// stateOf returns the Go state in v's slot, if v is an object that has one.
func stateOf[T any](m *module, v goja.Value) (T, bool) {
	var zero T
	obj, ok := v.(*goja.Object)
	if !ok {
		return zero, false
	}
	slot := obj.GetSymbol(m.slot)
	if slot == nil {
		return zero, false
	}
	s, ok := slot.Export().(T)
	return s, ok
}

// argAt is args[i], or undefined past the end.
func argAt(args []goja.Value, i int) goja.Value {
	if i < len(args) {
		return args[i]
	}
	return goja.Undefined()
}
