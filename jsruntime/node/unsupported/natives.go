package unsupported

import (
	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	stringdecoder "github.com/pluginhost/pluginhost/jsruntime/node/string_decoder"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// natives is the object through which the modules' JS reaches Go.
func natives(rt *jsruntime.Runtime) *goja.Object {
	vm := rt.VM()
	// required turns a module constructor into a native returning its exports.
	required := func(require func(*jsruntime.Runtime) (goja.Value, error)) func(goja.FunctionCall) goja.Value {
		return func(goja.FunctionCall) goja.Value {
			v, err := require(rt)
			if err != nil {
				rt.Throw(err)
			}
			return v
		}
	}
	fns := map[string]func(goja.FunctionCall) goja.Value{
		"events":        required(events.Require),
		"stream":        required(stream.Require),
		"util":          required(util.Require),
		"stringDecoder": required(stringdecoder.Require),
		// builtin is another module of this package (tls builds on net).
		"builtin": func(call goja.FunctionCall) goja.Value {
			name := call.Argument(0).String()
			v, err := load(rt, name)
			if err != nil {
				rt.Throw(err)
			}
			return v
		},
		"builtinModules": func(goja.FunctionCall) goja.Value {
			var names []any
			if sys := modules.Of(rt); sys != nil {
				for _, n := range sys.Registry().NodeNames() {
					names = append(names, n)
				}
			}
			return vm.NewArray(names...)
		},
		// web is a web class (MessageChannel), the same object as the global.
		"web": func(call goja.FunctionCall) goja.Value {
			v, err := web.Class(rt, call.Argument(0).String())
			if err != nil {
				rt.Throw(err)
			}
			return v
		},
		"lookup":         func(call goja.FunctionCall) goja.Value { return lookup(rt, call) },
		"heapStatistics": func(goja.FunctionCall) goja.Value { return heapStatistics(vm) },
		"compile":        func(call goja.FunctionCall) goja.Value { return compile(vm, call) },
		"run":            func(call goja.FunctionCall) goja.Value { return run(rt, call) },
		"parses":         func(call goja.FunctionCall) goja.Value { return vm.ToValue(parses(call.Argument(0).String())) },
	}
	obj := nodeerr.Natives(vm)
	for name, fn := range fns {
		_ = obj.Set(name, fn)
	}
	return obj
}
