package express

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// post serves a request whose body comes from body (declared with length n) and returns the recorder.
func (f *fixture) post(target, contentType string, body io.Reader, n int) *httptest.ResponseRecorder {
	f.t.Helper()
	req := httptest.NewRequest("POST", target, body)
	req.ContentLength = int64(n)
	req.Header.Set("Content-Length", strconv.Itoa(n))
	req.Header.Set("Content-Type", contentType)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req.WithContext(ctx))
	return rec
}

// trackReq is a JS helper recording req and res events into log, as the Node reference script does.
const trackReq = `
	function track(req, res, log) {
		for (const ev of ['data', 'end', 'close', 'aborted', 'error']) req.on(ev, (x) => log.push('req ' + ev + (
			ev === 'data' ? ' ' + (typeof x === 'string' ? 'str:' + x : (x.constructor.name === 'Buffer' ? 'buf:' : '?:') + String.fromCharCode(...x)) :
			ev === 'error' ? ' ' + x.code + ' ' + x.message : '')));
		for (const ev of ['finish', 'close']) res.on(ev, () => log.push('res ' + ev));
		return log;
	}
	const state = (req) => [req.readable, req.complete, req.readableEnded, req.readableFlowing].join();
	globalThis.logs = {};
`

func TestRawBodyStreams(t *testing.T) {
	f := setup(t, Config{}, trackReq+`
		router.post('/text', (req, res) => {
			const log = track(req, res, logs.text = []);
			log.push('state ' + state(req));
			req.on('end', () => { log.push('after end ' + state(req)); res.send('ok') });
		});
		router.post('/enc', (req, res) => {
			req.setEncoding('utf8');
			const parts = [];
			req.on('data', (s) => parts.push(s));
			req.on('end', () => res.json({parts: parts.join('|'), enc: req.readableEncoding}));
		});
		// What 'for await (const chunk of req)' does once the module loader's esbuild lowers it (goja
		// cannot parse for await): its helper finds the iterator under Symbol.for('Symbol.asyncIterator').
		router.post('/iter', async (req, res) => {
			const got = [];
			const it = req[Symbol.for('Symbol.asyncIterator')]();
			for (let r = await it.next(); !r.done; r = await it.next()) got.push(r.value.constructor.name + ':' + String.fromCharCode(...r.value));
			res.json({got, ended: req.readableEnded});
		});
		router.post('/pipe', (req, res) => { res.type('text'); req.pipe(res) });
		router.post('/pause', (req, res) => {
			const log = track(req, res, logs.pause = []);
			req.pause();
			log.push('paused ' + req.isPaused() + ' ' + req.readableFlowing);
			Promise.resolve().then(() => { log.push('resume'); req.resume() });
			req.on('end', () => res.json(log));
		});
		router.post('/read', (req, res) => {
			let text = '';
			req.on('readable', () => { let c; while ((c = req.read()) !== null) text += String.fromCharCode(...c) });
			req.on('end', () => res.send(text));
		});
		router.post('/big', (req, res) => {
			let total = 0, count = 0, max = 0;
			req.on('data', (c) => { total += c.length; count++; max = Math.max(max, c.length) });
			req.on('end', () => res.json({total, many: count > 1, max}));
		});
	`)
	r := f.post("/api/plugins/test/text", "text/plain", iotest.OneByteReader(strings.NewReader("hi!")), 3)
	jstest.Expect(t, "text status", r.Code, 200)
	waitFor(t, f, `logs.text.includes('req close') && logs.text.includes('res close')`)
	// Whether req 'close' comes before or after res 'finish' depends on when the HTTP goroutine
	// reports the finish; Node's order varies the same way with timing.
	jstest.Expect(t, "text events", f.eval(`JSON.stringify(logs.text.slice(0, 6)) + ' ' + logs.text.slice(6).sort().join()`),
		`["state true,false,false,true","req data buf:h","req data buf:i","req data buf:!","req end","after end false,true,true,true"] req close,res close,res finish`)

	r = f.post("/api/plugins/test/enc", "text/plain", iotest.OneByteReader(strings.NewReader("é€A")), len("é€A"))
	jstest.Expect(t, "utf8 decoding across chunks", r.Body.String(), `{"parts":"é|€|A","enc":"utf8"}`)

	r = f.post("/api/plugins/test/iter", "application/octet-stream", iotest.OneByteReader(strings.NewReader("ab")), 2)
	jstest.Expect(t, "for await", r.Body.String(), `{"got":["Buffer:a","Buffer:b"],"ended":true}`)

	r = f.post("/api/plugins/test/pipe", "text/plain", strings.NewReader("echo me"), 7)
	jstest.Expect(t, "pipe to res", r.Body.String(), "echo me")
	jstest.Expect(t, "pipe type", r.Header().Get("Content-Type"), "text/plain; charset=utf-8")

	r = f.post("/api/plugins/test/pause", "text/plain", strings.NewReader("p"), 1)
	jstest.Expect(t, "pause/resume", r.Body.String(), `["paused true false","resume","req data buf:p","req end"]`)

	r = f.post("/api/plugins/test/read", "text/plain", iotest.OneByteReader(strings.NewReader("paused mode")), 11)
	jstest.Expect(t, "readable/read", r.Body.String(), "paused mode")

	big := strings.Repeat("x", 1<<20)
	r = f.post("/api/plugins/test/big", "application/octet-stream", strings.NewReader(big), len(big))
	jstest.Expect(t, "bounded chunks", r.Body.String(), `{"total":1048576,"many":true,"max":16384}`)
}

