package express

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
	"golang.org/x/net/http/httpguts"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/internal/httptext"
)

// headerRoute reads the request's headers and applies fuzz.ops to the response headers, catching
// each error, then reports what it saw through report() and ends the response.
const headerRoute = `
	router.all('/h', (req, res) => {
		const r = {ops: [], initial: res.getHeaders()};
		for (const name of [fz.getName, fz.otherName]) {
			try { r.get = r.get || []; r.get.push(req.get(name) === undefined ? null : req.get(name)); }
			catch (e) { r.get.push('throws ' + e.name); }
		}
		r.headers = req.headers;
		r.raw = req.rawHeaders;
		for (const [op, n, v] of fz.ops) {
			try {
				switch (op) {
				case 0: res.setHeader(n, v); break;
				case 1: res.append(n, v); break;
				case 2: res.set(n, v); break;
				case 3: res.setHeader(n, [v, v]); break;
				case 4: res.set({[n]: v}); break;
				case 5: res.removeHeader(n); break;
				case 6: res.setHeader(n, undefined); break;
				case 7: res.flushHeaders(); break;
				}
				r.ops.push('ok');
			} catch (e) {
				r.ops.push(e.code || e.name);
			}
		}
		r.final = res.getHeaders();
		report(JSON.stringify(r));
		res.end();
	});
`

// headerReport is what the route reports.
type headerReport struct {
	Ops     []string       `json:"ops"`
	Initial map[string]any `json:"initial"`
	Get     []any          `json:"get"`
	Headers map[string]any `json:"headers"`
	Raw     []string       `json:"raw"`
	Final   map[string]any `json:"final"`
}

