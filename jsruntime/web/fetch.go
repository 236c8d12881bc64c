package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"sync"
	"syscall"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// Clients for the three redirect modes. They share one transport, and so one connection pool, across
// all runtimes.
var (
	transport    = http.DefaultTransport.(*http.Transport).Clone()
	followClient = &http.Client{Transport: transport}
	manualClient = &http.Client{Transport: transport, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	errorClient = &http.Client{Transport: transport, CheckRedirect: func(*http.Request, []*http.Request) error {
		return errRedirect
	}}
)

var errRedirect = errors.New("unexpected redirect")

// chunkSize bounds one read of a response body: a read returns what has arrived, up to this much.
const chunkSize = 64 * 1024

// fetcher performs the HTTP part of fetch for one runtime.
type fetcher struct {
	rt *jsruntime.Runtime
}

// fetchRequest is what the Go goroutine needs, copied out of JS values on the loop.
type fetchRequest struct {
	url, method string
	header      http.Header
	body        io.Reader // nil for no body
	client      *http.Client
	gate        *policy.Gate // the plugin's policy on the host and every redirect
}

// start is native.fetch(url, method, headerPairs, body, redirect, streaming). body is a Uint8Array or
// null; when streaming, the body comes through the returned writer instead. It returns {response,
// cancel, writer}: response settles with the raw response fields the prelude turns into a Response,
// once the headers have arrived; the body is then read through its handle.
func (f *fetcher) start(call goja.FunctionCall) goja.Value {
	vm := f.rt.VM()
	req := fetchRequest{url: call.Argument(0).String(), method: call.Argument(1).String(), header: http.Header{}, gate: policy.For(f.rt)}
	pairs := call.Argument(2).ToObject(vm)
	for i := range int(pairs.Get("length").ToInteger()) {
		p := pairs.Get(fmt.Sprint(i)).ToObject(vm)
		req.header.Add(p.Get("0").String(), p.Get("1").String())
	}
	if b, ok := buffer.Bytes(f.rt, call.Argument(3)); ok {
		req.body = bytes.NewReader(append([]byte(nil), b...))
	}
	switch call.Argument(4).String() {
	case "manual":
		req.client = manualClient
	case "error":
		req.client = errorClient
	default:
		req.client = followClient
	}
	ctx, cancel := context.WithCancel(f.rt.Context())
	obj := vm.NewObject()
	if call.Argument(5).ToBoolean() {
		pr, pw := io.Pipe()
		req.body = pr
		_ = obj.Set("writer", f.bodyWriter(ctx, pw))
	}
	promise := f.rt.Go(func(context.Context) func(*goja.Runtime) (goja.Value, error) {
		resp, err := send(ctx, req)
		if err != nil {
			cancel()
		}
		return func(vm *goja.Runtime) (goja.Value, error) {
			if err != nil {
				return nil, fetchFailed{err}
			}
			return f.toJS(resp, req.method, cancel), nil
		}
	})
	_ = obj.Set("response", promise)
	_ = obj.Set("cancel", func(goja.FunctionCall) goja.Value { cancel(); return goja.Undefined() })
	return obj
}

// send sends the request and returns once the response headers have arrived.
func send(ctx context.Context, r fetchRequest) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, r.method, r.url, r.body)
	if err != nil {
		return nil, err
	}
	req.Header = r.header
	if h := r.header.Get("Host"); h != "" {
		req.Host = h
	}
	if err := r.gate.Wait(ctx); err != nil {
		return nil, err
	}
	if err := permitted(r.gate, req.URL); err != nil {
		return nil, err
	}
	return guarded(r.client, r.gate).Do(req)
}

