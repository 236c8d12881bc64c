package pluginhost

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
)

func TestGlobalBodyParsers(t *testing.T) {
	th := startHost(t, "testdata/host")
	cases := []struct{ method, ctype, body, want string }{
		{"GET", "", "", `{"body":{},"method":"GET"}`},
		{"POST", "application/json", `{"a":[1,2],"b":"x"}`, `{"body":{"a":[1,2],"b":"x"},"method":"POST"}`},
		{"POST", "application/x-www-form-urlencoded", "a=1&b[c]=2", `{"body":{"a":"1","b":{"c":"2"}},"method":"POST"}`},
		{"POST", "text/plain", "raw text", `{"body":{},"method":"POST"}`},
	}
	for _, c := range cases {
		if status, body := th.do(t, c.method, "/api/plugins/echo/body", c.ctype, c.body); status != 200 || body != c.want {
			t.Errorf("%s %s: %d %s, want %s", c.method, c.ctype, status, body, c.want)
		}
	}
	// The host parser ran first, so the plugin's own express.json({limit: 10}) is a no-op, as in Luker.
	if status, body := th.do(t, "POST", "/api/plugins/echo/own-parser", "application/json", `{"long":"more than ten bytes"}`); status != 200 || body != `{"body":{"long":"more than ten bytes"}}` {
		t.Errorf("own parser: %d %s", status, body)
	}
	// Malformed JSON is rejected by the host parser before the plugin router, as Express would.
	if status, _ := th.do(t, "POST", "/api/plugins/echo/body", "application/json", `{bad`); status != 400 {
		t.Errorf("malformed JSON: status %d, want 400", status)
	}
}

func TestMountedPathsAndFallThrough(t *testing.T) {
	logs := newLogBuffer(t)
	host, err := New(context.Background(), Options{PluginsDir: "testdata/host", EnableServerPlugins: true, Logger: logs.Logger()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = host.Close(context.Background()) })

	r := chi.NewRouter()
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(404)
		io.WriteString(w, "host 404")
	})
	// The caller's middleware applies to plugin routes: a sub-router with authentication.
	r.Group(func(r chi.Router) {
		r.Use(func(next http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
				if req.Header.Get("X-User") == "" {
					http.Error(w, "unauthorised", http.StatusUnauthorized)
					return
				}
				next.ServeHTTP(w, req)
			})
		})
		host.Mount(r)
	})
	srv := httptest.NewServer(r)
	defer srv.Close()

	get := func(path string, user string) (int, string) {
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		if user != "" {
			req.Header.Set("X-User", user)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if status, _ := get("/api/plugins/echo/user", ""); status != 401 {
		t.Errorf("without auth: %d, want 401 from the caller's middleware", status)
	}
	if status, body := get("/api/plugins/echo/user", "ann"); status != 200 || body != `{"user":"ann"}` {
		t.Errorf("with auth: %d %s", status, body)
	}
	status, body := get("/api/plugins/echo/params/a%2Fb?x=1&y[z]=2", "ann")
	var m map[string]any
	_ = json.Unmarshal([]byte(body), &m)
	if status != 200 || m["id"] != "a/b" || m["baseUrl"] != "/api/plugins/echo" || m["url"] != "/params/a%2Fb?x=1&y[z]=2" ||
		m["originalUrl"] != "/api/plugins/echo/params/a%2Fb?x=1&y[z]=2" {
		t.Errorf("params: %d %s", status, body)
	}
	if q, _ := m["q"].(map[string]any); q["x"] != "1" || q["y"].(map[string]any)["z"] != "2" {
		t.Errorf("query: %v", m["q"])
	}
	// Unmatched paths and next() past the last route fall through to the caller's NotFound.
	for _, p := range []string{"/api/plugins/echo/nothing", "/api/plugins/echo/pass"} {
		if status, body := get(p, "ann"); status != 404 || body != "host 404" {
			t.Errorf("%s: %d %s, want the host's 404", p, status, body)
		}
	}
}

func TestHandlerWithoutChi(t *testing.T) {
	th := startHost(t, "testdata/host")
	mux := http.NewServeMux()
	mux.Handle("/", th.host.Handler())
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for path, want := range map[string]int{
		"/api/plugins/echo/user":    200,
		"/API/Plugins/ECHO/USER":    200, // Express matches the mount and routes case-insensitively
		"/api/plugins/echo.json":    404,
		"/api/plugins/unknown/user": 404,
		"/somewhere/else":           404,
	} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("%s: %d %s, want %d", path, resp.StatusCode, b, want)
		}
		if want == 404 && !strings.Contains(string(b), "Cannot GET") {
			t.Errorf("%s: 404 body %q, want Express's 'Cannot GET' page", path, b)
		}
	}
}

func TestPluginLogsCarryTheID(t *testing.T) {
	th := startHost(t, "testdata/host")
	th.log.mustLog(t, "hello from init", "plugin=logged-id")
}

// Documented difference: chi matches the mount prefix case-sensitively; Handler does not.
func TestChiMountPrefixIsCaseSensitive(t *testing.T) {
	th := startHost(t, "testdata/host")
	if status, _ := th.do(t, "GET", "/API/Plugins/echo/user", "", ""); status != 404 {
		t.Errorf("upper-case prefix on chi: %d, want 404", status)
	}
	if status, _ := th.do(t, "GET", "/api/plugins/echo/USER", "", ""); status != 200 {
		t.Errorf("upper-case route inside the plugin: %d, want 200 (Express matches routes case-insensitively)", status)
	}
}

func TestPluginEnvironmentIsChosenByTheHost(t *testing.T) {
	t.Setenv("HOST_SECRET", "must-not-leak")
	th := startHost(t, "testdata/host", func(o *Options) { o.PluginEnv = map[string]string{"API_BASE": "http://up"} })
	if status, body := th.do(t, "GET", "/api/plugins/env/", "", ""); status != 200 || body != `{"env":{"API_BASE":"http://up","NODE_ENV":"production"}}` {
		t.Errorf("process.env: %d %s", status, body)
	}
}
