package http

import (
	"maps"
	"slices"
	"strconv"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/internal/httptext"
)

// latin1 is a JS string as the bytes Node writes for it in a request line or header: one byte per
// UTF-16 unit, as Node's 'latin1' encoding does.
func latin1(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	s := v.String()
	// The Go form of a JS string has its lone surrogates replaced, so a non-ASCII one (its UTF-8
	// form is longer than its UTF-16 form) is read unit by unit.
	if js, ok := v.(goja.String); ok && len(s) != js.Length() {
		out := make([]byte, js.Length())
		for i := range out {
			out[i] = byte(js.CharAt(i))
		}
		return string(out)
	}
	return httptext.Latin1(s)
}

// fromLatin1 is bytes read from the wire as the JS string Node makes of them: each byte one
// character.
func fromLatin1(vm *goja.Runtime, s string) goja.Value {
	return vm.ToValue(httptext.FromLatin1(s))
}

// statusCodes is a fresh http.STATUS_CODES object for one runtime, its keys in ascending order as
// V8 lists integer keys.
func statusCodes(vm *goja.Runtime) *goja.Object {
	o := vm.NewObject()
	for _, code := range slices.Sorted(maps.Keys(httptext.Status)) {
		if err := o.Set(strconv.Itoa(code), httptext.Status[code]); err != nil {
			panic(err)
		}
	}
	return o
}
