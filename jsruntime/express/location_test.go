package express

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// TestRedirectBackReadsReferrer checks res.redirect('back') and req.get('Referer'): Express reads
// `headers.referrer || headers.referer`, so both spellings work and Referrer wins when non-empty.
func TestRedirectBackReadsReferrer(t *testing.T) {
	f := setup(t, Config{}, `
		router.get('/back', (req, res) => res.redirect('back'));
		router.get('/get', (req, res) => res.json([req.get('Referer') ?? null, req.get('referrer') ?? null]));
	`)
	loc := func(headers ...string) string {
		t.Helper()
		return f.get("/api/plugins/test/back", headers...).header.Get("Location")
	}
	jstest.Expect(t, "Referrer", loc("Referrer", "/prev?x=1"), "/prev?x=1")
	jstest.Expect(t, "Referer", loc("Referer", "/old"), "/old")
	jstest.Expect(t, "none", loc(), "/")
	jstest.Expect(t, "both", f.get("/api/plugins/test/get", "Referer", "/a", "Referrer", "/b").body, `["/b","/b"]`)
	jstest.Expect(t, "empty Referrer", f.get("/api/plugins/test/get", "Referer", "/a", "Referrer", "").body, `["/a","/a"]`)
}