func TestConsumedBodyIsAnEndedStream(t *testing.T) {
	f := setup(t, Config{}, trackReq+`
		router.post('/json', (req, res) => {
			const log = track(req, res, logs.json = []);
			log.push('state ' + state(req) + ',' + req.destroyed);
			req.on('close', () => res.json(log));
		});
		router.post('/early', (req, res, next) => { logs.early = []; req.on('end', () => logs.early.push('end before parser')); next() },
			express.text(), (req, res) => res.json({body: req.body, ended: req.readableEnded, early: logs.early}));
		router.post('/late', (req, res, next) => { req.on('data', () => {}); req.on('end', next) }, express.text(),
			(req, res) => res.send('parsed'), (err, req, res, next) => res.status(err.status).json({type: err.type, message: err.message}));
		router.post('/pipe', (req, res) => { res.type('text'); req.pipe(res) });
		router.post('/pipe-no-end', (req, res) => { req.pipe(res, {end: false}); res.on('unpipe', () => res.end('unpiped')) });
	`)
	r := f.do("POST", "/api/plugins/test/json", `{"a":1}`, "Content-Type", "application/json")
	jstest.Expect(t, "consumed json: close before the response, no data or end",
		r.body, `["state false,true,true,true,false","req close"]`)

	r = f.do("POST", "/api/plugins/test/early", "some text", "Content-Type", "text/plain")
	jstest.Expect(t, "plugin parser ends the stream", r.body, `{"body":"some text","ended":true,"early":["end before parser"]}`)

	r = f.do("POST", "/api/plugins/test/late", "read already", "Content-Type", "text/plain")
	jstest.Expect(t, "parser after the stream was read", r.body, `{"type":"stream.not.readable","message":"stream is not readable"}`)
	jstest.Expect(t, "parser after the stream was read: status", r.status, 500)

	// Piping an ended stream ends (or with end: false unpipes) the destination on the next tick.
	r = f.do("POST", "/api/plugins/test/pipe", `{"a":1}`, "Content-Type", "application/json")
	jstest.Expect(t, "pipe consumed body", r.body, "")
	jstest.Expect(t, "pipe consumed body: length", r.header.Get("Content-Length"), "0")
	r = f.do("POST", "/api/plugins/test/pipe-no-end", `{"a":1}`, "Content-Type", "application/json")
	jstest.Expect(t, "pipe consumed body without end", r.body, "unpiped")
}

