package express

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// Go code reads request headers straight from the request until the plugin reads or assigns
// req.headers; from then on it reads what req.headers holds, as Express does.
func TestHeadersReadThroughReqHeadersOnceTouched(t *testing.T) {
	f := setup(t, Config{}, `
router.get('/untouched', (req, res) => res.json({ type: req.accepts(['html', 'json']), fresh: req.fresh }));
router.get('/mutated', (req, res) => { req.headers.accept = 'application/json'; res.json({ type: req.accepts(['html', 'json']) }); });
router.get('/replaced', (req, res) => { req.headers = { accept: 'application/json' }; res.json({ type: req.accepts(['html', 'json']) }); });
router.get('/etag', (req, res) => { req.headers['if-none-match'] = '"v1"'; res.set('ETag', '"v1"'); res.send('body'); });`)
	jstest.Expect(t, "untouched", f.get("/api/plugins/test/untouched", "Accept", "text/html").body, `{"type":"html","fresh":false}`)
	jstest.Expect(t, "mutated", f.get("/api/plugins/test/mutated", "Accept", "text/html").body, `{"type":"json"}`)
	jstest.Expect(t, "replaced", f.get("/api/plugins/test/replaced", "Accept", "text/html").body, `{"type":"json"}`)
	if r := f.get("/api/plugins/test/etag"); r.status != 304 {
		t.Errorf("an If-None-Match the plugin set: %d %q, want 304", r.status, r.body)
	}
}
