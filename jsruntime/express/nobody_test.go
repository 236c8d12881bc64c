package express

import (
	"io"
	"net"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// TestNoImplicitLengthWithoutBody checks Node's _hasBody rule on the wire: end() adds no
// Content-Length to a HEAD response or a 204/304, while a GET's end() still gets Content-Length: 0.
func TestNoImplicitLengthWithoutBody(t *testing.T) {
	f := setup(t, Config{}, `
		router.head('/e', (req, res) => res.end());
		router.head('/d', (req, res) => res.end('abc'));
		router.get('/e', (req, res) => res.end());
		router.get('/204', (req, res) => { res.statusCode = 204; res.end('abc') });
		router.get('/304', (req, res) => { res.statusCode = 304; res.end() });
	`)
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	head := func(method, path string) string {
		t.Helper()
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		_, _ = io.WriteString(conn, method+" /api/plugins/test"+path+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
		raw, _ := io.ReadAll(conn)
		var kept []string
		for _, line := range strings.Split(string(raw), "\r\n") {
			if strings.HasPrefix(line, "Content-Length") || strings.HasPrefix(line, "Transfer-Encoding") || strings.HasPrefix(line, "HTTP/") {
				kept = append(kept, line)
			}
		}
		return strings.Join(kept, "|")
	}
	jstest.Expect(t, "HEAD end()", head("HEAD", "/e"), "HTTP/1.1 200 OK")
	jstest.Expect(t, "HEAD end(data)", head("HEAD", "/d"), "HTTP/1.1 200 OK")
	jstest.Expect(t, "GET end()", head("GET", "/e"), "HTTP/1.1 200 OK|Content-Length: 0")
	jstest.Expect(t, "204", head("GET", "/204"), "HTTP/1.1 204 No Content")
	jstest.Expect(t, "304", head("GET", "/304"), "HTTP/1.1 304 Not Modified")
}
