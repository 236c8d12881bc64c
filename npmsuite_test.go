package pluginhost

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// npmSuite checks the routes of the plugins in testdata/npm/plugins (and of the bundled plugin) over
// HTTP, against pluginhost or against the Node reference host.
type npmSuite struct {
	base     string     // server URL; plugins are under /api/plugins/<id>
	logs     *logBuffer // the host's log (pluginhost) or output (Node), where stderr writes land
	node     bool       // the Node reference host: resolution differs only where pluginhost documents it
	upstream string     // URL of upstreamAPI, for the HTTP-client plugin
}

var npmClient = &http.Client{Timeout: 60 * time.Second}

func (s *npmSuite) run(t *testing.T) {
	t.Run("lodash", s.checkLodash)
	t.Run("uuid", s.checkUUID)
	t.Run("nanoid", s.checkNanoid)
	t.Run("chalk", s.checkChalk)
	t.Run("dayjs-typescript", s.checkDates)
	t.Run("yaml-zod", s.checkConfig)
	t.Run("semver-mime", s.checkSemverMime)
	t.Run("iconv-lite", s.checkIconv)
	t.Run("debug", s.checkDebug)
	t.Run("depd", s.checkDepd)
	t.Run("own-node_modules", s.checkOwnDeps)
	t.Run("axios", s.checkAxios)
	t.Run("node-fetch", s.checkFetch)
	t.Run("write-file-atomic", s.checkAtomicWrites)
}

// call sends a request to a plugin route and returns the status and body.
func (s *npmSuite) call(t *testing.T, method, path, contentType, body string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, s.base+"/api/plugins"+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := npmClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the body: %v", method, path, err)
	}
	return resp.StatusCode, data
}

// json calls a route, requires status want and decodes the JSON body. On another status it shows
// what the host logged about the plugin, which names the failure when the plugin did not load.
func (s *npmSuite) json(t *testing.T, want int, method, path, contentType, body string) map[string]any {
	t.Helper()
	status, data := s.call(t, method, path, contentType, body)
	if status != want {
		plugin := strings.Split(strings.TrimPrefix(path, "/"), "/")[0]
		t.Fatalf("%s %s: status %d, want %d; body: %.2000s\nhost log about %s:\n%s",
			method, path, status, want, data, plugin, strings.Join(s.logs.lines(plugin), "\n"))
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s %s: %v in %.2000s", method, path, err, data)
	}
	return m
}

func (s *npmSuite) get(t *testing.T, path string) map[string]any {
	t.Helper()
	return s.json(t, 200, "GET", path, "", "")
}

// match checks got against the JSON want. volatile names top-level string fields that vary between
// runs: each must match its pattern and is then left out of the comparison.
func match(t *testing.T, what string, got map[string]any, want string, volatile map[string]string) {
	t.Helper()
	for key, pattern := range volatile {
		v, _ := got[key].(string)
		if !regexp.MustCompile(pattern).MatchString(v) {
			t.Errorf("%s: %s = %q, want a match for %s", what, key, v, pattern)
		}
		delete(got, key)
	}
	var w map[string]any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("%s: bad expectation: %v", what, err)
	}
	if !reflect.DeepEqual(got, w) {
		g, _ := json.Marshal(got)
		e, _ := json.Marshal(w)
		t.Errorf("%s:\n got %s\nwant %s", what, g, e)
	}
}

