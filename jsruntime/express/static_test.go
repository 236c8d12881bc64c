package express

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// TestStatic checks express.static (serve-static 1.16.3 over send 0.19.2) against the answers of
// express 4.22.1 on Node 20 for the same files and requests: files, HEAD, index files, extensions,
// dotfiles, the directory redirect, fallthrough, 405, setHeaders, express.static.mime and the
// factory's argument errors.
func TestStatic(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"a.txt": "hello world\n", ".env": "secret", "sub/index.html": "<p>idx</p>", "page.html": "<p>page</p>"}
	mtime := time.Date(2024, 1, 2, 3, 4, 5, 678e6, time.UTC)
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	f := setup(t, Config{}, fmt.Sprintf(`
		const F = %q;
		router.use('/plain', express.static(F));
		router.use('/opts', express.static(F, {index: 'page.html', extensions: ['txt'], dotfiles: 'allow', maxAge: '1h', redirect: false}));
		router.use('/strict', express.static(F, {fallthrough: false, setHeaders: (res, p, stat) => res.setHeader('X-Static', p.slice(F.length) + ':' + stat.size)}));
		router.get('/mime', (req, res) => { const m = express.static.mime; res.json([m.lookup('x.html'), m.lookup('x.unknown', 'fb'), m.lookup('x.unknown'), m.charsets.lookup('application/json'), m.charsets.lookup('image/png', 'none'), m.default_type, m.charsets.lookup('application/json-patch+json'), m.charsets.lookup('TEXT/plain', 'upper')]) });
		router.get('/factory', (req, res) => { const out = []; for (const a of [[], [5], [F, {setHeaders: 1}]]) { try { express.static(...a); out.push('ok') } catch (e) { out.push(e.message) } } res.json(out) });
		router.use((req, res) => res.status(404).send('fell:' + req.method + ' ' + req.originalUrl));
		router.use((err, req, res, next) => res.status(err.status || 500).send('err:' + err.status + ':' + err.message));
	`, dir))
	fileHeaders := func(etag, typ, length, maxAge string) string {
		return "Accept-Ranges: bytes|Cache-Control: public, max-age=" + maxAge + "|Last-Modified: Tue, 02 Jan 2024 03:04:05 GMT|ETag: " +
			etag + "|Content-Type: " + typ + "|Content-Length: " + length
	}
	redirect := func(loc string) (string, string) {
		doc := "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Redirecting</title>\n</head>\n<body>\n<pre>Redirecting to " +
			loc + "</pre>\n</body>\n</html>\n"
		return fmt.Sprintf("Content-Type: text/html; charset=UTF-8|Content-Length: %d|Content-Security-Policy: default-src 'none'|X-Content-Type-Options: nosniff|Location: %s", len(doc), loc), doc
	}
	show := []string{"Allow", "X-Static", "Accept-Ranges", "Cache-Control", "Last-Modified", "ETag", "Content-Type", "Content-Length", "Content-Security-Policy", "X-Content-Type-Options", "Location"}
	check := func(method, path, status, headers, body string, extra ...string) {
		t.Helper()
		r := f.do(method, "/api/plugins/test"+path, "", extra...)
		var got []string
		for _, h := range show {
			if v := r.header.Get(h); v != "" && (headers != "" || h == "Location") {
				got = append(got, h+": "+v)
			}
		}
		jstest.Expect(t, method+" "+path+" status", fmt.Sprint(r.status), status)
		if headers != "" {
			jstest.Expect(t, method+" "+path+" headers", strings.Join(got, "|"), headers)
		}
		if strings.HasSuffix(body, "…") {
			if !strings.HasPrefix(r.body, strings.TrimSuffix(body, "…")) {
				t.Errorf("%s %s body: got %q, want it to start with %q", method, path, r.body, body)
			}
			return
		}
		jstest.Expect(t, method+" "+path+" body", r.body, body)
	}
	aTxt := fileHeaders(`W/"c-18cc820db2e"`, "text/plain; charset=UTF-8", "12", "0")
	check("GET", "/plain/a.txt", "200", aTxt, "hello world\n")
	check("HEAD", "/plain/a.txt", "200", aTxt, "")
	h, doc := redirect("/api/plugins/test/plain/sub/")
	check("GET", "/plain/sub", "301", h, doc)
	h, doc = redirect("/api/plugins/test/plain/sub/?x=1")
	check("GET", "/plain/sub?x=1", "301", h, doc)
	h, doc = redirect("/api/plugins/test/plain/")
	check("GET", "/plain", "301", h, doc)
	check("GET", "/plain/sub/", "200", fileHeaders(`W/"a-18cc820db2e"`, "text/html; charset=UTF-8", "10", "0"), "<p>idx</p>")
	for _, p := range []string{"/plain/.env", "/plain/nope.txt", "/plain/%E0", "/opts/sub"} {
		check("GET", p, "404", "", "fell:GET /api/plugins/test"+p)
	}
	check("GET", "/plain/x", "404", "", "fell:GET /api/plugins/test/plain/%2e%2e/x", "raw-uri", "/api/plugins/test/plain/%2e%2e/x")
	check("POST", "/plain/a.txt", "404", "", "fell:POST /api/plugins/test/plain/a.txt")
	check("GET", "/opts/", "200", fileHeaders(`W/"b-18cc820db2e"`, "text/html; charset=UTF-8", "11", "3600"), "<p>page</p>")
	check("GET", "/opts/a", "200", fileHeaders(`W/"c-18cc820db2e"`, "text/plain; charset=UTF-8", "12", "3600"), "hello world\n")
	check("GET", "/opts/.env", "200", fileHeaders(`W/"6-18cc820db2e"`, "application/octet-stream", "6", "3600"), "secret")
	check("GET", "/strict/nope.txt", "404", "", "err:404:ENOENT: no such file or directory, stat '…")
	check("POST", "/strict/a.txt", "405", "Allow: GET, HEAD|Content-Length: 0", "")
	check("GET", "/strict/a.txt", "200", "X-Static: /a.txt:12|"+aTxt, "hello world\n")
	h, doc = redirect("/api/plugins/test/strict/sub/")
	check("GET", "/strict/sub", "301", h, doc)
	jstest.Expect(t, "mime", f.get("/api/plugins/test/mime").body, `["text/html","fb","application/octet-stream","UTF-8","none","application/octet-stream","UTF-8","upper"]`)
	jstest.Expect(t, "factory", f.get("/api/plugins/test/factory").body, `["root path required","root path must be a string","option setHeaders must be function"]`)
}
