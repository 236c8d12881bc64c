package express

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

func TestWriteBackpressureAndDrain(t *testing.T) {
	f := setup(t, Config{}, `
		router.get('/w', (req, res) => {
			const out = {writable: res.writable, hwm: res.writableHighWaterMark, corked: res.writableCorked};
			res.cork(); out.corked1 = res.writableCorked; res.uncork();
			out.small = res.write('a'.repeat(10));
			out.big = res.write('b'.repeat(20000));
			out.needDrain = res.writableNeedDrain;
			out.sent = res.headersSent;
			out.statusMessage = res.statusMessage;
			res.once('drain', () => {
				out.drained = true;
				out.needDrainAfter = res.writableNeedDrain;
				out.lengthAfter = res.writableLength;
				res.end();
				out.ended = res.writableEnded;
				out.writableAfterEnd = res.writable;
				globalThis.out = JSON.stringify(out);
			});
		});
		router.get('/pipe', (req, res) => {
			// The Writable side of Readable.prototype.pipe: write until false, resume on 'drain', then end.
			const chunk = 'x'.repeat(64 * 1024);
			let left = 16;
			globalThis.waits = 0;
			res.on('pipe', () => {});
			const pump = () => {
				while (left > 0) {
					left--;
					if (!res.write(chunk)) { globalThis.waits++; res.once('drain', pump); return }
				}
				res.end();
			};
			pump();
		});
		router.get('/enc', (req, res) => { res.write('aGVsbG8=', 'base64'); res.write(' ', 'nope'); res.end('21', 'hex') });
		router.get('/reason', (req, res) => { res.writeHead(201, 'Made', {'X-A': '1'}); res.end(res.statusMessage) });
		router.get('/default-reason', (req, res) => { res.write('x'); res.end(' ' + res.statusMessage) });
	`)
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	get := func(path string) (*http.Response, string) {
		t.Helper()
		resp, err := http.Get(srv.URL + "/api/plugins/test" + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	_, body := get("/w")
	jstest.Expect(t, "body length", len(body), 20010)
	waitFor(t, f, `typeof globalThis.out === 'string'`)
	jstest.Expect(t, "state", f.eval(`globalThis.out`), `{"writable":true,"hwm":16384,"corked":0,"corked1":1,"small":true,"big":false,"needDrain":true,"sent":true,"statusMessage":"OK","drained":true,"needDrainAfter":false,"lengthAfter":0,"ended":true,"writableAfterEnd":true}`)

	_, body = get("/pipe")
	jstest.Expect(t, "piped bytes", len(body), 16*64*1024)
	jstest.Expect(t, "waited for drain on every chunk", f.eval(`globalThis.waits`), "16")

	_, body = get("/enc")
	jstest.Expect(t, "encodings", body, "hello !")
	resp, body := get("/reason")
	jstest.Expect(t, "statusMessage from writeHead", body, "Made")
	jstest.Expect(t, "writeHead headers", resp.Header.Get("X-A"), "1")
	// Documented difference: net/http writes the standard reason phrase, not the plugin's.
	jstest.Expect(t, "status line", resp.Status, "201 Created")
	_, body = get("/default-reason")
	jstest.Expect(t, "default statusMessage", strings.TrimSpace(body), "x OK")
}

// TestDestroy checks res.destroy(): destroyed at once (writable stays true, as in Node), the
// connection reset with the corked write never sent, and 'close' emitted.
func TestDestroy(t *testing.T) {
	f := setup(t, Config{}, `
		globalThis.log = [];
		router.get('/d', (req, res) => {
			res.write('x');
			log.push('before ' + res.destroyed + ' ' + res.writable);
			res.destroy();
			log.push('after ' + res.destroyed + ' ' + res.writable);
			res.on('close', () => log.push('close'));
		});
	`)
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	_, _ = io.WriteString(conn, "GET /api/plugins/test/d HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	got, _ := io.ReadAll(conn)
	jstest.Expect(t, "sent", string(got), "")
	waitFor(t, f, `log.includes('close')`)
	jstest.Expect(t, "events", f.eval(`JSON.stringify(log)`), `["before false true","after true true","close"]`)
}
