package util

import (
	"github.com/dop251/goja"
	"maps"
	"slices"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// moreNatives are the natives behind the members Node 20 added to util over the years: the .env
// parser, libuv's error table, the brand checks of util.types that only Go can make, and the scripts
// of MIMEType/MIMEParams and parseArgs (given the same natives object).
func moreNatives(rt *jsruntime.Runtime, natives *goja.Object) map[string]func(goja.FunctionCall) goja.Value {
	vm := rt.VM()
	instance := func(s *jsruntime.Script) func(goja.FunctionCall) goja.Value {
		return func(goja.FunctionCall) goja.Value {
			v, err := s.Instance(rt, func() ([]goja.Value, error) { return []goja.Value{natives}, nil })
			if err != nil {
				panic(vm.NewGoError(err))
			}
			return v
		}
	}
	return map[string]func(goja.FunctionCall) goja.Value{
		"parseEnv": func(call goja.FunctionCall) goja.Value {
			vars := ParseEnv(call.Argument(0).String())
			obj := vm.NewObject()
			for _, k := range slices.Sorted(maps.Keys(vars)) {
				_ = obj.Set(k, vars[k])
			}
			return obj
		},
		// systemErrors is getSystemErrorMap's entries: [errno, [code, description]].
		"systemErrors": func(goja.FunctionCall) goja.Value {
			var entries []any
			nodeerr.SystemErrors(func(errno int, code, desc string) {
				entries = append(entries, []any{errno, []any{code, desc}})
			})
			return vm.ToValue(entries)
		},
		"errnoName": func(call goja.FunctionCall) goja.Value {
			return vm.ToValue(nodeerr.ErrnoName(int(call.Argument(0).ToInteger())))
		},
		"isProxy": func(call goja.FunctionCall) goja.Value {
			obj, ok := call.Argument(0).(*goja.Object)
			if !ok {
				return vm.ToValue(false)
			}
			_, isProxy := obj.Export().(goja.Proxy)
			return vm.ToValue(isProxy)
		},
		"isArgumentsObject": func(call goja.FunctionCall) goja.Value {
			obj, ok := call.Argument(0).(*goja.Object)
			return vm.ToValue(ok && obj.ClassName() == "Arguments")
		},
		"mime":      instance(mimeScript),
		"parseArgs": instance(parseArgsScript),
	}
}