// FuzzHeaders sends a request with a fuzzed header (once or twice, as a Go server would deliver it)
// to a route that reads it with req.get, req.headers and req.rawHeaders, then sets, appends and
// removes response headers with fuzzed names and values through setHeader, append and set. Nothing
// may panic; request header values read as Node reads them (one character per byte, repeated
// headers joined by Node's rules); each call succeeds or throws exactly as Node's validation says
// (ERR_INVALID_HTTP_TOKEN, ERR_INVALID_CHAR, ERR_HTTP_INVALID_HEADER_VALUE, ERR_HTTP_HEADERS_SENT,
// Express's TypeError for an array Content-Type); and the response carries the headers the route
// ended with, each a valid field written as Latin-1, and no other malformed field.
func FuzzHeaders(f *testing.F) {
	f.Add("X-Custom", "value", "", "X-Out", "v", []byte{0, 1, 2, 5})
	f.Add("Accept", "text/html", "application/json", "Set-Cookie", "a=1", []byte{0, 1, 1})
	f.Add("Set-Cookie", "a=1", "b=2", "x", "naïve", []byte{0, 3, 1})
	f.Add("Cookie", "a=1", "b=2", "bad name", "v", []byte{0, 6})
	f.Add("Referer", "http://x/", "", "x", "line\r\nbreak", []byte{0, 2, 4, 0x60})
	f.Add("Referrer", "", "", "Content-Type", "€", []byte{0, 7, 0, 5})
	f.Add("User-Agent", "caf\xe9", "other", "", "", []byte{0x08, 0x09, 0x28, 0x48})
	f.Add("X-Dup", "1", "2", "content-type", "text/html", []byte{2, 1, 0x21})
	f.Add("", "", "", "é", "\x00", []byte{0, 3, 5, 6})
	ff := newFuzzFixture(f, Config{}, headerRoute)
	var reported string
	ff.setup = func(_ *jsruntime.Runtime, vm *goja.Runtime) error {
		return vm.Set("report", func(s string) { reported = s })
	}
	f.Fuzz(func(t *testing.T, reqName, reqValue, reqValue2, resName, resValue string, ops []byte) {
		defer noHang()()
		if len(ops) > 16 || len(reqName)+len(reqValue)+len(reqValue2)+len(resName)+len(resValue) > 4096 {
			return
		}
		fx := ff.get(t)
		before := ff.panics.Load()

		req := httptest.NewRequest("GET", "/api/plugins/test/h", nil)
		var sentValues []string
		if deliverable(reqName) {
			values := []string{reqValue}
			if reqValue2 != "" {
				values = append(values, reqValue2)
			}
			for _, v := range values {
				// A Go server trims the value and refuses control characters.
				if v = strings.Trim(v, " \t"); httpguts.ValidHeaderFieldValue(v) {
					req.Header.Add(reqName, v)
					sentValues = append(sentValues, v)
				}
			}
		}

		type jsOp struct {
			op        int
			name, val string
		}
		var plan []jsOp
		var jsOps []any
		for _, b := range ops {
			o := jsOp{op: int(b & 7), name: []string{resName, "Content-Type", "Set-Cookie", "Content-Length"}[b>>3&3]}
			o.val = []string{resValue, "text/plain", "", resValue + "\r\nX-Injected: 1"}[b>>5&3]
			plan = append(plan, o)
			jsOps = append(jsOps, []any{o.op, o.name, o.val})
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		err := fx.rt.Do(ctx, func(vm *goja.Runtime) error {
			reported = ""
			return vm.Set("fz", map[string]any{"getName": reqName, "otherName": resName, "ops": jsOps})
		})
		if err != nil {
			t.Fatal(err)
		}
		rec := fx.fuzzServe(req)
		ff.checkNoPanic(t, before)
		var got headerReport
		if err := fx.rt.Do(ctx, func(*goja.Runtime) error { return json.Unmarshal([]byte(reported), &got) }); err != nil {
			t.Fatalf("response %d %q, report %q: %v", rec.Code, rec.Body.String(), reported, err)
		}

		checkRequestHeaders(t, reqName, sentValues, got)

		// Replay the calls on a model of Node's and Express's rules.
		type modelHeader struct {
			vals  []string
			array bool
		}
		model := map[string]modelHeader{}
		for k, v := range got.Initial {
			model[k] = modelHeader{headerStrings(v), isArrayHeader(v)}
		}
		sent := false
		for i, o := range plan {
			lname := strings.ToLower(o.name)
			next := modelHeader{vals: []string{o.val}}
			var want string
			switch o.op {
			case 0, 2, 4:
				want = nodeSetHeader(sent, o.name, next.vals)
			case 3:
				next = modelHeader{vals: []string{o.val, o.val}, array: true}
				want = nodeSetHeader(sent, o.name, next.vals)
			case 1:
				// res.append: a truthy previous value makes an array, which res.set refuses for
				// Content-Type before anything else.
				if prev, ok := model[lname]; ok && (prev.array || prev.vals[0] != "") {
					next = modelHeader{vals: append(append([]string(nil), prev.vals...), o.val), array: true}
					if lname == "content-type" {
						want = "TypeError"
						break
					}
				}
				want = nodeSetHeader(sent, o.name, next.vals)
			case 5:
				want = "ok"
				if sent {
					want = "ERR_HTTP_HEADERS_SENT"
				} else {
					delete(model, lname)
				}
			case 6:
				want = nodeSetHeader(sent, o.name, nil)
			case 7:
				want, sent = "ok", true
			}
			if want == "ok" && o.op <= 4 {
				model[lname] = next
			}
			if i >= len(got.Ops) || got.Ops[i] != want {
				t.Fatalf("op %d (%d %q %q): got %v, want %s\nreport %s", i, o.op, o.name, o.val, got.Ops, want, reported)
			}
		}
		if len(got.Final) != len(model) {
			t.Fatalf("final headers %v, model %v", got.Final, model)
		}
		checkWireHeaders(t, rec.Result().Header, got.Final)
	})
}

// deliverable reports whether a Go server would hand the handler a request header of this name in
// r.Header: a valid field name other than those net/http moves out of the map.
func deliverable(name string) bool {
	if !httpguts.ValidHeaderFieldName(name) {
		return false
	}
	switch strings.ToLower(name) {
	case "host", "content-length", "transfer-encoding":
		return false
	}
	return true
}

// nodeSetHeader is the outcome of OutgoingMessage.setHeader(name, values) in Node 20 (values nil for
// undefined).
func nodeSetHeader(sent bool, name string, values []string) string {
	switch {
	case sent:
		return "ERR_HTTP_HEADERS_SENT"
	case !nodeToken(name):
		return "ERR_INVALID_HTTP_TOKEN"
	case values == nil:
		return "ERR_HTTP_INVALID_HEADER_VALUE"
	}
	for _, v := range values {
		for _, r := range v {
			if r != '\t' && (r < 0x20 || r == 0x7f || r > 0xff) {
				return "ERR_INVALID_CHAR"
			}
		}
	}
	return "ok"
}

// nodeToken is Node's checkIsHttpToken: /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/.
func nodeToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("^_`-!#$%&'*+.|~", c) >= 0) {
			return false
		}
	}
	return true
}

