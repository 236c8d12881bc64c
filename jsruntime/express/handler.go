package express

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// handler serves one mounted plugin router (see App.Handler).
type handler struct {
	a      *App
	router *goja.Object
	mount  *pathMatcher
	next   http.Handler
}

// Handler returns the http.Handler for `app.use(mountPath, router)` in the host stack. It runs on
// HTTP goroutines and expects the request's full path. Requests outside mountPath (matched
// case-insensitively at a segment boundary on the raw path) and requests the router does not handle
// go to next. It may be called from any goroutine; routerObj must belong to this App's runtime.
func (a *App) Handler(routerObj *goja.Object, mountPath string, next http.Handler) http.Handler {
	pm, err := newPathMatcher(pathSpec{kind: pathString, str: mountPath}, pathOptions{end: false})
	if err != nil {
		panic(fmt.Errorf("express: mount path %q: %w", mountPath, err))
	}
	return &handler{a: a, router: routerObj, mount: pm, next: next}
}

// reqInfo is what the HTTP goroutine hands to the loop about a request.
type reqInfo struct {
	r        *http.Request
	url      string // relative to the mount, with query
	baseURL  string
	original string
	rawQuery string
	body     *preBody
	stream   *reqBody       // the body for req's stream, when the host's parsers left it unread
	context  map[string]any // Config.RequestContext's properties for req; nil when none
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	raw := r.RequestURI
	if raw == "" {
		raw = r.URL.RequestURI()
	}
	path := pathname(raw)
	matched, _, ok := h.mount.match(path, nil)
	if !ok {
		h.next.ServeHTTP(w, r)
		return
	}
	protohost := getProtohost(raw)
	url := protohost + raw[min(len(protohost)+len(matched), len(raw)):]
	if protohost == "" && !strings.HasPrefix(url, "/") {
		url = "/" + url
	}
	if hasBody(r) {
		// The connection's read deadline bounds every read of this body, the host's parsers' and the
		// plugin's; net/http sets its own deadlines again for the next request on the connection.
		_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(h.a.cfg.RequestTimeout))
	}
	info := &reqInfo{
		r:        r,
		url:      url,
		baseURL:  strings.TrimSuffix(matched, "/"),
		original: raw,
		rawQuery: rawQueryOf(raw),
		body:     h.a.readGlobalBody(r),
	}
	if info.body != nil && info.body.err != nil && info.body.err.status == http.StatusRequestTimeout {
		w.Header().Set("Connection", "close")
		w.WriteHeader(http.StatusRequestTimeout)
		return
	}
	if f := h.a.cfg.RequestContext; f != nil {
		info.context = f(r)
	}
	if info.body == nil && hasBody(r) {
		info.stream = newReqBody(w, r)
		defer info.stream.stop(h.a.rt.Done())
	}
	x := newExchange(h.a.rt)
	if !h.a.rt.RunOnLoop(func(*goja.Runtime) { h.a.dispatch(h.router, x, info) }) {
		writeJSONError(w, http.StatusServiceUnavailable, "plugin runtime is closed")
		return
	}
	h.a.serve(w, r, x, info.stream.brokenC(), h.next)
}

// rawQueryOf is parseurl's query: the text after '?', without a fragment.
func rawQueryOf(raw string) string {
	q := strings.IndexByte(raw, '?')
	if q < 0 {
		return ""
	}
	s := raw[q+1:]
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	return s
}

func writeJSONError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, "{\"error\":%q}", msg)
}

// serve performs the response ops the loop produces until the response ends, the router falls
// through, the client goes away (the context ends, or reading the body failed: bodyBroken) or the
// response timeout passes before anything was sent.
func (a *App) serve(w http.ResponseWriter, r *http.Request, x *exchange, bodyBroken <-chan struct{}, next http.Handler) {
	defer x.finishBodyReads()
	timer := time.NewTimer(a.cfg.ResponseTimeout)
	defer timer.Stop()
	timeout := timer.C
	flusher, _ := w.(http.Flusher)
	var flushedCalls []func() // reused across batches
	stopped, gone := a.rt.Done(), false
	notify := func(completed, clientGone bool) {
		a.rt.RunOnLoop(func(*goja.Runtime) {
			if x.res != nil {
				x.res.finish(completed, clientGone)
			}
		})
	}
	for {
		select {
		case <-x.wake:
			// What a batch of ops writes goes out in one flush at its end, as Node's corked socket
			// sends a job's head and body in one write; a batch that ends the response needs none, as
			// net/http flushes when the handler returns.
			unflushed, written := false, flushedCalls[:0]
			for _, o := range x.take() {
				switch o.kind {
				case opHead:
					dst := w.Header()
					for k, v := range o.header {
						dst[k] = v
					}
					if _, ok := dst["Content-Type"]; !ok {
						dst["Content-Type"] = nil // Node sends none; net/http would sniff one
					}
					w.WriteHeader(o.status)
					unflushed = true
					if _, ok := o.header["Content-Length"]; !ok && flusher != nil {
						// Without a length, flushing now fixes the framing Node chose (chunked, or
						// none for HEAD); net/http would otherwise compute a length for a small body.
						flusher.Flush()
						unflushed = false
					}
					timeout = nil
				case opData:
					// A failed write means the client is gone; the context case below reports it.
					_, _ = w.Write(o.data)
					unflushed = true
					if o.flushed != nil {
						written = append(written, o.flushed)
					}
				case opStream:
					if err := o.src.stream(w); err != nil {
						x.abandon()
						notify(false, r.Context().Err() != nil)
						if flusher != nil {
							flusher.Flush()
						}
						panic(http.ErrAbortHandler)
					}
				case opEnd:
					x.abandon()
					notify(true, false)
					return
				case opNext:
					x.abandon()
					dst := w.Header()
					for k, v := range o.header {
						dst[k] = v
					}
					next.ServeHTTP(w, r)
					notify(true, false)
					return
				case opAbort:
					x.abandon()
					notify(false, false)
					if unflushed && flusher != nil {
						flusher.Flush() // what was written before the abort reaches the client, as in Node
					}
					panic(http.ErrAbortHandler)
				}
			}
			if unflushed && flusher != nil {
				flusher.Flush()
			}
			for _, f := range written {
				f()
			}
			flushedCalls = written
			if gone {
				x.abandon()
				if timeout == nil {
					// Headers went out, the end never will: cut the response so the client sees it was
					// incomplete.
					panic(http.ErrAbortHandler)
				}
				msg := "plugin stopped before it responded"
				if cause := a.rt.Cause(); cause != nil {
					msg += ": " + cause.Error()
				}
				writeJSONError(w, http.StatusServiceUnavailable, msg)
				return
			}
		case <-r.Context().Done():
			if x.abandon() {
				notify(false, true)
			}
			return
		case <-bodyBroken:
			// Go's server notices a vanished client only once the body is read; a failed body read
			// is that notice.
			if x.abandon() {
				notify(false, true)
			}
			return
		case <-stopped:
			// The plugin's runtime stopped (the host is closing it): ops it queued before stopping are
			// still performed by the wake case, then the request is answered there.
			stopped, gone = nil, true
			select {
			case x.wake <- struct{}{}:
			default:
			}
		case <-timeout:
			x.abandon()
			writeJSONError(w, http.StatusGatewayTimeout, fmt.Sprintf("plugin did not respond within %s", a.cfg.ResponseTimeout))
			notify(false, false)
			return
		}
	}
}

