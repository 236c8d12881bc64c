package express

import (
	"strings"

	"github.com/dop251/goja"
)

// route is Express's Route: a path with its own stack of method handlers. Its JS object has path,
// stack (a live view) and methods, and the Route prototype's METHOD/all helpers.
type route struct {
	a          *App
	obj        *goja.Object
	stack      []*layer
	methods    map[string]bool
	all        bool
	methodsObj *goja.Object
	dispatch   *goja.Object // the "bound dispatch" function the router layer holds
}

// initRouteProto builds Route.prototype: all() and one helper per HTTP method.
func (a *App) initRouteProto() {
	vm := a.vm
	proto := vm.NewObject()
	ctor := a.funcValue("Route", 1, func(call goja.FunctionCall) goja.Value {
		return a.newRoute(call.Argument(0)).obj
	})
	_ = ctor.Set("prototype", proto)
	_ = proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	add := func(method string, all bool) {
		_ = proto.Set(method, a.funcValue(method, 0, func(call goja.FunctionCall) goja.Value {
			rt := a.routes[call.This.ToObject(vm)]
			if rt == nil {
				panic(vm.NewTypeError("Route." + method + "() called on an object that is not a Route"))
			}
			rt.add(method, all, call.Arguments)
			return call.This
		}))
	}
	add("all", true)
	for _, m := range methods {
		add(m, false)
	}
	a.routeProto = proto
}

func (a *App) newRoute(path goja.Value) *route {
	vm := a.vm
	r := &route{a: a, methods: map[string]bool{}}
	r.obj = vm.CreateObject(a.routeProto)
	r.methodsObj = vm.NewObject()
	_ = r.obj.Set("path", path)
	_ = r.obj.Set("stack", vm.NewDynamicArray(&stackView{layers: &r.stack, a: a}))
	_ = r.obj.Set("methods", r.methodsObj)
	r.dispatch = a.funcValue("bound dispatch", 3, func(call goja.FunctionCall) goja.Value {
		r.run(call.Argument(0), call.Argument(1), call.Argument(2))
		return goja.Undefined()
	})
	a.routes[r.obj] = r
	return r
}

// add is Route.prototype[method] / Route.prototype.all: one sub-layer per handler, validated as Express
// does (Error for a method, TypeError for all).
func (r *route) add(method string, all bool, args []goja.Value) {
	vm := r.a.vm
	handles := r.a.flatten(args, nil)
	for _, h := range handles {
		if _, ok := goja.AssertFunction(h); !ok {
			msg := "Route." + method + "() requires a callback function but got a " + r.a.typeTag(h)
			if all {
				panic(vm.NewTypeError(msg))
			}
			panic(r.a.newError(msg))
		}
		l := r.a.newLayer(routeSubMatcher, h)
		l.inRoute = true
		if all {
			r.all = true
			_ = r.methodsObj.Set("_all", true)
		} else {
			l.method, l.hasMethod = method, true
			r.methods[method] = true
			_ = r.methodsObj.Set(method, true)
		}
		r.stack = append(r.stack, l)
	}
}

// routeSubMatcher is the path of a Route's sub-layers ('/'); it is never matched against.
var routeSubMatcher = &pathMatcher{source: "^\\/?$", flags: "i", literal: true, end: true}

// handlesMethod is Route.prototype._handles_method.
func (r *route) handlesMethod(method string) bool {
	if r.all {
		return true
	}
	name := strings.ToLower(method)
	if name == "head" && !r.methods["head"] {
		name = "get"
	}
	return r.methods[name]
}

// options is Route.prototype._options: the methods in insertion order, upper-cased, plus HEAD when
// GET is there without HEAD.
func (r *route) options() []string {
	keys := r.methodsObj.Keys()
	out := make([]string, 0, len(keys)+1)
	for _, k := range keys {
		out = append(out, strings.ToUpper(k))
	}
	if r.methods["get"] && !r.methods["head"] {
		out = append(out, "HEAD")
	}
	return out
}

