package http_test

import (
	"bufio"
	"compress/gzip"
	"encoding/pem"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// testServer is what the scenarios talk to: the same Go server answers Node (when goldens are
// recorded) and pluginhost, so their outputs can be compared line by line.
type testServer struct {
	plain  *httptest.Server
	tls    *httptest.Server
	socket string // a unix socket served by the same handler
}

// env is what a scenario receives as its first argument.
func (s *testServer) env() map[string]string {
	return map[string]string{
		"base":       s.plain.URL,
		"tlsBase":    s.tls.URL,
		"host":       strings.TrimPrefix(s.plain.URL, "http://"),
		"socketPath": s.socket,
		"ca":         string(pemCert(s.tls)),
	}
}

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	h := handler()
	s := &testServer{plain: httptest.NewServer(h), tls: httptest.NewTLSServer(h)}
	t.Cleanup(s.plain.Close)
	t.Cleanup(s.tls.Close)
	dir, err := os.MkdirTemp("", "httpsock")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	s.socket = filepath.Join(dir, "s.sock")
	ln, err := net.Listen("unix", s.socket)
	if err != nil {
		t.Fatal(err)
	}
	unix := &httptest.Server{Listener: ln, Config: &http.Server{Handler: h}}
	unix.Start()
	t.Cleanup(unix.Close)
	return s
}

func handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Add("X-Multi", "a")
		w.Header().Add("X-Multi", "b")
		w.Header().Add("Set-Cookie", "a=1")
		w.Header().Add("Set-Cookie", "b=2")
		_, _ = io.WriteString(w, "hello world")
	})
	// /echo describes the request it received: method, target, body and headers (minus the ones
	// that vary between runs).
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var lines []string
		lines = append(lines, "method "+r.Method, "uri "+r.RequestURI, fmt.Sprintf("body %d %q", len(body), truncate(body)))
		lines = append(lines, fmt.Sprintf("content-length %d", r.ContentLength), "transfer-encoding "+strings.Join(r.TransferEncoding, ","))
		lines = append(lines, "host "+strings.Split(r.Host, ":")[0])
		keys := make([]string, 0, len(r.Header))
		for k := range r.Header {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			lines = append(lines, "header "+k+": "+strings.Join(r.Header[k], " | "))
		}
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, strings.Join(lines, "\n"))
	})
	// /duplex answers each chunk of the request body as it arrives, so a client can prove it streams
	// its body: it sends the next chunk only after the answer to the previous one.
	mux.HandleFunc("/duplex", func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		_ = rc.EnableFullDuplex()
		w.WriteHeader(200)
		_ = rc.Flush()
		buf := make([]byte, 1<<16)
		for {
			n, err := r.Body.Read(buf)
			if n > 0 {
				fmt.Fprintf(w, "got %q;", buf[:n])
				_ = rc.Flush()
			}
			if err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		for i := range 3 {
			fmt.Fprintf(w, "part%d;", i)
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1048576")
		_, _ = w.Write([]byte(strings.Repeat("abcdefgh", 1<<17)))
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("X-Accept-Encoding", r.Header.Get("Accept-Encoding"))
		gz := gzip.NewWriter(w)
		_, _ = io.WriteString(gz, "compressed body")
		_ = gz.Close()
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/hello", http.StatusFound)
	})
	mux.HandleFunc("/status", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	// /slow never answers: the client must time out or abort. It returns when the client goes away.
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	// /stall sends the headers and a first chunk, then waits for the client to go away.
	mux.HandleFunc("/stall", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "first")
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	mux.HandleFunc("/bigheader", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Big", strings.Repeat("b", 20000))
		_, _ = io.WriteString(w, "big header")
	})
	mux.HandleFunc("/early", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", "</style.css>; rel=preload")
		w.WriteHeader(http.StatusEarlyHints)
		w.Header().Del("Link")
		_, _ = io.WriteString(w, "after hints")
	})
	mux.HandleFunc("/raw/", raw)
	return mux
}

// raw writes responses byte for byte, for what net/http's server will not send.
func raw(w http.ResponseWriter, r *http.Request) {
	var resp string
	switch strings.TrimPrefix(r.URL.Path, "/raw/") {
	case "headers":
		resp = "HTTP/1.1 201 Made It\r\nContent-Type: text/plain\r\nX-Dup: one\r\nx-dup: two\r\n" +
			"Set-Cookie: a=1\r\nset-cookie: b=2\r\nContent-Type: text/html\r\nCookie: c=1\r\nCookie: d=2\r\n" +
			"Location: /first\r\nLocation: /second\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
	case "trailers":
		resp = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-Sum\r\nConnection: close\r\n\r\n" +
			"3\r\nabc\r\n0\r\nX-Sum: 42\r\n\r\n"
	case "noreason":
		resp = "HTTP/1.1 299\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
	case "http10":
		resp = "HTTP/1.0 200 OK\r\n\r\nold style body"
	case "hangup":
		resp = ""
	case "partial":
		resp = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b"
	}
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	_ = buf.Flush()
	// Drain what the client sent, so closing does not reset the connection under its feet.
	drain(buf.Reader, r)
	_, _ = io.WriteString(conn, resp)
}

func drain(r *bufio.Reader, req *http.Request) {
	if req.ContentLength > 0 {
		_, _ = io.CopyN(io.Discard, r, req.ContentLength)
	}
}

func truncate(b []byte) []byte {
	if len(b) > 40 {
		return append(b[:40:40], "..."...)
	}
	return b
}

func pemCert(s *httptest.Server) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: s.Certificate().Raw})
}
