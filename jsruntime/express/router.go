package express

import (
	"strings"

	"github.com/dop251/goja"
)

// router is Express 4's Router: a callable function object whose prototype carries use, route, param,
// handle and the METHOD helpers. The Go struct holds the stack; router.stack is a live view of it.
type router struct {
	a     *App
	obj   *goja.Object
	stack []*layer
	// onPush, when set, is called after a layer is added (see App.OnLayerAdded).
	onPush func()
}

// push appends a layer to the router's stack.
func (r *router) push(l *layer) {
	r.stack = append(r.stack, l)
	if r.onPush != nil {
		r.onPush()
	}
}

// OnLayerAdded makes fn run (on the loop) each time a layer is added to routerObj's stack. The host uses
// it to report routes a plugin adds to a router that will never be served. Must be called on the loop.
func (a *App) OnLayerAdded(routerObj *goja.Object, fn func()) {
	if r := a.routers[routerObj]; r != nil {
		r.onPush = fn
	}
}

// initRouterProto builds the Router prototype shared by every router of the runtime.
func (a *App) initRouterProto() {
	vm := a.vm
	proto := vm.NewObject()
	self := func(call goja.FunctionCall, name string) *router {
		obj, _ := call.This.(*goja.Object)
		r := a.routers[obj]
		if r == nil {
			panic(vm.NewTypeError("Router." + name + "() called on an object that is not a Router"))
		}
		return r
	}
	_ = proto.Set("use", a.funcValue("use", 1, func(call goja.FunctionCall) goja.Value {
		self(call, "use").use(call.Arguments)
		return call.This
	}))
	_ = proto.Set("route", a.funcValue("route", 1, func(call goja.FunctionCall) goja.Value {
		return self(call, "route").route(call.Argument(0)).obj
	}))
	_ = proto.Set("param", a.funcValue("param", 2, func(call goja.FunctionCall) goja.Value {
		self(call, "param").param(call.Argument(0), call.Argument(1))
		return call.This
	}))
	_ = proto.Set("handle", a.funcValue("handle", 3, func(call goja.FunctionCall) goja.Value {
		r := self(call, "handle")
		out, _ := goja.AssertFunction(call.Argument(2))
		r.handle(call.Argument(0), call.Argument(1), a.jsDone(out))
		return goja.Undefined()
	}))
	for _, m := range append([]string{"all"}, methods...) {
		method := m
		_ = proto.Set(method, a.funcValue(method, 1, func(call goja.FunctionCall) goja.Value {
			r := self(call, method)
			rt := r.route(call.Argument(0))
			var handlers []goja.Value
			if len(call.Arguments) > 1 {
				handlers = call.Arguments[1:]
			}
			rt.add(method, method == "all", handlers)
			return call.This
		}))
	}
	a.routerProto = proto
}

// jsDone adapts a JS `next` callback to a Go completion: called with the error when there is one.
func (a *App) jsDone(out goja.Callable) func(goja.Value) {
	return func(err goja.Value) {
		if out == nil {
			return
		}
		var args []goja.Value
		if err != nil {
			args = []goja.Value{err}
		}
		if thrown, _ := a.invoke(out, goja.Undefined(), args...); thrown != nil {
			panic(thrown)
		}
	}
}

// newRouter is express.Router(options).
func (a *App) newRouter(options goja.Value) *goja.Object {
	vm := a.vm
	r := &router{a: a}
	fn := a.funcValue("router", 3, func(call goja.FunctionCall) goja.Value {
		out, _ := goja.AssertFunction(call.Argument(2))
		r.handle(call.Argument(0), call.Argument(1), a.jsDone(out))
		return goja.Undefined()
	})
	_ = fn.SetPrototype(a.routerProto)
	r.obj = fn
	opt := func(name string) goja.Value {
		if o, ok := options.(*goja.Object); ok {
			return o.Get(name)
		}
		return goja.Undefined()
	}
	_ = fn.Set("params", vm.NewObject())
	_ = fn.Set("_params", vm.NewArray())
	_ = fn.Set("caseSensitive", opt("caseSensitive"))
	_ = fn.Set("mergeParams", opt("mergeParams"))
	_ = fn.Set("strict", opt("strict"))
	_ = fn.Set("stack", vm.NewDynamicArray(&stackView{a: a, layers: &r.stack}))
	a.routers[fn] = r
	return fn
}

// flag reads a router option property (caseSensitive, strict, mergeParams) as Express does: live.
func (r *router) flag(name string) bool {
	v := r.obj.Get(name)
	return v != nil && v.ToBoolean()
}

