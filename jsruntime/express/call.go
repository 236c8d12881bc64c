package express

import (
	"errors"
	"reflect"

	"github.com/dop251/goja"
)

// invoke calls fn(args...) the way Express's Layer does inside try/catch: a JS throw comes back as the
// thrown value. An interrupt (the runtime is closing) is not a JS error; it is reported separately so
// dispatch stops instead of routing it to error handlers.
func (a *App) invoke(fn goja.Callable, this goja.Value, args ...goja.Value) (thrown goja.Value, interrupted bool) {
	_, err := fn(this, args...)
	if err == nil {
		return nil, false
	}
	var intr *goja.InterruptedError
	if errors.As(err, &intr) {
		return nil, true
	}
	return a.rt.ErrorValue(err), false
}

// callHandler calls a layer's function (route handler, middleware, error middleware or param
// callback) as router 2.x does: a synchronous throw goes to next, and so does the rejection of a
// returned promise-like object, as next(reason || new Error('Rejected promise')), after logging it
// with the request (the runtime logger carries the plugin id). Express 4 ignores the returned
// promise and leaves the request hanging; forwarding it is the host's documented policy. Attaching
// the handler marks the rejection handled, so it is not also reported as unhandled. It reports
// whether the runtime was interrupted, in which case next is not called.
func (a *App) callHandler(fn goja.Callable, req goja.Value, next func(goja.Value), args ...goja.Value) (interrupted bool) {
	ret, err := fn(goja.Undefined(), args...)
	if err != nil {
		var intr *goja.InterruptedError
		if errors.As(err, &intr) {
			return true
		}
		next(a.rt.ErrorValue(err))
		return false
	}
	then, thenable := promiseThen(ret)
	if !thenable {
		return false
	}
	onRejected := a.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		reason := call.Argument(0)
		a.logRejection(req, reason)
		if !reason.ToBoolean() {
			reason = a.newError("Rejected promise")
		}
		next(reason)
		return goja.Undefined()
	})
	if _, err := then(ret, goja.Null(), onRejected); err != nil {
		// A thenable whose then throws: router 2.x calls it inside its try block, so the throw goes
		// to next as well.
		next(a.rt.ErrorValue(err))
	}
	return false
}

// promiseThen returns v's then method when v is an object (not a function) with a callable then:
// router 2.x's isPromise.
func promiseThen(v goja.Value) (goja.Callable, bool) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	if _, isFn := goja.AssertFunction(obj); isFn {
		return nil, false
	}
	then, ok := goja.AssertFunction(obj.Get("then"))
	return then, ok
}

// logRejection reports a handler's rejected promise with the request it was serving.
func (a *App) logRejection(req goja.Value, reason goja.Value) {
	method, url := "", ""
	if obj, ok := req.(*goja.Object); ok {
		method, url = stringProp(obj, "method"), stringProp(obj, "originalUrl")
	}
	a.rt.Logger().Error("async route handler rejected; passing the error to next(err)",
		"method", method, "url", url, "error", a.rt.JSError(reason).Error())
}

// stringProp is obj[name] as a string, "" when undefined or null.
func stringProp(obj *goja.Object, name string) string {
	v := obj.Get(name)
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	return v.String()
}

// isErrorArg reports whether next(arg) carries an error: any truthy value, as in Express.
func isErrorArg(v goja.Value) bool {
	return v != nil && v.ToBoolean()
}

// isString reports whether v is the JS string s.
func isString(v goja.Value, s string) bool {
	return isStringValue(v) && v.String() == s
}

// isStringValue reports whether v is a JS string primitive, without exporting objects (which would
// copy them).
func isStringValue(v goja.Value) bool {
	if v == nil {
		return false
	}
	if _, isObj := v.(*goja.Object); isObj {
		return false
	}
	t := v.ExportType()
	return t != nil && t.Kind() == reflect.String
}

// funcValue returns a JS function backed by fn, with the given name and length (Function.length
// matters: Express dispatches on it).
func (a *App) funcValue(name string, length int, fn func(goja.FunctionCall) goja.Value) *goja.Object {
	obj := a.vm.ToValue(fn).ToObject(a.vm)
	_ = obj.DefineDataProperty("name", a.vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = obj.DefineDataProperty("length", a.vm.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	return obj
}

// flatten collects the functions (or anything) of nested arrays in order, as array-flatten does.
func (a *App) flatten(args []goja.Value, out []goja.Value) []goja.Value {
	for _, v := range args {
		if obj, ok := v.(*goja.Object); ok && obj.ClassName() == "Array" {
			n := int(obj.Get("length").ToInteger())
			items := make([]goja.Value, n)
			for i := 0; i < n; i++ {
				items[i] = obj.Get(itoa(i))
			}
			out = a.flatten(items, out)
			continue
		}
		out = append(out, v)
	}
	return out
}

func itoa(i int) string {
	if i >= 0 && i < 10 {
		return string(rune('0' + i))
	}
	var b [20]byte
	n := len(b)
	neg := i < 0
	if neg {
		i = -i
	}
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	if neg {
		n--
		b[n] = '-'
	}
	return string(b[n:])
}

// typeTag is Object.prototype.toString.call(v): "[object Number]" and so on.
func (a *App) typeTag(v goja.Value) string {
	toString, _ := goja.AssertFunction(a.vm.Get("Object").ToObject(a.vm).Get("prototype").ToObject(a.vm).Get("toString"))
	s, err := toString(v)
	if err != nil {
		return "[object Object]"
	}
	return s.String()
}

// jsTypeof is the JS typeof operator, used for Express's "but got a <type>" messages.
func jsTypeof(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "object"
	}
	if _, ok := goja.AssertFunction(v); ok {
		return "function"
	}
	switch v.ExportType().Kind().String() {
	case "string":
		return "string"
	case "bool":
		return "boolean"
	case "int64", "float64", "int", "uint", "int32":
		return "number"
	}
	if _, ok := v.(*goja.Symbol); ok {
		return "symbol"
	}
	if _, ok := v.Export().(interface{ Int64() int64 }); ok {
		return "bigint"
	}
	return "object"
}
