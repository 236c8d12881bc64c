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

// installJSONParse replaces goja's JSON.parse, which recurses in Go for every level of nesting (a
// plugin parsing a few MB of "[" from a client ended the whole process), with package jsjson's.
func installJSONParse(rt *jsruntime.Runtime) error {
	vm := rt.VM()
	native := func(call goja.FunctionCall) goja.Value {
		tape, err := jsjson.Scan(call.Argument(0).String())
		if err != nil {
			fail, _ := goja.AssertFunction(call.Argument(1))
			var jerr *jsjson.Error
			_, ferr := fail(goja.Undefined(), vm.ToValue(err.Error()), vm.ToValue(errors.As(err, &jerr) && jerr.Range))
			panic(ferr)
		}
		return tape.Value(vm)
	}
	if _, err := jsonScript.Call(rt, vm.ToValue(native)); err != nil {
		return fmt.Errorf("polyfill: JSON.parse: %w", err)
	}
	return nil
}
