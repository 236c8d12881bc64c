package web_test

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/clocktest"
	"github.com/pluginhost/pluginhost/internal/jstest"
)

// echoServer answers /json with a chat-completion-like body, /status/N with status N, and /echo with
// the request it received.
func echoServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Add("Set-Cookie", "a=1")
		w.Header().Add("Set-Cookie", "b=2")
		_, _ = io.WriteString(w, `{"choices":[{"message":{"content":"hi there"}}]}`)
	})
	mux.HandleFunc("/status/502", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
		_, _ = io.WriteString(w, "upstream broke")
	})
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		_ = json.NewEncoder(w).Encode(map[string]string{
			"method":        r.Method,
			"authorization": r.Header.Get("Authorization"),
			"contentType":   r.Header.Get("Content-Type"),
			"custom":        r.Header.Get("X-Custom"),
			"body":          string(body),
		})
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/json", http.StatusFound)
	})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		// The server notices the client going away only once the body has been read.
		_, _ = io.Copy(io.Discard, r.Body)
		<-r.Context().Done()
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetchJSON(t *testing.T) {
	srv := echoServer(t)
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `(async () => {
		const res = await fetch('`+srv.URL+`/json');
		const data = await res.json();
		return [res.ok, res.status, res.statusText, res.headers.get('content-type'), res.headers.getSetCookie().join('|'),
			res.url === '`+srv.URL+`/json', res.redirected, res.bodyUsed, data.choices[0].message.content].join();
	})()`)
	if want := "true,200,OK,application/json,a=1|b=2,true,false,true,hi there"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestFetchNon2xx(t *testing.T) {
	srv := echoServer(t)
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `(async () => {
		const res = await fetch('`+srv.URL+`/status/502');
		const body = await res.text();
		let again;
		try { await res.text(); } catch (e) { again = e.name; }
		return [res.ok, res.status, res.statusText, body.slice(0, 200), again].join();
	})()`)
	if want := "false,502,Bad Gateway,upstream broke,TypeError"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestFetchSendsHeadersAndBody(t *testing.T) {
	srv := echoServer(t)
	rt := newRuntime(t, clocktest.New())
	cases := []struct{ init, want string }{
		{`{ method: 'POST', headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer sk-1' }, body: JSON.stringify({ model: 'm' }) }`,
			`{"authorization":"Bearer sk-1","body":"{\"model\":\"m\"}","contentType":"application/json","custom":"","method":"POST"}`},
		{`{ method: 'put', body: 'plain' }`,
			`{"authorization":"","body":"plain","contentType":"text/plain;charset=UTF-8","custom":"","method":"PUT"}`},
		{`{ method: 'POST', headers: new Headers([['x-custom', 'v']]), body: new Uint8Array([104, 105]) }`,
			`{"authorization":"","body":"hi","contentType":"","custom":"v","method":"POST"}`},
		{`{ method: 'POST', body: Buffer.from('buf') }`,
			`{"authorization":"","body":"buf","contentType":"","custom":"","method":"POST"}`},
		{`{ method: 'POST', body: new TextEncoder().encode('ab').buffer }`,
			`{"authorization":"","body":"ab","contentType":"","custom":"","method":"POST"}`},
		{`{ method: 'POST', body: null }`,
			`{"authorization":"","body":"","contentType":"","custom":"","method":"POST"}`},
	}
	for _, c := range cases {
		got := jstest.Await(t, rt, `fetch('`+srv.URL+`/echo', `+c.init+`).then((r) => r.text())`)
		if strings.TrimSpace(got) != c.want {
			t.Errorf("fetch(%s)\n got %s\nwant %s", c.init, got, c.want)
		}
	}
}

func TestFetchFollowsRedirects(t *testing.T) {
	srv := echoServer(t)
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `Promise.all([
		fetch('`+srv.URL+`/redirect').then((r) => [r.status, r.redirected, r.url.endsWith('/json')].join('/')),
		fetch('`+srv.URL+`/redirect', { redirect: 'manual' }).then((r) => [r.status, r.headers.get('location')].join('/')),
	]).then((r) => r.join())`)
	if want := "200/true/true,302//json"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestFetchAbortController(t *testing.T) {
	srv := echoServer(t)
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `(async () => {
		const c = new AbortController();
		const p = fetch('`+srv.URL+`/hang', { signal: c.signal });
		setImmediate(() => c.abort());
		try { await p; return 'resolved'; } catch (e) { return [e.name, e instanceof DOMException, e.code, e.message].join(); }
	})()`)
	if want := "AbortError,true,20,This operation was aborted"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	got = jstest.Await(t, rt, `(async () => {
		const c = new AbortController();
		c.abort(new Error('mine'));
		try { await fetch('`+srv.URL+`/json', { signal: c.signal }); return 'resolved'; } catch (e) { return e.message; }
	})()`)
	if got != "mine" {
		t.Errorf("pre-aborted signal: got %s", got)
	}
}

// TestFetchAbortSignalTimeout runs the llm-proxy pattern: the timeout fires from the manual clock.
func TestFetchAbortSignalTimeout(t *testing.T) {
	srv := echoServer(t)
	clock := clocktest.New()
	rt := newRuntime(t, clock)
	jstest.Eval(t, rt, `globalThis.pending = (async () => {
		try {
			await fetch('`+srv.URL+`/hang', { method: 'POST', body: '{}', signal: AbortSignal.timeout(120_000) });
			return 'resolved';
		} catch (err) {
			return [err.name, err.name === 'AbortError' || err.name === 'TimeoutError', err.code].join();
		}
	})()`)
	clock.Advance(119 * time.Second)
	if got := jstest.Eval(t, rt, `typeof pending`); got != "object" {
		t.Fatal(got)
	}
	clock.Advance(time.Second)
	if got := jstest.Await(t, rt, `pending`); got != "TimeoutError,true,23" {
		t.Errorf("got %s", got)
	}
}

func TestFetchConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `fetch('http://`+addr+`/').then(() => 'resolved', (e) => [e instanceof TypeError, e.message, e.cause.code, e.cause.errno, e.cause.syscall, e.cause.message].join())`)
	if want := "true,fetch failed,ECONNREFUSED,-111,connect,connect ECONNREFUSED " + addr; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestFetchInvalidURL(t *testing.T) {
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `fetch('/relative').then(() => 'resolved', (e) => e.name + ': ' + e.message)`)
	if got != "TypeError: Failed to parse URL from /relative" {
		t.Errorf("got %s", got)
	}
}

func TestResponseConstructor(t *testing.T) {
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `(async () => {
		const r = Response.json({ a: 1 }, { status: 201 });
		const r2 = new Response('text', { headers: { 'X-A': 'b' } });
		const ab = await new Response(new Uint8Array([1, 2])).arrayBuffer();
		return [r.status, r.headers.get('content-type'), await r.text(), r2.headers.get('x-a'), await r2.clone().text(), ab.byteLength].join();
	})()`)
	if want := `201,application/json,{"a":1},b,text,2`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
