package express

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// TestBodyParserErrorProps checks the properties raw-body and body-parser put on their errors: a
// declared length over the limit has length/expected but no received, a streamed body over the
// limit has received but no length, and parse errors (parameterLimit, depth) carry the body.
func TestBodyParserErrorProps(t *testing.T) {
	f := setup(t, Config{}, `
		const err = (e, req, res, next) => res.status(e.status).json({status: e.status, type: e.type, body: e.body, received: e.received, length: e.length, expected: e.expected});
		router.post('/depth', express.urlencoded({extended: true, depth: 1, type: 'application/x-form'}), err);
		router.post('/params', express.urlencoded({extended: false, parameterLimit: 3, type: 'application/x-form'}), err);
		router.post('/lim', express.text({limit: 10}), err);
		router.post('/rev', express.json({type: '*/*', reviver: (k, v) => typeof v === 'number' ? v * 2 : v}), (req, res) => res.json({b: req.body}), err);
	`)
	post := func(path, body string, headers ...string) string {
		t.Helper()
		return f.do("POST", "/api/plugins/test"+path, body, headers...).body
	}
	jstest.Expect(t, "depth", post("/depth", "a[b][c]=1", "Content-Type", "application/x-form"), `{"status":400,"type":"querystring.parse.rangeError","body":"a[b][c]=1"}`)
	jstest.Expect(t, "parameterLimit", post("/params", "a=1&b=2&c=3&d=4", "Content-Type", "application/x-form"), `{"status":413,"type":"parameters.too.many","body":"a=1&b=2&c=3&d=4"}`)
	jstest.Expect(t, "declared", post("/lim", "01234567890123", "Content-Type", "text/plain", "Content-Length", "14"), `{"status":413,"type":"entity.too.large","length":14,"expected":14}`)
	jstest.Expect(t, "reviver", post("/rev", `{"n":2,"m":[3]}`, "Content-Type", "application/x-anything", "Content-Length", "15"), `{"b":{"n":4,"m":[6]}}`)
}
