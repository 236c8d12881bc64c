package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"syscall"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
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

// fetcher performs the HTTP part of fetch for one runtime.
type fetcher struct {
	rt *jsruntime.Runtime
}

// fetchRequest is what the Go goroutine needs, copied out of JS values on the loop.
type fetchRequest struct {
	url, method string
	header      http.Header
	body        []byte
	hasBody     bool
	client      *http.Client
}

// fetchResult is the response, read fully off the loop.
type fetchResult struct {
	status     int
	statusText string
	header     http.Header
	url        string
	redirected bool
	body       []byte
}

// start is native.fetch(url, method, headerPairs, body, redirect): it returns [promise, cancel]. The
// promise settles with the raw response fields the prelude turns into a Response.
func (f *fetcher) start(call goja.FunctionCall) goja.Value {
	vm := f.rt.VM()
	req := fetchRequest{url: call.Argument(0).String(), method: call.Argument(1).String(), header: http.Header{}}
	pairs := call.Argument(2).ToObject(vm)
	n := int(pairs.Get("length").ToInteger())
	for i := range n {
		p := pairs.Get(fmt.Sprint(i)).ToObject(vm)
		req.header.Add(p.Get("0").String(), p.Get("1").String())
	}
	if b, ok := buffer.Bytes(f.rt, call.Argument(3)); ok {
		req.body, req.hasBody = b, true
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
	promise := f.rt.Go(func(context.Context) func(*goja.Runtime) (goja.Value, error) {
		res, err := do(ctx, req)
		cancel()
		return func(vm *goja.Runtime) (goja.Value, error) {
			if err != nil {
				return nil, fetchFailed{err}
			}
			return f.toJS(res), nil
		}
	})
	cancelFn := vm.ToValue(func(goja.FunctionCall) goja.Value { cancel(); return goja.Undefined() })
	return vm.NewArray(promise, cancelFn)
}

// do sends the request and reads the whole body, honouring ctx for both.
func do(ctx context.Context, r fetchRequest) (*fetchResult, error) {
	var body io.Reader
	if r.hasBody {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, r.url, body)
	if err != nil {
		return nil, err
	}
	req.Header = r.header
	if h := r.header.Get("Host"); h != "" {
		req.Host = h
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return &fetchResult{
		status:     resp.StatusCode,
		statusText: statusText(resp),
		header:     resp.Header,
		url:        resp.Request.URL.String(),
		redirected: resp.Request.URL.String() != req.URL.String(),
		body:       data,
	}, nil
}

// statusText is the reason phrase the server sent ("200 OK" → "OK").
func statusText(resp *http.Response) string {
	code := fmt.Sprintf("%03d ", resp.StatusCode)
	if len(resp.Status) >= len(code) && resp.Status[:len(code)] == code {
		return resp.Status[len(code):]
	}
	return http.StatusText(resp.StatusCode)
}

func (f *fetcher) toJS(res *fetchResult) goja.Value {
	vm := f.rt.VM()
	pairs := make([]any, 0, len(res.header))
	for k, vs := range res.header {
		for _, v := range vs {
			pairs = append(pairs, vm.NewArray(k, v))
		}
	}
	o := vm.NewObject()
	_ = o.Set("status", res.status)
	_ = o.Set("statusText", res.statusText)
	_ = o.Set("headers", vm.NewArray(pairs...))
	_ = o.Set("url", res.url)
	_ = o.Set("redirected", res.redirected)
	_ = o.Set("body", uint8Array(f.rt, res.body))
	return o
}

// fetchFailed becomes Node's TypeError('fetch failed') whose cause describes the network error.
type fetchFailed struct{ err error }

func (e fetchFailed) Error() string { return "fetch failed: " + e.err.Error() }

func (e fetchFailed) Unwrap() error { return e.err }

// JSValue is how jsruntime turns this error into the rejection value.
func (e fetchFailed) JSValue(vm *goja.Runtime) goja.Value {
	cause := vm.NewGoError(e.err)
	_ = cause.Set("message", e.err.Error())
	if code := errnoCode(e.err); code != "" {
		_ = cause.Set("code", code)
	}
	te := vm.NewTypeError("fetch failed")
	_ = te.Set("cause", cause)
	return te
}

// errnoCode names the system error behind a network failure the way Node's cause.code does.
func errnoCode(err error) string {
	var dnsErr *net.DNSError
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return "ECONNREFUSED"
	case errors.Is(err, syscall.ECONNRESET):
		return "ECONNRESET"
	case errors.Is(err, syscall.ETIMEDOUT):
		return "ETIMEDOUT"
	case errors.Is(err, syscall.EHOSTUNREACH):
		return "EHOSTUNREACH"
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return "ENOTFOUND"
	case errors.Is(err, errRedirect):
		return "UND_ERR_REDIRECT"
	}
	return ""
}
