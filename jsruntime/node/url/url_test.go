package url_test

import (
	"errors"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	nodeurl "github.com/pluginhost/pluginhost/jsruntime/node/url"
)

// run evaluates each expression with the url module bound to `url` and the globals installed, and
// compares its exported value with the one taken from Node 20.
func run(t *testing.T, want map[string]any) {
	t.Helper()
	rt := jstest.New(t, jstest.Global("url", nodeurl.Require), nodeurl.Install)
	for expr, w := range want {
		if g := jstest.EvalValue(t, rt, expr); g != w {
			t.Errorf("%s = %#v, want %#v", expr, g, w)
		}
	}
}

func TestWHATWG(t *testing.T) {
	run(t, map[string]any{
		"url.URL === URL":                                        true,
		"url.URLSearchParams === URLSearchParams":                true,
		"new URL('/p?a=1', 'http://x.com').href":                 "http://x.com/p?a=1",
		"new URL('http://x.com/?a=1&b=2').searchParams.get('b')": "2",
		"new URLSearchParams('a=1&a=2').getAll('a').join()":      "1,2",
		"url.pathToFileURL('/x') instanceof URL":                 true,
	})
}

func TestFileURLs(t *testing.T) {
	run(t, map[string]any{
		"url.fileURLToPath('file:///a%20b/c.js')":                                              "/a b/c.js",
		"url.fileURLToPath(new URL('file:///x/y'))":                                            "/x/y",
		"url.pathToFileURL('/a b#c?d%e').href":                                                 "file:///a%20b%23c%3Fd%25e",
		"url.fileURLToPath(url.pathToFileURL('/a b#c?d%e'))":                                   "/a b#c?d%e",
		"(() => { try { url.fileURLToPath('http://x/y') } catch (e) { return e.code } })()":    "ERR_INVALID_URL_SCHEME",
		"(() => { try { url.fileURLToPath('file:///a%2fb') } catch (e) { return e.code } })()": "ERR_INVALID_FILE_URL_PATH",
		"(() => { try { url.fileURLToPath('file://host/x') } catch (e) { return e.code } })()": "ERR_INVALID_FILE_URL_HOST",
		"(() => { try { url.fileURLToPath(42) } catch (e) { return e.code } })()":              "ERR_INVALID_ARG_TYPE",
	})
}

func TestLegacy(t *testing.T) {
	full := "url.parse('https://user:pw@Example.com:8080/p/a/t/h?query=string&a=1#hash', true)"
	run(t, map[string]any{
		full + ".protocol": "https:",
		full + ".slashes":  true,
		full + ".auth":     "user:pw",
		full + ".host":     "example.com:8080",
		full + ".port":     "8080",
		full + ".hostname": "example.com",
		full + ".hash":     "#hash",
		full + ".search":   "?query=string&a=1",
		full + ".query.a":  "1",
		full + ".pathname": "/p/a/t/h",
		full + ".path":     "/p/a/t/h?query=string&a=1",
		full + ".href":     "https://user:pw@example.com:8080/p/a/t/h?query=string&a=1#hash",
		"url.parse('/relative/path?x=1').protocol": nil,
		"url.parse('/relative/path?x=1').query":    "x=1",
		"url.parse('/relative/path?x=1').href":     "/relative/path?x=1",
		"url.format({protocol: 'https', hostname: 'example.com', port: 8080, pathname: '/p', query: {a: '1'}, hash: 'h'})": "https://example.com:8080/p?a=1#h",
		"url.format(new URL('http://u:p@x.com/a?b#c'))":                                                                    "http://u:p@x.com/a?b#c",
		"url.format('HTTP://X.com/a')":                                                                                     "http://x.com/a",
		"url.resolve('http://a.com/b/c', '../d')":                                                                          "http://a.com/d",
		"url.resolve('/one/two/three', 'four')":                                                                            "/one/two/four",
	})
}

func TestFilePathGo(t *testing.T) {
	if got := nodeurl.FileURL("/a b/ü"); got != "file:///a%20b/%C3%BC" {
		t.Errorf("FileURL = %q", got)
	}
	if got := nodeurl.FileURL("/dir/"); got != "file:///dir/" {
		t.Errorf("FileURL kept no trailing slash: %q", got)
	}
	if p, err := nodeurl.FilePath("file://localhost/x"); err != nil || p != "/x" {
		t.Errorf("FilePath(localhost) = %q, %v", p, err)
	}
	for href, want := range map[string]error{
		"http://x/y":    nodeurl.ErrNotFileURL,
		"file:///a%2Fb": nodeurl.ErrEncodedSlashes,
		"file://h/x":    nodeurl.ErrFileURLHost,
	} {
		if _, err := nodeurl.FilePath(href); !errors.Is(err, want) {
			t.Errorf("FilePath(%q) error = %v, want %v", href, err, want)
		}
	}
	if _, err := nodeurl.FilePath("not a url"); err == nil {
		t.Error("FilePath accepted an invalid URL")
	}
}
