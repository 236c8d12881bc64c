package express

import (
	"net"
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/internal/httptext"
)

// request is the Go state behind one req object. req's routing fields (method, url, baseUrl,
// originalUrl, params) are plain own properties the router reads and writes; everything derived from
// the HTTP request (headers, query, body, ip, …) is computed on first use by accessors on the shared
// prototype and then cached as an own property, so a handler that reads only req.params pays for
// nothing else.
type request struct {
	a        *App
	x        *exchange
	r        *http.Request // read-only on the loop; its Body is read only through readBody
	obj      *goja.Object
	res      *response
	rawQuery string
	body     *preBody
	// stream reads the body for req's stream; nil when there is none or a host parser consumed it.
	stream *reqBody
	// streamDone is set once req's stream has its end (or was destroyed): no more chunks go in.
	streamDone bool
	// consumed: a host parser read the body before dispatch, so req's stream starts out ended.
	consumed bool
	complete bool         // req.complete: the whole body has been received (or there is none)
	socket   *goja.Object // req.socket, once made (socket.go)
	// headersOwn is set once req.headers was read or assigned: until then it can only be what the
	// request carried, so Go code reads the request's headers without building the object.
	headersOwn bool
	ref        stateRef
}

// state returns the Go state of a req object made by this package.
func (a *App) reqState(v goja.Value) *request {
	s, _ := a.stateOf(v).(*request)
	return s
}

