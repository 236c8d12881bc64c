package http

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/textproto"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// readSize bounds one chunk of a response body handed to JS (a socket read's size in Node).
const readSize = 64 << 10

// exchange is one request and its response, run by net/http off the loop. JS drives it through the
// handle open returns (write, end, read, abort); it reports back by calling the sink's methods on
// the loop: connect, wrote, information, response, data, end and error.
type exchange struct {
	rt     *jsruntime.Runtime
	sink   *goja.Object // loop-only
	ctx    context.Context
	cancel context.CancelFunc
	body   *io.PipeWriter // nil when the request has no body

	aborted bool          // loop-only: abort was called, nothing more is reported
	lastOp  chan struct{} // loop-only: closed when the latest write or end has been handed to Go
	failed  atomic.Bool   // the exchange failed or was aborted: writes are discarded quietly
	settled chan struct{} // closed once RoundTrip's outcome is queued for the loop
	reads   chan struct{} // one body read wanted
}

// spec is the request as the JS half describes it once its headers are final.
type spec struct {
	protocol, host, port, path, method string
	headers                            []string // name, value, ...
	contentLength                      int64    // -1: unknown, streamed chunked
	keepAlive                          bool
	key                                transportKey
}

// open is natives.open(agent, spec, sink): it starts the exchange and returns its handle.
func open(rt *jsruntime.Runtime, agentVal goja.Value, specVal, sink *goja.Object) goja.Value {
	vm := rt.VM()
	a, ok := agentVal.Export().(*agent)
	if !ok {
		panic(vm.NewTypeError("http: not an agent"))
	}
	s := readSpec(vm, specVal)
	ctx, cancel := context.WithCancel(rt.Context())
	x := &exchange{
		rt: rt, sink: sink, ctx: ctx, cancel: cancel,
		settled: make(chan struct{}), reads: make(chan struct{}, 1),
	}
	req, err := x.request(s, a.opts.keepAlive)
	var t *http.Transport
	if err == nil {
		t, err = a.transport(s.key)
	}
	if err != nil {
		x.failed.Store(true)
		close(x.settled)
		cancel()
		x.deliver(func() { x.call("error", rt.ErrorValue(err)) })
	} else {
		go x.run(t, req, permit(policy.For(rt), s))
	}
	return x.handle()
}

// permit is the plugin's policy on the exchange's connection (to a host, or a unix socket), asked
// from the exchange's goroutine once the policy is decided. http follows no redirect, so this one
// connection is all there is to check.
func permit(gate *policy.Gate, s spec) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		if err := gate.Wait(ctx); err != nil {
			return err
		}
		if s.key.socketPath != "" {
			return gate.CheckSocket(s.key.socketPath)
		}
		port, _ := strconv.Atoi(s.port)
		return gate.CheckConnect(s.host, port)
	}
}

func readSpec(vm *goja.Runtime, o *goja.Object) spec {
	str := func(k string) string { return latin1(o.Get(k)) }
	s := spec{
		protocol: str("protocol"), host: str("host"), port: str("port"), path: str("path"), method: str("method"),
		contentLength: o.Get("contentLength").ToInteger(),
		keepAlive:     o.Get("keepAlive").ToBoolean(),
	}
	if h, ok := o.Get("headers").(*goja.Object); ok {
		n := int(h.Get("length").ToInteger())
		for i := range n {
			s.headers = append(s.headers, latin1(h.Get(strconv.Itoa(i))))
		}
	}
	var ca []string
	if c, ok := o.Get("ca").(*goja.Object); ok {
		n := int(c.Get("length").ToInteger())
		for i := range n {
			ca = append(ca, c.Get(strconv.Itoa(i)).String())
		}
	}
	s.key = transportKey{
		socketPath:    str("socketPath"),
		family:        int(o.Get("family").ToInteger()),
		localAddress:  str("localAddress"),
		maxHeaderSize: o.Get("maxHeaderSize").ToInteger(),
	}
	if s.protocol == "https:" {
		s.key.tls = tlsOptions{
			verify: o.Get("rejectUnauthorized").ToBoolean(), ca: strings.Join(ca, "\n"),
			cert: str("cert"), key: str("key"), servername: str("servername"),
		}
	}
	return s
}