// bodyWriter is the JS-facing end of a streamed request body: write(chunk) settles once the
// transport has taken the chunk, close() ends the body, error(message) aborts it.
func (f *fetcher) bodyWriter(ctx context.Context, pw *io.PipeWriter) *goja.Object {
	vm := f.rt.VM()
	w := vm.NewObject()
	// The request's context ending (an abort, the runtime closing) fails pending and later writes.
	stop := context.AfterFunc(ctx, func() { pw.CloseWithError(ctx.Err()) })
	_ = w.Set("write", func(call goja.FunctionCall) goja.Value {
		b, ok := buffer.Bytes(f.rt, call.Argument(0))
		if !ok {
			panic(f.rt.TypeError("Received non-Uint8Array chunk"))
		}
		chunk := append([]byte(nil), b...)
		return vm.ToValue(f.rt.Go(func(context.Context) func(*goja.Runtime) (goja.Value, error) {
			_, err := pw.Write(chunk)
			return func(*goja.Runtime) (goja.Value, error) { return goja.Undefined(), err }
		}))
	})
	_ = w.Set("close", func(goja.FunctionCall) goja.Value {
		stop()
		_ = pw.Close()
		return goja.Undefined()
	})
	_ = w.Set("error", func(call goja.FunctionCall) goja.Value {
		stop()
		pw.CloseWithError(errors.New(call.Argument(0).String()))
		return goja.Undefined()
	})
	return w
}

// statusText is the reason phrase the server sent ("200 OK" → "OK").
func statusText(resp *http.Response) string {
	code := fmt.Sprintf("%03d ", resp.StatusCode)
	if len(resp.Status) >= len(code) && resp.Status[:len(code)] == code {
		return resp.Status[len(code):]
	}
	return http.StatusText(resp.StatusCode)
}

// nullBody reports whether a response has no body at all (body is null in JS), as for HEAD requests
// and the null body statuses.
func nullBody(method string, status int) bool {
	switch status {
	case 101, 103, 204, 205, 304:
		return true
	}
	return method == http.MethodHead || method == http.MethodConnect
}

func (f *fetcher) toJS(resp *http.Response, method string, cancel context.CancelFunc) goja.Value {
	vm := f.rt.VM()
	pairs := make([]any, 0, len(resp.Header))
	for k, vs := range resp.Header {
		for _, v := range vs {
			pairs = append(pairs, vm.NewArray(k, v))
		}
	}
	o := vm.NewObject()
	_ = o.Set("status", resp.StatusCode)
	_ = o.Set("statusText", statusText(resp))
	_ = o.Set("headers", vm.NewArray(pairs...))
	_ = o.Set("url", resp.Request.URL.String())
	_ = o.Set("redirected", resp.Request.Response != nil)
	if nullBody(method, resp.StatusCode) {
		_ = resp.Body.Close()
		cancel()
		_ = o.Set("body", goja.Null())
	} else {
		r := &bodyReader{body: resp.Body, cancel: cancel}
		// A body the plugin drops unread is released when its handle is collected, so that the
		// connection does not wait for the runtime to close.
		runtime.AddCleanup(r, func(rel release) {
			_ = rel.body.Close()
			rel.cancel()
		}, release{resp.Body, cancel})
		_ = o.Set("body", f.bodyHandle(r))
	}
	return o
}

// release is what closing an unread body takes, kept apart from the bodyReader it outlives.
type release struct {
	body   io.Closer
	cancel context.CancelFunc
}

// bodyReader is a response body being read from Go. Reads come one at a time (a stream pull or one
// readAll); cancel may come from the loop while a read is blocked, and unblocks it.
type bodyReader struct {
	mu     sync.Mutex
	body   io.ReadCloser
	cancel context.CancelFunc
	eof    bool
}

// read returns the next bytes that have arrived, or nil at the end of the body.
func (r *bodyReader) read() ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.eof {
		return nil, nil
	}
	bp := readBuffers.Get().(*[]byte)
	defer readBuffers.Put(bp)
	buf := *bp
	for {
		n, err := r.body.Read(buf)
		if errors.Is(err, io.EOF) {
			r.finish()
			if n == 0 {
				return nil, nil
			}
			return bytes.Clone(buf[:n]), nil
		}
		if err != nil {
			r.finish()
			return nil, err
		}
		if n > 0 {
			return bytes.Clone(buf[:n]), nil
		}
	}
}

// readBuffers are the buffers read fills before copying out what arrived: an event stream's chunks
// are often a hundred bytes, and a fresh chunkSize buffer for each was most of a relay's garbage.
var readBuffers = sync.Pool{New: func() any {
	b := make([]byte, chunkSize)
	return &b
}}

