package express

import "github.com/dop251/goja"

// maxStringValues bounds the strings stringValue keeps, so values that vary per request (a plugin's
// own header values) cannot grow the cache without limit.
const maxStringValues = 256

// stringValue is s as a JS string, reusing the value made for an earlier equal string. Boxing a Go
// string as a goja.Value allocates; the method, the HTTP version, the base URL and the usual header
// values are the same on every request. JS strings are immutable, so sharing one value is invisible.
func (a *App) stringValue(s string) goja.Value {
	if v, ok := a.strings[s]; ok {
		return v
	}
	v := a.vm.ToValue(s)
	if a.strings == nil {
		a.strings = make(map[string]goja.Value)
	}
	if len(a.strings) < maxStringValues {
		a.strings[s] = v
	}
	return v
}
