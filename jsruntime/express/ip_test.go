package express

import (
	"io"
	"net"
	"net/http"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// Documented difference: on a dual-stack listener Node reports an IPv4 client as ::ffff:1.2.3.4;
// net/http hands over the plain address, and req.ip is what net/http reports.
func TestIPv4ClientOnDualStackListener(t *testing.T) {
	f := setup(t, Config{}, `router.get('/ip', (req, res) => res.send(req.ip + ' ' + req.socket.remoteAddress))`)
	ln, err := net.Listen("tcp", "[::]:0")
	if err != nil {
		t.Fatalf("dual-stack listener: %v", err)
	}
	srv := &http.Server{Handler: f.h}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	resp, err := http.Get("http://127.0.0.1:" + itoa(port) + "/api/plugins/test/ip")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	jstest.Expect(t, "req.ip", string(body), "127.0.0.1 127.0.0.1")
}
