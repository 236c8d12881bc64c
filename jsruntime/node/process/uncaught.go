package process

import (
	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/inspect"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
)

// uncaught routes the exceptions nothing catches (a throwing timer callback or listener, an
// unhandled rejection) as Node does, except that the plugin keeps running: to the
// setUncaughtExceptionCaptureCallback callback, else to 'uncaughtException' listeners, after
// 'uncaughtExceptionMonitor' listeners have seen it. With neither, the runtime logs it.
type uncaught struct {
	rt       *jsruntime.Runtime
	p        *goja.Object
	callback goja.Value // the capture callback, or null
}

// deliver hands exc, of the given origin ("uncaughtException", "unhandledRejection"), to the plugin
// and reports whether the plugin took it. A handler that throws is logged: in Node it would crash.
func (u *uncaught) deliver(exc goja.Value, origin string) bool {
	rt := u.rt
	vm := rt.VM()
	if listenerCount(rt, u.p, "uncaughtExceptionMonitor") > 0 {
		if _, err := events.Emit(rt, u.p, "uncaughtExceptionMonitor", exc, vm.ToValue(origin)); err != nil {
			rt.Logger().Error("uncaught exception in uncaughtExceptionMonitor listener", "error", rt.Describe(err).Error())
		}
	}
	if fn, ok := goja.AssertFunction(u.callback); ok {
		if _, err := fn(goja.Undefined(), exc); err != nil {
			rt.Logger().Error("uncaught exception in the uncaught exception capture callback", "error", rt.Describe(err).Error())
		}
		return true
	}
	if listenerCount(rt, u.p, "uncaughtException") == 0 {
		return false
	}
	if _, err := events.Emit(rt, u.p, "uncaughtException", exc, vm.ToValue(origin)); err != nil {
		rt.Logger().Error("uncaught exception in uncaughtException listener", "error", rt.Describe(err).Error())
	}
	return true
}

// rejection is what Node throws for a promise rejected with no handler: the reason itself when it is
// an Error, else an UnhandledPromiseRejection error describing it.
func rejection(vm *goja.Runtime, reason goja.Value) goja.Value {
	if obj, ok := reason.(*goja.Object); ok && vm.InstanceOf(obj, vm.Get("Error").ToObject(vm)) {
		return reason
	}
	ctor, _ := goja.AssertConstructor(vm.Get("Error"))
	e, err := ctor(nil, vm.ToValue("This error originated either by throwing inside of an async function without a catch "+
		"block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason \""+
		inspect.Value(vm, reason, inspect.Defaults)+"\"."))
	if err != nil {
		return reason
	}
	_ = e.Set("code", "ERR_UNHANDLED_REJECTION")
	_ = e.Set("name", "UnhandledPromiseRejection")
	return e
}
