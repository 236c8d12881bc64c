package pluginhost_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"

	"github.com/pluginhost/pluginhost"
)

// Give plugins the application's own user and session: RequestContext runs for every plugin request,
// and each key it returns becomes a property of req.
func ExampleOptions_requestContext() {
	host, err := pluginhost.New(context.Background(), pluginhost.Options{
		PluginsDir:          "testdata/request-context",
		EnableServerPlugins: true,
		Logger:              slog.New(slog.NewTextHandler(io.Discard, nil)),
		RequestContext: func(r *http.Request) map[string]any {
			name, _, ok := r.BasicAuth() // or the application's session, token, …
			if !ok {
				return nil
			}
			return map[string]any{
				"user":    map[string]any{"name": name, "roles": []string{"reader"}},
				"session": map[string]any{"id": r.Header.Get("X-Session")},
			}
		},
	})
	if err != nil {
		panic(err)
	}
	defer host.Close(context.Background())

	req := httptest.NewRequest("GET", "/api/plugins/whoami/", nil)
	req.SetBasicAuth("ann", "secret")
	req.Header.Set("X-Session", "s-42")
	rec := httptest.NewRecorder()
	host.Handler().ServeHTTP(rec, req)
	fmt.Println(rec.Body.String())

	rec = httptest.NewRecorder()
	host.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/api/plugins/whoami/", nil))
	fmt.Println(rec.Body.String())
	// Output:
	// {"user":{"name":"ann","roles":["reader"]},"session":{"id":"s-42"}}
	// {}
}
