package express

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

func TestSendTyping(t *testing.T) {
	f := setup(t, Config{}, `
		router.get('/str', (req, res) => res.send('hello'));
		router.get('/null', (req, res) => res.send(null));
		router.get('/num', (req, res) => res.send(201));
		router.get('/bool', (req, res) => res.send(true));
		router.get('/buf', (req, res) => res.send(new Uint8Array([104, 105])));
		router.get('/undef', (req, res) => res.send());
		router.get('/charset', (req, res) => res.set('Content-Type', 'text/plain; charset=iso-8859-1').send('x'));
		router.get('/status', (req, res) => res.sendStatus(404));
		router.get('/json-undef', (req, res) => res.json(undefined));
		router.get('/json-vendor', (req, res) => res.type('application/vnd.example+json').json({a: 1}));
		router.get('/end', (req, res) => { res.statusCode = 202; res.end('raw end') });
		router.get('/204', (req, res) => res.status(204).send('gone'));
		router.get('/after', (req, res) => { res.send('one'); try { res.set('X', '1') } catch (e) { globalThis.afterErr = e.code + ': ' + e.message } });
	`)
	r := f.get("/api/plugins/test/str")
	jstest.Expect(t, "str type", r.header.Get("Content-Type"), "text/html; charset=utf-8")
	jstest.Expect(t, "str etag", r.header.Get("ETag"), `W/"5-qvTGHdzF6KLavt4PO0gs2a6pQ00"`)
	r = f.get("/api/plugins/test/null")
	jstest.Expect(t, "null type", r.header.Get("Content-Type"), "")
	jstest.Expect(t, "null etag", r.header.Get("ETag"), `W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"`)
	r = f.get("/api/plugins/test/num")
	jstest.Expect(t, "num status", r.status, 201)
	jstest.Expect(t, "num body", r.body, "Created")
	jstest.Expect(t, "num type", r.header.Get("Content-Type"), "text/plain; charset=utf-8")
	r = f.get("/api/plugins/test/bool")
	jstest.Expect(t, "bool body", r.body, "true")
	jstest.Expect(t, "bool type", r.header.Get("Content-Type"), "application/json; charset=utf-8")
	r = f.get("/api/plugins/test/buf")
	jstest.Expect(t, "buf body", r.body, "hi")
	jstest.Expect(t, "buf type", r.header.Get("Content-Type"), "application/octet-stream")
	r = f.get("/api/plugins/test/undef")
	jstest.Expect(t, "undef etag", r.header.Get("ETag"), "")
	jstest.Expect(t, "undef length", r.header.Get("Content-Length"), "0")
	r = f.get("/api/plugins/test/charset")
	jstest.Expect(t, "forced charset", r.header.Get("Content-Type"), "text/plain; charset=utf-8")
	r = f.get("/api/plugins/test/status")
	jstest.Expect(t, "sendStatus", r.status, 404)
	jstest.Expect(t, "sendStatus body", r.body, "Not Found")
	jstest.Expect(t, "sendStatus etag", r.header.Get("ETag"), `W/"9-0gXL1ngzMqISxa6S1zx3F4wtLyg"`)
	r = f.get("/api/plugins/test/json-undef")
	jstest.Expect(t, "json undefined etag", r.header.Get("ETag"), "")
	jstest.Expect(t, "json undefined type", r.header.Get("Content-Type"), "application/json; charset=utf-8")
	r = f.get("/api/plugins/test/json-vendor")
	jstest.Expect(t, "vendor json", r.header.Get("Content-Type"), "application/vnd.example+json; charset=utf-8")
	r = f.get("/api/plugins/test/end")
	jstest.Expect(t, "end status", r.status, 202)
	jstest.Expect(t, "end type", r.header.Get("Content-Type"), "")
	jstest.Expect(t, "end length", r.header.Get("Content-Length"), "7")
	jstest.Expect(t, "end etag", r.header.Get("ETag"), "")
	r = f.get("/api/plugins/test/204")
	jstest.Expect(t, "204", r.status, 204)
	jstest.Expect(t, "204 body", r.body, "")
	f.get("/api/plugins/test/after")
	jstest.Expect(t, "headers sent", f.eval(`afterErr`), "ERR_HTTP_HEADERS_SENT: Cannot set headers after they are sent to the client")
}

