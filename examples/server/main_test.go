package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// serve runs the server with args until ctx ends and returns its base URL, once it listens, and the
// channel run's result arrives on.
func serve(t *testing.T, ctx context.Context, args ...string) (base string, done <-chan error) {
	t.Helper()
	out, stdout := io.Pipe()
	result := make(chan error, 1)
	go func() {
		result <- run(ctx, args, stdout)
		stdout.Close()
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("no listening line: %v (%v)", err, <-result)
	}
	go io.Copy(io.Discard, out)
	return regexp.MustCompile(`http://\S+`).FindString(line), result
}

// -luker-data serves plugins with Luker's host context for default-user under DIR/default-user, and
// plugins listening to process.serverEvents hear server-started once the server listens.
func TestLukerData(t *testing.T) {
	data := t.TempDir()
	config := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(config, []byte("enableServerPlugins: true\npluginTest:\n  name: from the server's config\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	base, done := serve(t, ctx, "-config", config, "-plugins", "../../testdata/luker/plugins", "-addr", "127.0.0.1:0", "-luker-data", data)

	get := func(path string) string {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	// run emits server-started right after printing the line; wait for it.
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(get("/api/plugins/server-events/started"), `"started":{"isURL":true`) {
		if time.Now().After(deadline) {
			t.Fatal("server-started never reached process.serverEvents")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if body := get("/api/plugins/user-dirs/whoami"); !strings.Contains(body, `"handle":"default-user"`) || !strings.Contains(body, `"allExist":true`) {
		t.Errorf("whoami: %s", body)
	}
	if fi, err := os.Stat(filepath.Join(data, "default-user", "chats")); err != nil || !fi.IsDir() {
		t.Errorf("default-user's chats folder: %v", err)
	}
	if body := get("/api/plugins/luker-imports/util"); !strings.Contains(body, `"name":"from the server's config"`) {
		t.Errorf("getConfigValue does not read the config file: %s", body)
	}

	cancel()
	if err := <-done; err != nil {
		t.Errorf("run: %v", err)
	}
}

// With PLUGINHOST_ADMIN_TOKEN set, the management API answers under /admin/plugins/ to requests
// carrying the token, and only to those.
func TestAdminToken(t *testing.T) {
	t.Setenv("PLUGINHOST_ADMIN_TOKEN", "s3cret")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, done := serve(t, ctx, "-plugins", "../plugins", "-addr", "127.0.0.1:0")
	get := func(auth string) (int, string) {
		req, _ := http.NewRequest("GET", base+"/admin/plugins/hello-world", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if status, _ := get(""); status != 401 {
		t.Errorf("without the token: %d", status)
	}
	if status, _ := get("Bearer wrong"); status != 401 {
		t.Errorf("with a wrong token: %d", status)
	}
	if status, body := get("Bearer s3cret"); status != 200 || !strings.Contains(body, `"id":"hello-world"`) {
		t.Errorf("with the token: %d %s", status, body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("run: %v", err)
	}
}
