package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// newPolicyRuntime is newRuntime whose gate starts with candidates.
func newPolicyRuntime(t *testing.T, candidates ...policy.Policy) (*jsruntime.Runtime, *policy.Gate) {
	t.Helper()
	var gate *policy.Gate
	rt := newRuntime(t, nil, func(rt *jsruntime.Runtime) error {
		gate = policy.Install(rt, policy.Setup{Candidates: candidates})
		return nil
	})
	return rt, gate
}

// fetchScript fetches target and settles with "status body", or with the rejection and its cause.
func fetchScript(target, init string) string {
	return `fetch(` + target + `, ` + init + `).then(
		async (r) => r.status + ' ' + await r.text(),
		(e) => [e.name, e.message, e.cause.message, e.cause.code, e.cause.errno, e.cause.syscall, e.cause.address, e.cause.port].join(' | '))`
}

// fetch connects only to the hosts the policy lists, and follows a redirect only to such a host: an
// allowed server cannot send the plugin on elsewhere. A refusal is Node's TypeError('fetch failed')
// whose cause is connect EACCES naming the rule.
func TestPolicyFetch(t *testing.T) {
	var elsewhere atomic.Int64
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		elsewhere.Add(1)
		_, _ = w.Write([]byte("elsewhere"))
	}))
	defer other.Close()
	ou, _ := url.Parse(other.URL)
	otherByName := "http://localhost:" + ou.Port() + "/"
	mux := http.NewServeMux()
	mux.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("hello")) })
	mux.HandleFunc("/away", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, otherByName, http.StatusFound) })
	mux.HandleFunc("/back", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/hello", http.StatusFound) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	rt, gate := newPolicyRuntime(t)
	gate.Decide(&policy.Policy{Rule: "pluginHost.plugins.p", Network: []string{"127.0.0.1"}})
	note := " (pluginHost.plugins.p.network does not allow it)"
	q := func(s string) string { return `'` + s + `'` }

	jstest.Expect(t, "allowed", jstest.Await(t, rt, fetchScript(q(srv.URL+"/hello"), `{}`)), "200 hello")
	jstest.Expect(t, "redirect within", jstest.Await(t, rt, fetchScript(q(srv.URL+"/back"), `{}`)), "200 hello")
	jstest.Expect(t, "refused host", jstest.Await(t, rt, fetchScript(q(otherByName), `{}`)),
		"TypeError | fetch failed | connect EACCES localhost:"+ou.Port()+note+" | EACCES | -13 | connect | localhost | "+ou.Port())
	jstest.Expect(t, "refused default port", jstest.Await(t, rt, fetchScript(q("https://example.com/"), `{}`)),
		"TypeError | fetch failed | connect EACCES example.com:443"+note+" | EACCES | -13 | connect | example.com | 443")
	jstest.Expect(t, "redirect out", jstest.Await(t, rt, fetchScript(q(srv.URL+"/away"), `{}`)),
		"TypeError | fetch failed | connect EACCES localhost:"+ou.Port()+note+" | EACCES | -13 | connect | localhost | "+ou.Port())
	jstest.Expect(t, "manual redirect", jstest.Await(t, rt, `fetch(`+q(srv.URL+"/away")+`, { redirect: 'manual' }).then((r) => r.status + ' ' + r.headers.get('location'))`),
		"302 "+otherByName)
	jstest.Expect(t, "request object", jstest.Await(t, rt, fetchScript(`new Request(`+q(otherByName)+`)`, `{}`)),
		"TypeError | fetch failed | connect EACCES localhost:"+ou.Port()+note+" | EACCES | -13 | connect | localhost | "+ou.Port())
	if n := elsewhere.Load(); n != 0 {
		t.Errorf("%d requests reached the refused server", n)
	}

	// Guarding redirects keeps net/http's limit of ten.
	unrestricted := newRuntime(t, nil)
	jstest.Expect(t, "redirect loop", jstest.Await(t, rt, fetchScript(q(srv.URL+"/loop"), `{}`)),
		jstest.Await(t, unrestricted, fetchScript(q(srv.URL+"/loop"), `{}`)))
}

// A fetch the plugin's module code starts before its id is known waits for the decision, then is
// held to the policy decided.
func TestPolicyFetchWhilePending(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("hi")) }))
	defer srv.Close()
	rt, gate := newPolicyRuntime(t, policy.Policy{Rule: "pluginHost.plugins.a"}, policy.Policy{Rule: "pluginHost.plugins.b"})
	jstest.Eval(t, rt, `globalThis.allowed = `+fetchScript(`'`+srv.URL+`/'`, `{}`)+`; 0`)
	gate.Decide(&policy.Policy{Rule: "pluginHost.plugins.a", Network: []string{"127.0.0.1"}})
	jstest.Expect(t, "decided", jstest.Await(t, rt, `allowed`), "200 hi")
}