// request builds the net/http request. The target is sent as the JS half gave it (Node does not
// re-encode paths), and the headers keep their case; only the ones net/http handles itself are
// moved to its fields.
func (x *exchange) request(s spec, keepAlive bool) (*http.Request, error) {
	u := &url.URL{Scheme: "http", Host: net.JoinHostPort(strings.Trim(s.host, "[]"), s.port)}
	if s.protocol == "https:" {
		u.Scheme = "https"
	}
	target, query, hasQuery := strings.Cut(s.path, "?")
	if strings.HasPrefix(target, "//") {
		u.Path, u.RawPath = target, target
	} else {
		u.Opaque = target
	}
	u.RawQuery, u.ForceQuery = query, hasQuery && query == ""
	req := &http.Request{
		Method: s.method, URL: u, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{}, Host: u.Host, ContentLength: s.contentLength,
	}
	chunked := false
	for i := 0; i+1 < len(s.headers); i += 2 {
		name, value := s.headers[i], s.headers[i+1]
		switch canonical := textproto.CanonicalMIMEHeaderKey(name); canonical {
		case "Host":
			req.Host = value
		case "Content-Length":
			n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || n < 0 {
				return nil, &codedError{code: "ERR_HTTP_INVALID_HEADER_VALUE", msg: "Invalid value \"" + value + "\" for header \"" + name + "\""}
			}
			req.ContentLength = n
		case "Transfer-Encoding":
			chunked = chunked || strings.Contains(strings.ToLower(value), "chunked")
		case "Trailer":
		case "User-Agent", "Connection", "Expect":
			req.Header[canonical] = append(req.Header[canonical], value)
		default:
			req.Header[name] = append(req.Header[name], value)
		}
	}
	// net/http would add a User-Agent of its own; Node sends none.
	if _, ok := req.Header["User-Agent"]; !ok {
		req.Header["User-Agent"] = []string{""}
	}
	if _, ok := req.Header["Connection"]; !ok && s.keepAlive && keepAlive {
		req.Header["Connection"] = []string{"keep-alive"}
	}
	if chunked {
		req.ContentLength = -1
	}
	if req.ContentLength != 0 {
		pr, pw := io.Pipe()
		req.Body, x.body = pr, pw
		// The JS may never end the body (the response came first and req was destroyed): net/http's
		// writer would wait on the pipe forever, so the exchange's end closes it.
		context.AfterFunc(x.ctx, func() { _ = pw.CloseWithError(context.Canceled) })
		if req.ContentLength < 0 {
			// Zero with a body is "unknown" to net/http: it streams the body chunked.
			req.ContentLength = 0
			req.TransferEncoding = []string{"chunked"}
		}
	}
	trace := &httptrace.ClientTrace{
		GotConn: x.gotConn,
		WroteRequest: func(info httptrace.WroteRequestInfo) {
			if info.Err == nil {
				x.deliver(func() { x.call("wrote") })
			}
		},
		Got1xxResponse: func(code int, header textproto.MIMEHeader) error {
			x.deliver(func() { x.call("information", x.informationInfo(code, http.Header(header))) })
			return nil
		},
	}
	return req.WithContext(httptrace.WithClientTrace(x.ctx, trace)), nil
}

// run performs the exchange once permit allows it: the round trip, then the body reads JS asks for.
func (x *exchange) run(t *http.Transport, req *http.Request, permit func(ctx context.Context) error) {
	err := permit(x.ctx)
	var resp *http.Response
	if err == nil {
		resp, err = t.RoundTrip(req)
	}
	if err != nil {
		x.failed.Store(true)
		x.cancel()
		err = nodeError(err)
		x.deliver(func() { x.call("error", x.rt.ErrorValue(err)) })
		close(x.settled)
		return
	}
	x.deliver(func() { x.call("response", x.responseInfo(resp)) })
	close(x.settled)
	x.readBody(resp)
}

