package express

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
)

// host404 stands in for the host's final 404 middleware.
var host404 = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	_, _ = io.WriteString(w, "host 404")
})

type fixture struct {
	t   testing.TB
	rt  *jsruntime.Runtime
	app *App
	h   http.Handler
}

// setup runs script with `router` (a plugin router mounted at /api/plugins/test) and `express` in
// scope, in a runtime of the plugin "test".
func setup(t testing.TB, cfg Config, script string) *fixture {
	t.Helper()
	return setupPlugin(t, "test", cfg, script)
}

// setupPlugin is setup in a runtime of the plugin id.
func setupPlugin(t testing.TB, id string, cfg Config, script string) *fixture {
	t.Helper()
	f := &fixture{t: t}
	f.rt = jstest.NewWith(t, jsruntime.Options{Name: id}, func(rt *jsruntime.Runtime) error {
		f.app = Install(rt, cfg)
		router := f.app.NewRouter()
		ex, err := Require(rt)
		if err != nil {
			return err
		}
		vm := rt.VM()
		_ = vm.Set("router", router)
		_ = vm.Set("express", ex)
		if _, err := vm.RunString(script); err != nil {
			return err
		}
		f.h = f.app.Handler(router, "/api/plugins/test", host404)
		return nil
	})
	return f
}

// eval runs JS on the loop and returns its string result.
func (f *fixture) eval(src string) string {
	f.t.Helper()
	return jstest.Eval(f.t, f.rt, src)
}

type result struct {
	status int
	header http.Header
	body   string
}

func (f *fixture) do(method, target string, body string, headers ...string) result {
	f.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, rd)
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i] == "raw-uri" {
			// A request-target url.Parse rejects but Node accepts, e.g. a malformed escape.
			req.RequestURI = headers[i+1]
			continue
		}
		req.Header.Set(headers[i], headers[i+1])
	}
	if body == "" && (method == "POST" || method == "PUT") {
		req.Header.Del("Content-Length")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req = req.WithContext(ctx)
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	return result{status: rec.Code, header: rec.Header(), body: rec.Body.String()}
}

func (f *fixture) get(target string, headers ...string) result {
	f.t.Helper()
	return f.do("GET", target, "", headers...)
}
