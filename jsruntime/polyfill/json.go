package polyfill

import (
	_ "embed"
	"errors"
	"fmt"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/internal/jsjson"
)

//go:embed json.js
var jsonSource string

var jsonScript = jsruntime.NewScript("pluginhost:json", jsonSource)

// installJSON replaces goja's JSON.parse and JSON.stringify, which recurse in Go for every level of
// nesting (a plugin parsing a few MB of "[" from a client ended the whole process), with package
// jsjson's. JSON.stringify keeps goja's for what jsjson's writer leaves to it.
func installJSON(rt *jsruntime.Runtime) error {
	vm := rt.VM()
	// The writer leaves some values to goja's JSON.stringify, which jsjson must see before it is
	// replaced.
	jsjson.GojaStringify(rt)
	stringify := func(call goja.FunctionCall) goja.Value {
		v, err := jsjson.StringifyValue(rt, call.Argument(0), call.Argument(1), call.Argument(2))
		if err != nil {
			panic(rt.ErrorValue(err))
		}
		return v
	}
	native := func(call goja.FunctionCall) goja.Value {
		tape, err := jsjson.Scan(call.Argument(0).String())
		if err != nil {
			fail, _ := goja.AssertFunction(call.Argument(1))
			name := "SyntaxError"
			var jerr *jsjson.Error
			if errors.As(err, &jerr) {
				name = jerr.Name
			}
			_, ferr := fail(goja.Undefined(), vm.ToValue(err.Error()), vm.ToValue(name == "RangeError"))
			panic(ferr)
		}
		return tape.Value(vm)
	}
	if _, err := jsonScript.Call(rt, vm.ToValue(native), vm.ToValue(stringify)); err != nil {
		return fmt.Errorf("polyfill: JSON: %w", err)
	}
	return nil
}
