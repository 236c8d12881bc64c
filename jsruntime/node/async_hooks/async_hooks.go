// Package async_hooks provides Node's 'async_hooks' module to pluginhost runtimes: AsyncLocalStorage
// (run, exit, getStore, enterWith, disable, static bind and snapshot), AsyncResource (runInAsyncScope,
// bind, static bind, emitDestroy, asyncId, triggerAsyncId), executionAsyncId, triggerAsyncId,
// executionAsyncResource, createHook and asyncWrapProviders.
//
// The store of an AsyncLocalStorage follows the code as in Node: across await and promise reactions,
// setTimeout, setInterval, setImmediate, process.nextTick, queueMicrotask, the callbacks of the host's
// asynchronous APIs (fs, fetch: their promises) and EventEmitter listeners (which run in the context of
// the emit call). The runtime carries the context (jsruntime.Runtime.AsyncContext); each loop job the
// host starts (a request, a Go callback) begins with no store.
//
// What differs from Node, which tracks every async resource through hooks that goja lacks:
//   - createHook validates its callbacks and returns a hook whose enable and disable do nothing: the
//     callbacks are never called, because the runtime reports no async resources.
//   - Async ids and resources identify AsyncResource scopes only. executionAsyncId and
//     executionAsyncResource are the asyncId and object of the innermost AsyncResource whose
//     runInAsyncScope is running (or that a scheduled callback was created under), else 1 and one
//     top-level object; Node gives every timer, tick and promise an id and resource of its own.
//   - disable only makes getStore return undefined until the next run or enterWith; stores captured
//     meanwhile by scheduled callbacks are kept. enterWith inside runInAsyncScope lasts until the scope
//     ends, where Node keeps it on the resource.
//   - A bound function's asyncResource property is a plain property, with no deprecation warning.
package async_hooks

import (
	_ "embed"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

//go:embed async_hooks.js
var source string

var script = jsruntime.NewScript("node:async_hooks", source)

// Require returns the 'async_hooks' module of rt, built once per runtime. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return script.Instance(rt, func() ([]goja.Value, error) { return []goja.Value{natives(rt)}, nil })
}

// natives is the object through which async_hooks.js reaches Go.
func natives(rt *jsruntime.Runtime) *goja.Object {
	vm := rt.VM()
	current, enter := rt.AsyncContextNatives()
	obj := nodeerr.Natives(vm)
	_ = obj.Set("current", current)
	_ = obj.Set("enter", enter)
	return obj
}
