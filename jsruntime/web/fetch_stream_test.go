package web_test

import (
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/clocktest"
	"github.com/pluginhost/pluginhost/internal/jstest"
)

// TestFetchStreamsResponseBody proves the body is handed over as it arrives: the server writes its
// second chunk only after the script has received the first.
func TestFetchStreamsResponseBody(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "first;")
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
			return
		}
		_, _ = io.WriteString(w, "second")
	}))
	t.Cleanup(srv.Close)
	rt := newRuntime(t, clocktest.New(), jstest.Set("releaseServer", func() { close(release) }))
	got := jstest.Await(t, rt, `(async () => {
		const res = await fetch('`+srv.URL+`');
		const reader = res.body.getReader();
		const decoder = new TextDecoder();
		const first = await reader.read();
		const parts = [decoder.decode(first.value), String(res.bodyUsed)];
		releaseServer();
		for (;;) {
			const { value, done } = await reader.read();
			if (done) break;
			parts.push(decoder.decode(value));
		}
		return parts.join('|');
	})()`)
	if got != "first;|true|second" {
		t.Errorf("got %q", got)
	}
}

// TestFetchBodyAsyncIteration reads a chunked body through the stream's async iterator, which is
// what a lowered for await calls.
func TestFetchBodyAsyncIteration(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, s := range []string{"a", "b", "c"} {
			_, _ = io.WriteString(w, s)
			w.(http.Flusher).Flush()
		}
	}))
	t.Cleanup(srv.Close)
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `(async () => {
		const res = await fetch('`+srv.URL+`');
		const it = res.body[Symbol.asyncIterator]();
		let text = '';
		for (let r = await it.next(); !r.done; r = await it.next()) text += new TextDecoder().decode(r.value);
		return [text, res.bodyUsed, res.body.locked].join();
	})()`)
	if got != "abc,true,false" {
		t.Errorf("got %q", got)
	}
}

// TestFetchMultipartRequestBody sends a FormData, which Go's multipart parser must read back.
func TestFetchMultipartRequestBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		out := map[string]string{"contentLength": r.Header.Get("Content-Length")}
		for k, vs := range r.MultipartForm.Value {
			out["value:"+k] = strings.Join(vs, ",")
		}
		for k, fhs := range r.MultipartForm.File {
			f, _ := fhs[0].Open()
			data, _ := io.ReadAll(f)
			out["file:"+k] = fhs[0].Filename + "|" + fhs[0].Header.Get("Content-Type") + "|" + string(data)
		}
		_ = json.NewEncoder(w).Encode(out)
	}))
	t.Cleanup(srv.Close)
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `(async () => {
		const fd = new FormData();
		fd.append('name', 'line1\nline2');
		fd.append('name', 'second');
		fd.append('upload', new Blob(['file body'], { type: 'text/x-test' }), 'notes.txt');
		fd.append('anon', new Blob([new Uint8Array([1, 2])]));
		const res = await fetch('`+srv.URL+`', { method: 'POST', body: fd });
		return res.text();
	})()`)
	var m map[string]string
	if err := json.Unmarshal([]byte(got), &m); err != nil {
		t.Fatalf("%v: %s", err, got)
	}
	want := map[string]string{
		"value:name":  "line1\r\nline2,second",
		"file:upload": "notes.txt|text/x-test|file body",
		"file:anon":   "blob|application/octet-stream|\x01\x02",
	}
	for k, v := range want {
		if m[k] != v {
			t.Errorf("%s = %q, want %q", k, m[k], v)
		}
	}
	if m["contentLength"] == "" {
		t.Error("a FormData body has a known length, but no Content-Length was sent")
	}
}

// TestFetchStreamingRequestBody sends a ReadableStream and an async iterable, chunked.
func TestFetchStreamingRequestBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		_, _ = io.WriteString(w, strings.Join(r.TransferEncoding, ",")+":"+string(body))
	}))
	t.Cleanup(srv.Close)
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `(async () => {
		const stream = new ReadableStream({
			start(c) { c.enqueue(new TextEncoder().encode('str')); },
			pull(c) { c.enqueue(new TextEncoder().encode('eam')); c.close(); },
		});
		const a = await fetch('`+srv.URL+`', { method: 'POST', body: stream, duplex: 'half' });
		const iterable = { i: 0, [Symbol.asyncIterator]() { return this; },
			next() { return Promise.resolve(this.i < 2 ? { value: ['it', new Uint8Array([101, 114])][this.i++], done: false } : { done: true }); } };
		const b = await fetch('`+srv.URL+`', { method: 'POST', body: iterable, duplex: 'half' });
		let noDuplex;
		try { await fetch('`+srv.URL+`', { method: 'POST', body: new ReadableStream() }); } catch (e) { noDuplex = e.message; }
		return [await a.text(), await b.text(), stream.locked, noDuplex].join('|');
	})()`)
	if want := "chunked:stream|chunked:iter|true|RequestInit: duplex option is required when sending a body."; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestFetchRequestBodyErrorFailsFetch: a request body stream that errors aborts the request.