// run is Route.prototype.dispatch called with JS values (from the router or from plugin code).
func (r *route) run(req, res, done goja.Value) {
	doneFn, _ := goja.AssertFunction(done)
	r.dispatchRoute(req, res, func(err goja.Value) {
		if doneFn == nil {
			return
		}
		args := []goja.Value{}
		if err != nil {
			args = append(args, err)
		}
		if thrown, _ := r.a.invoke(doneFn, goja.Undefined(), args...); thrown != nil {
			panic(thrown)
		}
	})
}

// dispatchRoute runs the route's handlers for req's method; done receives the pending error (nil for
// none, the string "router" to leave the router).
func (r *route) dispatchRoute(req, res goja.Value, done func(err goja.Value)) {
	a := r.a
	if len(r.stack) == 0 {
		done(nil)
		return
	}
	reqObj := req.ToObject(a.vm)
	method := lowerName(reqObj.Get("method").String())
	if method == "head" && !r.methods["head"] {
		method = "get"
	}
	_ = reqObj.Set("route", r.obj)

	run := &routeRun{r: r, req: req, res: res, method: method, done: done}
	run.nextGo = run.next
	run.nextFn = a.funcValue("next", 1, func(call goja.FunctionCall) goja.Value {
		run.next(call.Argument(0))
		return goja.Undefined()
	})
	run.next(nil)
}

// routeRun is the state of one dispatchRoute call: the variables Route.prototype.dispatch's next
// closes over, held in one struct instead of one heap cell each.
type routeRun struct {
	r        *route
	req, res goja.Value
	method   string
	done     func(err goja.Value)
	idx      int
	sync     int
	nextGo   func(err goja.Value) // next as a func value, made once
	nextFn   *goja.Object         // next as the JS function handlers receive
}

// next is the route's next(err).
func (run *routeRun) next(err goja.Value) {
	r, a := run.r, run.r.a
	if isString(err, "route") {
		run.done(nil)
		return
	}
	if isString(err, "router") {
		run.done(err)
		return
	}
	run.sync++
	if run.sync > maxSyncNext {
		a.rt.RunOnLoop(func(*goja.Runtime) { run.next(err) })
		return
	}
	for {
		if run.idx >= len(r.stack) {
			run.done(errOrNil(err))
			return
		}
		l := r.stack[run.idx]
		run.idx++
		if l.hasMethod && l.method != run.method {
			continue
		}
		if isErrorArg(err) {
			if l.arity != 4 {
				continue
			}
			if a.callHandler(l.fn, run.req, run.nextGo, err, run.req, run.res, run.nextFn) {
				return
			}
		} else {
			if l.arity > 3 {
				continue
			}
			if a.callHandler(l.fn, run.req, run.nextGo, run.req, run.res, run.nextFn) {
				return
			}
		}
		run.sync = 0
		return
	}
}

// maxSyncNext is Express's bound on synchronous next() recursion before it defers with setImmediate.
const maxSyncNext = 100

// errOrNil maps falsy error arguments to nil.
func errOrNil(err goja.Value) goja.Value {
	if isErrorArg(err) {
		return err
	}
	return nil
}

// stackView exposes a Go layer slice as a live JS array (router.stack, route.stack). Plugins read its
// length and entries and sometimes splice it; entries they insert must be layers taken from a stack.
type stackView struct {
	a      *App
	layers *[]*layer
}

func (s *stackView) Len() int { return len(*s.layers) }

func (s *stackView) Get(i int) goja.Value {
	if i < 0 || i >= len(*s.layers) || (*s.layers)[i] == nil {
		return goja.Undefined()
	}
	return (*s.layers)[i].jsObject()
}

func (s *stackView) Set(i int, v goja.Value) bool {
	if i < 0 {
		return false
	}
	var l *layer
	if obj, ok := v.(*goja.Object); ok {
		l, _ = obj.Export().(*layer)
	}
	if l == nil && v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		return false
	}
	for len(*s.layers) <= i {
		*s.layers = append(*s.layers, nil)
	}
	(*s.layers)[i] = l
	return true
}

func (s *stackView) SetLen(n int) bool {
	if n < 0 {
		return false
	}
	if n <= len(*s.layers) {
		clear((*s.layers)[n:])
		*s.layers = (*s.layers)[:n]
		return true
	}
	for len(*s.layers) < n {
		*s.layers = append(*s.layers, nil)
	}
	return true
}
