package express

import (
	"strings"

	"github.com/dop251/goja"
)

// routerRun is the state of one router.handle call (Express's closure over idx, removed, slashAdded…).
type routerRun struct {
	r          *router
	req        *goja.Object
	reqV, resV goja.Value
	done       func(err goja.Value)
	idx        int
	protohost  string
	removed    string
	slashAdded bool
	sync       int
	called     map[string]*paramCalled
	options    []string
	parentURL  string
	parentPrm  goja.Value
	nextFn     *goja.Object
}

type paramCalled struct {
	err   goja.Value
	match goja.Value
	value goja.Value
}

func (run *routerRun) getString(name string) string {
	v := run.req.Get(name)
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	return v.String()
}

func (run *routerRun) set(name string, v any) { _ = run.req.Set(name, v) }

// handle is Router.prototype.handle: it walks the stack for req, then calls out with the pending
// error (nil when none) after restoring req.baseUrl, req.next and req.params.
func (r *router) handle(req, res goja.Value, out func(goja.Value)) {
	a := r.a
	reqObj, ok := req.(*goja.Object)
	if !ok {
		panic(a.vm.NewTypeError("router: req must be an object"))
	}
	run := &routerRun{r: r, req: reqObj, reqV: req, resV: res}
	url := run.getString("url")
	run.protohost = getProtohost(url)
	run.parentPrm = reqObj.Get("params")
	run.parentURL = run.getString("baseUrl")
	savedBase, savedNext := reqObj.Get("baseUrl"), reqObj.Get("next")
	restore := func(err goja.Value) {
		run.set("baseUrl", orUndefined(savedBase))
		run.set("next", orUndefined(savedNext))
		run.set("params", orUndefined(run.parentPrm))
		out(err)
	}
	run.done = restore
	if run.getString("method") == "OPTIONS" {
		run.done = func(err goja.Value) {
			if err != nil || len(run.options) == 0 {
				restore(err)
				return
			}
			run.sendOptions(restore)
		}
	}
	run.nextFn = a.funcValue("next", 1, func(call goja.FunctionCall) goja.Value {
		run.next(call.Argument(0))
		return goja.Undefined()
	})
	run.set("next", run.nextFn)
	run.set("baseUrl", a.stringValue(run.parentURL))
	if orig := reqObj.Get("originalUrl"); orig == nil || !orig.ToBoolean() {
		run.set("originalUrl", url)
	}
	run.next(nil)
}

func orUndefined(v goja.Value) goja.Value {
	if v == nil {
		return goja.Undefined()
	}
	return v
}

// sendOptions is Express's automatic OPTIONS answer: Allow with the methods in registration order,
// sent through res.set and res.send.
func (run *routerRun) sendOptions(next func(goja.Value)) {
	a := run.r.a
	body := a.vm.ToValue(strings.Join(run.options, ","))
	resObj := run.resV.ToObject(a.vm)
	set, _ := goja.AssertFunction(resObj.Get("set"))
	send, _ := goja.AssertFunction(resObj.Get("send"))
	if set == nil || send == nil {
		next(a.vm.NewTypeError("res.set/res.send are not functions"))
		return
	}
	if thrown, _ := a.invoke(set, resObj, a.vm.ToValue("Allow"), body); thrown != nil {
		next(thrown)
		return
	}
	if thrown, _ := a.invoke(send, resObj, body); thrown != nil {
		next(thrown)
	}
}

