package express

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// TestReqIsBareNames checks type-is's normalize: bare names are mime-types extensions, so 'form'
// (no such extension) and an unknown name match nothing, while the shorthands still work.
func TestReqIsBareNames(t *testing.T) {
	f := setup(t, Config{}, `
		router.post('/is', (req, res) => res.json(['urlencoded', 'form', 'foo', 'json', '+json', 'multipart', 'application/*'].map((t) => req.is(t))));
	`)
	is := func(contentType string) string {
		t.Helper()
		return f.do("POST", "/api/plugins/test/is", "x", "Content-Type", contentType).body
	}
	jstest.Expect(t, "form", is("application/x-www-form-urlencoded"), `["urlencoded",false,false,false,false,false,"application/x-www-form-urlencoded"]`)
	jstest.Expect(t, "unknown extension", is("application/octet-stream"), `[false,false,false,false,false,false,"application/octet-stream"]`)
	jstest.Expect(t, "multipart", is("multipart/form-data; boundary=x"), `[false,false,false,false,false,"multipart",false]`)
}
