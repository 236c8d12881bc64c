package express

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// sendFixture mounts sendFile/download routes over a directory laid out like the one the expected
// values were taken from (express 4.22.1, send 0.19.2, Node 20).
func sendFixture(t *testing.T) (*fixture, string) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"a.txt": "hello world\n", ".env": "secret", ".hidden/x.txt": "in hidden", "sub/index.html": "<p>idx</p>",
		"data.json": `{"a":1}`, "naïve €.txt": "x",
	}
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
		router.get('/sf/:p(*)', (req, res) => res.sendFile(req.params.p, {root: F}));
		router.get('/sfd/:p(*)', (req, res) => res.sendFile(req.params.p, {root: F, dotfiles: req.query.d}));
		router.get('/abs', (req, res) => res.sendFile(F + '/' + req.query.p, req.query.o ? JSON.parse(req.query.o) : {}));
		router.get('/cb', (req, res) => res.sendFile(F + '/' + req.query.p, (err) => {
			if (err) res.status(299).json({code: err.code, status: err.status, expose: err.expose, message: err.message.replace(F, 'F'), syscall: err.syscall, errno: err.errno});
			else globalThis.cbOK = true;
		}));
		router.get('/opt', (req, res) => res.sendFile('a.txt', {root: F, maxAge: '2d', immutable: true, lastModified: false, etag: false, acceptRanges: false, headers: {'X-H': 'v', 'Content-Type': 'text/x-mine'}}));
		router.get('/big', (req, res) => res.sendFile('a.txt', {root: F, maxAge: 1e15}));
		router.get('/part', (req, res) => res.sendFile('a.txt', {root: F, start: 2, end: 6}));
		router.get('/pre', (req, res) => { res.set('Content-Type', 'text/html'); res.set('ETag', '"mine"'); res.sendFile('a.txt', {root: F}) });
		router.get('/twice', (req, res) => { res.send('first'); res.sendFile('a.txt', {root: F}) });
		router.get('/args', (req, res) => {
			const out = [];
			for (const a of [[], [5], ['a.txt'], ['a.txt', {root: F, dotfiles: 'nah'}], ['a.txt', {root: F, index: [1]}]]) {
				try { res.sendFile(...a); out.push('ok') } catch (e) { out.push(e.message) }
			}
			res.json(out);
		});
		router.get('/dl', (req, res) => res.download(F + '/a.txt'));
		router.get('/dl2', (req, res) => res.download(F + '/a.txt', 'report €.csv', {headers: {'Content-Disposition': 'inline', 'X-Y': 'z'}}));
		router.get('/dl3', (req, res) => res.download('a.txt', {root: F}));
		router.get('/dlmiss', (req, res) => res.download(F + '/nope.txt'));
	`, dir))
	return f, dir
}

const aTxtETag = `W/"c-18cc820db2e"`

func TestSendFileHeadersAndBody(t *testing.T) {
	f, _ := sendFixture(t)
	r := f.get("/api/plugins/test/sf/a.txt")
	jstest.Expect(t, "status", r.status, 200)
	jstest.Expect(t, "body", r.body, "hello world\n")
	for k, v := range map[string]string{
		"Accept-Ranges": "bytes", "Cache-Control": "public, max-age=0", "Last-Modified": "Tue, 02 Jan 2024 03:04:05 GMT",
		"ETag": aTxtETag, "Content-Type": "text/plain; charset=UTF-8", "Content-Length": "12",
	} {
		jstest.Expect(t, k, r.header.Get(k), v)
	}
	r = f.do("HEAD", "/api/plugins/test/sf/a.txt", "")
	jstest.Expect(t, "HEAD length", r.header.Get("Content-Length"), "12")
	jstest.Expect(t, "HEAD body", r.body, "")
	jstest.Expect(t, "json type", f.get("/api/plugins/test/sf/data.json").header.Get("Content-Type"), "application/json; charset=UTF-8")
	jstest.Expect(t, "non-ASCII name", f.get("/api/plugins/test/sf/na%C3%AFve%20%E2%82%AC.txt").body, "x")
	jstest.Expect(t, "index of a directory path", f.get("/api/plugins/test/sf/sub/").body, "<p>idx</p>")

	r = f.get("/api/plugins/test/opt")
	jstest.Expect(t, "opt headers", r.header.Get("X-H"), "v")
	jstest.Expect(t, "opt type kept as set", r.header.Get("Content-Type"), "text/x-mine")
	jstest.Expect(t, "opt cache", r.header.Get("Cache-Control"), "public, max-age=172800, immutable")
	jstest.Expect(t, "opt no etag", r.header.Get("ETag")+r.header.Get("Last-Modified")+r.header.Get("Accept-Ranges"), "")
	jstest.Expect(t, "maxAge capped", f.get("/api/plugins/test/big").header.Get("Cache-Control"), "public, max-age=31536000")
	r = f.get("/api/plugins/test/part")
	jstest.Expect(t, "start/end", r.body, "llo w")
	jstest.Expect(t, "start/end length", r.header.Get("Content-Length"), "5")
	r = f.get("/api/plugins/test/pre")
	jstest.Expect(t, "preset type", r.header.Get("Content-Type"), "text/html; charset=utf-8")
	jstest.Expect(t, "preset etag", r.header.Get("ETag"), `"mine"`)
	r = f.get("/api/plugins/test/twice")
	jstest.Expect(t, "after send", r.body, "first")
	jstest.Expect(t, "argument errors", f.get("/api/plugins/test/args").body,
		`["path argument is required to res.sendFile","path must be a string to res.sendFile","path must be absolute or specify root to res.sendFile","dotfiles option must be \"allow\", \"deny\", or \"ignore\"","index option must be array of strings or false"]`)
}

func TestSendFileRefusals(t *testing.T) {
	f, _ := sendFixture(t)
	for _, c := range []struct {
		target string
		status int
		body   string
	}{
		{"/sf/nope.txt", 404, ""},
		{"/sf/sub", 404, "host 404"}, // a directory falls through to the next handler
		{"/sf/fake/../a.txt", 200, "hello world\n"},
		{"/sf/..%2Fx", 403, ""},
		{"/sf/.env", 404, ""},
		{"/sf/.hidden/x.txt", 200, "in hidden"}, // dotfiles not given: only a dotfile as last part is hidden
		{"/sfd/.env?d=allow", 200, "secret"},
		{"/sfd/.env?d=deny", 403, ""},
		{"/sfd/.hidden/x.txt?d=deny", 403, ""},
		{"/sfd/.hidden/x.txt?d=ignore", 404, ""},
		{"/abs?p=.hidden/x.txt", 200, "in hidden"},
		{`/abs?p=.hidden/x.txt&o={"dotfiles":"ignore"}`, 404, ""},
		{"/abs?p=a.txt/", 404, ""},
		{"/abs?p=x/../a.txt", 403, ""},
		{"/abs?p=a%00.txt", 400, ""},
		{"/dlmiss", 404, ""},
	} {
		r := f.get("/api/plugins/test" + strings.ReplaceAll(c.target, `"`, "%22"))
		jstest.Expect(t, c.target, r.status, c.status)
		if c.body != "" {
			jstest.Expect(t, c.target+" body", r.body, c.body)
		}
	}
	r := f.get("/api/plugins/test/cb?p=nope.txt")
	jstest.Expect(t, "callback error", r.body, `{"code":"ENOENT","status":404,"expose":false,"message":"ENOENT: no such file or directory, stat 'F/nope.txt'","syscall":"stat","errno":-2}`)
	jstest.Expect(t, "callback directory", f.get("/api/plugins/test/cb?p=sub").body, `{"code":"EISDIR","message":"EISDIR, read"}`)
	jstest.Expect(t, "callback ENOTDIR", f.get("/api/plugins/test/cb?p=a.txt/x").body, `{"code":"ENOTDIR","status":404,"expose":false,"message":"ENOTDIR: not a directory, stat 'F/a.txt/x'","syscall":"stat","errno":-20}`)
	jstest.Expect(t, "callback success", f.get("/api/plugins/test/cb?p=a.txt").body, "hello world\n")
	waitFor(t, f, `globalThis.cbOK === true`)
}

