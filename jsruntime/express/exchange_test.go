package express

import (
	"io"
	"net"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// TestAbortDiscardsCorkedWrites checks Node's corking as the exchange reproduces it: res.write corks
// the socket until the tick (the loop job) ends, so a handler that writes and then throws, with more
// routes after it (Express then reaches finalhandler in the same tick), destroys the socket before
// anything is sent; end() uncorks, flushHeaders is not corked, and writes of an earlier job (a later
// error, or a throw in the last route, which Express finishes with setImmediate) go out before the
// connection is cut.
func TestAbortDiscardsCorkedWrites(t *testing.T) {
	f := setup(t, Config{}, `
		router.get('/same', (req, res) => { res.write('partial'); throw new Error('after write') });
		router.get('/end-then-throw', (req, res) => { res.end('whole'); throw new Error('after end') });
		router.get('/flush-write', (req, res) => { res.flushHeaders(); res.write('x'); throw new Error('after flush') });
		router.get('/later', (req, res, next) => { res.write('partial'); globalThis.fail = () => next(new Error('later')) });
		router.get('/await-then-throw', async (req, res) => { res.write('partial'); await null; throw new Error('after await') });
		router.get('/last', (req, res) => { res.write('partial'); throw new Error('after write') });
	`)
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	// raw returns the status line and what follows the head; it also runs off the test goroutine.
	raw := func(path string) string {
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			return err.Error()
		}
		defer conn.Close()
		_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
		_, _ = io.WriteString(conn, "GET /api/plugins/test"+path+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
		b, _ := io.ReadAll(conn)
		s := string(b)
		if i := strings.Index(s, "\r\n\r\n"); i >= 0 {
			s = s[:strings.Index(s, "\r\n")] + " | " + s[i+4:]
		}
		return s
	}
	jstest.Expect(t, "write then throw", raw("/same"), "")
	jstest.Expect(t, "end then throw", raw("/end-then-throw"), "HTTP/1.1 200 OK | whole")
	jstest.Expect(t, "flushHeaders, write, throw", raw("/flush-write"), "HTTP/1.1 200 OK | ")
	later := make(chan string)
	go func() { later <- raw("/later") }()
	waitFor(t, f, `typeof fail === 'function'`)
	f.eval(`fail()`)
	jstest.Expect(t, "error in a later job", <-later, "HTTP/1.1 200 OK | 7\r\npartial\r\n")
	jstest.Expect(t, "throw in the last route", raw("/last"), "HTTP/1.1 200 OK | 7\r\npartial\r\n")
	// Documented difference: goja runs the promise jobs inside the same loop job, so the write is
	// still corked when the rejection reaches finalhandler (Node would have sent it first).
	jstest.Expect(t, "write, await, throw", raw("/await-then-throw"), "")
}
