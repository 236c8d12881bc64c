package express

import (
	"fmt"
	"io"
	"net/http/httptest"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// on-finished's isFinished(req), which bundled body-parsers, raw-body users and finalhandler call,
// in the form those packages carry it.
const isFinished = `
	function isFinished(msg) {
		const socket = msg.socket;
		if (typeof msg.writableEnded === 'boolean') return Boolean(msg.writableEnded || (socket && !socket.writable));
		if (typeof msg.complete === 'boolean') return Boolean(msg.upgrade || !socket || !socket.readable || (msg.complete && !msg.readable));
		return undefined;
	}
`

func TestSocketOfAnOpenExchange(t *testing.T) {
	f := setup(t, Config{}, isFinished+`
		router.post('/sock', (req, res) => {
			const s = req.socket;
			res.json({
				same: s === req.connection && s === req.socket,
				emitter: typeof s.on === 'function' && typeof s.once === 'function' && typeof s.removeListener === 'function',
				readable: s.readable, writable: s.writable, destroyed: s.destroyed,
				reqFinished: isFinished(req), resFinished: isFinished(res),
				resSocket: res.socket === s && res.connection === s,
			});
		});
	`)
	want := `{"same":true,"emitter":true,"readable":true,"writable":true,"destroyed":false,"reqFinished":%s,"resFinished":false,"resSocket":true}`
	// The host's JSON parser read the body: the request is finished. A text body is still unread.
	jstest.Expect(t, "JSON body", f.do("POST", "/api/plugins/test/sock", `{"a":1}`, "Content-Type", "application/json").body,
		fmt.Sprintf(want, "true"))
	jstest.Expect(t, "text body", f.do("POST", "/api/plugins/test/sock", "abc", "Content-Type", "text/plain").body,
		fmt.Sprintf(want, "false"))
}

func TestSocketClosesWhenTheClientGoes(t *testing.T) {
	f := setup(t, Config{}, isFinished+`
		globalThis.events = [];
		router.post('/abort', (req, res) => {
			res.socket.on('close', (hadError) => events.push('socket close ' + hadError + ' readable=' + req.socket.readable +
				' destroyed=' + req.socket.destroyed + ' finished=' + isFinished(req) + '/' + isFinished(res)));
			req.on('data', () => {});
		});
		router.get('/destroy', (req, res) => {
			req.socket.on('close', () => events.push('destroyed socket close writable=' + req.socket.writable));
			res.write('partial');
			req.socket.destroy();
		});
	`)
	f.post("/api/plugins/test/abort", "text/plain", &failingBody{}, 10)
	waitFor(t, f, `events.length === 1`)
	jstest.Expect(t, "client gone", f.eval(`events[0]`), "socket close false readable=false destroyed=true finished=true/true")
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	if resp, err := srv.Client().Get(srv.URL + "/api/plugins/test/destroy"); err == nil {
		_, _ = io.Copy(io.Discard, resp.Body) // the reset shows up here or in Get
		resp.Body.Close()
	}
	waitFor(t, f, `events.length === 2`)
	jstest.Expect(t, "socket.destroy()", f.eval(`events[1]`), "destroyed socket close writable=false")
}

func TestSocketStaysOpenAfterACompletedResponse(t *testing.T) {
	f := setup(t, Config{}, `
		globalThis.after = [];
		router.get('/done', (req, res) => {
			req.socket.on('close', () => after.push('close'));
			res.on('finish', () => Promise.resolve().then(() => after.push('readable=' + req.socket.readable + ' res.socket=' + res.socket)));
			res.send('ok');
		});
	`)
	f.get("/api/plugins/test/done")
	waitFor(t, f, `after.length > 0`)
	// Node detaches the socket from res on 'finish'.
	jstest.Expect(t, "keep-alive socket", f.eval(`after.join()`), "readable=true res.socket=null")
}