// waitLog waits until a line of the host's output contains every part: stderr writes reach it
// asynchronously under Node.
func (s *npmSuite) waitLog(t *testing.T, parts ...string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for len(s.logs.lines(parts...)) == 0 {
		if time.Now().After(deadline) {
			t.Errorf("no output line contains %q; output:\n%s", parts, s.logs.String())
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (s *npmSuite) checkLodash(t *testing.T) {
	got := s.get(t, "/lodash-groups/report")
	match(t, "lodash", got, `{
		"version": "`+packageVersion(t, npmShared, "lodash")+`",
		"byDept": {"eng": ["ann", "cid"], "ops": ["bob"], "sales": ["dee"]},
		"byAge": ["bob", "dee", "cid", "ann"],
		"chunks": [[1, 2], [3, 4], [5]],
		"merged": {"a": {"b": 1, "c": 2}},
		"picked": {"name": "ann", "age": 41},
		"camel": "fooBarBaz",
		"kebab": "foo-bar-baz",
		"template": "hi ann, &lt;b&gt;",
		"sum": 134,
		"deepEqual": true,
		"debounce": "function"
	}`, nil)
}

func (s *npmSuite) checkUUID(t *testing.T) {
	got := s.get(t, "/ids/uuid")
	match(t, "uuid", got, `{
		"v4Valid": true, "v4Version": 4, "distinct": true,
		"v5Dns": "cfbff0d1-9375-5685-968c-48ce8b15ae17",
		"v5Url": "c39e3b4c-1c0b-5af8-b0fe-80b76de670e7",
		"nil": "00000000-0000-0000-0000-000000000000",
		"invalid": false
	}`, map[string]string{"v4": `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`})
}

func (s *npmSuite) checkNanoid(t *testing.T) {
	got := s.get(t, "/ids/nanoid")
	match(t, "nanoid", got, `{"alphabetLength": 64}`, map[string]string{
		"id":    `^[A-Za-z0-9_-]{21}$`,
		"short": `^[A-Za-z0-9_-]{8}$`,
		"hex":   `^[0-9a-f]{12}$`,
	})
}

func (s *npmSuite) checkChalk(t *testing.T) {
	got := s.get(t, "/chalk-cjs/colors")
	match(t, "chalk", got, `{
		"level": 0,
		"supportsColor": false,
		"plain": "alert",
		"forced": "\u001b[31mx\u001b[39m",
		"nested": "\u001b[32ma\u001b[4mb\u001b[24mc\u001b[39m",
		"truecolor": "\u001b[38;2;255;136;0mo\u001b[39m"
	}`, nil)
}

func (s *npmSuite) checkDates(t *testing.T) {
	if s.node {
		t.Skip("Node 20 does not load .ts files; pluginhost strips the types")
	}
	got := s.get(t, "/dates-ts/dates")
	match(t, "dayjs", got, `{
		"iso": "2024-02-29T13:05:09.123Z",
		"formatted": "Thursday, February 29 2024 at 13:05:09.123",
		"nextYear": "2025-02-28",
		"startOf": "2024-02-01T00:00:00.000Z",
		"leap": true,
		"unix": 1709211909,
		"parsed": "2024-03-05T07:30",
		"strictInvalid": false,
		"diffDays": 10
	}`, nil)
}

func (s *npmSuite) checkConfig(t *testing.T) {
	got := s.get(t, "/config-esm/config")
	match(t, "yaml parse + zod", got, `{
		"parsed": {"name": "demo", "port": 8080, "tags": ["a", "b"], "limits": {"rpm": 60, "burst": 5},
			"premium": {"rpm": 600, "burst": 5}, "mode": "safe"},
		"stringified": "name: demo\ntags:\n  - a\n  - b\nnested:\n  on: true\n  n: null\n"
	}`, nil)

	bad := `{"name":"x","port":"80","tags":[1],"limits":{"rpm":-1,"burst":0},"mode":"slow"}`
	got = s.json(t, 422, "POST", "/config-esm/validate", "application/json", bad)
	match(t, "zod issues", got, `{"ok": false, "issues": [
		{"path": "name", "code": "too_small", "message": "String must contain at least 2 character(s)"},
		{"path": "port", "code": "invalid_type", "message": "Expected number, received string"},
		{"path": "tags.0", "code": "invalid_type", "message": "Expected string, received number"},
		{"path": "limits.rpm", "code": "too_small", "message": "Number must be greater than 0"},
		{"path": "limits.burst", "code": "too_small", "message": "Number must be greater than or equal to 1"},
		{"path": "premium", "code": "invalid_type", "message": "Required"},
		{"path": "mode", "code": "invalid_enum_value", "message": "Invalid enum value. Expected 'fast' | 'safe', received 'slow'"}
	]}`, nil)

	good := `{"name":"ok","port":80,"tags":[],"limits":{"rpm":1,"burst":1},"premium":{"rpm":2,"burst":2}}`
	got = s.json(t, 200, "POST", "/config-esm/validate", "application/json", good)
	match(t, "zod success", got, `{"ok": true, "data": {"name": "ok", "port": 80, "tags": [],
		"limits": {"rpm": 1, "burst": 1}, "premium": {"rpm": 2, "burst": 2}, "mode": "safe"}}`, nil)

	got = s.get(t, "/config-esm/yaml-error")
	match(t, "yaml error", got, `{"threw": true, "name": "YAMLParseError", "code": "BAD_INDENT"}`, nil)
}

func (s *npmSuite) checkSemverMime(t *testing.T) {
	got := s.get(t, "/semver-mime/semver")
	match(t, "semver", got, `{
		"version": "`+packageVersion(t, npmShared, "semver")+`",
		"gt": true, "satisfies": true, "prerelease": false, "max": "1.4.0",
		"sorted": ["1.0.0", "2.0.0-rc.1", "2.0.0", "10.0.0"],
		"coerce": "3.4.0", "inc": "1.3.0-beta.0", "invalid": null, "diff": "minor"
	}`, nil)
	got = s.get(t, "/semver-mime/mime")
	match(t, "mime-types", got, `{
		"json": "application/json", "html": "text/html", "path": "text/javascript", "unknown": false,
		"contentType": "text/markdown; charset=utf-8", "extension": "png", "charset": "UTF-8"
	}`, nil)
}

func (s *npmSuite) checkIconv(t *testing.T) {
	got := s.get(t, "/iconv/win1251")
	match(t, "iconv-lite", got, `{
		"hex": "cff0e8e2e5f22c20ece8f021",
		"isBuffer": true,
		"roundTrip": "Привет, мир!",
		"streamed": "Привет",
		"exists": [true, false],
		"utf16": "6800e900",
		"latin1": "café",
		"koi8": "f6",
		"shiftJis": "あい"
	}`, nil)
}

func (s *npmSuite) checkDebug(t *testing.T) {
	got := s.get(t, "/logging/debug")
	match(t, "debug", got, `{
		"env": "npm:*,-npm:quiet",
		"enabled": {"a": true, "quiet": false, "other": false},
		"instance": {"a": true, "quiet": false, "namespace": "npm:a"},
		"useColors": false,
		"captured": ["npm:a hello world, n=42, obj={\"k\":[1]}"]
	}`, nil)
	// debug's default sink is process.stderr.
	s.waitLog(t, "npm:stderr written to stderr by the default sink")
}

// checkDepd asserts what depd derives from call sites (Error.captureStackTrace with a
// prepareStackTrace that reads file, line and column): one warning per call site, the caller's
// location in the message, and a DeprecationError whose stack starts at the caller.
func (s *npmSuite) checkDepd(t *testing.T) {
	index := filepath.Join(npmPlugins, "logging", "index.js")
	abs, err := filepath.Abs(index)
	if err != nil {
		t.Fatal(err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	site := func(marker, token string, nth int) string { return sourceSite(t, index, marker, token, nth) }
	got := s.get(t, "/logging/deprecations")
	want := `{"results": [0, 2, 4, "helped", "helped", 7, 2], "events": [
		{"name": "DeprecationError", "namespace": "npm-logging", "message": "oldApi() is replaced by newApi()",
		 "stackHead": "DeprecationError: npm-logging deprecated oldApi() is replaced by newApi()",
		 "caller": "at ` + abs + ":" + site("deprecation-site:oldApi", "oldApi(", 1) + `"},
		{"name": "DeprecationError", "namespace": "npm-logging", "message": "helper() is deprecated",
		 "stackHead": "DeprecationError: npm-logging deprecated helper() is deprecated",
		 "caller": "at ` + abs + ":" + site("deprecation-site:helper", "helper(", 1) + `"},
		{"name": "DeprecationError", "namespace": "npm-logging", "message": "helper() is deprecated",
		 "stackHead": "DeprecationError: npm-logging deprecated helper() is deprecated",
		 "caller": "at ` + abs + ":" + site("deprecation-site:helper", "helper(", 2) + `"},
		{"name": "DeprecationError", "namespace": "npm-logging", "message": "settings.legacy is going away",
		 "stackHead": "DeprecationError: npm-logging deprecated settings.legacy is going away",
		 "caller": "at ` + abs + ":" + site("deprecation-site:property", "legacy)", 1) + `"}
	]}`
	match(t, "depd", got, want, nil)
	// Each call site warns once per process.
	got = s.get(t, "/logging/deprecations")
	match(t, "depd, second request", got, `{"results": [0, 2, 4, "helped", "helped", 7, 2], "events": []}`, nil)
	// Without a 'deprecation' listener the warning goes to process.stderr, naming the caller relative
	// to process.cwd().
	s.waitLog(t, "npm-logging deprecated legacyCompute at ",
		filepath.ToSlash(filepath.Join("logging", "index.js"))+":"+site("deprecation-site:stderr", "legacyCompute(", 1))
}

// sourceSite returns "line:column" (1-based, as V8 reports call sites: the column of the called
// property's name) of the nth occurrence of token on the line of file containing marker.
func sourceSite(t *testing.T, file, marker, token string, nth int) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		if !strings.Contains(line, marker) {
			continue
		}
		col := -1
		for from := 0; nth > 0; nth-- {
			j := strings.Index(line[from:], token)
			if j < 0 {
				t.Fatalf("%s line %d: no occurrence %d of %q", file, i+1, nth, token)
			}
			col, from = from+j, from+j+len(token)
		}
		return strconv.Itoa(i+1) + ":" + strconv.Itoa(col+1)
	}
	t.Fatalf("%s: no line contains %q", file, marker)
	return ""
}

// checkOwnDeps covers a plugin that ran npm install in its own folder: its packages win over the
// host's shared ones (semver 6 over the shared semver 7), except body-parser, which pluginhost always
// serves itself; the plugin's body-parser middleware still parses what the host's global parsers leave.
func (s *npmSuite) checkOwnDeps(t *testing.T) {
	own, err := filepath.Abs(npmOwnDeps)
	if err != nil {
		t.Fatal(err)
	}
	if real, err := filepath.EvalSymlinks(own); err == nil {
		own = real
	}
	got := s.get(t, "/own-deps/versions")
	bodyParser, _ := got["bodyParserFile"].(string)
	if s.node {
		if want := filepath.Join(own, "body-parser", "index.js"); bodyParser != want {
			t.Errorf("Node resolves body-parser to %q, want the plugin's copy %q", bodyParser, want)
		}
	} else if strings.Contains(bodyParser, "node_modules") {
		t.Errorf("body-parser resolved to %q, want the host's built-in", bodyParser)
	}
	delete(got, "bodyParserFile")
	match(t, "own versions", got, `{
		"semver": "`+packageVersion(t, npmOwnDeps, "semver")+`",
		"escapeHtmlFile": "`+filepath.Join(own, "escape-html", "index.js")+`"
	}`, nil)

	got = s.json(t, 200, "POST", "/own-deps/text", "text/plain", "a <b> & c")
	match(t, "bodyParser.text", got, `{"body": "a <b> & c", "escaped": "a &lt;b&gt; &amp; c"}`, nil)
	got = s.json(t, 200, "POST", "/own-deps/raw", "application/octet-stream", "\x00\x01hi")
	match(t, "bodyParser.raw", got, `{"isBuffer": true, "hex": "00016869"}`, nil)
	got = s.json(t, 200, "POST", "/own-deps/json", "application/json", `{"x":[1,"y"]}`)
	match(t, "bodyParser.json", got, `{"body": {"x": [1, "y"]}}`, nil)
	if status, body := s.call(t, "POST", "/own-deps/text", "text/plain", strings.Repeat("z", 2048)); status != 413 {
		t.Errorf("text over the plugin's 1kb limit: status %d (%.200s), want 413", status, body)
	}
}

// formBoundary is form-data's boundary: 26 dashes and 12 random bytes in hex.
const formBoundary = `^-{26}[0-9a-f]{24}$`

// checkUpload checks a plugin's multipart upload as upstreamAPI received it.
func checkUpload(t *testing.T, what string, got map[string]any, client string) {
	t.Helper()
	boundary, _ := got["boundary"].(string)
	if !regexp.MustCompile(formBoundary).MatchString(boundary) {
		t.Errorf("%s: boundary %q is not form-data's", what, boundary)
	}
	upstream, _ := got["upstream"].(map[string]any)
	if upstream == nil {
		t.Fatalf("%s: no upstream answer in %v", what, got)
	}
	match(t, what, upstream, `{
		"client": "`+client+`",
		"boundary": "`+boundary+`",
		"lengthKnown": true,
		"fields": {"name": ["pluginhost"], "count": ["3"], "json": ["{\"a\":1}"]},
		"parts": [
			{"name": "name", "filename": "", "type": ""},
			{"name": "count", "filename": "", "type": ""},
			{"name": "file", "filename": "notes.txt", "type": "text/plain"},
			{"name": "json", "filename": "", "type": "application/json"}
		],
		"file": "file body\n"
	}`, nil)
}

func (s *npmSuite) target() string { return "?target=" + url.QueryEscape(s.upstream) }

func (s *npmSuite) checkAxios(t *testing.T) {
	got := s.get(t, "/http-clients/axios-json"+s.target())
	match(t, "axios JSON", got, `{"status": 200, "contentType": "application/json; charset=utf-8", "data": {
		"method": "GET", "client": "axios", "plugin": "npm", "query": {"q": ["a b"], "n": ["2"]}
	}}`, nil)
	got = s.get(t, "/http-clients/axios-gzip"+s.target())
	match(t, "axios gzip", got, `{"status": 200, "data": {"compressed": true, "acceptsGzip": true, "items": [1, 2, 3]}}`, nil)
	got = s.get(t, "/http-clients/axios-error"+s.target())
	match(t, "axios 404", got, `{"threw": true, "message": "Request failed with status code 404",
		"code": "ERR_BAD_REQUEST", "status": 404, "data": {"error": "nope"}}`, nil)
	checkUpload(t, "axios form-data", s.get(t, "/http-clients/axios-form"+s.target()), "axios")
}

func (s *npmSuite) checkFetch(t *testing.T) {
	got := s.get(t, "/http-clients/fetch-json"+s.target())
	match(t, "node-fetch JSON", got, `{"ok": true, "status": 200, "contentType": "application/json; charset=utf-8", "data": {
		"method": "GET", "client": "node-fetch", "plugin": "npm", "query": {"via": ["fetch"]}
	}}`, nil)
	got = s.get(t, "/http-clients/fetch-gzip"+s.target())
	match(t, "node-fetch gzip", got, `{"status": 200, "data": {"compressed": true, "acceptsGzip": true, "items": [1, 2, 3]}}`, nil)
	checkUpload(t, "node-fetch form-data", s.get(t, "/http-clients/fetch-form"+s.target()), "node-fetch")
}

func (s *npmSuite) checkAtomicWrites(t *testing.T) {
	dir := t.TempDir()
	got := s.get(t, "/atomic-writes/write?dir="+url.QueryEscape(dir))
	match(t, "write-file-atomic", got, `{
		"files": ["notes.txt", "settings.json"],
		"async": {"saved": "async, replaced"},
		"sync": "Grüße\n",
		"mode": "600",
		"missingDir": "ENOENT"
	}`, nil)
	for name, want := range map[string]string{"settings.json": `{"saved":"async, replaced"}`, "notes.txt": "Grüße\n"} {
		if data, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(data) != want {
			t.Errorf("%s on disk: %q, %v; want %q", name, data, err, want)
		}
	}
}

// bundledUUID is uuid v5 of "bundled" in the URL namespace.
const bundledUUID = "b5c52e9f-44fa-59f1-b24f-c3910229e24f"

// checkBundled checks the esbuild bundle of testdata/npm/bundled, whose body-parser is the bundled
// copy: it reads text bodies from the request stream itself.
func checkBundled(t *testing.T, s *npmSuite) {
	if status, body := s.call(t, "POST", "/bundled/probe", "", ""); status != 204 {
		t.Errorf("probe: status %d (%s), want 204", status, body)
	}
	got := s.json(t, 200, "POST", "/bundled/ping", "application/json", `{"message":"hi"}`)
	match(t, "ping", got, `{"message": "Pong! hi"}`, nil)
	got = s.json(t, 400, "POST", "/bundled/ping", "application/json", `{"message":""}`)
	match(t, "ping, empty", got, `{"error": "String must contain at least 1 character(s)"}`, nil)
	got = s.json(t, 200, "POST", "/bundled/text", "text/plain; charset=utf-8", "héllo")
	match(t, "bundled body-parser text", got, `{"text": "héllo", "upper": "HÉLLO"}`, nil)
	got = s.get(t, "/bundled/mix")
	match(t, "mix", got, `{
		"date": "2024-02-29 13:05",
		"groups": {"1": [1.2, 1.7], "2": [2.1], "3": [3.5]},
		"id": "`+bundledUUID+`",
		"yaml": "list:\n  - 1\n  - two\n",
		"plain": "[bundled-plugin]"
	}`, nil)
	s.waitLog(t, "[bundled-plugin] Plugin loaded!")
}
