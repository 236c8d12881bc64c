package nodeerr

import "github.com/dop251/goja"

// Natives returns a new natives object (the object through which a built-in's JS half reaches Go)
// holding the error constructors every JS half uses, under these names; the module adds its own
// natives to it. Each returns the error for the JS to throw:
//
//	error(ctor, code, message)      New
//	argType(name, expected, value)  InvalidArgType; expected is the phrase after "must be" ("of type
//	                                string") or an array of type names, worded by Expected
//	argValue(name, value, reason)   InvalidArgValue; without a reason, Node's "is invalid"
//	outOfRange(name, bounds, value) OutOfRange
//	notSupported(what)              NotSupported
//
// and received(value) returns Received's description of a value, for messages the JS builds itself.
func Natives(vm *goja.Runtime) *goja.Object {
	str := func(call goja.FunctionCall, i int) string { return call.Argument(i).String() }
	fns := map[string]func(goja.FunctionCall) goja.Value{
		"error": func(call goja.FunctionCall) goja.Value {
			return New(vm, str(call, 0), str(call, 1), str(call, 2))
		},
		"argType": func(call goja.FunctionCall) goja.Value {
			expected := str(call, 1)
			if list, ok := call.Argument(1).(*goja.Object); ok && list.ClassName() == "Array" {
				var types []string
				if err := vm.ExportTo(list, &types); err != nil {
					panic(vm.NewGoError(err))
				}
				expected = Expected(types...)
			}
			return InvalidArgType(vm, str(call, 0), expected, call.Argument(2))
		},
		"argValue": func(call goja.FunctionCall) goja.Value {
			reason := ""
			if r := call.Argument(2); !goja.IsUndefined(r) {
				reason = r.String()
			}
			return InvalidArgValue(vm, str(call, 0), call.Argument(1), reason)
		},
		"outOfRange": func(call goja.FunctionCall) goja.Value {
			return OutOfRange(vm, str(call, 0), str(call, 1), call.Argument(2))
		},
		"notSupported": func(call goja.FunctionCall) goja.Value { return NotSupported(vm, str(call, 0)) },
		"received":     func(call goja.FunctionCall) goja.Value { return vm.ToValue(Received(vm, call.Argument(0))) },
	}
	obj := vm.NewObject()
	for name, fn := range fns {
		_ = obj.Set(name, fn)
	}
	return obj
}
