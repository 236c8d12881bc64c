package http

import (
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// latin1 is a JS string as the bytes Node writes for it in a request line or header: one byte per
// UTF-16 unit, as Node's 'latin1' encoding does.
func latin1(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	s := v.String()
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	if js, ok := v.(goja.String); ok {
		out := make([]byte, js.Length())
		for i := range out {
			out[i] = byte(js.CharAt(i))
		}
		return string(out)
	}
	units := utf16.Encode([]rune(s))
	out := make([]byte, len(units))
	for i, u := range units {
		out[i] = byte(u)
	}
	return string(out)
}

// fromLatin1 is bytes read from the wire as the JS string Node makes of them: each byte one
// character.
func fromLatin1(vm *goja.Runtime, s string) goja.Value {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return vm.ToValue(s)
	}
	b := make([]byte, 0, len(s)*2)
	for i := 0; i < len(s); i++ {
		b = utf8.AppendRune(b, rune(s[i]))
	}
	return vm.ToValue(string(b))
}
