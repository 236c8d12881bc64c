package express

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

type failingJSON struct{}

func (failingJSON) MarshalJSON() ([]byte, error) { return nil, errors.New("cannot marshal") }

// The application's properties are on req before the plugin's first middleware runs, are fresh copies
// for every request, come from the *http.Request, and cannot displace the router's own fields.
func TestRequestContext(t *testing.T) {
	calls := 0
	cfg := Config{RequestContext: func(r *http.Request) map[string]any {
		calls++
		return map[string]any{
			"user":    map[string]any{"handle": r.Header.Get("X-User"), "roles": []string{"a", "b"}},
			"session": json.RawMessage(`{"z":1,"a":2}`),
			"url":     "/elsewhere",
			"broken":  failingJSON{},
		}
	}}
	f := setup(t, cfg, `
		router.use((req, res, next) => { req.seenFirst = JSON.stringify([req.user, Object.keys(req.session)]); next(); });
		router.post('/who', (req, res) => {
			const before = req.seenFirst;
			req.user.roles.push('mutated');
			res.json({ before, url: req.url, body: req.body, broken: 'broken' in req });
		});
	`)
	for _, who := range []string{"ann", "bob"} {
		r := f.do("POST", "/api/plugins/test/who", `{"x":1}`, "Content-Type", "application/json", "X-User", who)
		want := `{"before":"[{\"handle\":\"` + who + `\",\"roles\":[\"a\",\"b\"]},[\"z\",\"a\"]]","url":"/who","body":{"x":1},"broken":false}`
		jstest.Expect(t, "response for "+who, r.body, want)
	}
	jstest.Expect(t, "RequestContext calls", calls, 2)
	if logs := jstest.LogsOf(f.rt).String(); !strings.Contains(logs, "request context: property left out") || !strings.Contains(logs, "key=broken") {
		t.Errorf("the unconvertible property was not logged:\n%s", logs)
	}
}

// Without RequestContext, req has no properties beyond Express's.
func TestNoRequestContext(t *testing.T) {
	f := setup(t, Config{}, `router.get('/x', (req, res) => res.json({ user: 'user' in req }));`)
	jstest.Expect(t, "response", f.get("/api/plugins/test/x").body, `{"user":false}`)
}
