package http_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// The server side exists, so bundles that name it load, and fails with pluginhost's code when used.
func TestServerSideIsNotSupported(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.Await(t, rt, `
		const http = require('http'), https = require('https');
		const out = [];
		for (const [name, f] of [
			['http.createServer', () => http.createServer()],
			['new http.Server', () => new http.Server()],
			['http.ServerResponse', () => new http.ServerResponse({})],
			['https.createServer', () => https.createServer({})],
			['Agent.createConnection', () => new http.Agent().createConnection({})],
			['https.Agent.createConnection', () => new https.Agent().createConnection({})],
			['createConnection option', () => http.request({ createConnection() {} })],
		]) {
			try { f(); out.push(name + ': no throw'); } catch (e) { out.push(name + ': ' + e.code + ' ' + e.message); }
		}
		out.join('\n')`)
	want := strings.Join([]string{
		"http.createServer: ERR_NOT_SUPPORTED_IN_PLUGINHOST http.createServer is not supported in pluginhost",
		"new http.Server: ERR_NOT_SUPPORTED_IN_PLUGINHOST http.Server is not supported in pluginhost",
		"http.ServerResponse: ERR_NOT_SUPPORTED_IN_PLUGINHOST http.ServerResponse is not supported in pluginhost",
		"https.createServer: ERR_NOT_SUPPORTED_IN_PLUGINHOST https.createServer is not supported in pluginhost",
		"Agent.createConnection: ERR_NOT_SUPPORTED_IN_PLUGINHOST net.createConnection is not supported in pluginhost",
		"https.Agent.createConnection: ERR_NOT_SUPPORTED_IN_PLUGINHOST tls.connect is not supported in pluginhost",
		"createConnection option: ERR_NOT_SUPPORTED_IN_PLUGINHOST http.request with options.createConnection is not supported in pluginhost",
	}, "\n")
	if d := jstest.DiffLines(got, want); d != "" {
		t.Errorf("(- got, + want):\n%s", d)
	}
}

// An agent that builds its own sockets (as proxy agents do) cannot hand them to a request.
func TestForeignSocketIsNotSupported(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.Await(t, rt, `
		const http = require('http'), EventEmitter = require('events');
		const agent = { addRequest(req) { req.onSocket(new EventEmitter()); } };
		new Promise((resolve) => {
			const req = http.request({ host: '127.0.0.1', port: 9, agent });
			req.on('error', (e) => resolve(e.code + ' ' + e.message));
			req.end();
		})`)
	if got != "ERR_NOT_SUPPORTED_IN_PLUGINHOST http.request over a socket made by a custom agent is not supported in pluginhost" {
		t.Fatalf("got %q", got)
	}
}

// net/http parses the response: rawHeaders list the names sorted and in canonical case, each name's
// values in the order the server sent them (Node keeps the server's order and case).
func TestRawHeadersAreCanonical(t *testing.T) {
	srv := newTestServer(t)
	rt := newRuntime(t)
	got := jstest.Await(t, rt, `new Promise((resolve) => require('http').get('`+srv.plain.URL+`/raw/headers', (res) => {
		res.resume();
		resolve(JSON.stringify(res.rawHeaders));
	}))`)
	want := `["Connection","close","Content-Length","2","Content-Type","text/plain","Content-Type","text/html",` +
		`"Cookie","c=1","Cookie","d=2","Location","/first","Location","/second","Set-Cookie","a=1","Set-Cookie","b=2",` +
		`"X-Dup","one","X-Dup","two"]`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

// Closing the runtime ends its requests in flight: the server sees the client go away.
func TestRuntimeCloseCancelsRequests(t *testing.T) {
	arrived := make(chan struct{})
	gone := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(arrived)
		<-r.Context().Done()
		close(gone)
	}))
	defer srv.Close()
	rt := newRuntime(t)
	jstest.Await(t, rt, `require('http').get('`+srv.URL+`').on('error', () => {}); 0`)
	<-arrived
	if err := rt.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	select {
	case <-gone:
	case <-time.After(10 * time.Second):
		t.Fatal("the request outlived its runtime")
	}
}