// next is the router's next(err).
func (run *routerRun) next(err goja.Value) {
	a := run.r.a
	layerError := err
	if isString(err, "route") {
		layerError = nil
	}
	if !isErrorArg(layerError) {
		layerError = nil
	}
	if run.slashAdded {
		run.set("url", run.getString("url")[1:])
		run.slashAdded = false
	}
	if run.removed != "" {
		run.set("baseUrl", run.parentURL)
		url := run.getString("url")
		ph := len(run.protohost)
		if ph > len(url) {
			ph = len(url)
		}
		run.set("url", run.protohost+run.removed+url[ph:])
		run.removed = ""
	}
	if isString(layerError, "router") {
		a.rt.RunOnLoop(func(*goja.Runtime) { run.done(nil) })
		return
	}
	stack := run.r.stack
	if run.idx >= len(stack) {
		pending := layerError
		a.rt.RunOnLoop(func(*goja.Runtime) { run.done(pending) })
		return
	}
	run.sync++
	if run.sync > maxSyncNext {
		a.rt.RunOnLoop(func(*goja.Runtime) { run.next(err) })
		return
	}
	path := pathname(run.getString("url"))

	var l *layer
	match := false
	for !match && run.idx < len(run.r.stack) {
		l = run.r.stack[run.idx]
		run.idx++
		if l == nil {
			continue
		}
		ok, matchErr := l.matchPath(path)
		if matchErr != nil && layerError == nil {
			layerError = matchErr
		}
		match = ok
		if !match || l.route == nil {
			continue
		}
		if layerError != nil {
			match = false
			continue
		}
		method := run.getString("method")
		has := l.route.handlesMethod(method)
		if !has && method == "OPTIONS" {
			run.appendOptions(l.route.options())
		}
		if !has && method != "HEAD" {
			match = false
		}
	}
	if !match {
		run.done(layerError)
		return
	}
	if l.route != nil {
		run.set("route", l.route.obj)
	}
	params := l.params
	if run.r.flag("mergeParams") {
		params = a.mergeParams(params, run.parentPrm)
	}
	run.set("params", params)
	layerPath := ""
	if l.path != nil && !goja.IsUndefined(l.path) {
		layerPath = l.path.String()
	}
	run.processParams(l, func(perr goja.Value) {
		switch {
		case perr != nil:
			if layerError != nil {
				run.next(layerError)
			} else {
				run.next(perr)
			}
		case l.route != nil:
			run.handleRequest(l)
		default:
			run.trimPrefix(l, layerError, layerPath, path)
		}
		run.sync = 0
	})
}

func (run *routerRun) appendOptions(methods []string) {
outer:
	for _, m := range methods {
		for _, have := range run.options {
			if have == m {
				continue outer
			}
		}
		run.options = append(run.options, m)
	}
}

// trimPrefix strips a middleware layer's matched path from req.url and extends req.baseUrl, then
// runs the layer.
func (run *routerRun) trimPrefix(l *layer, layerError goja.Value, layerPath, path string) {
	if layerPath != "" {
		if !strings.HasPrefix(path, layerPath) {
			run.next(layerError)
			return
		}
		if len(path) > len(layerPath) {
			if c := path[len(layerPath)]; c != '/' && c != '.' {
				run.next(layerError)
				return
			}
		}
		run.removed = layerPath
		url := run.getString("url")
		cut := len(run.protohost) + len(layerPath)
		if cut > len(url) {
			cut = len(url)
		}
		url = run.protohost + url[cut:]
		if run.protohost == "" && !strings.HasPrefix(url, "/") {
			url = "/" + url
			run.slashAdded = true
		}
		run.set("url", url)
		run.set("baseUrl", run.parentURL+strings.TrimSuffix(layerPath, "/"))
	}
	if layerError != nil {
		run.handleError(l, layerError)
	} else {
		run.handleRequest(l)
	}
}

// handleRequest is Layer.prototype.handle_request.
func (run *routerRun) handleRequest(l *layer) {
	a := run.r.a
	if l.route != nil && l.handle == l.route.dispatch {
		l.route.dispatchRoute(run.reqV, run.resV, run.next)
		return
	}
	if l.arity > 3 || l.fn == nil {
		run.next(nil)
		return
	}
	a.callHandler(l.fn, run.reqV, run.next, run.reqV, run.resV, run.nextFn)
}

// handleError is Layer.prototype.handle_error: only four-argument functions see errors.
func (run *routerRun) handleError(l *layer, err goja.Value) {
	a := run.r.a
	if l.arity != 4 || l.fn == nil {
		run.next(err)
		return
	}
	a.callHandler(l.fn, run.reqV, run.next, err, run.reqV, run.resV, run.nextFn)
}