// readAll returns the rest of the body.
func (r *bodyReader) readAll() ([]byte, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.eof {
		return nil, nil
	}
	b, err := io.ReadAll(r.body)
	r.finish()
	return b, err
}

// finish releases the connection. Called with mu held.
func (r *bodyReader) finish() {
	r.eof = true
	_ = r.body.Close()
	r.cancel()
}

// bodyHandle is the JS object over r: read() answers a promise of the next Uint8Array or null at the
// end, readAll() a promise of the rest, cancel() drops the body.
func (f *fetcher) bodyHandle(r *bodyReader) *goja.Object {
	vm := f.rt.VM()
	h := vm.NewObject()
	settle := func(read func() ([]byte, error), null bool) func(goja.FunctionCall) goja.Value {
		return func(goja.FunctionCall) goja.Value {
			return vm.ToValue(f.rt.Go(func(context.Context) func(*goja.Runtime) (goja.Value, error) {
				b, err := read()
				return func(vm *goja.Runtime) (goja.Value, error) {
					if err != nil {
						return nil, terminated{err}
					}
					if b == nil {
						if null {
							return goja.Null(), nil
						}
						b = []byte{}
					}
					return uint8Array(f.rt, b), nil
				}
			}))
		}
	}
	_ = h.Set("read", settle(r.read, true))
	_ = h.Set("readAll", settle(r.readAll, false))
	_ = h.Set("cancel", func(goja.FunctionCall) goja.Value {
		r.cancel()
		_ = r.body.Close()
		return goja.Undefined()
	})
	return h
}

// fetchFailed becomes Node's TypeError('fetch failed') whose cause describes the network error.
type fetchFailed struct{ err error }

func (e fetchFailed) Error() string { return "fetch failed: " + e.err.Error() }

func (e fetchFailed) Unwrap() error { return e.err }

// JSValue is how jsruntime turns this error into the rejection value.
func (e fetchFailed) JSValue(vm *goja.Runtime) goja.Value {
	return typeErrorWithCause(vm, "fetch failed", e.err)
}

// terminated is undici's TypeError('terminated'): the connection failed while the body was read.
type terminated struct{ err error }

func (e terminated) Error() string { return "terminated: " + e.err.Error() }

func (e terminated) Unwrap() error { return e.err }

// JSValue is how jsruntime turns this error into the rejection value.
func (e terminated) JSValue(vm *goja.Runtime) goja.Value {
	return typeErrorWithCause(vm, "terminated", e.err)
}

func typeErrorWithCause(vm *goja.Runtime, msg string, err error) goja.Value {
	te := vm.NewTypeError(msg)
	_ = te.Set("cause", netCause(vm, err))
	return te
}

// netCause describes a network failure as the cause Node's fetch gives: a system error
// (nodeerr.SystemError) for a failed lookup ("getaddrinfo ENOTFOUND host") or connection ("connect
// ECONNREFUSED 127.0.0.1:8080"), undici's SocketError for a connection lost mid-body, or an Error with
// the message (and the code of its errno, when libuv names it).
func netCause(vm *goja.Runtime, err error) *goja.Object {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	var denied *policy.Denied
	if errors.As(err, &denied) {
		return denied.JSValue(vm).ToObject(vm)
	}
	var dnsErr *net.DNSError
	var opErr *net.OpError
	var errno syscall.Errno
	errors.As(err, &errno)
	code, named := nodeerr.UVCode(errno)
	switch {
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return nodeerr.LookupError(err, dnsErr.Name).JSValue(vm).ToObject(vm)
	case named && errors.As(err, &opErr):
		address, port := "", 0
		if addr, ok := opErr.Addr.(*net.TCPAddr); ok {
			address, port = addr.IP.String(), addr.Port
		}
		return nodeerr.NetError(errno, "connect", address, port).JSValue(vm).ToObject(vm)
	}
	cause := vm.NewGoError(err)
	set := func(k string, v any) { _ = cause.Set(k, v) }
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET):
		set("name", "SocketError")
		set("code", "UND_ERR_SOCKET")
		set("message", "other side closed")
	default:
		set("message", err.Error())
		if named {
			set("code", code)
		}
	}
	return cause
}
