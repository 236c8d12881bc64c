package http_test

import (
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// policyServer counts the requests that reach it.
func policyServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = w.Write([]byte("hello"))
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// newPolicyRuntime is newRuntime whose gate starts with candidates.
func newPolicyRuntime(t *testing.T, candidates ...policy.Policy) (*jsruntime.Runtime, *policy.Gate) {
	t.Helper()
	var gate *policy.Gate
	rt := newRuntime(t, func(rt *jsruntime.Runtime) error {
		gate = policy.Install(rt, policy.Setup{Candidates: candidates})
		return nil
	})
	return rt, gate
}

// getScript requests target with http.get (or https.get) and settles with "status body" or the
// error's description.
func getScript(module, target string) string {
	return `new Promise((resolve) => {
		const req = require('` + module + `').get(` + target + `, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (c) => { body += c; });
			res.on('end', () => resolve(res.statusCode + ' ' + body));
		});
		req.on('error', (e) => resolve([e.message, e.code, e.errno, e.syscall, e.address, e.port].join(' | ')));
	})`
}

// http and https connect only to the hosts the policy lists; a refused request emits Node's connect
// EACCES naming the rule and never reaches the server.
func TestPolicyHTTPHosts(t *testing.T) {
	srv, hits := policyServer(t)
	u, _ := url.Parse(srv.URL)
	port := u.Port()
	rt, gate := newPolicyRuntime(t)
	gate.Decide(&policy.Policy{Rule: "pluginHost.plugins.p", Network: []string{"127.0.0.1:" + port}})

	jstest.Expect(t, "allowed", jstest.Await(t, rt, getScript("http", `'`+srv.URL+`/x'`)), "200 hello")
	note := " (pluginHost.plugins.p.network does not allow it)"
	jstest.Expect(t, "by name", jstest.Await(t, rt, getScript("http", `'http://localhost:`+port+`/x'`)),
		"connect EACCES localhost:"+port+note+" | EACCES | -13 | connect | localhost | "+port)
	jstest.Expect(t, "options", jstest.Await(t, rt, getScript("http", `{ host: 'localhost', port: `+port+`, path: '/' }`)),
		"connect EACCES localhost:"+port+note+" | EACCES | -13 | connect | localhost | "+port)
	jstest.Expect(t, "other port", jstest.Await(t, rt, getScript("http", `'http://127.0.0.1:1/'`)),
		"connect EACCES 127.0.0.1:1"+note+" | EACCES | -13 | connect | 127.0.0.1 | 1")
	jstest.Expect(t, "https", jstest.Await(t, rt, getScript("https", `'https://example.com/'`)),
		"connect EACCES example.com:443"+note+" | EACCES | -13 | connect | example.com | 443")
	if n := hits.Load(); n != 1 {
		t.Errorf("%d requests reached the server; want the allowed one", n)
	}
}

// A request over a unix socket connects to a file: it needs the socket inside one of the policy's
// roots, whatever the network list says.
func TestPolicyHTTPSocketPath(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "s.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("over unix")) })}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })

	target := `{ socketPath: ` + jsString(sock) + `, path: '/' }`
	rt, gate := newPolicyRuntime(t)
	gate.Decide(&policy.Policy{Rule: "pluginHost.plugins.p", Network: []string{"*"}})
	jstest.Expect(t, "outside the roots", jstest.Await(t, rt, getScript("http", target)),
		"connect EACCES "+sock+" (pluginHost.plugins.p.fs does not allow it) | EACCES | -13 | connect | "+sock+" | ")
	gate.Decide(&policy.Policy{Rule: "pluginHost.plugins.p", FS: []string{dir}})
	jstest.Expect(t, "inside a root", jstest.Await(t, rt, getScript("http", target)), "200 over unix")
}

// A request the plugin's module code starts before its id is known waits for the decision, then
// is held to the policy decided.
func TestPolicyHTTPWhilePending(t *testing.T) {
	srv, hits := policyServer(t)
	rt, gate := newPolicyRuntime(t, policy.Policy{Rule: "pluginHost.plugins.a"}, policy.Policy{Rule: "pluginHost.plugins.b"})
	jstest.Eval(t, rt, `globalThis.pending = `+getScript("http", `'`+srv.URL+`/'`))
	gate.Decide(&policy.Policy{Rule: "pluginHost.plugins.a", Network: []string{"127.0.0.1"}})
	jstest.Expect(t, "decided", jstest.Await(t, rt, `pending`), "200 hello")
	jstest.Expect(t, "hits", hits.Load(), int64(1))
}

func jsString(s string) string { return `'` + s + `'` }
