package pluginhost

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/evanw/esbuild/pkg/api"
)

// Bundled plugins (issue 7): plugins that carry their own copies of body-parser (1.x, and 2.x inside
// a bundled Express 5), raw-body and on-finished, as webpack and esbuild bundles do, and the export
// shapes bundlers give them. The packages come from testdata/bundles/node_modules and
// testdata/bundles/template/node_modules, which .ci/run installs from the committed locks; .ci/run
// also builds testdata/bundles/template with webpack, as the SillyTavern plugin template builds a
// plugin. The same files are served by pluginhost and by the Node reference host (conformance/host,
// Express 4 with Luker's global parsers and plugin loader), and every answer must be the same.
const (
	bundlesDir     = "testdata/bundles"
	bundlesModules = bundlesDir + "/node_modules"
	templateDir    = bundlesDir + "/template"
)

// missingSetup skips the test, loudly, when something .ci/run installs or builds is missing; in CI
// (CI set) that is a failure.
func missingSetup(t *testing.T, path, install string) {
	t.Helper()
	if _, err := os.Stat(path); err == nil {
		return
	}
	msg := fmt.Sprintf("\n%s\n  BUNDLED PLUGIN TEST NOT RUN: %s is missing. Run\n    %s\n%s", banner, path, install, banner)
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

func requireBundlePackages(t *testing.T) {
	t.Helper()
	missingSetup(t, bundlesModules, "npm ci --prefix "+bundlesDir+" --no-audit --no-fund")
}

// bundleSources bundles each named source of testdata/bundles/src into <plugins>/<name>.js, one
// CommonJS file with every package inlined (only Node built-ins stay require calls), and returns
// the plugins directory.
func bundleSources(t *testing.T, names ...string) string {
	t.Helper()
	plugins := t.TempDir()
	for _, name := range names {
		src, err := filepath.Abs(filepath.Join(bundlesDir, "src", name+".js"))
		if err != nil {
			t.Fatal(err)
		}
		res := api.Build(api.BuildOptions{
			EntryPoints: []string{src},
			Bundle:      true,
			Platform:    api.PlatformNode,
			Format:      api.FormatCommonJS,
			Outfile:     filepath.Join(plugins, name+".js"),
			Write:       true,
			LogLevel:    api.LogLevelSilent,
		})
		for _, m := range res.Errors {
			t.Errorf("esbuild %s: %s", name, m.Text)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	return plugins
}

// bundleRequest is one request of a differential run.
type bundleRequest struct {
	method, path, contentType, encoding string
	body                                string
}

func (r bundleRequest) String() string {
	body := r.body
	if len(body) > 40 {
		body = body[:40] + "…"
	}
	return fmt.Sprintf("%s %s [%s %s] %q", r.method, r.path, r.contentType, r.encoding, body)
}

// bundleAnswer is what the comparison looks at.
type bundleAnswer struct {
	status      int
	contentType string
	body        string
}

func sendBundleRequest(t *testing.T, base string, r bundleRequest) bundleAnswer {
	t.Helper()
	var body io.Reader = strings.NewReader(r.body)
	encoding := r.encoding
	switch encoding {
	case "gzip", "deflate", "br":
		var b bytes.Buffer
		var zw io.WriteCloser
		switch encoding {
		case "gzip":
			zw = gzip.NewWriter(&b)
		case "deflate":
			zw = zlib.NewWriter(&b)
		default:
			zw = brotli.NewWriter(&b)
		}
		_, _ = io.WriteString(zw, r.body)
		_ = zw.Close()
		body = &b
	case "gzip-corrupt":
		encoding = "gzip" // the body is not gzip at all
	case "chunked":
		// A reader of unknown length: the client sends the body chunked, without Content-Length.
		encoding, body = "", io.MultiReader(body)
	}
	req, err := http.NewRequest(r.method, base+r.path, body)
	if err != nil {
		t.Fatal(err)
	}
	if r.contentType != "" {
		req.Header.Set("Content-Type", r.contentType)
	}
	if encoding != "" {
		req.Header.Set("Content-Encoding", encoding)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", r, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s: %v", r, err)
	}
	return bundleAnswer{status: resp.StatusCode, contentType: resp.Header.Get("Content-Type"), body: string(b)}
}

// compareHosts sends every request to both hosts and reports each answer that differs.
func compareHosts(t *testing.T, ours, node string, reqs []bundleRequest) {
	t.Helper()
	for _, r := range reqs {
		o := sendBundleRequest(t, ours, r)
		n := sendBundleRequest(t, node, r)
		if o != n {
			t.Errorf("%s:\n  node: %d %s %s\n  ours: %d %s %s", r, n.status, n.contentType, n.body, o.status, o.contentType, o.body)
		}
	}
}

// bodyParserRequests are sent to each plugin registering testdata/bundles/src/routes.js under prefix:
// every route with bodies the host parses (JSON, urlencoded) and bodies it leaves to the plugin.
func bodyParserRequests(prefix string) []bundleRequest {
	const (
		js   = "application/json"
		txt  = "text/plain"
		form = "application/x-www-form-urlencoded"
		bin  = "application/octet-stream"
	)
	var out []bundleRequest
	add := func(path, ct, enc, body string) {
		out = append(out, bundleRequest{"POST", prefix + path, ct, enc, body})
	}
	for _, path := range []string{"/state", "/json", "/text", "/text-twice", "/raw", "/json-from-text", "/urlencoded", "/limit", "/verify", "/raw-body", "/on-finished"} {
		add(path, js, "", `{"a":[1,2],"b":"x"}`)
		add(path, txt, "", "hello text")
		add(path, form, "", "a[b]=1&c=2&c=3")
		add(path, bin, "", "\x00\x01binary\xff")
		add(path, "", "", "")
	}
	add("/text", txt+"; charset=latin1", "", "caf\xe9")
	add("/text", txt+"; charset=utf-16le", "", "h\x00i\x00")
	add("/text", "text/plain; charset=koi8-r", "", "x")
	add("/text", txt, "gzip", "compressed text")
	add("/text", txt, "deflate", "deflated text")
	add("/text", txt, "br", "brotli text")
	add("/text", txt, "gzip-corrupt", "not gzip")
	add("/text", txt, "chunked", "chunked text")
	add("/raw-body", txt, "chunked", "chunked text")
	add("/limit", txt, "gzip", "longer than eight bytes")
	add("/limit", txt, "chunked", "longer than eight bytes")
	add("/raw", bin, "gzip", "compressed bytes")
	add("/json", js, "gzip", `{"zipped":true}`)
	add("/json-from-text", txt, "", `{"not": json`)
	add("/json-from-text", txt, "", `"strict refuses a string"`)
	add("/json", js, "", `{"broken":`)
	add("/limit", txt, "", "just right")
	add("/limit", txt, "", "12345678")
	add("/verify", txt, "", "refuse")
	add("/raw-body", txt, "", strings.Repeat("x", 2000))
	out = append(out, bundleRequest{"GET", prefix + "/on-finished-res", "", "", ""})
	return out
}

// TestBundledBodyParsers serves bundles carrying body-parser 1.x, body-parser 2.x, Express 4 and
// Express 5 (with their raw-body, on-finished and iconv-lite) from pluginhost and from Node: a bundled parser
// skips a body the host parsed, reads one the host left unread, and fails as in Node.
func TestBundledBodyParsers(t *testing.T) {
	requireBundlePackages(t)
	ids := []string{"body-parser-1", "body-parser-2", "express-4", "express-5"}
	plugins := bundleSources(t, ids...)
	th := startHost(t, plugins)
	node, _ := startNodeReference(t, plugins)
	var reqs []bundleRequest
	for _, id := range ids {
		reqs = append(reqs, bodyParserRequests("/api/plugins/"+id)...)
	}
	reqs = append(reqs,
		bundleRequest{"POST", "/api/plugins/express-4/v4/echo/x?y=1", "text/plain", "", "via express 4"},
		bundleRequest{"GET", "/api/plugins/express-4/v4/query?a[b]=1&c=2&c=3", "", "", ""},
		bundleRequest{"POST", "/api/plugins/express-5/v5/echo?x=1", "text/plain", "", "via express 5"},
		bundleRequest{"GET", "/api/plugins/express-5/v5/query?a[b]=1&c=2&c=3", "", "", ""})
	compareHosts(t, th.srv.URL, node, reqs)
	// on-finished(res) fires once the response has finished; the route logs it.
	for _, id := range ids {
		th.waitLog(t, "on-finished-res /api/plugins/"+id+" before:false,finished:ok:true")
	}
}

// TestBundledExpress5RouteParameters serves Express 5's router with route parameters from both
// hosts: its path-to-regexp tells parameter names apart with /^[$_\p{ID_Start}]$/u, which pluginhost's
// RegExp translates (goja alone never matches it, and the plugin was refused with "Missing parameter
// name"). No regexp warning is logged.
func TestBundledExpress5RouteParameters(t *testing.T) {
	requireBundlePackages(t)
	plugins := bundleSources(t, "express-5-params")
	th := startHost(t, plugins)
	node, _ := startNodeReference(t, plugins)
	var reqs []bundleRequest
	for _, path := range []string{"/user/x", "/user/%C3%A9t%C3%A9", "/pair/a-b", "/pair/%CE%B1-%CE%B2",
		"/files/a/b/c.txt", "/files/x", "/opt", "/opt/7"} {
		reqs = append(reqs, bundleRequest{method: "GET", path: "/api/plugins/express-5-params" + path})
	}
	compareHosts(t, th.srv.URL, node, reqs)
	if status, body := th.do(t, "GET", "/api/plugins/express-5-params/user/x", "", ""); status != 200 || body != `{"name":"x"}` {
		t.Errorf("GET /user/x: %d %s, want 200 {\"name\":\"x\"}", status, body)
	}
	if lines := th.log.lines("level=WARN", "express-5-params.js"); len(lines) > 0 {
		t.Errorf("unexpected warnings: %q", lines)
	}
}

// TestExportShapes loads testdata/bundles/shapes (see its README) into both hosts: the same plugins
// are served, answering the same, and the refused ones are refused for the same reason.
func TestExportShapes(t *testing.T) {
	const dir = bundlesDir + "/shapes"
	th := startHost(t, dir)
	node, nodeLog := startNodeReference(t, dir)
	served := []string{"webpack-commonjs", "webpack-commonjs2", "class-fields", "class-methods", "sync-init", "function-export", "esm-instance", "esm-named"}
	refused := []string{"class-methods-this", "esm-default", "info-null", "plain-default"}
	var reqs []bundleRequest
	for _, id := range served {
		reqs = append(reqs, bundleRequest{method: "GET", path: "/api/plugins/" + id + "/which"})
	}
	compareHosts(t, th.srv.URL, node, reqs)
	for _, id := range served {
		if status, body := th.do(t, "GET", "/api/plugins/"+id+"/which", "", ""); status != 200 {
			t.Errorf("%s: %d %s, want it served", id, status, body)
		}
	}
	// Nothing answers for the refused ones (the 404 pages differ: chi's here, finalhandler's there).
	for _, id := range refused {
		th.notServed(t, "/api/plugins/"+id+"/which")
		if got := sendBundleRequest(t, node, bundleRequest{method: "GET", path: "/api/plugins/" + id + "/which"}); got.status != 404 {
			t.Errorf("Node served %s: %d %s", id, got.status, got.body)
		}
	}
	// The refusals' reasons, as Luker logs them (Luker's validation messages name no file). init's
	// TypeError is worded by each engine.
	for file, reason := range map[string]string{
		"info-null.js":          "TypeError: Cannot read properties of null (reading 'id')",
		"plain-default.js":      "Failed to load plugin module; plugin info not found",
		"class-methods-this.js": "TypeError: Cannot read propert",
	} {
		th.log.mustLog(t, "Failed to load plugin from", file, reason)
		nodeLog.mustLog(t, reason)
	}
	// Beyond Luker: a transpiled module's exports.default is read, where Node 20's import() leaves it
	// wrapped and Luker finds no info.
	th.which(t, "transpiled-default", "transpiled-default")
	if got := sendBundleRequest(t, node, bundleRequest{method: "GET", path: "/api/plugins/transpiled-default/which"}); got.status != 404 {
		t.Errorf("Node served transpiled-default (%d %s); Luker refuses it", got.status, got.body)
	}
	nodeLog.mustLog(t, "plugin info not found")
}

// templatePlugins lays out the webpack-built template as Luker would find it: the template's folder
// (package.json main dist/plugin.js) and the class-instance bundle as a single-file plugin.
func templatePlugins(t *testing.T) string {
	t.Helper()
	missingSetup(t, templateDir+"/dist/plugin.js",
		"npm ci --prefix "+templateDir+" --no-audit --no-fund && npm run build --prefix "+templateDir)
	plugins := t.TempDir()
	copyFile := func(src, dst string) {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFile(templateDir+"/package.json", filepath.Join(plugins, "template", "package.json"))
	copyFile(templateDir+"/dist/plugin.js", filepath.Join(plugins, "template", "dist", "plugin.js"))
	copyFile(templateDir+"/dist/class-plugin.js", filepath.Join(plugins, "class-plugin.js"))
	return plugins
}

// TestTemplateBundle serves the plugin that .ci/run builds with webpack from testdata/bundles/template
// (TypeScript, ts-loader, libraryTarget commonjs + libraryExport default, minified, body-parser and
// chalk inlined) and the class-instance bundle built beside it, from both hosts.
func TestTemplateBundle(t *testing.T) {
	plugins := templatePlugins(t)
	th := startHost(t, plugins)
	node, _ := startNodeReference(t, plugins)
	const js, txt = "application/json", "text/plain"
	reqs := []bundleRequest{
		{"POST", "/api/plugins/template/probe", "", "", ""},
		{"POST", "/api/plugins/template/ping", js, "", `{"message":"hello"}`},
		{"POST", "/api/plugins/template/ping", "application/x-www-form-urlencoded", "", "message=form"},
		{"POST", "/api/plugins/template/ping", txt, "", "not json"},
		{"POST", "/api/plugins/template/text", txt, "", "plain text"},
		{"POST", "/api/plugins/template/text", txt, "gzip", "zipped text"},
		{"POST", "/api/plugins/template/text", txt, "", strings.Repeat("y", 1500)},
		{"POST", "/api/plugins/template/text", js, "", `{"a":1}`},
		{"POST", "/api/plugins/template/raw", "application/octet-stream", "", "\x00\x01\x02"},
		{"POST", "/api/plugins/template/raw", js, "", `{"a":1}`},
		{"GET", "/api/plugins/template/colors", "", "", ""},
		{"POST", "/api/plugins/class-plugin/count", js, "", `{"n":1}`},
		{"POST", "/api/plugins/class-plugin/count", js, "", `{"n":2}`},
	}
	compareHosts(t, th.srv.URL, node, reqs)
	th.log.mustLog(t, "[SillyTavern-Example-Plugin]", "Plugin loaded!")
	if status, body := th.do(t, "POST", "/api/plugins/template/ping", js, `{"message":"hi"}`); status != 200 || body != `{"message":"Pong! hi"}` {
		t.Errorf("ping: %d %s", status, body)
	}
}

// TestLoadDiagnostics loads testdata/bundles/diagnostics (see its README): each log line says what
// is wrong in terms a plugin author can act on.
func TestLoadDiagnostics(t *testing.T) {
	const dir = bundlesDir + "/diagnostics"
	th := startHost(t, dir)
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range [][]string{
		{"Failed to load plugin from", "missing-package.js", "Cannot find module 'left-pad'", "Require stack:\\n- " + abs + "/missing-package.js"},
		{"Failed to load plugin from", "needs-helper", "Cannot find module './missing'",
			"Require stack:\\n- " + abs + "/needs-helper/lib/helper.js\\n- " + abs + "/needs-helper/index.js"},
		{"Failed to load plugin from", "worker.js", "[ERR_NOT_SUPPORTED_IN_PLUGINHOST]: worker_threads.Worker is not supported in pluginhost", abs + "/worker.js:4:"},
		{"Failed to load plugin from", "server-in-init.js", "init failed", "[ERR_NOT_SUPPORTED_IN_PLUGINHOST]: http.createServer is not supported in pluginhost",
			"at init (" + abs + "/server-in-init.js:7:"},
		{"Failed to load plugin from", abs + `/syntax.js:4:63: Expected \")\" but found \";\"`},
		{"Failed to load plugin from", abs + `/syntax-esm.mjs:4:15: Unexpected \";\"`},
		{"Failed to load plugin from", abs + "/top-level-await.mjs:1:16: top-level await is not supported"},
		{"level=WARN", "plugin=property-escapes", abs + `/property-escapes.js:13:62: \\p{Emoji} throws SyntaxError (pluginhost lacks this Unicode property)"`},
		{"level=WARN", "plugin=set-notation", abs + "/set-notation.mjs:4:19: flag 'v' throws SyntaxError (goja lacks it)"},
		{"Failed to load plugin from", "set-notation.mjs", "SyntaxError: Invalid flags supplied to RegExp constructor 'v'", abs + "/set-notation.mjs:4:"},
	} {
		th.log.mustLog(t, want...)
	}
	// The comment and the string of property-escapes.js are not regexps, and the property escapes
	// pluginhost translates are not reported.
	if lines := th.log.lines("property-escapes.js:3:", "property-escapes.js:5:", "property-escapes.js:6:", "property-escapes.js:7:"); len(lines) > 0 {
		t.Errorf("a comment, a string or a translated regexp was reported: %q", lines)
	}
	if lines := th.log.lines("level=WARN", "property-escapes.js"); len(lines) != 1 {
		t.Errorf("want one warning for property-escapes.js, got %q", lines)
	}
	// The plugin loads and runs: its translated expressions match as in Node; the one with \p{Emoji}
	// throws when it is created, as the warning says.
	if status, body := th.do(t, "GET", "/api/plugins/property-escapes/letters", "", ""); status != 200 || body != `{"letters":true,"words":["a1","b2"]}` {
		t.Errorf("property-escapes: %d %s", status, body)
	}
	if status, _ := th.do(t, "GET", "/api/plugins/property-escapes/emoji", "", ""); status != 500 {
		t.Errorf("property-escapes /emoji: %d, want 500", status)
	}
	th.log.mustLog(t, "Invalid regular expression: /^\\\\p{Emoji}$/u: the Unicode property Emoji is not supported in pluginhost")
}
