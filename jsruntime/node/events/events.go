// Package events provides Node's 'events' module (EventEmitter) to pluginhost runtimes.
//
// One EventEmitter constructor exists per runtime; Require returns it as the module's exports (the
// constructor itself, with EventEmitter, once, listenerCount, defaultMaxListeners and errorMonitor as
// properties, as in Node). Other host modules make their objects inherit from Prototype so plugins can
// call on/once/emit on them, and use Emit to fire events from Go.
//
// Not provided: max-listener leak warnings (the limit is stored and reported, nothing is printed),
// events.on async iteration, captureRejections, EventTarget.
package events

import (
	_ "embed"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
)

//go:embed events.js
var source string

// program is compiled once and shared: goja Programs are immutable and usable by every runtime.
var script = jsruntime.NewScript("node:events", source)

type key struct{}

type module struct {
	ctor  *goja.Object
	proto *goja.Object
	emit  goja.Callable
}

// load evaluates the module in rt once. Must be called on the loop.
func load(rt *jsruntime.Runtime) (*module, error) {
	return jsruntime.Module(rt, key{}, func() (*module, error) {
		v, err := script.Run(rt)
		if err != nil {
			return nil, err
		}
		ctor := v.(*goja.Object)
		proto := ctor.Get("prototype").(*goja.Object)
		emit, _ := goja.AssertFunction(proto.Get("emit"))
		return &module{ctor: ctor, proto: proto, emit: emit}, nil
	})
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
	all := make([]goja.Value, 0, len(args)+1)
	all = append(all, rt.VM().ToValue(name))
	all = append(all, args...)
	emit := m.emit
	if own, ok := goja.AssertFunction(target.Get("emit")); ok {
		emit = own
	}
	v, err := emit(target, all...)
	if err != nil {
		return false, rt.Describe(err)
	}
	return v.ToBoolean(), nil
}
