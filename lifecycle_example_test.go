package pluginhost_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/go-chi/chi/v5"

	"github.com/pluginhost/pluginhost"
)

// Change a plugin's file and reload it without a restart; the router swaps atomically.
func ExampleHost_Reload() {
	dir, _ := os.MkdirTemp("", "plugins")
	defer os.RemoveAll(dir)
	write := func(src string) { _ = os.WriteFile(filepath.Join(dir, "greeter.js"), []byte(src), 0o644) }
	greeter := func(greeting string) string {
		return fmt.Sprintf(`module.exports = {
			info: { id: 'greeter', name: 'Greeter', description: 'says hello' },
			init(router) { router.get('/', (req, res) => res.send(%q)); },
		};`, greeting)
	}
	write(greeter("hello"))
	host, err := pluginhost.New(context.Background(), pluginhost.Options{
		PluginsDir:          dir,
		EnableServerPlugins: true,
		Logger:              slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		panic(err)
	}
	defer host.Close(context.Background())
	r := chi.NewRouter()
	host.Mount(r)
	get := func() string {
		rec := httptest.NewRecorder()
		r.ServeHTTP(rec, httptest.NewRequest("GET", "/api/plugins/greeter/", nil))
		return rec.Body.String()
	}

	fmt.Println(get())
	write(greeter("bonjour"))
	fmt.Println(host.Reload(context.Background(), "greeter"), get())
	write("module.exports = {") // a broken edit
	err = host.Reload(context.Background(), "greeter")
	fmt.Println(err != nil, get()) // the running version keeps serving
	// Output:
	// hello
	// <nil> bonjour
	// true bonjour
}

// Mount the management API behind the application's own authentication.
func ExampleHost_ManagementHandler() {
	host, err := pluginhost.New(context.Background(), pluginhost.Options{
		PluginsDir:          "examples/plugins",
		EnableServerPlugins: true,
		Logger:              slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		panic(err)
	}
	defer host.Close(context.Background())

	adminOnly := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("X-Admin") != "yes" {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
	r := chi.NewRouter()
	r.With(adminOnly).Mount("/admin/plugins", host.ManagementHandler())

	req := httptest.NewRequest("GET", "/admin/plugins/hello-world", nil)
	req.Header.Set("X-Admin", "yes")
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Body.String())
	// Output:
	// 200 {"folder":"hello-world","id":"hello-world","name":"Hello World","loaded":true,"mounted":true}
}