func TestFreshness(t *testing.T) {
	f := setup(t, Config{}, `
		router.get('/x', (req, res) => res.send('hello'));
		router.post('/x', (req, res) => res.send('hello'));
		router.get('/err', (req, res) => res.status(500).send('hello'));
	`)
	r := f.get("/api/plugins/test/x", "If-None-Match", `W/"5-qvTGHdzF6KLavt4PO0gs2a6pQ00"`)
	jstest.Expect(t, "304", r.status, 304)
	jstest.Expect(t, "304 etag kept", r.header.Get("ETag"), `W/"5-qvTGHdzF6KLavt4PO0gs2a6pQ00"`)
	jstest.Expect(t, "304 no type", r.header.Get("Content-Type"), "")
	jstest.Expect(t, "star", f.get("/api/plugins/test/x", "If-None-Match", "*").status, 304)
	jstest.Expect(t, "no-cache", f.get("/api/plugins/test/x", "If-None-Match", "*", "Cache-Control", "no-cache").status, 200)
	jstest.Expect(t, "500 not fresh", f.get("/api/plugins/test/err", "If-None-Match", "*").status, 500)
	jstest.Expect(t, "post not fresh", f.do("POST", "/api/plugins/test/x", "", "If-None-Match", "*").status, 200)
}

func TestHeaderHelpers(t *testing.T) {
	f := setup(t, Config{}, `
		router.get('/h', (req, res) => {
			res.append('X-A', '1'); res.append('X-A', ['2', '3']);
			res.set({'X-B': 5, 'Content-Type': 'text/event-stream'});
			res.type('png');
			res.vary('Accept'); res.vary('Origin'); res.vary('accept');
			res.json({get: res.get('x-b'), has: res.hasHeader('X-A'), names: res.getHeaderNames()});
		});
		router.get('/types', (req, res) => {
			const out = {};
			for (const t of ['json', 'html', 'txt', 'text', '.css', 'js', 'png', 'bin', 'xml', 'application/x-foo', 'nope']) {
				res.type(t); out[t] = res.get('Content-Type');
			}
			res.json(out);
		});
		router.get('/loc', (req, res) => res.location('/über?q=ä b').end());
		router.get('/redir', (req, res) => res.redirect('/to'));
		router.get('/redir301', (req, res) => res.redirect(301, '/to<x>'));
	`)
	r := f.get("/api/plugins/test/h")
	jstest.Expect(t, "append", strings.Join(r.header.Values("X-A"), "|"), "1|2|3")
	// res.json forces the charset of the existing type, as Express does.
	jstest.Expect(t, "type png", r.header.Get("Content-Type"), "image/png; charset=utf-8")
	jstest.Expect(t, "vary", r.header.Get("Vary"), "Accept, Origin")
	jstest.Expect(t, "json", r.body, `{"get":"5","has":true,"names":["x-a","x-b","content-type","vary"]}`)
	r = f.get("/api/plugins/test/types")
	jstest.Expect(t, "types", r.body, `{"json":"application/json; charset=utf-8","html":"text/html; charset=utf-8","txt":"text/plain; charset=utf-8","text":"text/plain; charset=utf-8",".css":"text/css; charset=utf-8","js":"application/javascript; charset=utf-8","png":"image/png","bin":"application/octet-stream","xml":"application/xml","application/x-foo":"application/x-foo","nope":"application/octet-stream"}`)
	r = f.get("/api/plugins/test/loc")
	jstest.Expect(t, "location", r.header.Get("Location"), "/%C3%BCber?q=%C3%A4%20b")
	r = f.get("/api/plugins/test/redir")
	jstest.Expect(t, "redirect status", r.status, 302)
	jstest.Expect(t, "redirect body", r.body, "Found. Redirecting to /to")
	jstest.Expect(t, "redirect vary", r.header.Get("Vary"), "Accept")
	jstest.Expect(t, "redirect type", r.header.Get("Content-Type"), "text/plain; charset=utf-8")
	r = f.get("/api/plugins/test/redir301", "Accept", "text/html")
	jstest.Expect(t, "redirect html", r.body, "<p>Moved Permanently. Redirecting to /to%3Cx%3E</p>")
	r = f.get("/api/plugins/test/redir", "Accept", "application/json")
	jstest.Expect(t, "redirect other", r.body, "")
	jstest.Expect(t, "redirect other type", r.header.Get("Content-Type"), "")
}

