// Package diagnostics_channel provides Node's 'diagnostics_channel' module to pluginhost runtimes:
// channel, hasSubscribers, subscribe, unsubscribe, tracingChannel and Channel, with publish,
// bindStore/runStores (over AsyncLocalStorage) and the tracing channels' traceSync, tracePromise and
// traceCallback, as in Node 20 (packages such as undici and pino publish to it at load time).
//
// Differences from Node: channels are per runtime and live as long as it (Node drops unused channels
// through weak references, which goja lacks); a subscriber or store transform that throws is reported
// on the next tick as an uncaught exception (process.on('uncaughtException'), else the log) instead of
// interrupting the publisher.
package diagnostics_channel

import (
	_ "embed"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

//go:embed diagnostics_channel.js
var source string

var script = jsruntime.NewScript("node:diagnostics_channel", source)

// Require returns the 'diagnostics_channel' module of rt, built once per runtime. It needs the
// process global (process.nextTick). Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return script.Instance(rt, func() ([]goja.Value, error) { return []goja.Value{natives(rt)}, nil })
}

func natives(rt *jsruntime.Runtime) *goja.Object {
	vm := rt.VM()
	obj := nodeerr.Natives(vm)
	_ = obj.Set("report", func(call goja.FunctionCall) goja.Value {
		rt.ReportUncaught("a diagnostics_channel subscriber", rt.JSError(call.Argument(0)))
		return goja.Undefined()
	})
	return obj
}
