package url_test

import (
	"context"
	_ "embed"
	"encoding/json"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
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
	rt := jsruntime.New(jsruntime.Options{})
	defer rt.Close(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := rt.Do(ctx, func(vm *goja.Runtime) error {
		mod, err := nodeurl.Require(rt)
		if err != nil {
			return err
		}
		if err := nodeurl.Install(rt); err != nil {
			return err
		}
		if err := vm.Set("url", mod); err != nil {
			return err
		}
		if _, err := vm.RunString(prelude); err != nil {
			return err
		}
		for _, c := range cases {
			got, err := vm.RunString("out(" + c.Expr + ")")
			if err != nil {
				t.Errorf("%s: %v", c.Expr, err)
				continue
			}
			if got.String() != c.Want {
				t.Errorf("%s\n got %s\nwant %s", c.Expr, got, c.Want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