// pathSpecOf converts a JS path argument into a pathSpec, or panics with path-to-regexp's TypeError.
func (a *App) pathSpecOf(v goja.Value) pathSpec {
	if obj, ok := v.(*goja.Object); ok {
		switch obj.ClassName() {
		case "RegExp":
			return pathSpec{kind: pathRegExp, source: obj.Get("source").String(), flags: obj.Get("flags").String()}
		case "Array":
			n := int(obj.Get("length").ToInteger())
			spec := pathSpec{kind: pathArray, items: make([]pathSpec, n)}
			for i := 0; i < n; i++ {
				spec.items[i] = a.pathSpecOf(obj.Get(itoa(i)))
			}
			return spec
		}
	}
	if isStringValue(v) {
		return pathSpec{kind: pathString, str: v.String()}
	}
	panic(a.vm.NewTypeError(errPathType))
}

// matcher compiles a path argument or throws as Express would.
func (a *App) matcher(path goja.Value, opts pathOptions) *pathMatcher {
	pm, err := newPathMatcher(a.pathSpecOf(path), opts)
	if err != nil {
		panic(a.vm.NewGoError(err))
	}
	return pm
}

// use is Router.prototype.use: an optional path (string, RegExp, array) and middleware functions,
// flattened; one layer per function, matched as a prefix.
func (r *router) use(args []goja.Value) {
	a := r.a
	path := a.vm.ToValue("/")
	offset := 0
	if len(args) > 0 {
		if _, isFn := goja.AssertFunction(args[0]); !isFn {
			arg := args[0]
			for {
				obj, ok := arg.(*goja.Object)
				if !ok || obj.ClassName() != "Array" || obj.Get("length").ToInteger() == 0 {
					break
				}
				arg = obj.Get("0")
			}
			if _, isFn := goja.AssertFunction(arg); !isFn {
				offset = 1
				path = args[0]
			}
		}
	}
	var rest []goja.Value
	if offset < len(args) {
		rest = args[offset:]
	}
	callbacks := a.flatten(rest, nil)
	if len(callbacks) == 0 {
		panic(a.vm.NewTypeError("Router.use() requires a middleware function"))
	}
	for _, fn := range callbacks {
		if _, ok := goja.AssertFunction(fn); !ok {
			panic(a.vm.NewTypeError("Router.use() requires a middleware function but got a " + a.getType(fn)))
		}
	}
	opts := pathOptions{sensitive: r.flag("caseSensitive"), strict: false, end: false}
	for _, fn := range callbacks {
		pm := a.matcher(path, opts)
		r.push(a.newLayer(pm, fn))
	}
}

// getType is Express's gettype: typeof, or the [[Class]] name for objects.
func (a *App) getType(v goja.Value) string {
	t := jsTypeof(v)
	if t != "object" {
		return t
	}
	tag := a.typeTag(v)
	return strings.TrimSuffix(strings.TrimPrefix(tag, "[object "), "]")
}

// route is Router.prototype.route: a new Route in one new layer.
func (r *router) route(path goja.Value) *route {
	a := r.a
	pm := a.matcher(path, pathOptions{sensitive: r.flag("caseSensitive"), strict: r.flag("strict"), end: true})
	rt := a.newRoute(path)
	l := a.newLayer(pm, rt.dispatch)
	l.route = rt
	r.push(l)
	return rt
}

// param is Router.prototype.param(name, fn). The callbacks live in router.params[name], where Express
// keeps them and where dispatch reads them.
func (r *router) param(name, fn goja.Value) {
	a := r.a
	vm := a.vm
	if _, ok := goja.AssertFunction(name); ok {
		params := r.obj.Get("_params").ToObject(vm)
		push, _ := goja.AssertFunction(params.Get("push"))
		_, _ = push(params, name)
		return
	}
	n := name.String()
	n = strings.TrimPrefix(n, ":")
	custom := r.obj.Get("_params").ToObject(vm)
	for i := int64(0); i < custom.Get("length").ToInteger(); i++ {
		f, ok := goja.AssertFunction(custom.Get(itoa(int(i))))
		if !ok {
			continue
		}
		ret, err := f(goja.Undefined(), vm.ToValue(n), fn)
		if err != nil {
			panic(a.rt.ErrorValue(err))
		}
		if ret != nil && ret.ToBoolean() {
			fn = ret
		}
	}
	if _, ok := goja.AssertFunction(fn); !ok {
		panic(a.newError("invalid param() call for " + n + ", got " + fn.String()))
	}
	params := r.obj.Get("params").ToObject(vm)
	list, ok := params.Get(n).(*goja.Object)
	if !ok {
		list = vm.NewArray()
		_ = params.Set(n, list)
	}
	push, _ := goja.AssertFunction(list.Get("push"))
	_, _ = push(list, fn)
}

// newError is `new Error(msg)`.
func (a *App) newError(msg string) *goja.Object {
	obj, err := a.vm.New(a.vm.Get("Error").ToObject(a.vm), a.vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	return obj
}
