package express

import (
	"fmt"
	"strings"
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

// TestDeepJSONBody: a body nested millions deep is refused (V8's RangeError) by the global parser
// and by express.json() without exhausting the Go stack, which would end the process; a body nested
// within the limit is parsed.
func TestDeepJSONBody(t *testing.T) {
	f := setup(t, Config{}, `
		const depth = (v) => { let d = 0; for (let x = v; Array.isArray(x); x = x[0]) d++; return d; };
		router.post('/global', (req, res) => res.json({ depth: depth(req.body) }));
		router.post('/route', express.json({ type: 'application/x-json', limit: '10mb' }), (req, res) => res.json({ depth: depth(req.body) }));
		router.use((err, req, res, next) => res.status(err.status).json({ type: err.type, name: err.name, message: err.message }));
	`)
	deep := strings.Repeat("[", 3_000_000)
	want := `{"type":"entity.parse.failed","name":"RangeError","message":"Maximum call stack size exceeded"}`
	// The host's global parser fails before the plugin's router, as Luker's app-level parsers do.
	r := f.do("POST", "/api/plugins/test/global", deep, "Content-Type", "application/json")
	jstest.Expect(t, "global parser", fmt.Sprint(r.status), "400")
	r = f.do("POST", "/api/plugins/test/route", deep, "Content-Type", "application/x-json")
	jstest.Expect(t, "express.json()", fmt.Sprint(r.status, " ", r.body), "400 "+want)
	ok := strings.Repeat("[", 2000) + strings.Repeat("]", 2000)
	r = f.do("POST", "/api/plugins/test/global", ok, "Content-Type", "application/json")
	jstest.Expect(t, "within the limit", r.body, `{"depth":2000}`)
}