func isArrayHeader(v any) bool {
	_, ok := v.([]any)
	return ok
}

func headerStrings(v any) []string {
	if list, ok := v.([]any); ok {
		out := make([]string, len(list))
		for i, x := range list {
			out[i], _ = x.(string)
		}
		return out
	}
	s, _ := v.(string)
	return []string{s}
}

// checkRequestHeaders compares what the route read with Node's reading of the header sent.
func checkRequestHeaders(t *testing.T, name string, sent []string, got headerReport) {
	t.Helper()
	lname := strings.ToLower(name)
	values := make([]string, len(sent))
	for i, v := range sent {
		values[i] = httptext.FromLatin1(v)
	}
	var want any
	switch {
	case len(values) == 0:
		want = nil
	case lname == "set-cookie":
		list := make([]any, len(values))
		for i, v := range values {
			list[i] = v
		}
		want = list
	case lname == "cookie":
		want = strings.Join(values, "; ")
	case singleValueHeaders[lname]:
		want = values[0]
	default:
		want = strings.Join(values, ", ")
	}
	if len(values) > 0 && !reflect.DeepEqual(got.Headers[lname], want) {
		t.Fatalf("req.headers[%q] = %#v, want %#v (sent %q)", lname, got.Headers[lname], want, sent)
	}
	wantGet := want
	switch {
	case name == "":
		wantGet = "throws TypeError"
	case len(values) == 0 && lname == "host":
		return // the request's own Host
	case lname == "referrer":
		// headers.referrer || headers.referer: an empty Referrer falls through to the absent Referer.
		if s, _ := want.(string); s == "" {
			wantGet = nil
		}
	}
	if len(got.Get) != 2 || !reflect.DeepEqual(got.Get[0], wantGet) {
		t.Fatalf("req.get(%q) = %#v, want %#v (sent %q)", name, got.Get, wantGet, sent)
	}
	if len(values) == 0 {
		return
	}
	var raw []string
	for i := 0; i+1 < len(got.Raw); i += 2 {
		if strings.EqualFold(got.Raw[i], name) {
			raw = append(raw, got.Raw[i+1])
		}
	}
	if !reflect.DeepEqual(raw, values) {
		t.Fatalf("rawHeaders %q, want the values %q for %q", got.Raw, values, name)
	}
}

// checkWireHeaders checks that every header the response ended with went out as Node writes it,
// and that nothing malformed did.
func checkWireHeaders(t *testing.T, wire http.Header, final map[string]any) {
	t.Helper()
	for k, vals := range wire {
		if !httpguts.ValidHeaderFieldName(k) {
			t.Fatalf("invalid header name %q on the wire", k)
		}
		for _, v := range vals {
			if !httpguts.ValidHeaderFieldValue(v) {
				t.Fatalf("invalid value %q of %s on the wire", v, k)
			}
		}
	}
	for lname, v := range final {
		if lname == "content-disposition" {
			continue // rewritten as Node 20 does, see dispositionOnWire
		}
		var want []string
		for _, s := range headerStrings(v) {
			want = append(want, httptext.Latin1(s))
		}
		if got := wire[http.CanonicalHeaderKey(lname)]; !reflect.DeepEqual(got, want) {
			t.Fatalf("%s on the wire is %q, want %q", lname, got, want)
		}
	}
}
