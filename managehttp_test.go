package pluginhost

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pluginhost/pluginhost/internal/gittest"
)

// managed starts a host on dir with the management handler mounted at /admin/plugins.
func managed(t *testing.T, dir string) (*testHost, *httptest.Server) {
	t.Helper()
	th := startHost(t, dir)
	admin := httptest.NewServer(th.host.ManagementHandler())
	t.Cleanup(admin.Close)
	return th, admin
}

// call sends a management request and decodes the JSON answer into out (when not nil).
func call(t *testing.T, srv *httptest.Server, method, path, body string, out any) int {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if out != nil && len(data) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, path, err, data)
		}
	}
	return resp.StatusCode
}

// namedOrigin is a bare origin holding a plugin answering n, reachable as a file:// URL whose last
// element is name.
func namedOrigin(t *testing.T, name, id string, n int) (*gittest.Origin, string) {
	t.Helper()
	o := gittest.NewOrigin(t, gitPlugin(id, n))
	link := filepath.Join(t.TempDir(), name)
	if err := os.Symlink(o.Dir, link); err != nil {
		t.Fatal(err)
	}
	return o, "file://" + link
}

func TestInstallUpdateRemoveThroughHTTP(t *testing.T) {
	dir := reloadTree(t)
	th, admin := managed(t, dir)
	origin, url := namedOrigin(t, "Cool Plugin!.git", "cool", 1)

	var installed ManagedPlugin
	if status := call(t, admin, "POST", "/", `{"url":"`+url+`"}`, &installed); status != 201 {
		t.Fatalf("install: %d %+v", status, installed)
	}
	if installed.Folder != "Cool-Plugin-" || installed.ID != "cool" || !installed.Loaded || installed.Commit == "" || installed.RemoteURL == "" {
		t.Errorf("installed: %+v", installed)
	}
	if got := th.getJSON(t, "/api/plugins/cool/answer")["answer"]; got != 1.0 {
		t.Errorf("installed plugin answers %v", got)
	}
	var e struct{ Error string }
	if status := call(t, admin, "POST", "/", `{"url":"`+url+`"}`, &e); status != 409 || e.Error == "" {
		t.Errorf("second install into the same folder: %d %q", status, e.Error)
	}
	if status := call(t, admin, "POST", "/", `{"url":"file:///nowhere/missing.git"}`, &e); status != 500 {
		t.Errorf("install from a missing repository: %d %q", status, e.Error)
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed install left its folder: %v", err)
	}
	for _, body := range []string{`{bad`, `{}`, `{"url":"file:///x/.."}`} {
		if status := call(t, admin, "POST", "/", body, &e); status != 400 {
			t.Errorf("install with %s: %d, want 400", body, status)
		}
	}

	// Up to date, then a new commit on origin: update fast-forwards and reloads.
	var res UpdateResult
	if status := call(t, admin, "POST", "/Cool-Plugin-/update", "", &res); status != 200 || res.Updated || res.Skipped != "" {
		t.Errorf("update when up to date: %d %+v", status, res)
	}
	head := origin.Commit(t, gitPlugin("cool", 2))
	if status := call(t, admin, "POST", "/Cool-Plugin-/update", "", &res); status != 200 || !res.Updated || res.New != head.String() || res.ReloadError != "" {
		t.Errorf("update: %d %+v", status, res)
	}
	if got := th.getJSON(t, "/api/plugins/cool/answer")["answer"]; got != 2.0 {
		t.Errorf("updated plugin answers %v", got)
	}
	th.log.mustLog(t, "Plugin Cool-Plugin- updated to commit "+head.String())

	// A folder that is no repository is left alone, saying why.
	if status := call(t, admin, "POST", "/counter/update", "", &res); status != 200 || res.Updated || res.Skipped == "" {
		t.Errorf("update of a plain folder: %d %+v", status, res)
	}

	var list []ManagedPlugin
	if status := call(t, admin, "GET", "/", "", &list); status != 200 || len(list) != 3 || list[0].Folder != "Cool-Plugin-" {
		t.Errorf("list: %d %+v", status, list)
	}
	var one ManagedPlugin
	if status := call(t, admin, "GET", "/counter", "", &one); status != 200 || one.ID != "counter" {
		t.Errorf("one: %d %+v", status, one)
	}
	if status := call(t, admin, "GET", "/nothing", "", &e); status != 404 {
		t.Errorf("unknown folder: %d", status)
	}

	if status := call(t, admin, "DELETE", "/Cool-Plugin-", "", nil); status != 204 {
		t.Errorf("remove: %d", status)
	}
	th.notServed(t, "/api/plugins/cool/answer")
	if status := call(t, admin, "DELETE", "/Cool-Plugin-", "", &e); status != 404 {
		t.Errorf("second remove: %d", status)
	}
	if status := call(t, admin, "DELETE", "/.hidden", "", &e); status != 400 {
		t.Errorf("remove of a hidden name: %d", status)
	}
}

// The reload route reloads from disk; a plugin that does not load answers 422 with its description.
func TestReloadThroughHTTP(t *testing.T) {
	dir := reloadTree(t)
	th, admin := managed(t, dir)
	writeFile(t, dir, "counter/answer.js", "module.exports = 'v2';")
	var p ManagedPlugin
	if status := call(t, admin, "POST", "/counter/reload", "", &p); status != 200 || !p.Loaded {
		t.Errorf("reload: %d %+v", status, p)
	}
	if got, _ := th.answer(t, "counter"); got != `{"answer":"v2"}` {
		t.Errorf("after the reload: %s", got)
	}
	writeFile(t, dir, "counter/answer.js", "module.exports = ;")
	if status := call(t, admin, "POST", "/counter/reload", "", &p); status != 422 || p.ReloadError == "" {
		t.Errorf("failed reload: %d %+v", status, p)
	}
	var e struct{ Error string }
	if status := call(t, admin, "POST", "/nothing/reload", "", &e); status != 404 {
		t.Errorf("reload of an unknown folder: %d %q", status, e.Error)
	}
}

// Install and the other changes are refused with ErrDisabled when plugins are disabled, and the
// handler says 409.
func TestManagementWhenDisabled(t *testing.T) {
	host, err := New(context.Background(), Options{PluginsDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := host.Install(context.Background(), "file:///x/y.git"); !errors.Is(err, ErrDisabled) {
		t.Errorf("Install: %v", err)
	}
	admin := httptest.NewServer(host.ManagementHandler())
	defer admin.Close()
	if status := call(t, admin, "POST", "/", `{"url":"file:///x/y.git"}`, nil); status != 409 {
		t.Errorf("install over HTTP: %d", status)
	}
}
