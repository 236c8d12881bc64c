package luker

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// Keys are looked up as lodash's _.get does: a literal key first, then dotted paths with indices.
func TestConfigValue(t *testing.T) {
	c := &Context{Config: map[string]any{
		"a":     map[string]any{"b": map[string]any{"c": 1}, "list": []any{"x", map[string]any{"y": "z"}}, "nil": nil},
		"a.b.c": "literal",
		"q":     map[string]any{"k.dot": true},
	}}
	for key, want := range map[string]any{
		"a.b.c": "literal", "a.list[1].y": "z", "a.list.0": "x", `q["k.dot"]`: true, "q['k.dot']": true, "a.nil": nil,
	} {
		if got, ok := c.ConfigValue(key); !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("ConfigValue(%q) = %v, %v; want %v", key, got, ok, want)
		}
	}
	for _, key := range []string{"a.b.d", "a.list[2]", "a.list[-1]", "a.list.x", "a.b.c.d", "missing"} {
		if got, ok := c.ConfigValue(key); ok {
			t.Errorf("ConfigValue(%q) = %v, want nothing", key, got)
		}
	}
	if _, ok := (&Context{}).ConfigValue("a"); ok {
		t.Error("a Context without Config has values")
	}
}

func TestReadConfig(t *testing.T) {
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "good.yaml"), filepath.Join(dir, "bad.yaml")
	_ = os.WriteFile(good, []byte("a:\n  b: [1, two]\n"), 0o644)
	_ = os.WriteFile(bad, []byte("a: [\n"), 0o644)
	cfg, err := ReadConfig(good)
	if err != nil || !reflect.DeepEqual(cfg, map[string]any{"a": map[string]any{"b": []any{1, "two"}}}) {
		t.Errorf("ReadConfig = %v, %v", cfg, err)
	}
	if _, err := ReadConfig(bad); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("a malformed file: %v", err)
	}
	if _, err := ReadConfig(filepath.Join(dir, "none.yaml")); err == nil {
		t.Error("a missing file is not an error")
	}
}

// A user's folders follow Luker's template under DataRoot/<handle>, exist once handed out (also to
// concurrent callers), and a handle that is not one folder name is refused.
func TestUserDirectories(t *testing.T) {
	c := &Context{DataRoot: t.TempDir()}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			dirs, err := c.UserDirectories("ann")
			if err != nil {
				t.Error(err)
				return
			}
			for _, d := range dirs {
				if fi, err := os.Stat(d.Path); err != nil || !fi.IsDir() {
					t.Errorf("%s (%s) not created: %v", d.Key, d.Path, err)
				}
			}
		})
	}
	wg.Wait()
	dirs, _ := c.UserDirectories("ann")
	if len(dirs) != len(template) || dirs[0].Key != "root" || dirs.Get("root") != filepath.Join(c.DataRoot, "ann") {
		t.Errorf("directories: %v", dirs)
	}
	if got := dirs.Get("quickreplies"); got != filepath.Join(c.DataRoot, "ann", "QuickReplies") {
		t.Errorf("quickreplies = %s", got)
	}
	if dirs.Get("nope") != "" {
		t.Error("an unknown key has a folder")
	}
	for _, h := range []string{"", ".", "..", "a/b", `a\b`, "a\x00"} {
		if _, err := c.UserDirectories(h); err == nil {
			t.Errorf("handle %q accepted", h)
		}
	}
	if _, err := (&Context{}).UserDirectories("ann"); err != ErrNoDataRoot {
		t.Errorf("no data root: %v", err)
	}
}

// A folder that cannot be created is logged; the paths are still handed out.
func TestUserDirectoriesUncreatable(t *testing.T) {
	root := filepath.Join(t.TempDir(), "file")
	_ = os.WriteFile(root, nil, 0o644)
	var logs bytes.Buffer
	c := &Context{DataRoot: root, Logger: slog.New(slog.NewTextHandler(&logs, nil))}
	dirs, err := c.UserDirectories("ann")
	if err != nil || dirs.Get("chats") != filepath.Join(root, "ann", "chats") {
		t.Errorf("UserDirectories = %v, %v", dirs, err)
	}
	if !strings.Contains(logs.String(), "cannot create user folder") || !strings.Contains(logs.String(), "key=chats") {
		t.Errorf("not logged:\n%s", logs.String())
	}
}

// req.user is Luker's { profile, directories } for the resolved user, keys in Luker's order; no user,
// or a handle that is not a folder name (logged), means no req.user.
func TestRequestContext(t *testing.T) {
	c := &Context{DataRoot: t.TempDir()}
	raw, _ := c.RequestContext(httptest.NewRequest("GET", "/", nil))["user"].(json.RawMessage)
	var user struct {
		Profile     map[string]any    `json:"profile"`
		Directories map[string]string `json:"directories"`
	}
	if err := json.Unmarshal(raw, &user); err != nil {
		t.Fatal(err)
	}
	if user.Directories["chats"] != filepath.Join(c.DataRoot, "default-user", "chats") || len(user.Directories) != len(template) {
		t.Errorf("default user's directories: %s", raw)
	}
	if !strings.HasPrefix(string(raw), `{"profile":{"handle":"default-user","name":"User","created":`) ||
		!strings.Contains(string(raw), `,"password":"","admin":true,"enabled":true,"salt":""},"directories":{"root":`) {
		t.Errorf("default user, keys in Luker's order: %s", raw)
	}
	if created, _ := user.Profile["created"].(float64); created <= 0 {
		t.Errorf("created = %v", user.Profile["created"])
	}

	var logs bytes.Buffer
	c = &Context{DataRoot: t.TempDir(), Logger: slog.New(slog.NewTextHandler(&logs, nil)), User: func(r *http.Request) (User, bool) {
		h := r.Header.Get("X-User")
		return User{Handle: h, Name: "Bob", Created: time.UnixMilli(1700000000000)}, h != ""
	}}
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("X-User", "bob")
	raw, _ = c.RequestContext(req)["user"].(json.RawMessage)
	if !strings.HasPrefix(string(raw), `{"profile":{"handle":"bob","name":"Bob","created":1700000000000,"password":"","admin":false,`) {
		t.Errorf("bob: %s", raw)
	}
	if props := c.RequestContext(httptest.NewRequest("GET", "/", nil)); props != nil {
		t.Errorf("no user: %v", props)
	}
	req.Header.Set("X-User", "../up")
	if props := c.RequestContext(req); props != nil || !strings.Contains(logs.String(), "invalid user handle") {
		t.Errorf("bad handle: %v\n%s", props, logs.String())
	}
	if got := (&Context{}).UserHandles(); !reflect.DeepEqual(got, []string{"default-user"}) {
		t.Errorf("UserHandles = %v", got)
	}
	c.Handles = func() []string { return []string{"ann", "bob"} }
	if got := c.UserHandles(); !reflect.DeepEqual(got, []string{"ann", "bob"}) {
		t.Errorf("UserHandles = %v", got)
	}
}
