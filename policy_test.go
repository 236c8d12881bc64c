package pluginhost

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// startPolicyHost copies testdata/policy to a fresh folder, adds the links its data folder holds (one
// to outside/, one whose ".." leads there), loads its config.yaml and serves the plugins. It returns
// the host and the folder's real path.
func startPolicyHost(t *testing.T) (*testHost, string) {
	t.Helper()
	base, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(base, os.DirFS("testdata/policy")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(base, "outside", "deep"), 0o755); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{"data/out": "../outside", "data/deep": "../outside/deep"} {
		if err := os.Symlink(target, filepath.Join(base, link)); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := LoadConfig(filepath.Join(base, "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	logs := newLogBuffer(t)
	opts := cfg.Options()
	opts.Logger = logs.Logger()
	host, err := New(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	r := chi.NewRouter()
	host.Mount(r)
	srv := httptest.NewServer(r)
	t.Cleanup(func() {
		srv.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = host.Close(ctx)
	})
	return &testHost{host: host, srv: srv, log: logs}, base
}

// A plugin with a policy in config.yaml is held to it from its module code on, for files (links and
// ".." resolved), child processes and the network; a plugin without one is unrestricted.
func TestPolicyFromConfig(t *testing.T) {
	var hits atomic.Int64
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = w.Write([]byte("reached"))
	}))
	defer target.Close()
	tu, _ := url.Parse(target.URL)
	refusedURL := "http://localhost:" + tu.Port() + "/"

	th, base := startPolicyHost(t)
	secret := base + "/outside/secret.txt"
	fsNote := " (pluginHost.plugins.jailed.fs does not allow it)"
	pending := " (pluginHost.plugins.jailed.fs does not allow it: while its module code runs, a plugin's id is not known yet and every policy applies)"

	load := th.getJSON(t, "/api/plugins/jailed/load")
	for k, want := range map[string]string{
		"readOwn":           "ok own file",
		"readOutside":       "EACCES EACCES: permission denied, open '" + secret + "'" + pending,
		"asyncReadOutside":  "EACCES EACCES: permission denied, open '" + secret + "'" + fsNote,
		"readOutsideInInit": "EACCES EACCES: permission denied, open '" + secret + "'" + fsNote,
	} {
		jstest.Expect(t, "at load: "+k, load[k], any(want))
	}

	netNote := " (pluginHost.plugins.jailed.network does not allow it)"
	for what, want := range map[string]string{
		"readOwn":         "ok own file",
		"writeOwn":        "EACCES EACCES: permission denied, open '" + base + "/plugins/jailed/own.txt'" + fsNote,
		"readData":        "ok data",
		"writeData":       "ok written",
		"readOutside":     "EACCES EACCES: permission denied, open '" + secret + "'" + fsNote,
		"readThroughLink": "EACCES EACCES: permission denied, open '" + base + "/data/out/secret.txt'" + fsNote,
		"readDotDot":      "EACCES EACCES: permission denied, open '" + base + "/data/deep/../secret.txt'" + fsNote,
		"requireOutside":  "EACCES EACCES: permission denied, open '" + base + "/outside/secret.json'" + fsNote,
		"requireData":     `ok {"data":true}`,
		"spawn":           "EACCES spawn true EACCES (pluginHost.plugins.jailed.childProcess does not allow it)",
		"execSync":        "EACCES spawnSync /bin/sh EACCES (pluginHost.plugins.jailed.childProcess does not allow it)",
		"fetch?url=" + url.QueryEscape(target.URL): "ok reached",
		"fetch?url=" + url.QueryEscape(refusedURL): "fetch failed: EACCES connect EACCES localhost:" + tu.Port() + netNote,
		"http?url=" + url.QueryEscape(target.URL):  "ok reached",
		"http?url=" + url.QueryEscape(refusedURL):  "EACCES connect EACCES localhost:" + tu.Port() + netNote,
	} {
		got := th.getJSON(t, "/api/plugins/jailed/try/"+what)["result"]
		jstest.Expect(t, what, got, any(want))
	}
	if b, _ := os.ReadFile(base + "/plugins/jailed/own.txt"); strings.TrimSpace(string(b)) != "own file" {
		t.Errorf("own.txt was changed: %q", b)
	}
	if _, err := os.Stat(base + "/data/written.txt"); err != nil {
		t.Errorf("data/written.txt: %v", err)
	}
	jstest.Expect(t, "requests that reached the target", hits.Load(), int64(2))

	free := th.getJSON(t, "/api/plugins/free/try?url="+url.QueryEscape(refusedURL))
	jstest.Expect(t, "free", fmt.Sprint(free), fmt.Sprint(map[string]any{"secret": "secret", "ran": "ran", "fetched": "reached"}))
}

// The "*" entry is the policy of every plugin without one of its own; malformed policies stop New.
func TestPolicyDefaultAndValidation(t *testing.T) {
	th := startHost(t, "testdata/policy/plugins", func(o *Options) {
		o.Policies = map[string]Policy{DefaultPolicyKey: {}, "jailed": {ChildProcess: true}}
	})
	status, _ := th.do(t, "GET", "/api/plugins/free/try?url=x", "", "")
	jstest.Expect(t, "free under the default policy", status, 500)
	th.log.mustLog(t, "EACCES: permission denied, open", "(pluginHost.plugins.*.fs does not allow it)")
	for _, bad := range []map[string]Policy{
		{"p": {Network: []string{"host:99999"}}},
		{"p": {FS: []string{""}}},
	} {
		_, err := New(context.Background(), Options{Policies: bad, Logger: slog.New(slog.DiscardHandler)})
		if err == nil || !strings.Contains(err.Error(), "pluginHost.plugins.p.") {
			t.Errorf("New(%v) = %v; want an error naming the rule", bad, err)
		}
	}
}

func TestParseConfigPolicies(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.yaml")
	content := "pluginHost:\n  plugins:\n    a:\n      fs: [data, /abs]\n      childProcess: true\n      network: ['*.example.com', 'localhost:5001']\n    b:\n    '*': {}\n"
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(cfg.Options().Policies)
	want, _ := json.Marshal(map[string]Policy{
		"a": {FS: []string{filepath.Join(dir, "data"), "/abs"}, ChildProcess: true, Network: []string{"*.example.com", "localhost:5001"}},
		"b": {}, "*": {},
	})
	jstest.Expect(t, "policies", string(got), string(want))
}