func TestSendFileConditionalAndRanges(t *testing.T) {
	f, _ := sendFixture(t)
	const lm = "Tue, 02 Jan 2024 03:04:05 GMT"
	const path = "/api/plugins/test/sf/a.txt"
	for _, c := range []struct {
		headers []string
		status  int
		body    string
		cr      string
	}{
		{[]string{"If-None-Match", aTxtETag}, 304, "", ""},
		{[]string{"If-None-Match", `"c-18cc820db2e"`}, 304, "", ""},
		{[]string{"If-Modified-Since", lm}, 304, "", ""},
		{[]string{"If-Modified-Since", "Mon, 01 Jan 2024 00:00:00 GMT"}, 200, "hello world\n", ""},
		{[]string{"If-None-Match", aTxtETag, "Cache-Control", "no-cache"}, 200, "hello world\n", ""},
		{[]string{"If-Match", `"x"`}, 412, "", ""},
		{[]string{"If-Match", "*"}, 200, "hello world\n", ""},
		{[]string{"If-Match", aTxtETag}, 200, "hello world\n", ""},
		{[]string{"If-Unmodified-Since", "Mon, 01 Jan 2024 00:00:00 GMT"}, 412, "", ""},
		{[]string{"If-Unmodified-Since", lm}, 200, "hello world\n", ""},
		{[]string{"Range", "bytes=0-4"}, 206, "hello", "bytes 0-4/12"},
		{[]string{"Range", "bytes=-3"}, 206, "ld\n", "bytes 9-11/12"},
		{[]string{"Range", "bytes=6-"}, 206, "world\n", "bytes 6-11/12"},
		{[]string{"Range", "bytes=0-1,2-4"}, 206, "hello", "bytes 0-4/12"},
		{[]string{"Range", "bytes=0-1,3-4"}, 200, "hello world\n", ""},
		{[]string{"Range", "items=0-1"}, 200, "hello world\n", ""},
		{[]string{"Range", "bytes=50-60"}, 416, "", "bytes */12"},
		{[]string{"Range", "bytes=0-1", "If-Range", aTxtETag}, 206, "he", "bytes 0-1/12"},
		{[]string{"Range", "bytes=0-1", "If-Range", `"zz"`}, 200, "hello world\n", ""},
		{[]string{"Range", "bytes=0-1", "If-Range", lm}, 206, "he", "bytes 0-1/12"},
		{[]string{"Range", "bytes=0-1", "If-Range", "Mon, 01 Jan 2024 00:00:00 GMT"}, 200, "hello world\n", ""},
	} {
		what := strings.Join(c.headers, " ")
		r := f.get(path, c.headers...)
		jstest.Expect(t, what+" status", r.status, c.status)
		if c.status < 400 {
			jstest.Expect(t, what+" body", r.body, c.body)
		}
		jstest.Expect(t, what+" Content-Range", r.header.Get("Content-Range"), c.cr)
		if c.status == 304 {
			jstest.Expect(t, what+" no type", r.header.Get("Content-Type"), "")
			jstest.Expect(t, what+" etag kept", r.header.Get("ETag"), aTxtETag)
		}
	}
}