// dispatch runs on the loop: it builds req and res and runs the router, or finalhandler when the
// host's body parsers failed.
func (a *App) dispatch(routerObj *goja.Object, x *exchange, info *reqInfo) {
	vm := a.vm
	req := &request{a: a, x: x, r: info.r, rawQuery: info.rawQuery, body: info.body, stream: info.stream}
	res := &response{a: a, x: x, req: req}
	req.res = res
	x.res = res
	req.obj = vm.CreateObject(a.reqProto)
	res.obj = vm.CreateObject(a.resProto)
	a.attachState(req.obj, &req.ref, req)
	a.attachState(res.obj, &res.ref, res)
	if info.context != nil {
		a.applyContext(req.obj, info.context)
	}

	_ = req.obj.Set("method", a.stringValue(info.r.Method))
	_ = req.obj.Set("url", info.url)
	_ = req.obj.Set("originalUrl", info.original)
	_ = req.obj.Set("baseUrl", a.stringValue(info.baseURL))
	_ = req.obj.Set("params", vm.NewObject())
	_ = req.obj.Set("httpVersion", a.stringValue(httpVersion(info.r)))
	_ = req.obj.Set("httpVersionMajor", info.r.ProtoMajor)
	_ = req.obj.Set("httpVersionMinor", info.r.ProtoMinor)
	_ = req.obj.Set("res", res.obj)
	if info.body != nil && info.body.consumed {
		_ = req.obj.Set("_body", true)
	}
	// A body the host's parsers read (even one they rejected) is an ended stream.
	req.initStream(info.body != nil)
	_ = res.obj.Set("statusCode", 200)
	_ = res.obj.Set("req", req.obj)

	if info.body != nil && info.body.err != nil {
		a.finalhandler(req, res, a.parseErrorValue(info.body.err))
		return
	}
	done := func(err goja.Value) { a.afterRouter(req, res, err) }
	if r := a.routers[routerObj]; r != nil {
		r.handle(req.obj, res.obj, done)
		return
	}
	// A router-like function the plugin replaced: call it as Express would call any middleware.
	fn, ok := goja.AssertFunction(routerObj)
	if !ok {
		a.finalhandler(req, res, vm.NewTypeError("plugin router is not a function"))
		return
	}
	next := a.funcValue("next", 1, func(call goja.FunctionCall) goja.Value {
		done(errOrNil(call.Argument(0)))
		return goja.Undefined()
	})
	a.callHandler(fn, req.obj, done, req.obj, res.obj, next)
}

// httpVersion is req.httpVersion, "major.minor".
func httpVersion(r *http.Request) string {
	switch {
	case r.ProtoMajor == 1 && r.ProtoMinor == 1:
		return "1.1"
	case r.ProtoMajor == 1 && r.ProtoMinor == 0:
		return "1.0"
	}
	return strconv.Itoa(r.ProtoMajor) + "." + strconv.Itoa(r.ProtoMinor)
}

// afterRouter continues in the host after the plugin router: errors to finalhandler, anything else
// to the next http.Handler (the host's 404) with the headers the plugin set.
func (a *App) afterRouter(req *request, res *response, err goja.Value) {
	if err != nil {
		a.finalhandler(req, res, err)
		return
	}
	switch {
	case res.ended:
	case res.headersSent:
		res.abort()
	default:
		h := res.wireHeader(0, 0)
		res.headersSent = true
		res.ended = true
		res.x.push(op{kind: opNext, header: h})
	}
}