// processParams runs router.param callbacks for the layer's keys, once per value per handle call.
func (run *routerRun) processParams(l *layer, done func(err goja.Value)) {
	keys := l.pm.keys
	if len(keys) == 0 {
		done(nil)
		return
	}
	a := run.r.a
	vm := a.vm
	paramsObj, _ := run.r.obj.Get("params").(*goja.Object)
	if paramsObj == nil || len(paramsObj.Keys()) == 0 {
		done(nil)
		return
	}
	if run.called == nil {
		run.called = map[string]*paramCalled{}
	}
	i := 0
	var param func(err goja.Value)
	param = func(err goja.Value) {
		if isErrorArg(err) {
			done(err)
			return
		}
		if i >= len(keys) {
			done(nil)
			return
		}
		key := keys[i]
		i++
		reqParams := run.req.Get("params").ToObject(vm)
		val := reqParams.Get(key.name)
		cbsObj, _ := paramsObj.Get(key.name).(*goja.Object)
		if val == nil || goja.IsUndefined(val) || cbsObj == nil {
			param(nil)
			return
		}
		pc := run.called[key.name]
		if pc != nil && (pc.match.StrictEquals(val) || (isErrorArg(pc.err) && !isString(pc.err, "route"))) {
			_ = reqParams.Set(key.name, pc.value)
			param(pc.err)
			return
		}
		pc = &paramCalled{match: val, value: val}
		run.called[key.name] = pc
		idx := 0
		var cb func(err goja.Value)
		var cbFn *goja.Object
		cb = func(err goja.Value) {
			n := int(cbsObj.Get("length").ToInteger())
			var fn goja.Callable
			if idx < n {
				fn, _ = goja.AssertFunction(cbsObj.Get(itoa(idx)))
			}
			idx++
			pc.value = run.req.Get("params").ToObject(vm).Get(key.name)
			if isErrorArg(err) {
				pc.err = err
				param(err)
				return
			}
			if fn == nil {
				param(nil)
				return
			}
			a.callHandler(fn, run.reqV, cb, run.reqV, run.resV, cbFn, val, vm.ToValue(key.name))
		}
		cbFn = a.funcValue("paramCallback", 1, func(call goja.FunctionCall) goja.Value {
			cb(call.Argument(0))
			return goja.Undefined()
		})
		cb(nil)
	}
	param(nil)
}

// mergeParams is Express's mergeParams: the parent's params under the layer's, with numbered params
// of the layer shifted after the parent's.
func (a *App) mergeParams(params, parent goja.Value) goja.Value {
	parentObj, ok := parent.(*goja.Object)
	if !ok {
		return params
	}
	paramsObj, ok := params.(*goja.Object)
	if !ok {
		return params
	}
	obj := a.vm.NewObject()
	for _, k := range parentObj.Keys() {
		_ = obj.Set(k, parentObj.Get(k))
	}
	if paramsObj.Get("0") == nil || parentObj.Get("0") == nil {
		for _, k := range paramsObj.Keys() {
			_ = obj.Set(k, paramsObj.Get(k))
		}
		return obj
	}
	i, o := 0, 0
	for paramsObj.Get(itoa(i)) != nil {
		i++
	}
	for parentObj.Get(itoa(o)) != nil {
		o++
	}
	for i--; i >= 0; i-- {
		_ = paramsObj.Set(itoa(i+o), paramsObj.Get(itoa(i)))
		if i < o {
			_ = paramsObj.Delete(itoa(i))
		}
	}
	for _, k := range paramsObj.Keys() {
		_ = obj.Set(k, paramsObj.Get(k))
	}
	return obj
}

// getProtohost is Express's getProtohost: "scheme://host" of an absolute-form request target.
func getProtohost(url string) string {
	if url == "" || url[0] == '/' {
		return ""
	}
	pathLen := len(url)
	if q := strings.IndexByte(url, '?'); q >= 0 {
		pathLen = q
	}
	fqdn := strings.Index(url[:pathLen], "://")
	if fqdn < 0 {
		return ""
	}
	if slash := strings.IndexByte(url[fqdn+3:], '/'); slash >= 0 {
		return url[:fqdn+3+slash]
	}
	// substring(0, -1) in Express: no path after the host means no protohost.
	return ""
}

// pathname is parseurl(req).pathname: the path of req.url without query or fragment.
func pathname(url string) string {
	if i := strings.IndexAny(url, "?#"); i >= 0 {
		url = url[:i]
	}
	if pi := getProtohost(url); pi != "" {
		url = url[len(pi):]
	}
	return url
}