func TestFetchRequestBodyErrorFailsFetch(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body)
	}))
	t.Cleanup(srv.Close)
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `(async () => {
		const stream = new ReadableStream({ start(c) { c.enqueue(new Uint8Array([1])); }, pull(c) { c.error(new Error('source broke')); } });
		try { await fetch('`+srv.URL+`', { method: 'POST', body: stream, duplex: 'half' }); return 'resolved'; }
		catch (e) { return [e.name, e.message].join(); }
	})()`)
	if got != "TypeError,fetch failed" {
		t.Errorf("got %q", got)
	}
}

// TestFetchAbortMidBody aborts after the headers: the pending read rejects with the signal's reason
// and the server sees the connection go.
func TestFetchAbortMidBody(t *testing.T) {
	gone := make(chan struct{}, 2)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "partial")
		w.(http.Flusher).Flush()
		<-r.Context().Done()
		gone <- struct{}{}
	}))
	t.Cleanup(srv.Close)
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `(async () => {
		const c = new AbortController();
		const res = await fetch('`+srv.URL+`', { signal: c.signal });
		const reader = res.body.getReader();
		const first = await reader.read();
		const pending = reader.read();
		c.abort();
		let second;
		try { await pending; second = 'resolved'; } catch (e) { second = [e.name, e instanceof DOMException].join(); }
		let text;
		try { await res.text(); } catch (e) { text = e.message; }
		return [new TextDecoder().decode(first.value), second, text].join('|');
	})()`)
	if want := "partial|AbortError,true|Body is unusable: Body has already been read"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	<-gone
	got = jstest.Await(t, rt, `(async () => {
		const c = new AbortController();
		const res = await fetch('`+srv.URL+`', { signal: c.signal });
		c.abort(new Error('mine'));
		try { await res.text(); return 'resolved'; } catch (e) { return e.message; }
	})()`)
	if got != "mine" {
		t.Errorf("abort before reading: got %q", got)
	}
}

// TestFetchTerminatedBody: the server dying mid-body fails the read with undici's "terminated".
func TestFetchTerminatedBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "100")
		_, _ = io.WriteString(w, "only this")
		w.(http.Flusher).Flush()
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = conn.Close()
		}
	}))
	t.Cleanup(srv.Close)
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `fetch('`+srv.URL+`').then((r) => r.text()).then(() => 'resolved', (e) => [e.name, e.message, e.cause.code, e.cause.name, e.cause.message].join())`)
	if got != "TypeError,terminated,UND_ERR_SOCKET,SocketError,other side closed" {
		t.Errorf("got %q", got)
	}
}

// TestFetchRuntimeCloseStopsBody: closing the runtime drops an in-flight body read.
func TestFetchRuntimeCloseStopsBody(t *testing.T) {
	gone := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "x")
		w.(http.Flusher).Flush()
		<-r.Context().Done()
		close(gone)
	}))
	t.Cleanup(srv.Close)
	rt := newRuntime(t, clocktest.New())
	jstest.Await(t, rt, `fetch('`+srv.URL+`').then((r) => { globalThis.reader = r.body.getReader(); return reader.read(); }).then(() => { reader.read(); })`)
	if err := rt.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	<-gone
}

