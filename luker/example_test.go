package luker_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/pluginhost/pluginhost"
	"github.com/pluginhost/pluginhost/luker"
)

// Run Luker plugins with Luker's host context: every request has req.user (here Luker's default user),
// data folders live under the data root, and server-started reaches process.serverEvents.
func Example() {
	dataRoot, err := os.MkdirTemp("", "luker-data")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dataRoot)

	host, err := pluginhost.New(context.Background(), pluginhost.Options{
		PluginsDir:          "../testdata/luker/plugins",
		EnableServerPlugins: true,
		Logger:              slog.New(slog.NewTextHandler(io.Discard, nil)),
		Luker:               &luker.Context{DataRoot: dataRoot},
	})
	if err != nil {
		panic(err)
	}
	defer host.Close(context.Background())

	srv := httptest.NewServer(host.Handler())
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	if err := host.EmitServerEvent(context.Background(), "server-started", map[string]any{"url": u}); err != nil {
		panic(err)
	}

	resp, err := http.Post(srv.URL+"/api/plugins/user-dirs/chats/hello", "application/json", strings.NewReader(`{"mes":"hi"}`))
	if err != nil {
		panic(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(string(body))
	saved, _ := os.ReadFile(filepath.Join(dataRoot, "default-user", "chats", "hello.jsonl"))
	fmt.Print(string(saved))
	// Output:
	// {"saved":"chats/hello.jsonl"}
	// {"mes":"hi"}
}