func TestUnreadBodyAndGetEnd(t *testing.T) {
	f := setup(t, Config{}, trackReq+`
		const endOnly = (req, res, log) => {
			for (const ev of ['end', 'close']) req.on(ev, () => log.push('req ' + ev));
			for (const ev of ['finish', 'close']) res.on(ev, () => log.push('res ' + ev));
			return log;
		};
		router.post('/unread', (req, res) => { endOnly(req, res, logs.unread = []); res.send('ok') });
		router.post('/early', (req, res) => { track(req, res, logs.early = []); res.send('ok') });
		router.get('/get', (req, res) => {
			endOnly(req, res, logs.get = ['state ' + state(req)]);
			res.send('ok');
		});
		router.get('/getflow', (req, res) => {
			const log = track(req, res, logs.getflow = []);
			req.on('close', () => res.json(log));
		});
	`)
	f.post("/api/plugins/test/unread", "text/plain", strings.NewReader("abc"), 3)
	waitFor(t, f, `logs.unread.includes('req close')`)
	jstest.Expect(t, "unread body is discarded after the response", f.eval(`JSON.stringify(logs.unread)`),
		`["res finish","req end","res close","req close"]`)

	// A response sent while the body is still being read: the stream goes on to its end, as Node keeps
	// reading the socket.
	f.post("/api/plugins/test/early", "text/plain", iotest.OneByteReader(strings.NewReader("ab")), 2)
	waitFor(t, f, `logs.early.includes('req close')`)
	jstest.Expect(t, "stream read after an early response", f.eval(`logs.early.filter(e => e.startsWith('req')).join()`),
		"req data buf:a,req data buf:b,req end,req close")

	f.get("/api/plugins/test/get")
	waitFor(t, f, `logs.get.includes('req close')`)
	jstest.Expect(t, "GET events", f.eval(`JSON.stringify(logs.get)`),
		`["state true,true,false,","res finish","req end","res close","req close"]`)

	jstest.Expect(t, "GET read to its end at once", f.get("/api/plugins/test/getflow").body, `["req end","req close"]`)
}

// failingBody yields some bytes, then fails as a vanished client's connection does.
type failingBody struct{ sent bool }

func (b *failingBody) Read(p []byte) (int, error) {
	if !b.sent {
		b.sent = true
		return copy(p, "abc"), nil
	}
	return 0, errors.New("connection reset by peer")
}

func TestClientAbortMidBody(t *testing.T) {
	f := setup(t, Config{}, trackReq+`
		router.post('/abort', (req, res) => { track(req, res, logs.abort = []).push('handler') });
	`)
	f.post("/api/plugins/test/abort", "text/plain", &failingBody{}, 10)
	waitFor(t, f, `logs.abort.includes('req close')`)
	jstest.Expect(t, "abort events", f.eval(`JSON.stringify(logs.abort)`),
		`["handler","req data buf:abc","req aborted","res close","req error ECONNRESET aborted","req close"]`)
	jstest.Expect(t, "aborted flag", f.eval(`String(logs.abort.length)`), "6")
}

// TestClientAbortOverTCP drops a real connection mid-body: Go's server reports it only through the
// failed body read, which must still reach req as 'aborted' and 'close'.
func TestClientAbortOverTCP(t *testing.T) {
	f := setup(t, Config{}, trackReq+`
		router.post('/abort', (req, res) => { track(req, res, logs.tcp = []) });
	`)
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.WriteString(conn, "POST /api/plugins/test/abort HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\nabc")
	waitFor(t, f, `logs.tcp !== undefined && logs.tcp.includes('req data buf:abc')`)
	_ = conn.Close()
	waitFor(t, f, `logs.tcp.includes('req close')`)
	jstest.Expect(t, "abort events", f.eval(`JSON.stringify(logs.tcp)`),
		`["req data buf:abc","req aborted","res close","req error ECONNRESET aborted","req close"]`)
}
