package polyfill

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

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
	gojaStringify, ok := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("stringify"))
	if !ok {
		return errors.New("polyfill: JSON.stringify is not a function")
	}
	stringify := func(call goja.FunctionCall) goja.Value {
		value, replacer, space := call.Argument(0), call.Argument(1), call.Argument(2)
		if gap, ok := jsonGap(vm, replacer, space); ok {
			body, ok, err := jsjson.Stringify(rt, value, gap, false)
			if err != nil {
				panic(rt.ErrorValue(err))
			}
			if ok {
				return vm.ToValue(string(body))
			}
		}
		v, err := gojaStringify(goja.Undefined(), value, replacer, space)
		if err != nil {
			panic(err)
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

// jsonGap is the indentation JSON.stringify takes from space (SerializeJSONProperty's gap), and
// false when jsjson's writer cannot serialise for these arguments: with a replacer (a function or a
// property list; other objects are ignored by JSON.stringify, and left to goja too), or a gap that is
// not ASCII (ten UTF-16 code units of it could split a pair).
func jsonGap(vm *goja.Runtime, replacer, space goja.Value) (string, bool) {
	if _, ok := replacer.(*goja.Object); ok {
		return "", false
	}
	if o, ok := space.(*goja.Object); ok {
		switch o.ClassName() {
		case "Number":
			space = vm.ToValue(o.ToFloat())
		case "String":
			space = o.ToString()
		}
	}
	switch {
	case goja.IsNumber(space):
		n := min(10, space.ToInteger())
		if n < 1 {
			return "", true
		}
		return strings.Repeat(" ", int(n)), true
	case goja.IsString(space):
		s := space.String()
		for i := 0; i < len(s); i++ {
			if s[i] >= utf8.RuneSelf {
				return "", false
			}
		}
		return s[:min(len(s), 10)], true
	}
	return "", true
}
