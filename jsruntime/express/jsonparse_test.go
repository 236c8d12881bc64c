package express

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// TestJSONBodyDefinesOwnProperties: JSON.parse creates each member as an own data property, so a
// setter a plugin put on Object.prototype is neither called nor able to drop the member, for the
// host's global parser and for express.json() alike (Node gives {"x":1,"y":{"x":2}} for both).
func TestJSONBodyDefinesOwnProperties(t *testing.T) {
	f := setup(t, Config{}, `
		Object.defineProperty(Object.prototype, 'x', { set() { throw new Error('setter called'); }, configurable: true });
		const describe = (body) => ({ body, own: Object.keys(body), nested: Object.keys(body.y) });
		router.post('/global', (req, res) => res.json(describe(req.body)));
		router.post('/route', express.json({ type: 'application/x-json' }), (req, res) => res.json(describe(req.body)));
	`)
	const want = `{"body":{"x":1,"y":{"x":2}},"own":["x","y"],"nested":["x"]}`
	r := f.do("POST", "/api/plugins/test/global", `{"x":1,"y":{"x":2}}`, "Content-Type", "application/json")
	jstest.Expect(t, "global parser", r.body, want)
	r = f.do("POST", "/api/plugins/test/route", `{"x":1,"y":{"x":2}}`, "Content-Type", "application/x-json")
	jstest.Expect(t, "express.json()", r.body, want)
}