// newRequestProto builds the request prototype (express.request): a Readable (so an EventEmitter)
// over the request body, lazy accessors and Express's helpers.
func (a *App) newRequestProto(readable *goja.Object) *goja.Object {
	vm := a.vm
	proto := vm.CreateObject(readable)
	_ = proto.Set("app", a.appObj)

	// Lazy, assignable properties (Node's headers is such an accessor; Express sets query and body).
	lazy := func(name string, compute func(*request) goja.Value) {
		getter := vm.ToValue(func(call goja.FunctionCall) goja.Value {
			st := a.reqState(call.This)
			if st == nil {
				return goja.Undefined()
			}
			st.headersOwn = st.headersOwn || name == "headers"
			v := compute(st)
			_ = call.This.ToObject(vm).DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
			return v
		})
		setter := vm.ToValue(func(call goja.FunctionCall) goja.Value {
			if st := a.reqState(call.This); st != nil && name == "headers" {
				st.headersOwn = true
			}
			_ = call.This.ToObject(vm).DefineDataProperty(name, call.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
			return goja.Undefined()
		})
		_ = proto.DefineAccessorProperty(name, getter, setter, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	lazy("headers", (*request).headersObject)
	lazy("rawHeaders", (*request).rawHeadersArray)
	lazy("query", (*request).queryObject)
	lazy("body", (*request).bodyValue)
	lazy("socket", (*request).socketObject)
	lazy("_readableState", (*request).readableState)

	// Read-only getters, as Express defines them.
	getter := func(name string, compute func(*request, *goja.Object) goja.Value) {
		fn := vm.ToValue(func(call goja.FunctionCall) goja.Value {
			st := a.reqState(call.This)
			if st == nil {
				return goja.Undefined()
			}
			return compute(st, call.This.ToObject(vm))
		})
		_ = proto.DefineAccessorProperty(name, fn, nil, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
	// Node's req.connection is a deprecated alias of req.socket: the same object.
	getter("connection", func(_ *request, obj *goja.Object) goja.Value { return obj.Get("socket") })
	getter("path", func(_ *request, obj *goja.Object) goja.Value {
		return vm.ToValue(pathname(obj.Get("url").String()))
	})
	getter("protocol", func(st *request, _ *goja.Object) goja.Value { return vm.ToValue(st.protocol()) })
	getter("secure", func(st *request, _ *goja.Object) goja.Value { return vm.ToValue(st.protocol() == "https") })
	getter("ip", func(st *request, _ *goja.Object) goja.Value { return vm.ToValue(st.ip()) })
	getter("ips", func(*request, *goja.Object) goja.Value { return vm.NewArray() })
	getter("hostname", func(st *request, _ *goja.Object) goja.Value { return st.hostnameValue() })
	getter("host", func(st *request, _ *goja.Object) goja.Value { return st.hostnameValue() })
	getter("subdomains", func(st *request, obj *goja.Object) goja.Value { return st.subdomains(obj) })
	getter("xhr", func(st *request, _ *goja.Object) goja.Value {
		return vm.ToValue(strings.EqualFold(st.r.Header.Get("X-Requested-With"), "xmlhttprequest"))
	})
	getter("fresh", func(st *request, _ *goja.Object) goja.Value { return vm.ToValue(st.fresh()) })
	getter("stale", func(st *request, _ *goja.Object) goja.Value { return vm.ToValue(!st.fresh()) })

	get := a.funcValue("header", 1, func(call goja.FunctionCall) goja.Value {
		st := a.reqState(call.This)
		name := call.Argument(0)
		if name == nil || goja.IsUndefined(name) || goja.IsNull(name) || name.String() == "" {
			panic(vm.NewTypeError("name argument is required to req.get"))
		}
		if !isStringValue(name) {
			panic(vm.NewTypeError("name must be a string to req.get"))
		}
		if st == nil {
			return goja.Undefined()
		}
		lc := strings.ToLower(name.String())
		if lc == "referer" || lc == "referrer" {
			return st.referrer()
		}
		return st.headerValue(lc)
	})
	_ = proto.Set("get", get)
	_ = proto.Set("header", get)
	_ = proto.Set("is", a.funcValue("is", 1, func(call goja.FunctionCall) goja.Value {
		st := a.reqState(call.This)
		if st == nil || !hasBody(st.r) {
			return goja.Null()
		}
		var types []string
		for _, v := range a.flatten(call.Arguments, nil) {
			types = append(types, v.String())
		}
		if m := typeIs(mediaType(st.r.Header.Get("Content-Type")), types); m != "" {
			return vm.ToValue(m)
		}
		return vm.ToValue(false)
	}))
	a.defineAccepts(proto)
	a.defineRangeAndParam(proto)
	a.defineStream(proto)
	return proto
}

// singleValueHeaders are the headers for which Node keeps only the first received value.
var singleValueHeaders = map[string]bool{
	"age": true, "authorization": true, "content-length": true, "content-type": true, "etag": true,
	"expires": true, "from": true, "host": true, "if-modified-since": true, "if-unmodified-since": true,
	"last-modified": true, "location": true, "max-forwards": true, "proxy-authorization": true,
	"referer": true, "retry-after": true, "server": true, "user-agent": true,
}

// headerNames lists the request's header names lower-cased: host first, then alphabetical (Go does
// not keep the order they arrived in).
func (st *request) headerNames() []string {
	names := make([]string, 0, len(st.r.Header)+2)
	for k := range st.r.Header {
		lk := strings.ToLower(k)
		if lk != "host" {
			names = append(names, lk)
		}
	}
	if len(st.r.TransferEncoding) > 0 {
		names = append(names, "transfer-encoding")
	}
	sort.Strings(names)
	if st.r.Host != "" {
		names = append([]string{"host"}, names...)
	}
	return names
}

// rawValues returns the received values of a lower-cased header name as Node reads them: one
// character per byte, so a UTF-8 value shows its bytes (caf\xc3\xa9 is "cafÃ©"), as in Node.
func (st *request) rawValues(lname string) []string {
	var vals []string
	switch lname {
	case "host":
		if st.r.Host == "" {
			return nil
		}
		vals = []string{st.r.Host}
	case "transfer-encoding":
		vals = st.r.TransferEncoding
	default:
		vals = st.r.Header[http.CanonicalHeaderKey(lname)]
	}
	out := vals
	for i, v := range vals {
		if latin1 := httptext.FromLatin1(v); latin1 != v {
			if &out[0] == &vals[0] {
				out = slices.Clone(vals) // the request's own slice stays as received
			}
			out[i] = latin1
		}
	}
	return out
}

// referrer is req.get('Referrer'): Express reads the correct spelling first,
// `headers.referrer || headers.referer`, so an empty Referrer falls back to Referer.
func (st *request) referrer() goja.Value {
	if v := st.headerValue("referrer"); v.ToBoolean() {
		return v
	}
	return st.headerValue("referer")
}

// headerString is String(req.headers[lname]) as jsHeader reads it, from the request itself; present
// is false when the header is absent.
func (st *request) headerString(lname string) (value string, present bool) {
	vals := st.rawValues(lname)
	switch {
	case len(vals) == 0:
		return "", false
	case lname == "cookie":
		return strings.Join(vals, "; "), true
	case lname == "set-cookie":
		return strings.Join(vals, ","), true // an array's String()
	case singleValueHeaders[lname]:
		return vals[0], true
	}
	return strings.Join(vals, ", "), true
}

// headerValue is req.headers[lname] as Node builds it: set-cookie is an array, cookie values are
// joined with "; ", single-value headers keep the first value, others are joined with ", ".
func (st *request) headerValue(lname string) goja.Value {
	vals := st.rawValues(lname)
	vm := st.a.vm
	if len(vals) == 0 {
		return goja.Undefined()
	}
	switch {
	case lname == "set-cookie":
		items := make([]any, len(vals))
		for i, v := range vals {
			items[i] = v
		}
		return vm.NewArray(items...)
	case lname == "cookie":
		return vm.ToValue(strings.Join(vals, "; "))
	case singleValueHeaders[lname]:
		return vm.ToValue(vals[0])
	}
	return vm.ToValue(strings.Join(vals, ", "))
}

func (st *request) headersObject() goja.Value {
	obj := st.a.vm.NewObject()
	for _, n := range st.headerNames() {
		_ = obj.Set(n, st.headerValue(n))
	}
	return obj
}

func (st *request) rawHeadersArray() goja.Value {
	var items []any
	for _, n := range st.headerNames() {
		name := http.CanonicalHeaderKey(n)
		if n == "host" {
			name = "Host"
		}
		for _, v := range st.rawValues(n) {
			items = append(items, name, v)
		}
	}
	return st.a.vm.NewArray(items...)
}

func (st *request) queryObject() goja.Value {
	return qsToValue(st.a.vm, parseQS(st.rawQuery, queryOptions))
}

// bodyValue is the body the host's global parsers left: the parsed JSON or form, else {}.
func (st *request) bodyValue() goja.Value {
	vm := st.a.vm
	if st.body != nil {
		switch st.body.kind {
		case bodyJSON:
			if st.body.json != nil {
				return st.body.json.Value(vm)
			}
		case bodyForm:
			return qsToValue(vm, st.body.form)
		}
	}
	return vm.NewObject()
}

func (st *request) protocol() string {
	if st.r.TLS != nil {
		return "https"
	}
	return "http"
}

func (st *request) ip() string {
	host, _, err := net.SplitHostPort(st.r.RemoteAddr)
	if err != nil {
		return st.r.RemoteAddr
	}
	return host
}

// hostnameValue is req.hostname: the Host header without the port; IPv6 literals keep their brackets.
func (st *request) hostnameValue() goja.Value {
	host := st.r.Host
	if host == "" {
		return goja.Undefined()
	}
	offset := 0
	if host[0] == '[' {
		offset = strings.IndexByte(host, ']') + 1
	}
	if i := strings.IndexByte(host[offset:], ':'); i >= 0 {
		host = host[:offset+i]
	}
	return st.a.vm.ToValue(host)
}

// subdomains is req.subdomains: the hostname's labels, reversed, after the first 'subdomain
// offset' (2) of them; an IP hostname counts as one label.
func (st *request) subdomains(obj *goja.Object) goja.Value {
	vm := st.a.vm
	hv := obj.Get("hostname")
	if hv == nil || !hv.ToBoolean() {
		return vm.NewArray()
	}
	host := hv.String()
	labels := []string{host}
	if net.ParseIP(host) == nil {
		labels = strings.Split(host, ".")
		slices.Reverse(labels)
	}
	offset := 2
	if v := st.a.setting("subdomain offset"); v != nil {
		offset = int(v.ToInteger())
	}
	if offset < 0 {
		// Array.prototype.slice counts a negative start from the end.
		offset = max(0, len(labels)+offset)
	}
	if offset > len(labels) {
		offset = len(labels)
	}
	return st.a.stringArray(labels[offset:])
}

// fresh is req.fresh: only GET/HEAD with a 2xx or 304 status compare the request's validators (from
// req.headers, as Express reads them) with the response's ETag and Last-Modified.
func (st *request) fresh() bool {
	obj := st.obj
	method := obj.Get("method").String()
	if method != "GET" && method != "HEAD" {
		return false
	}
	res := st.res
	status := res.statusCode()
	if !(status >= 200 && status < 300 || status == 304) {
		return false
	}
	header := func(name string) string {
		v, _ := st.a.jsHeader(obj, name)
		return v
	}
	return isFresh(header("if-none-match"), header("if-modified-since"), header("cache-control"),
		res.headerString("etag"), res.headerString("last-modified"))
}
