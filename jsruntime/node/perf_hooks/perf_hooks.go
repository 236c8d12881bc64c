// Package perf_hooks provides Node's 'perf_hooks' module and the `performance` global (with
// Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure, PerformanceObserver,
// PerformanceObserverEntryList and PerformanceResourceTiming) to pluginhost runtimes.
//
// performance.now() counts milliseconds since the runtime started, on the runtime's Clock, and
// timeOrigin is that start in milliseconds since the epoch. mark, measure, the entry buffers,
// PerformanceObserver (for mark, measure and timerify's function entries, dispatched with
// setImmediate as in Node), timerify and createHistogram work as in Node.
//
// What differs: the runtime makes no gc, http, http2, net, dns or resource entries, so observers of
// those types see nothing and the resource timing members do nothing; nodeTiming's milestones all read
// 0 (a runtime has no bootstrap phases); eventLoopUtilization reads 0 and monitorEventLoopDelay's
// histogram stays empty, as the loop's delay is not sampled; histograms keep exact values, so
// percentiles are nearest-rank where Node's HDR histogram rounds.
package perf_hooks

import (
	_ "embed"
	"fmt"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

//go:embed perf_hooks.js
var source string

var script = jsruntime.NewScript("node:perf_hooks", source)

// load returns rt's instance of perf_hooks.js: the module's exports.
func load(rt *jsruntime.Runtime) (*goja.Object, error) {
	v, err := script.Instance(rt, func() ([]goja.Value, error) {
		return []goja.Value{natives(rt), rt.VM().GlobalObject()}, nil
	})
	if err != nil {
		return nil, err
	}
	return v.ToObject(rt.VM()), nil
}

// Require returns the 'perf_hooks' module of rt. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return load(rt)
}

// globalClasses are the Performance* classes that are globals.
var globalClasses = []string{
	"Performance", "PerformanceEntry", "PerformanceMark", "PerformanceMeasure", "PerformanceObserver",
	"PerformanceObserverEntryList", "PerformanceResourceTiming",
}

// Install defines the `performance` global and the Performance* classes as Node does: accessors that
// evaluate perf_hooks.js on first read. performance.now() counts from this call, the runtime's
// start, whenever the module is evaluated. The module needs the web globals (EventTarget,
// setImmediate, structuredClone, DOMException). Must be called on the loop, once per runtime.
func Install(rt *jsruntime.Runtime) error {
	startOf(rt)
	member := func(name string) func() (goja.Value, error) {
		return func() (goja.Value, error) {
			m, err := load(rt)
			if err != nil {
				return nil, fmt.Errorf("perf_hooks: %w", err)
			}
			return m.Get(name), nil
		}
	}
	for _, name := range globalClasses {
		if err := jsruntime.DefineLazyClass(rt, name, member(name)); err != nil {
			return err
		}
	}
	return jsruntime.DefineLazyValue(rt, "performance", true, member("performance"))
}

// startKey is the per-runtime key of the time performance.now() counts from.
type startKey struct{}

// startOf is rt's time origin: when Install (or, without the globals, the module) first asked.
func startOf(rt *jsruntime.Runtime) time.Time {
	start, _ := jsruntime.Module(rt, startKey{}, func() (time.Time, error) { return rt.Clock().Now(), nil })
	return start
}

// natives is the object through which perf_hooks.js reaches Go.
func natives(rt *jsruntime.Runtime) *goja.Object {
	vm := rt.VM()
	start := startOf(rt)
	obj := nodeerr.Natives(vm)
	_ = obj.Set("now", func(goja.FunctionCall) goja.Value {
		return vm.ToValue(float64(rt.Clock().Now().Sub(start).Nanoseconds()) / 1e6)
	})
	_ = obj.Set("timeOrigin", float64(start.UnixMicro())/1e3)
	return obj
}
