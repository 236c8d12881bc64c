package conformance

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost"
	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/luker"
)

// The Luker patterns (issue 7): plugins that use req.user's folders, import Luker's src/ modules by
// relative path, wait for process.serverEvents' server-started, and import packages from Luker's root
// node_modules. Both hosts serve them with Luker's host context; the Node host from a fake Luker root
// the test builds (plugins/, src/ with the reference stand-ins, config.json), pluginhost from the
// committed tree with its Luker layer, which serves src/ itself.
const (
	lukerPlugins = "../testdata/luker/plugins"
	lukerConfig  = "../testdata/luker/config.yaml"
	lukerSrc     = hostDir + "/luker/src"
	sharedNpm    = "../testdata/npm/node_modules"
)

// lukerEnv is the environment of both hosts' plugins: getConfigValue's SILLYTAVERN_* overrides.
var lukerEnv = map[string]string{"SILLYTAVERN_PLUGINTEST_OVERRIDE": "env", "SILLYTAVERN_PLUGINTEST_OVERRIDEJSON": `{"a":1}`}

// lukerExchanges are replayed in order against both hosts (later ones read what earlier ones wrote).
var lukerExchanges = []struct{ method, path, contentType, body string }{
	{"GET", "/api/plugins/user-dirs/whoami", "", ""},
	{"POST", "/api/plugins/user-dirs/chats/first", "application/json", `{"mes":"hello","is_user":true}`},
	{"POST", "/api/plugins/user-dirs/chats/first", "application/x-www-form-urlencoded", "mes=again&extra[a]=1"},
	{"GET", "/api/plugins/user-dirs/chats/first", "", ""},
	{"GET", "/api/plugins/user-dirs/chats/missing", "", ""},
	{"POST", "/api/plugins/luker-imports/echo", "application/json", `{"a":[1,2]}`},
	{"POST", "/api/plugins/luker-imports/echo", "application/x-www-form-urlencoded", "a[b]=c&d=e"},
	{"POST", "/api/plugins/luker-imports/echo", "text/plain", "not parsed"},
	{"GET", "/api/plugins/luker-imports/util", "", ""},
	{"GET", "/api/plugins/luker-imports/helpers", "", ""},
	{"GET", "/api/plugins/luker-imports/users", "", ""},
	{"GET", "/api/plugins/server-events/started", "", ""},
	{"POST", "/api/plugins/shared-package/note", "application/json", `{"text":"hi"}`},
	{"GET", "/api/plugins/shared-package/color", "", ""},
}

// TestLukerContext replays lukerExchanges against both hosts and requires the same answers and the
// same files in both data roots.
func TestLukerContext(t *testing.T) {
	requireNode(t)
	if _, err := os.Stat(sharedNpm); err != nil {
		msg := fmt.Sprintf("the shared packages are missing: run `npm ci --prefix testdata/npm` from the repository root (%v)", err)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	cfg, err := luker.ReadConfig(lukerConfig)
	if err != nil {
		t.Fatal(err)
	}
	shared, err := filepath.Abs(sharedNpm)
	if err != nil {
		t.Fatal(err)
	}
	node, nodeData := startLukerNode(t, cfg, shared)
	ours, ourData := startLukerOurs(t, cfg, shared)
	checkSamePlugins(t, node, ours)

	// Both hosts emit server-started once they listen; Node's comes from the listen callback, so wait
	// for its listener to have run before comparing.
	waitFor(t, "node's server-started", func() bool {
		_, _, body := call(t, node.addr, "GET", "/api/plugins/server-events/started", "", "")
		return strings.Contains(body, `"started":{`)
	})
	for _, x := range lukerExchanges {
		ns, nt, nb := call(t, node.addr, x.method, x.path, x.contentType, x.body)
		ms, mt, mb := call(t, ours.addr, x.method, x.path, x.contentType, x.body)
		if ns != ms || nt != mt || nb != mb {
			t.Errorf("%s %s %s:\nnode %d %s %s\nours %d %s %s", x.method, x.path, x.body, ns, nt, nb, ms, mt, mb)
		}
	}
	if n, o := dataFiles(t, nodeData), dataFiles(t, ourData); n != o {
		t.Errorf("the data roots differ\nnode:\n%s\nours:\n%s", n, o)
	}
}

// startLukerNode builds the fake Luker root and starts the reference host on it with its Luker
// context; it returns the host and its data root.
func startLukerNode(t *testing.T, cfg map[string]any, shared string) (*nodeHost, string) {
	t.Helper()
	root := t.TempDir()
	copyDir(t, lukerPlugins, filepath.Join(root, "plugins"))
	copyDir(t, lukerSrc, filepath.Join(root, "src"))
	data, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "config.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	dataRoot := filepath.Join(root, "data")
	cmd := exec.Command("node", hostDir+"/server.mjs", "--plugins", filepath.Join(root, "plugins"), "--port", "0",
		"--luker-data", dataRoot, "--shared", shared)
	cmd.Env = append(os.Environ(), "NODE_ENV=production")
	for k, v := range lukerEnv {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	logs := jstest.NewLogs(t)
	return &nodeHost{addr: jstest.StartServer(t, cmd, logs), log: logs}, dataRoot
}

// startLukerOurs serves the committed plugins with the Luker layer and emits server-started once the
// server listens; it returns the host and its data root.
func startLukerOurs(t *testing.T, cfg map[string]any, shared string) (*ourHost, string) {
	t.Helper()
	logs := jstest.NewLogs(t)
	dataRoot := t.TempDir()
	ours := serveOurs(t, logs, pluginhost.Options{
		PluginsDir:    lukerPlugins,
		PluginEnv:     lukerEnv,
		SharedModules: []string{shared},
		Luker:         &luker.Context{DataRoot: dataRoot, Config: cfg, Logger: logs.Logger()},
	})
	u := &url.URL{Scheme: "http", Host: ours.addr}
	if err := ours.host.EmitServerEvent(context.Background(), "server-started", map[string]any{"url": u}); err != nil {
		t.Fatal(err)
	}
	return ours, dataRoot
}

// call sends one request and returns the status, Content-Type and body.
func call(t *testing.T, addr, method, path, contentType, body string) (int, string, string) {
	t.Helper()
	req, err := http.NewRequest(method, "http://"+addr+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

// waitFor polls cond; the deadline only guards against a hung test.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// dataFiles lists a data root's folders and files, with the files' contents, one per line.
func dataFiles(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			fmt.Fprintf(&b, "%s/\n", rel)
			return nil
		}
		data, err := os.ReadFile(p)
		fmt.Fprintf(&b, "%s %q\n", rel, data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// copyDir copies the regular files and folders of src to dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
