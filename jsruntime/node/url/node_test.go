package url_test

import (
	_ "embed"
	"encoding/json"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	nodeurl "github.com/pluginhost/pluginhost/jsruntime/node/url"
)

// testdata/cases.json holds expressions and their results under Node 20, made by testdata/gen.js;
// both sides evaluate them with testdata/prelude.js loaded.
var (
	//go:embed testdata/prelude.js
	prelude string
	//go:embed testdata/cases.json
	casesJSON []byte
)

func TestAgainstNode(t *testing.T) {
	var cases []struct{ Expr, Want string }
	if err := json.Unmarshal(casesJSON, &cases); err != nil {
		t.Fatal(err)
	}
	rt := jstest.New(t, jstest.Global("url", nodeurl.Require), nodeurl.Install)
	jstest.Eval(t, rt, prelude)
	for _, c := range cases {
		if got := jstest.Eval(t, rt, "out("+c.Expr+")"); got != c.Want {
			t.Errorf("%s\n got %s\nwant %s", c.Expr, got, c.Want)
		}
	}
}
