package pluginhost

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/luker"
)

// lukerPlugins are the plugins of the Luker patterns (req.user, src/ imports, serverEvents, shared
// packages); conformance/luker_test.go runs them under Node too.
const lukerPlugins = "testdata/luker/plugins"

// lukerEnv is what luker-imports finds in process.env: getConfigValue's SILLYTAVERN_* overrides.
var lukerEnv = map[string]string{"SILLYTAVERN_PLUGINTEST_OVERRIDE": "env", "SILLYTAVERN_PLUGINTEST_OVERRIDEJSON": `{"a":1}`}

// startLuker serves dir with the Luker layer on, its data root in a temporary folder.
func startLuker(t *testing.T, dir string, mutate ...func(*Options)) (*testHost, *luker.Context) {
	t.Helper()
	cfg, err := luker.ReadConfig("testdata/luker/config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lk := &luker.Context{DataRoot: t.TempDir(), Config: cfg}
	th := startHost(t, dir, append([]func(*Options){func(o *Options) {
		lk.Logger = o.Logger
		o.Luker = lk
		o.PluginEnv = lukerEnv
	}}, mutate...)...)
	return th, lk
}

// expectBody requires a 200 answer with exactly want.
func (th *testHost) expectBody(t *testing.T, method, path, contentType, body, want string) {
	t.Helper()
	status, got := th.do(t, method, path, contentType, body)
	if status != 200 || got != want {
		t.Errorf("%s %s: %d %s\nwant 200 %s\nlog:\n%s", method, path, status, got, want, th.log.String())
	}
}

var lukerDirectoryKeys = `["root","thumbnails","thumbnailsBg","thumbnailsAvatar","thumbnailsPersona","worlds","user","avatars",` +
	`"userImages","groups","groupChats","chats","characters","backgrounds","novelAI_Settings","koboldAI_Settings",` +
	`"openAI_Settings","textGen_Settings","themes","movingUI","extensions","instruct","context","quickreplies",` +
	`"assets","comfyWorkflows","files","vectors","backups","sysprompt","reasoning","cardApps"]`

// req.user carries Luker's default user and its folders, in Luker's key order, created before the
// plugin sees them; a plugin writes its data there.
func TestLukerRequestUser(t *testing.T) {
	th, lk := startLuker(t, lukerPlugins)
	m := th.getJSON(t, "/api/plugins/user-dirs/whoami")
	profile, _ := json.Marshal(m["profile"])
	jstest.Expect(t, "profile", string(profile), `{"admin":true,"created":"number","enabled":true,"handle":"default-user","name":"User","password":"","salt":""}`)
	keys, _ := json.Marshal(m["directoryKeys"])
	jstest.Expect(t, "directory keys", string(keys), lukerDirectoryKeys)
	profileKeys, _ := json.Marshal(m["profileKeys"])
	jstest.Expect(t, "profile keys", string(profileKeys), `["handle","name","created","password","admin","enabled","salt"]`)
	rel := m["relative"].(map[string]any)
	for key, want := range map[string]string{"root": "default-user", "thumbnailsBg": "default-user/thumbnails/bg", "avatars": "default-user/User Avatars",
		"groupChats": "default-user/group chats", "novelAI_Settings": "default-user/NovelAI Settings", "comfyWorkflows": "default-user/user/workflows",
		"quickreplies": "default-user/QuickReplies", "cardApps": "default-user/card-apps"} {
		jstest.Expect(t, "directory "+key, rel[key], any(want))
	}
	jstest.Expect(t, "absolute and existing", [2]any{m["absolute"], m["allExist"]}, [2]any{true, true})

	th.expectBody(t, "POST", "/api/plugins/user-dirs/chats/first", "application/json", `{"mes":"hello"}`, `{"saved":"chats/first.jsonl"}`)
	th.expectBody(t, "GET", "/api/plugins/user-dirs/chats/first", "", "", `[{"mes":"hello"}]`)
	data, err := os.ReadFile(filepath.Join(lk.DataRoot, "default-user", "chats", "first.jsonl"))
	if err != nil || string(data) != "{\"mes\":\"hello\"}\n" {
		t.Errorf("chat file: %q, %v", data, err)
	}
}

// ../../src/express-common.js, util.js and users.js are served by the layer, from ESM and from
// CommonJS (which Luker itself cannot load: its src/ is ESM). A handle that would lead outside the
// data root is refused, where Luker would return paths outside it.
func TestLukerSrcModules(t *testing.T) {
	dir := copyTree(t, lukerPlugins)
	if err := os.WriteFile(filepath.Join(dir, "require-src.cjs"), []byte(`
const { getConfigValue } = require('../src/util');
const { jsonParser } = require('../src/express-common.js');
const { getUserDirectories } = require('../src/users');
let outside;
try {
	getUserDirectories('../elsewhere');
} catch (error) {
	outside = error.name + ': ' + error.message;
}
module.exports = {
	info: { id: 'require-src', name: 'require src', description: 'CommonJS' },
	init(router) { router.get('/', jsonParser, (req, res) => res.json({ name: getConfigValue('pluginTest.name'), outside })); },
};`), 0o644); err != nil {
		t.Fatal(err)
	}
	th, _ := startLuker(t, dir)
	th.expectBody(t, "POST", "/api/plugins/luker-imports/echo", "application/json", `{"a":[1,2]}`, `{"body":{"a":[1,2]}}`)
	th.expectBody(t, "POST", "/api/plugins/luker-imports/echo", "application/x-www-form-urlencoded", `a[b]=c`, `{"body":{"a":{"b":"c"}}}`)
	th.expectBody(t, "GET", "/api/plugins/luker-imports/util", "", "",
		`{"uuid":true,"unique":true,"waited":true,"sameParser":true,"config":{"name":"from config","count":42,"badNumber":7,`+
			`"flag":true,"flagString":true,"second":"b","nested":"deep value","section":{"b":1,"deep":"deep value"},"nullValue":null,`+
			`"dotted":"literal","missing":"fallback","missingNoDefault":null,"fromEnv":"env","fromEnvJSON":{"a":1}}}`)
	th.expectBody(t, "GET", "/api/plugins/luker-imports/helpers", "", "",
		`{"keyToEnv":"SILLYTAVERN_EXTENSIONS_MODELS_SPEECHTOTEXT","toBoolean":[true,false,true,false,false,true,false,true],"tryParse":[{"a":[1]},true]}`)
	th.expectBody(t, "GET", "/api/plugins/luker-imports/users", "", "",
		`{"handles":["default-user"],"keys":`+lukerDirectoryKeys+`,"cached":true,"listed":true,"chats":"default-user/chats","sameAsRequest":true}`)
	th.expectBody(t, "GET", "/api/plugins/require-src/", "", "",
		`{"name":"from config","outside":"TypeError: luker: invalid user handle \"../elsewhere\": it must name one folder"}`)
}

// Without the layer, the same plugins see what a host without Luker gives them: the src/ modules
// are not found, there is no req.user, no process.serverEvents, and EmitServerEvent emits nothing.
func TestLukerLayerOff(t *testing.T) {
	th := startHost(t, lukerPlugins)
	for _, p := range th.host.Plugins() {
		switch p.Entry {
		case "luker-imports":
			if p.Loaded || p.Err == nil || !strings.Contains(p.Err.Error(), "Cannot find module '../../src/express-common.js'") {
				t.Errorf("luker-imports without the layer: loaded=%v, %v", p.Loaded, p.Err)
			}
		case "server-events":
			if p.Loaded || p.Err == nil || !strings.Contains(p.Err.Error(), "Cannot read property 'on' of undefined") {
				t.Errorf("server-events without the layer: loaded=%v, %v", p.Loaded, p.Err)
			}
		}
	}
	if status, body := th.do(t, "GET", "/api/plugins/user-dirs/whoami", "", ""); status != 500 {
		t.Errorf("whoami without req.user: %d %s", status, body)
	}
	if err := th.host.EmitServerEvent(context.Background(), "server-started", map[string]any{"url": "x"}); err != nil {
		t.Errorf("EmitServerEvent without the layer: %v", err)
	}
}

// EmitServerEvent reaches the listeners plugins added to process.serverEvents, with a URL object as
// Luker's server-started carries.
func TestLukerServerStarted(t *testing.T) {
	th, _ := startLuker(t, lukerPlugins)
	th.expectBody(t, "GET", "/api/plugins/server-events/started", "", "", `{"started":null,"emitter":true,"listeners":1,"dataRoot":true}`)
	u, _ := url.Parse(th.srv.URL)
	if err := th.host.EmitServerEvent(context.Background(), "server-started", map[string]any{"url": u}); err != nil {
		t.Fatal(err)
	}
	th.expectBody(t, "GET", "/api/plugins/server-events/started", "", "",
		`{"started":{"isURL":true,"protocol":"http:","hostname":"127.0.0.1","hasPort":true,"path":"/"},"emitter":true,"listeners":1,"dataRoot":true}`)
}

// Packages from the shared node_modules (Luker's root node_modules): write-file-atomic into the user's
// files folder, and chalk, which is ESM only.
func TestLukerSharedPackages(t *testing.T) {
	requireNpmPackages(t)
	shared, err := filepath.Abs(npmShared)
	if err != nil {
		t.Fatal(err)
	}
	th, lk := startLuker(t, lukerPlugins, func(o *Options) { o.SharedModules = []string{shared} })
	th.expectBody(t, "POST", "/api/plugins/shared-package/note", "application/json", `{"text":"hi"}`, `{"saved":"default-user/user/files/note.txt"}`)
	th.expectBody(t, "GET", "/api/plugins/shared-package/color", "", "", `{"red":"\u001b[31mx\u001b[39m"}`)
	for file, want := range map[string]string{"note.txt": "hi", "note.txt.bak": "HI"} {
		data, err := os.ReadFile(filepath.Join(lk.DataRoot, "default-user", "user", "files", file))
		if err != nil || string(data) != want {
			t.Errorf("%s: %q, %v", file, data, err)
		}
	}
}

// The application resolves each request's user: another user gets its own folders, a request without
// one has no req.user, and a handle that is not a folder name is refused and logged. Options'
// RequestContext adds its properties next to req.user and wins over the layer's.
func TestLukerUsersAndRequestContext(t *testing.T) {
	th, lk := startLuker(t, lukerPlugins, func(o *Options) {
		o.Luker.User = func(r *http.Request) (luker.User, bool) {
			handle := r.Header.Get("X-User")
			return luker.User{Handle: handle, Name: strings.ToUpper(handle)}, handle != ""
		}
		o.RequestContext = func(r *http.Request) map[string]any {
			if r.Header.Get("X-Replace") != "" {
				return map[string]any{"user": map[string]any{"profile": map[string]any{"handle": "replaced"}, "directories": map[string]any{}}}
			}
			return map[string]any{"session": map[string]any{"id": 7}}
		}
	})
	get := func(path string, header ...string) (int, string) {
		req, _ := http.NewRequest("GET", th.srv.URL+path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := th.srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b strings.Builder
		_, _ = io.Copy(&b, resp.Body)
		return resp.StatusCode, b.String()
	}
	status, body := get("/api/plugins/user-dirs/whoami", "X-User", "ann")
	if status != 200 || !strings.Contains(body, `"handle":"ann","name":"ANN"`) || !strings.Contains(body, `"chats":"ann/chats"`) {
		t.Errorf("ann: %d %s", status, body)
	}
	if fi, err := os.Stat(filepath.Join(lk.DataRoot, "ann", "User Avatars")); err != nil || !fi.IsDir() {
		t.Errorf("ann's folders were not created: %v", err)
	}
	if status, _ := get("/api/plugins/user-dirs/whoami"); status != 500 {
		t.Errorf("no user: status %d, want 500 (req.user undefined)", status)
	}
	if status, _ := get("/api/plugins/user-dirs/whoami", "X-User", ".."); status != 500 {
		t.Errorf("handle '..': status %d, want 500 (no req.user)", status)
	}
	th.log.mustLog(t, "req.user not set", "invalid user handle")
	if status, body := get("/api/plugins/user-dirs/whoami", "X-User", "ann", "X-Replace", "1"); status != 200 || !strings.Contains(body, `"handle":"replaced"`) {
		t.Errorf("RequestContext's user must win: %d %s", status, body)
	}
}