func TestSSEStreamsChunks(t *testing.T) {
	f := setup(t, Config{}, `
		router.get('/sse', (req, res) => {
			res.set({'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache'});
			res.flushHeaders();
			let n = 0;
			globalThis.tick = () => { res.write('data: ' + (n++) + '\n\n'); if (n === 3) res.end(); };
			res.on('close', () => { globalThis.closed = true });
		});
	`)
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/api/plugins/test/sse")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	jstest.Expect(t, "sse type", resp.Header.Get("Content-Type"), "text/event-stream; charset=utf-8")
	rd := bufio.NewReader(resp.Body)
	for i := 0; i < 3; i++ {
		f.eval(`tick()`)
		line, err := rd.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		jstest.Expect(t, "chunk", line, "data: "+itoa(i)+"\n")
		_, _ = rd.ReadString('\n')
	}
	rest, _ := io.ReadAll(rd)
	jstest.Expect(t, "rest", string(rest), "")
	waitFor(t, f, `globalThis.closed === true`)
}

func waitFor(t *testing.T, f *fixture, cond string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if f.eval(cond) == "true" {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("condition %s never became true", cond)
}

func TestResponseTimeoutAndLateWrites(t *testing.T) {
	f := setup(t, Config{ResponseTimeout: 50 * time.Millisecond}, `
		router.get('/hang', (req, res) => { globalThis.late = () => res.send('late'); res.on('close', () => globalThis.closed = true) });
	`)
	r := f.get("/api/plugins/test/hang")
	jstest.Expect(t, "timeout status", r.status, 504)
	jstest.Expect(t, "timeout json", r.header.Get("Content-Type"), "application/json; charset=utf-8")
	if !strings.HasPrefix(r.body, `{"error":`) {
		t.Errorf("timeout body %q", r.body)
	}
	waitFor(t, f, `globalThis.closed === true`)
	f.eval(`late(); 'ok'`)
}

func TestClientGoneEmitsClose(t *testing.T) {
	f := setup(t, Config{}, `
		router.get('/wait', (req, res) => {
			globalThis.started = true;
			req.on('close', () => { globalThis.reqClosed = true });
			res.on('close', () => { globalThis.resClosed = res.writableFinished === false });
		});
	`)
	ctx, cancel := context.WithCancel(context.Background())
	req := httptest.NewRequest("GET", "/api/plugins/test/wait", nil).WithContext(ctx)
	done := make(chan struct{})
	go func() {
		f.h.ServeHTTP(httptest.NewRecorder(), req)
		close(done)
	}()
	waitFor(t, f, `globalThis.started === true`)
	cancel()
	<-done
	waitFor(t, f, `globalThis.reqClosed === true && globalThis.resClosed === true`)
}

func TestFinishEventAndLocals(t *testing.T) {
	f := setup(t, Config{}, `
		router.get('/l', (req, res) => {
			res.on('finish', () => { globalThis.finished = res.writableFinished });
			res.json({proto: Object.getPrototypeOf(res.locals) === null, sent: res.headersSent});
		});
	`)
	jstest.Expect(t, "locals", f.get("/api/plugins/test/l").body, `{"proto":true,"sent":false}`)
	waitFor(t, f, `globalThis.finished === true`)
}