// A response nobody reads is not read into memory: the server stays blocked on its writes.
func TestResponseBackpressure(t *testing.T) {
	const total = 256 << 20
	var written atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		chunk := []byte(strings.Repeat("x", 64<<10))
		for written.Load() < total {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	rt := newRuntime(t)
	got := jstest.Await(t, rt, `new Promise((resolve) => require('http').get('`+srv.URL+`', (res) => {
		res.once('data', (d) => { res.pause(); resolve('paused after ' + (d.length > 0)); });
	}))`)
	if got != "paused after true" {
		t.Fatal(got)
	}
	// Wait until the server's writes stop advancing: socket buffers are full and nothing reads.
	last := int64(-1)
	for stable := 0; stable < 3; {
		time.Sleep(100 * time.Millisecond)
		n := written.Load()
		if n == last {
			stable++
		} else {
			stable = 0
		}
		last = n
	}
	if last >= 64<<20 {
		t.Fatalf("the client read %d bytes it was not asked for", last)
	}
	if err := rt.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// The request body reaches the server as it is written: the server answers the first chunk while
// the request is still open.
func TestRequestBodyStreams(t *testing.T) {
	firstChunk := make(chan string, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		buf := make([]byte, 16)
		n, _ := r.Body.Read(buf)
		firstChunk <- string(buf[:n])
		_, _ = io.Copy(io.Discard, r.Body)
		_, _ = io.WriteString(w, "done")
	}))
	defer srv.Close()
	rt := newRuntime(t)
	jstest.Await(t, rt, `globalThis.req = require('http').request('`+srv.URL+`', { method: 'POST' });
		req.write('first'); 0`)
	if got := <-firstChunk; got != "first" {
		t.Fatalf("server read %q", got)
	}
	got := jstest.Await(t, rt, `new Promise((resolve) => {
		req.on('response', (res) => { let s = ''; res.on('data', (d) => { s += d; }); res.on('end', () => resolve(s)); });
		req.end('second');
	})`)
	if got != "done" {
		t.Fatal(got)
	}
}

// https requests run through a script named node:https, as in Node: agent-base tells TLS requests
// apart by looking for that name on the call stack.
func TestHTTPSCallStackNamesNodeHTTPS(t *testing.T) {
	rt := newRuntime(t)
	got := jstest.Await(t, rt, `
		const https = require('https');
		class StackAgent extends https.Agent {
			get protocol() { return new Error().stack.includes('node:https:') ? 'https:' : 'http:'; }
			set protocol(v) {}
		}
		const req = https.request({ host: '127.0.0.1', port: 1, agent: new StackAgent() });
		req.on('error', () => {});
		req.destroy();
		req.protocol`)
	if got != "https:" {
		t.Fatalf("the agent saw protocol %q", got)
	}
}

// idleServer counts the connections a server has open, to see keep-alive connections released.
func idleServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	var open atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "ok")
	}))
	srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		switch state {
		case http.StateNew:
			open.Add(1)
		case http.StateClosed, http.StateHijacked:
			open.Add(-1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &open
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting for " + what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// A keep-alive agent's idle connections close with the runtime and with agent.destroy().
func TestIdleConnectionsAreReleased(t *testing.T) {
	get := func(url, agent string) string {
		return `new Promise((resolve) => require('http').get('` + url + `', { agent: ` + agent + ` }, (res) => {
			res.resume(); res.on('end', () => resolve('done'));
		}))`
	}

	srv, open := idleServer(t)
	rt := newRuntime(t)
	jstest.Await(t, rt, get(srv.URL, "require('http').globalAgent"))
	if open.Load() != 1 {
		t.Fatalf("%d connections open after the request", open.Load())
	}
	if err := rt.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the runtime's idle connection to close", func() bool { return open.Load() == 0 })

	rt = newRuntime(t)
	jstest.Await(t, rt, `globalThis.agent = new (require('http').Agent)({ keepAlive: true }); 0`)
	jstest.Await(t, rt, get(srv.URL, "agent"))
	waitFor(t, "a connection", func() bool { return open.Load() == 1 })
	jstest.Await(t, rt, `agent.destroy(); 0`)
	waitFor(t, "destroy() to close the idle connection", func() bool { return open.Load() == 0 })

	// The agent stays usable after destroy().
	jstest.Await(t, rt, get(srv.URL, "agent"))
	waitFor(t, "a new connection", func() bool { return open.Load() == 1 })
}
