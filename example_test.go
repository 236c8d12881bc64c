package pluginhost_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"

	"github.com/go-chi/chi/v5"

	"github.com/pluginhost/pluginhost"
)

// Load the bundled example plugins and serve them on a chi router.
func ExampleNew() {
	host, err := pluginhost.New(context.Background(), pluginhost.Options{
		PluginsDir:          "examples/plugins",
		EnableServerPlugins: true,
		Logger:              slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		panic(err)
	}
	defer host.Close(context.Background())

	r := chi.NewRouter()
	host.Mount(r)

	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest("GET", "/api/plugins/hello-world/hello", nil))
	var body struct{ Message string }
	_ = json.Unmarshal(rec.Body.Bytes(), &body)
	fmt.Println(rec.Code, body.Message)

	for _, p := range host.Plugins() {
		fmt.Printf("%s: %s loaded=%v\n", p.Entry, p.Info.ID, p.Loaded)
	}
	// Output:
	// 200 Hello from server plugin!
	// hello-world: hello-world loaded=true
	// llm-proxy: llm-proxy loaded=true
}

// Serve plugins without chi: Handler answers everything under /api/plugins/.
func ExampleHost_Handler() {
	host, err := pluginhost.New(context.Background(), pluginhost.Options{
		PluginsDir:          "examples/plugins",
		EnableServerPlugins: true,
		Logger:              slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		panic(err)
	}
	defer host.Close(context.Background())

	mux := http.NewServeMux()
	mux.Handle("/api/plugins/", host.Handler())

	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("GET", "/api/plugins/HELLO-WORLD/hello", nil))
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	// Output:
	// 200 application/json; charset=utf-8
}

// Read a Luker-style config.yaml.
func ExampleLoadConfig() {
	cfg, err := pluginhost.LoadConfig("examples/config.yaml")
	if err != nil {
		panic(err)
	}
	opts := cfg.Options()
	fmt.Println(opts.EnableServerPlugins, opts.PluginsDir, opts.BodyLimit)
	// Output:
	// true examples/plugins 524288000
}

// Tell every plugin the server is up: listeners added with process.on('server-started') run, each on
// its own plugin's loop.
func ExampleHost_EmitProcessEvent() {
	host, err := pluginhost.New(context.Background(), pluginhost.Options{
		PluginsDir:          "examples/plugins",
		EnableServerPlugins: true,
		Logger:              slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		panic(err)
	}
	defer host.Close(context.Background())

	err = host.EmitProcessEvent(context.Background(), "server-started", map[string]any{"url": "http://127.0.0.1:8000"})
	fmt.Println(err)
	// Output:
	// <nil>
}