// readBody reads one chunk of the body each time JS asks (IncomingMessage._read), until the end, a
// failure, or the exchange is cancelled (abort, or the runtime closing).
func (x *exchange) readBody(resp *http.Response) {
	defer x.cancel()
	defer resp.Body.Close()
	buf := make([]byte, readSize)
	for {
		select {
		case <-x.reads:
		case <-x.ctx.Done():
			return
		}
		n, err := resp.Body.Read(buf)
		for n == 0 && err == nil {
			n, err = resp.Body.Read(buf)
		}
		chunk := bytes.Clone(buf[:n])
		switch {
		case err == nil:
			x.deliver(func() { x.call("data", buffer.New(x.rt, chunk)) })
		case errors.Is(err, io.EOF):
			trailers := resp.Trailer
			x.deliver(func() {
				if len(chunk) > 0 {
					x.call("data", buffer.New(x.rt, chunk))
				}
				x.call("end", rawLines(x.rt.VM(), trailers))
			})
			return
		default:
			x.failed.Store(true)
			var cause error
			if ne := nodeError(err); ne != hangUp && x.ctx.Err() == nil {
				cause = ne
			}
			x.deliver(func() {
				if len(chunk) > 0 {
					x.call("data", buffer.New(x.rt, chunk))
				}
				if cause != nil {
					x.call("error", x.rt.ErrorValue(cause))
				} else {
					x.call("error", goja.Null())
				}
			})
			return
		}
	}
}

// gotConn reports the connection: addresses, reuse, and for TLS whether the peer was authorized.
func (x *exchange) gotConn(info httptrace.GotConnInfo) {
	local, remote := info.Conn.LocalAddr(), info.Conn.RemoteAddr()
	tc, isTLS := info.Conn.(*tlsConn)
	x.deliver(func() {
		vm := x.rt.VM()
		o := vm.NewObject()
		_ = o.Set("reused", info.Reused)
		if a, ok := remote.(*net.TCPAddr); ok {
			_ = o.Set("remoteAddress", a.IP.String())
			_ = o.Set("remotePort", a.Port)
			_ = o.Set("remoteFamily", family(a.IP))
		}
		if a, ok := local.(*net.TCPAddr); ok {
			_ = o.Set("localAddress", a.IP.String())
			_ = o.Set("localPort", a.Port)
		}
		if isTLS {
			_ = o.Set("authorized", tc.authErr == nil)
			if tc.authErr != nil {
				_ = o.Set("authorizationError", tc.authErr.code)
			}
			o.Set("tls", tlsInfo(x.rt, tc))
		}
		x.call("connect", o)
	})
}

func family(ip net.IP) string {
	if ip.To4() != nil {
		return "IPv4"
	}
	return "IPv6"
}

func tlsInfo(rt *jsruntime.Runtime, tc *tlsConn) *goja.Object {
	vm := rt.VM()
	cs := tc.ConnectionState()
	o := vm.NewObject()
	_ = o.Set("protocol", tlsVersion(cs.Version))
	if len(cs.PeerCertificates) > 0 {
		leaf := cs.PeerCertificates[0]
		_ = o.Set("peerCertificate", peerCertificate(vm, leaf, buffer.New(rt, leaf.Raw)))
	}
	return o
}

func tlsVersion(v uint16) string {
	switch v {
	case 0x0304:
		return "TLSv1.3"
	case 0x0303:
		return "TLSv1.2"
	case 0x0302:
		return "TLSv1.1"
	}
	return "TLSv1"
}

// responseInfo is what IncomingMessage is made from.
func (x *exchange) responseInfo(resp *http.Response) *goja.Object {
	vm := x.rt.VM()
	o := vm.NewObject()
	_ = o.Set("statusCode", resp.StatusCode)
	_ = o.Set("statusMessage", fromLatin1(vm, reason(resp)))
	_ = o.Set("major", resp.ProtoMajor)
	_ = o.Set("minor", resp.ProtoMinor)
	_ = o.Set("keepAlive", !resp.Close)
	header := resp.Header.Clone()
	// net/http moves these out of the header; Node shows them as sent.
	if len(resp.TransferEncoding) > 0 {
		header["Transfer-Encoding"] = []string{strings.Join(resp.TransferEncoding, ", ")}
	}
	if resp.Close && resp.ProtoAtLeast(1, 1) && header["Connection"] == nil {
		header["Connection"] = []string{"close"}
	}
	if len(resp.Trailer) > 0 && header["Trailer"] == nil {
		names := make([]string, 0, len(resp.Trailer))
		for k := range resp.Trailer {
			names = append(names, k)
		}
		sort.Strings(names)
		header["Trailer"] = []string{strings.Join(names, ", ")}
	}
	_ = o.Set("rawHeaders", rawLines(vm, header))
	return o
}

