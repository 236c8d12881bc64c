package express

import (
	"strings"

	"github.com/dop251/goja"

	nodefs "github.com/pluginhost/pluginhost/jsruntime/node/fs"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// staticServer is one express.static(root, options) middleware: serve-static 1.16 over the send 0.19
// machinery of res.sendFile.
type staticServer struct {
	a *App
	// opts is Object.create(options) with root and maxage set, as serve-static hands it to send; send
	// reads it on every request, so later changes to the caller's options object still count.
	opts        *goja.Object
	fallThrough bool
	redirect    bool
	setHeaders  goja.Callable
}

// newStaticFactory is express.static, with send's mime as express.static.mime.
func (a *App) newStaticFactory() *goja.Object {
	fn := a.funcValue("serveStatic", 2, func(call goja.FunctionCall) goja.Value {
		return a.newStatic(call.Argument(0), call.Argument(1))
	})
	_ = fn.Set("mime", a.newMimeObject())
	return fn
}

// newStatic is serveStatic(root, options): the option checks it makes when the middleware is created.
func (a *App) newStatic(root, options goja.Value) *goja.Object {
	vm := a.vm
	if !root.ToBoolean() {
		panic(vm.NewTypeError("root path required"))
	}
	if !isStringValue(root) {
		panic(vm.NewTypeError("root path must be a string"))
	}
	var proto *goja.Object
	if o, ok := options.(*goja.Object); ok {
		proto = o
	}
	opts := vm.CreateObject(proto)
	isFalse := func(name string) bool {
		v := opts.Get(name)
		return v != nil && v.StrictEquals(vm.ToValue(false))
	}
	s := &staticServer{a: a, opts: opts, fallThrough: !isFalse("fallthrough"), redirect: !isFalse("redirect")}
	if v := opts.Get("setHeaders"); v != nil && v.ToBoolean() {
		fn, ok := goja.AssertFunction(v)
		if !ok {
			panic(vm.NewTypeError("option setHeaders must be function"))
		}
		s.setHeaders = fn
	}
	maxAge := opts.Get("maxage")
	if maxAge == nil || !maxAge.ToBoolean() {
		maxAge = opts.Get("maxAge")
	}
	if maxAge == nil || !maxAge.ToBoolean() {
		maxAge = vm.ToValue(0)
	}
	_ = opts.Set("maxage", maxAge)
	_ = opts.Set("root", nodeResolve(root.String()))
	return a.funcValue("serveStatic", 3, func(call goja.FunctionCall) goja.Value {
		s.serve(call.Argument(0), call.Argument(1), call.Argument(2))
		return goja.Undefined()
	})
}

// serve handles one request: GET and HEAD are looked up under root, other methods fall through (or
// get 405 with fallthrough: false). Until a file is found, client errors fall through too; after
// that, and with fallthrough: false, every error goes to next(err).
func (s *staticServer) serve(reqV, resV, nextV goja.Value) {
	a := s.a
	vm := a.vm
	next, _ := goja.AssertFunction(nextV)
	inCall := true
	defer func() { inCall = false }()
	callNext := func(args ...goja.Value) {
		if next == nil {
			return
		}
		thrown, _ := a.invoke(next, goja.Undefined(), args...)
		switch {
		case thrown == nil:
		case inCall:
			panic(thrown)
		default:
			// Node would report an exception from this asynchronous callback as uncaught.
			a.rt.Logger().Error("exception in next() after express.static", "error", a.rt.Describe(a.rt.JSError(thrown)))
		}
	}
	req, res := a.reqState(reqV), a.resState(resV)
	if req == nil || res == nil {
		callNext()
		return
	}
	if m := req.obj.Get("method").String(); m != "GET" && m != "HEAD" {
		if s.fallThrough {
			callNext()
			return
		}
		_ = res.obj.Set("statusCode", 405)
		res.setHeader("Allow", vm.ToValue("GET, HEAD"))
		res.setHeader("Content-Length", vm.ToValue("0"))
		res.end(nil)
		return
	}
	original := req.obj.Get("originalUrl")
	if !isStringValue(original) {
		original = req.obj.Get("url")
	}
	urlPath := pathname(req.obj.Get("url").String())
	if urlPath == "/" && !strings.HasSuffix(pathname(original.String()), "/") {
		// The mount point itself without its slash: redirect there rather than serve the index.
		urlPath = ""
	}

	forwardError := !s.fallThrough
	job := &sendJob{res: res, opts: a.parseSendOptions(s.opts)}
	job.onDone = func(err goja.Value) {
		if err == nil {
			return
		}
		obj := err.ToObject(vm)
		if code := obj.Get("code"); code != nil && code.String() == "ECONNABORTED" {
			// send reports nothing when the client goes away.
			return
		}
		if status := obj.Get("statusCode"); !forwardError && status != nil && isNumber(status) && status.ToFloat() < 500 {
			callNext()
			return
		}
		callNext(err)
	}
	if s.setHeaders != nil {
		job.onHeaders = func(path string) goja.Value {
			thrown, _ := a.invoke(s.setHeaders, goja.Undefined(), res.obj, vm.ToValue(path), a.statValue(path))
			return thrown
		}
	}
	decoded, ok := decodeURIComponent(urlPath)
	if !ok {
		job.fail(400, nil)
		return
	}
	sp := resolveSendPath(decoded, job.opts)
	if sp.status != 0 {
		job.fail(sp.status, nil)
		return
	}
	// send looks at the path it was given, still percent-encoded, for its trailing slash.
	trailingSlash := strings.HasSuffix(urlPath, "/")
	exts, index := job.opts.extensions, job.opts.index
	if !trailingSlash || len(index) == 0 {
		index = nil
	}
	rt := a.rt
	gate := policy.For(rt)
	go func() {
		found := lookupFile(gate, sp.file, exts, index)
		if !rt.RunOnLoop(func(*goja.Runtime) { s.found(job, found, trailingSlash, original.String(), &forwardError) }) && found.file != nil {
			found.file.Close()
		}
	}()
}

// found continues on the loop with the lookup's outcome: a directory is redirected to its path with
// a trailing slash (or 404), a file is sent.
func (s *staticServer) found(job *sendJob, found foundFile, trailingSlash bool, original string, forwardError *bool) {
	switch {
	case found.dir && (!s.redirect || trailingSlash):
		job.fail(404, nil)
	case found.dir:
		s.redirectToDir(job.res, original)
	case found.status != 0:
		job.fail(found.status, found.err)
	default:
		// send's 'file' event: from now on every error is the client's answer.
		*forwardError = true
		job.serve(found)
	}
}

// redirectToDir is serve-static's directory redirect: 301 to the original URL with a slash appended
// to its path (leading slashes collapsed), with a small HTML page.
func (s *staticServer) redirectToDir(res *response, original string) {
	vm := s.a.vm
	protohost := getProtohost(original)
	path, suffix := original[len(protohost):], ""
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path, suffix = path[:i], path[i:]
	}
	path += "/"
	if trimmed := strings.TrimLeft(path, "/"); len(path)-len(trimmed) > 1 {
		path = "/" + trimmed
	}
	loc := encodeURL(protohost + path + suffix)
	doc := htmlDocument("Redirecting", "Redirecting to "+escapeHTML(loc))
	_ = res.obj.Set("statusCode", 301)
	res.setHeader("Content-Type", vm.ToValue("text/html; charset=UTF-8"))
	res.setHeader("Content-Length", vm.ToValue(len(doc)))
	res.setHeader("Content-Security-Policy", vm.ToValue("default-src 'none'"))
	res.setHeader("X-Content-Type-Options", vm.ToValue("nosniff"))
	res.setHeader("Location", vm.ToValue(loc))
	res.end([]byte(doc))
}

// statValue is fs.statSync(path) for setHeaders' stat argument, undefined when the file is gone. It
// runs on the loop, but only for middleware that asked for setHeaders.
func (a *App) statValue(path string) goja.Value {
	fsMod, err := nodefs.Require(a.rt)
	if err != nil {
		return goja.Undefined()
	}
	statSync, ok := goja.AssertFunction(fsMod.ToObject(a.vm).Get("statSync"))
	if !ok {
		return goja.Undefined()
	}
	st, err := statSync(goja.Undefined(), a.vm.ToValue(path))
	if err != nil {
		return goja.Undefined()
	}
	return st
}