func TestFetchCloneAndBodyUsed(t *testing.T) {
	srv := echoServer(t)
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `(async () => {
		const res = await fetch('`+srv.URL+`/json');
		const copy = res.clone();
		const a = await res.json();
		const b = await copy.text();
		let again;
		try { await res.arrayBuffer(); } catch (e) { again = e.message; }
		let headers;
		try { res.headers.set('x', 'y'); } catch (e) { headers = e.message; }
		return [a.choices[0].message.content, b.length, res.bodyUsed, copy.bodyUsed, again, headers, res.type].join('|');
	})()`)
	if want := "hi there|48|true|true|Body is unusable: Body has already been read|immutable|basic"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestFetchRedirectModes(t *testing.T) {
	srv := echoServer(t)
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `(async () => {
		const follow = await fetch('`+srv.URL+`/redirect');
		let error;
		try { await fetch('`+srv.URL+`/redirect', { redirect: 'error' }); } catch (e) { error = [e.name, e.message, e.cause && e.cause.message].join(); }
		const manual = await fetch('`+srv.URL+`/redirect', { redirect: 'manual' });
		return [follow.redirected, follow.url.endsWith('/json'), error, manual.status, manual.redirected].join('|');
	})()`)
	if want := "true|true|TypeError,fetch failed,unexpected redirect|302|false"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestFetchResponseFormDataAndNullBodies(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/multipart":
			mw := multipart.NewWriter(w)
			w.Header().Set("Content-Type", mw.FormDataContentType())
			_ = mw.WriteField("field", "value")
			fw, _ := mw.CreateFormFile("file", "data.bin")
			_, _ = fw.Write([]byte("payload"))
			_ = mw.Close()
		case "/empty":
			w.WriteHeader(http.StatusNoContent)
		default:
			w.Header().Set("Content-Type", "application/x-www-form-urlencoded")
			_, _ = io.WriteString(w, "a=1&b=two+words")
		}
	}))
	t.Cleanup(srv.Close)
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `(async () => {
		const fd = await (await fetch('`+srv.URL+`/multipart')).formData();
		const file = fd.get('file');
		const form = await (await fetch('`+srv.URL+`/form')).formData();
		const empty = await fetch('`+srv.URL+`/empty');
		const head = await fetch('`+srv.URL+`/form', { method: 'HEAD' });
		return [fd.get('field'), file.name, file.type, await file.text(), form.get('b'), empty.body, await empty.text(), head.body].join('|');
	})()`)
	if want := "value|data.bin|application/octet-stream|payload|two words|||"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestFetchRequestBodyKinds(t *testing.T) {
	srv := echoServer(t)
	rt := newRuntime(t, clocktest.New())
	cases := []struct{ body, want string }{
		{`new Blob(['blob'], { type: 'app/x' })`, `"body":"blob","contentType":"app/x"`},
		{`new URLSearchParams('a=1&b=2')`, `"body":"a=1\u0026b=2","contentType":"application/x-www-form-urlencoded;charset=UTF-8"`},
		{`new DataView(new Uint8Array([104, 105]).buffer)`, `"body":"hi","contentType":""`},
		{`new Request('http://x/', { method: 'POST', body: 'from request' }).body`, `"body":"from request","contentType":""`},
	}
	for _, c := range cases {
		got := jstest.Await(t, rt, `fetch('`+srv.URL+`/echo', { method: 'POST', body: `+c.body+`, duplex: 'half' }).then((r) => r.text())`)
		if !strings.Contains(got, c.want) {
			t.Errorf("body %s\n got %s\nwant it to contain %s", c.body, got, c.want)
		}
	}
	got := jstest.Await(t, rt, `(async () => {
		const req = new Request('`+srv.URL+`/echo', { method: 'POST', body: 'req body', headers: { 'x-custom': 'c' } });
		const res = await fetch(req);
		return [req.bodyUsed, JSON.parse(await res.text()).custom].join();
	})()`)
	if got != "true,c" {
		t.Errorf("fetch(Request): got %q", got)
	}
}

// TestFetchBadPort: fetch refuses the Fetch Standard's bad ports before connecting, as undici does.
func TestFetchBadPort(t *testing.T) {
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `fetch('http://127.0.0.1:6667/').then(() => 'resolved', (e) => [e.name, e.message, e.cause.message].join())`)
	if got != "TypeError,fetch failed,bad port" {
		t.Errorf("got %q", got)
	}
}

// TestFetchReleasesSignal: a finished fetch leaves no listener on the caller's signal, so one
// long-lived signal can serve any number of requests.
func TestFetchReleasesSignal(t *testing.T) {
	srv := echoServer(t)
	rt := newRuntime(t, clocktest.New())
	got := jstest.Await(t, rt, `(async () => {
		const c = new AbortController();
		let live = 0;
		const add = c.signal.addEventListener, remove = c.signal.removeEventListener;
		c.signal.addEventListener = function (...args) { live++; return add.apply(this, args); };
		c.signal.removeEventListener = function (...args) { live--; return remove.apply(this, args); };
		for (let i = 0; i < 3; i++) await (await fetch('`+srv.URL+`/json', { signal: c.signal })).text();
		try { await fetch('http://127.0.0.1:1/', { signal: c.signal }); } catch {}
		await fetch('`+srv.URL+`/json', { method: 'HEAD', signal: c.signal });
		return live;
	})()`)
	if got != "0" {
		t.Errorf("listeners left on the signal: %s", got)
	}
}

// TestFetchDroppedBodyReleased: a response dropped unread releases its connection once collected.
func TestFetchDroppedBodyReleased(t *testing.T) {
	gone := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "unread")
		w.(http.Flusher).Flush()
		<-r.Context().Done()
		close(gone)
	}))
	t.Cleanup(srv.Close)
	rt := newRuntime(t, clocktest.New())
	jstest.Await(t, rt, `fetch('`+srv.URL+`').then((r) => r.status)`)
	deadline := time.After(10 * time.Second)
	for {
		runtime.GC()
		select {
		case <-gone:
			return
		case <-deadline:
			t.Fatal("the dropped body's connection was never released")
		case <-time.After(10 * time.Millisecond):
		}
	}
}
