// Package web installs the web-platform globals Node 20 gives plugins: timers, queueMicrotask,
// AbortController/AbortSignal, DOMException, Event/EventTarget, fetch with Headers/Request/Response,
// TextEncoder/TextDecoder, atob/btoa and structuredClone.
//
// The classes are a JS prelude (prelude.js), compiled once per process; everything that touches time,
// the network or bytes is Go: timers run on the runtime's Clock and come back through RunOnLoop, and
// fetch performs the request with net/http on its own goroutine (Runtime.Go).
package web

import (
	_ "embed"
	"fmt"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
)

//go:embed prelude.js
var preludeSource string

// prelude is the JS half of the web globals.
var prelude = jsruntime.NewScript("web/prelude.js", preludeSource)

// Install defines the globals on rt. Must be called on the loop, once per runtime.
func Install(rt *jsruntime.Runtime) error {
	vm := rt.VM()
	t := installTimers(rt)
	natives, err := newNatives(rt, t)
	if err != nil {
		return err
	}
	if _, err := prelude.Call(rt, natives, vm.GlobalObject()); err != nil {
		return fmt.Errorf("web: installing globals: %w", err)
	}
	return nil
}

// newNatives builds the object through which the prelude reaches Go.
func newNatives(rt *jsruntime.Runtime, t *timers) (*goja.Object, error) {
	vm := rt.VM()
	start := rt.Clock().Now()
	f := &fetcher{rt: rt}
	fns := map[string]any{
		"now": func(goja.FunctionCall) goja.Value {
			return vm.ToValue(float64(rt.Clock().Now().Sub(start).Microseconds()) / 1000)
		},
		"reportError": func(call goja.FunctionCall) goja.Value {
			reportError(rt, call.Argument(0))
			return goja.Undefined()
		},
		"setTimeout":     t.setTimeout,
		"utf8Encode":     func(call goja.FunctionCall) goja.Value { return utf8Encode(rt, call.Argument(0).String()) },
		"utf8EncodeInto": func(call goja.FunctionCall) goja.Value { return utf8EncodeInto(rt, call) },
		"utf8Decode":     func(call goja.FunctionCall) goja.Value { return utf8Decode(rt, call) },
		"atob":           func(call goja.FunctionCall) goja.Value { return atob(vm, call.Argument(0).String()) },
		"btoa":           func(call goja.FunctionCall) goja.Value { return btoa(vm, call.Argument(0).String()) },
		"bytes":          func(call goja.FunctionCall) goja.Value { return copyBytes(rt, call.Argument(0)) },
		"parseURL":       func(call goja.FunctionCall) goja.Value { return parseURL(vm, call.Argument(0).String()) },
		"fetch":          f.start,
	}
	obj := vm.NewObject()
	for name, fn := range fns {
		if err := obj.Set(name, fn); err != nil {
			return nil, fmt.Errorf("web: defining native %s: %w", name, err)
		}
	}
	return obj, nil
}

// reportError handles an exception nothing can catch (a timer or listener that threw): it is logged,
// and the plugin keeps running.
func reportError(rt *jsruntime.Runtime, v goja.Value) {
	rt.Logger().Error("uncaught exception", "error", rt.JSError(v).Error())
}
