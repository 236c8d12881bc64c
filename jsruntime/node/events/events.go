// Package events provides Node's 'events' module (EventEmitter) to pluginhost runtimes.
//
// One EventEmitter constructor exists per runtime; Require returns it as the module's exports (the
// constructor itself, with Node 20's members on it: once, on (the async iterator, with its signal,
// close and highWaterMark/lowWaterMark options), addAbortListener, getEventListeners,
// getMaxListeners, setMaxListeners, listenerCount, defaultMaxListeners, errorMonitor,
// captureRejections and captureRejectionSymbol, EventEmitterAsyncResource over async_hooks'
// AsyncResource, usingDomains and the kMaxEventTargetListeners symbols). Argument errors are nodeerr's,
// worded as Node's. The max-listeners warning goes through process.emitWarning when the runtime has
// one. Other host modules make their objects inherit from Prototype so plugins can call on/once/emit
// on them, and use Emit to fire events from Go.
//
// What differs: getEventListeners of an EventTarget throws ERR_NOT_SUPPORTED_IN_PLUGINHOST, because
// the web package's EventTarget keeps its listeners private; an unhandled 'error' event's stack is not
// extended with where it was emitted; EventEmitter.usingDomains is always false (there is no domain
// module).
package events

import (
	_ "embed"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/inspect"
	asynchooks "github.com/pluginhost/pluginhost/jsruntime/node/async_hooks"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

//go:embed events.js
var source string

// script is compiled once and shared: goja Programs are immutable and usable by every runtime.
var script = jsruntime.NewScript("node:events", source)

type key struct{}

type module struct {
	ctor  *goja.Object
	proto *goja.Object
	emit  goja.Callable
	// emitObj is EventEmitter.prototype.emit itself, to recognise objects that do not override it.
	emitObj *goja.Object
}

// load evaluates the module in rt once. Must be called on the loop.
func load(rt *jsruntime.Runtime) (*module, error) {
	return jsruntime.Module(rt, key{}, func() (*module, error) {
		v, err := script.Call(rt, natives(rt))
		if err != nil {
			return nil, err
		}
		ctor := v.(*goja.Object)
		proto := ctor.Get("prototype").(*goja.Object)
		emitObj := proto.Get("emit").(*goja.Object)
		emit, _ := goja.AssertFunction(emitObj)
		return &module{ctor: ctor, proto: proto, emit: emit, emitObj: emitObj}, nil
	})
}

// natives is the object through which events.js reaches Go: nodeerr's errors, inspect(value[, depth])
// for its messages, and asyncResource(), async_hooks' AsyncResource, which EventEmitterAsyncResource
// extends.
func natives(rt *jsruntime.Runtime) *goja.Object {
	vm := rt.VM()
	obj := nodeerr.Natives(vm)
	_ = obj.Set("inspect", func(call goja.FunctionCall) goja.Value {
		opts := inspect.Defaults
		if d := call.Argument(1); !goja.IsUndefined(d) {
			opts.Depth = int(d.ToInteger())
		}
		return vm.ToValue(inspect.Value(vm, call.Argument(0), opts))
	})
	_ = obj.Set("asyncResource", func(goja.FunctionCall) goja.Value {
		mod, err := asynchooks.Require(rt)
		if err != nil {
			panic(vm.NewGoError(err))
		}
		return mod.ToObject(vm).Get("AsyncResource")
	})
	return obj
}

// Require returns the 'events' module for rt: the EventEmitter constructor. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	m, err := load(rt)
	if err != nil {
		return nil, err
	}
	return m.ctor, nil
}

// Prototype returns EventEmitter.prototype of rt, for host objects that must be emitters. Must be
// called on the loop.
func Prototype(rt *jsruntime.Runtime) (*goja.Object, error) {
	m, err := load(rt)
	if err != nil {
		return nil, err
	}
	return m.proto, nil
}

// Emit calls target.emit(name, args...), as Node core does (so a plugin's emit override sees the event;
// EventEmitter.prototype.emit is used when target has no callable emit), and reports whether there
// were listeners. A listener's exception is returned as an error. Must be called on the loop.
func Emit(rt *jsruntime.Runtime, target *goja.Object, name string, args ...goja.Value) (bool, error) {
	m, err := load(rt)
	if err != nil {
		return false, err
	}
	own := target.Get("emit")
	if own == goja.Value(m.emitObj) && name != "error" && !hasListeners(target, name) {
		// EventEmitter.prototype.emit would return false at once: skip the call into JS, which the
		// host makes for every response ('finish', 'close').
		return false, nil
	}
	all := make([]goja.Value, 0, len(args)+1)
	all = append(all, rt.VM().ToValue(name))
	all = append(all, args...)
	emit := m.emit
	if f, ok := goja.AssertFunction(own); ok {
		emit = f
	}
	v, err := emit(target, all...)
	if err != nil {
		return false, rt.Describe(err)
	}
	return v.ToBoolean(), nil
}

// hasListeners reports whether target's _events holds listeners for name (string-keyed events only,
// as the host emits).
func hasListeners(target *goja.Object, name string) bool {
	events, ok := target.Get("_events").(*goja.Object)
	if !ok {
		return false
	}
	v := events.Get(name)
	return v != nil && !goja.IsUndefined(v)
}