func TestDownload(t *testing.T) {
	f, _ := sendFixture(t)
	r := f.get("/api/plugins/test/dl")
	jstest.Expect(t, "disposition", r.header.Get("Content-Disposition"), `attachment; filename="a.txt"`)
	jstest.Expect(t, "body", r.body, "hello world\n")
	r = f.get("/api/plugins/test/dl2")
	jstest.Expect(t, "named", r.header.Get("Content-Disposition"), `attachment; filename="report ?.csv"; filename*=UTF-8''report%20%E2%82%AC.csv`)
	jstest.Expect(t, "other headers", r.header.Get("X-Y"), "z")
	jstest.Expect(t, "root", f.get("/api/plugins/test/dl3").header.Get("Content-Disposition"), `attachment; filename="a.txt"`)
}

func TestSendFileStreamsLargeFile(t *testing.T) {
	f, dir := sendFixture(t)
	big := strings.Repeat("0123456789abcdef", 1<<16) // 1 MiB
	if err := os.WriteFile(filepath.Join(dir, "big.bin"), []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	r := f.get("/api/plugins/test/sf/big.bin")
	jstest.Expect(t, "size", len(r.body), len(big))
	jstest.Expect(t, "same bytes", r.body == big, true)
	jstest.Expect(t, "type", r.header.Get("Content-Type"), "application/octet-stream")
	r = f.get("/api/plugins/test/sf/big.bin", "Range", "bytes=1048570-")
	jstest.Expect(t, "tail", r.body, "abcdef")
	jstest.Expect(t, "tail status", r.status, http.StatusPartialContent)
}