func (x *exchange) informationInfo(code int, header http.Header) *goja.Object {
	vm := x.rt.VM()
	o := vm.NewObject()
	_ = o.Set("statusCode", code)
	_ = o.Set("statusMessage", http.StatusText(code))
	_ = o.Set("httpVersion", "1.1")
	_ = o.Set("httpVersionMajor", 1)
	_ = o.Set("httpVersionMinor", 1)
	raw := rawLines(vm, header)
	headers := vm.NewObject()
	for k, vs := range header {
		_ = headers.Set(strings.ToLower(k), fromLatin1(vm, strings.Join(vs, ", ")))
	}
	_ = o.Set("headers", headers)
	_ = o.Set("rawHeaders", raw)
	return o
}

// reason is the reason phrase the server sent ("201 Made It" gives "Made It").
func reason(resp *http.Response) string {
	_, phrase, _ := strings.Cut(resp.Status, " ")
	if code, _, _ := strings.Cut(resp.Status, " "); code != strconv.Itoa(resp.StatusCode) {
		return resp.Status
	}
	return phrase
}

// rawLines is a header as Node's rawHeaders: [name, value, ...], names sorted, values in order.
func rawLines(vm *goja.Runtime, h http.Header) *goja.Object {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []any
	for _, k := range keys {
		for _, v := range h[k] {
			out = append(out, fromLatin1(vm, k), fromLatin1(vm, v))
		}
	}
	return vm.NewArray(out...)
}

// handle is the object JS drives the exchange with.
func (x *exchange) handle() goja.Value {
	vm := x.rt.VM()
	h := vm.NewObject()
	_ = h.Set("write", func(call goja.FunctionCall) goja.Value {
		data, _ := buffer.Bytes(x.rt, call.Argument(0))
		cb, _ := goja.AssertFunction(call.Argument(1))
		x.write(bytes.Clone(data), cb)
		return goja.Undefined()
	})
	_ = h.Set("end", func(goja.FunctionCall) goja.Value { x.end(); return goja.Undefined() })
	_ = h.Set("read", func(goja.FunctionCall) goja.Value {
		select {
		case x.reads <- struct{}{}:
		default:
		}
		return goja.Undefined()
	})
	_ = h.Set("abort", func(goja.FunctionCall) goja.Value { x.abort(); return goja.Undefined() })
	return h
}

// write hands data to the request body after the writes before it; cb runs on the loop once
// net/http has taken it. Once the exchange has failed or was aborted the data is dropped and cb
// reports success: the request's own error says what happened.
func (x *exchange) write(data []byte, cb goja.Callable) {
	prev, done := x.lastOp, make(chan struct{})
	x.lastOp = done
	go func() {
		if prev != nil {
			<-prev
		}
		var err error
		if x.body != nil {
			_, err = x.body.Write(data)
		}
		close(done)
		if err != nil {
			<-x.settled
			if x.failed.Load() || x.ctx.Err() != nil {
				err = nil
			} else {
				err = nodeError(err)
			}
		}
		x.rt.RunOnLoop(func(vm *goja.Runtime) {
			var arg goja.Value = goja.Null()
			if err != nil {
				arg = x.rt.ErrorValue(err)
			}
			if cb != nil {
				_, err := cb(goja.Undefined(), arg)
				x.rt.ReportUncaught("http callback", err)
			}
		})
	}()
}

// end closes the body once the writes before it are through.
func (x *exchange) end() {
	if x.body == nil {
		return
	}
	prev := x.lastOp
	go func() {
		if prev != nil {
			<-prev
		}
		_ = x.body.Close()
	}()
}

// abort cancels the exchange; nothing more is reported to JS.
func (x *exchange) abort() {
	if x.aborted {
		return
	}
	x.aborted = true
	x.failed.Store(true)
	x.cancel()
	if x.body != nil {
		_ = x.body.CloseWithError(context.Canceled)
	}
}

// deliver runs fn on the loop unless the exchange was aborted by then.
func (x *exchange) deliver(fn func()) {
	x.rt.RunOnLoop(func(*goja.Runtime) {
		if !x.aborted {
			fn()
		}
	})
}

// call invokes sink[name](args...); what a listener throws is reported as uncaught.
func (x *exchange) call(name string, args ...goja.Value) {
	fn, ok := goja.AssertFunction(x.sink.Get(name))
	if !ok {
		return
	}
	_, err := fn(x.sink, args...)
	x.rt.ReportUncaught("http callback", err)
}
