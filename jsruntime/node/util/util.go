// Package util is Node's "util" module and the home of its formatter: Format and Inspect render values
// as util.format and util.inspect do, for the console global and for plugins that require "util".
//
// The module is JS (util.js, with MIMEType and MIMEParams in mime.js and parseArgs in parseargs.js)
// over a few Go natives: the formatter, the brand checks goja only exposes to Go (RegExp, Error,
// Promise, Proxy, arguments objects), the .env parser behind parseEnv, libuv's error table behind
// getSystemErrorName and getSystemErrorMap, and the once-only deprecation warning, which goes to the
// runtime's logger.
//
// What differs from Node:
//   - util.types.isGeneratorObject, isMapIterator and isSetIterator look at the prototype chain, since
//     goja keeps those objects' internal slots from Go and JS alike: an object made with
//     Object.create of such a prototype passes. isKeyObject and isCryptoKey go by the object's
//     Symbol.toStringTag (util cannot import crypto, whose tests use util). isModuleNamespaceObject and isExternal are always false: plugins' ES modules
//     are compiled to CommonJS, and goja has no external values.
//   - styleText validates options.stream only when one is given: process.stdout here is a plain
//     writer, not a stream. It colours only when FORCE_COLOR asks for colours, since a plugin's
//     output is never a terminal.
//   - transferableAbortSignal and transferableAbortController return the signal and a controller as
//     they are: there are no workers or MessagePorts to transfer them to.
//   - The deprecated members (util.log, util._extend, the is* functions) do not warn.
package util

import (
	_ "embed"
	"fmt"
	"math"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/inspect"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

var (
	//go:embed util.js
	source string
	//go:embed mime.js
	mimeSource string
	//go:embed parseargs.js
	parseArgsSource string
)

var (
	script          = jsruntime.NewScript("node:util", source)
	mimeScript      = jsruntime.NewScript("node:internal/mime", mimeSource)
	parseArgsScript = jsruntime.NewScript("node:internal/util/parse_args", parseArgsSource)
)

// Require returns the "util" module, built once per runtime. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return script.Instance(rt, func() ([]goja.Value, error) { return []goja.Value{natives(rt)}, nil })
}

// DeepEqual returns Node's deep comparison as a JS function (a, b, strict): util.isDeepStrictEqual's
// when strict is true, assert.deepEqual's loose one otherwise. Node keeps it internal, so it is not
// on the module: assert builds on it. Must be called on the loop.
func DeepEqual(rt *jsruntime.Runtime) (goja.Value, error) {
	if _, err := Require(rt); err != nil {
		return nil, err
	}
	return internal(rt).Get("deepEqual"), nil
}

type internalKey struct{}

// internal is rt's object on which util.js leaves what other built-ins use but plugins do not see.
func internal(rt *jsruntime.Runtime) *goja.Object {
	o, _ := jsruntime.Module(rt, internalKey{}, func() (*goja.Object, error) { return rt.VM().NewObject(), nil })
	return o
}

// natives is the object through which util.js reaches Go.
func natives(rt *jsruntime.Runtime) *goja.Object {
	vm := rt.VM()
	warned := map[string]bool{}
	className := func(name string) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			obj, ok := call.Argument(0).(*goja.Object)
			return vm.ToValue(ok && obj.ClassName() == name)
		}
	}
	fns := map[string]func(goja.FunctionCall) goja.Value{
		"format": func(call goja.FunctionCall) goja.Value {
			return vm.ToValue(format(vm, call.Arguments, inspect.Defaults))
		},
		"formatWithOptions": func(call goja.FunctionCall) goja.Value {
			return vm.ToValue(format(vm, call.Arguments[1:], optionsOf(call.Argument(0))))
		},
		"inspect": func(call goja.FunctionCall) goja.Value {
			return vm.ToValue(inspect.Value(vm, call.Argument(0), optionsOf(call.Argument(1))))
		},
		"isRegExp":      className("RegExp"),
		"isNativeError": className("Error"),
		"isPromise": func(call goja.FunctionCall) goja.Value {
			obj, ok := call.Argument(0).(*goja.Object)
			if !ok {
				return vm.ToValue(false)
			}
			_, isPromise := obj.Export().(*goja.Promise)
			return vm.ToValue(isPromise)
		},
		// warn logs a deprecation; util.js calls it once per deprecated function, and a code shared by
		// several functions is reported once, as Node does.
		"warn": func(call goja.FunctionCall) goja.Value {
			msg, code := call.Argument(0).String(), call.Argument(1)
			if goja.IsUndefined(code) {
				rt.Logger().Warn("DeprecationWarning: " + msg)
			} else if c := code.String(); !warned[c] {
				warned[c] = true
				rt.Logger().Warn(fmt.Sprintf("[%s] DeprecationWarning: %s", c, msg))
			}
			return goja.Undefined()
		},
	}
	obj := nodeerr.Natives(vm)
	for name, fn := range fns {
		_ = obj.Set(name, fn)
	}
	for name, fn := range moreNatives(rt, obj) {
		_ = obj.Set(name, fn)
	}
	_ = obj.Set("internal", internal(rt))
	return obj
}

// optionsOf reads the inspect options util.js normalised ({depth, showHidden}); a null or infinite
// depth means no limit.
func optionsOf(v goja.Value) inspect.Options {
	opts := inspect.Defaults
	obj, ok := v.(*goja.Object)
	if !ok {
		return opts
	}
	if d := obj.Get("depth"); d != nil && !goja.IsUndefined(d) {
		if f := d.ToFloat(); goja.IsNull(d) || f > math.MaxInt32 {
			opts.Depth = math.MaxInt32
		} else {
			opts.Depth = int(f)
		}
	}
	return opts
}

// Inspect renders v as Node's util.inspect does with its defaults (depth 2, breakLength 80, compact 3),
// without colours. Must be called on the loop.
func Inspect(rt *jsruntime.Runtime, v goja.Value) string {
	return inspect.Value(rt.VM(), v, inspect.Defaults)
}
