// Package querystring is Node's "querystring" module: parse and stringify of URL query strings with
// Node's escaping rules, and the escape/unescape helpers plugins may replace or call directly.
//
// The module is JS (querystring.js) over Go natives: the byte-level unescape behind unescapeBuffer
// and unescape's fallback, and Node's ERR_INVALID_URI error.
package querystring

import (
	_ "embed"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

//go:embed querystring.js
var source string

var script = jsruntime.NewScript("node:querystring", source)

// Require returns the "querystring" module, built once per runtime. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return script.Instance(rt, func() ([]goja.Value, error) { return []goja.Value{natives(rt)}, nil })
}

// natives is the object through which querystring.js reaches Go.
func natives(rt *jsruntime.Runtime) *goja.Object {
	vm := rt.VM()
	fns := map[string]func(goja.FunctionCall) goja.Value{
		"unescapeBuffer": func(call goja.FunctionCall) goja.Value {
			return buffer.New(rt, unescapeBytes(call.Argument(0).String(), call.Argument(1).ToBoolean()))
		},
		"unescape": func(call goja.FunctionCall) goja.Value {
			return vm.ToValue(buffer.DecodeUTF8(unescapeBytes(call.Argument(0).String(), call.Argument(1).ToBoolean())))
		},
	}
	obj := nodeerr.Natives(vm)
	for name, fn := range fns {
		_ = obj.Set(name, fn)
	}
	return obj
}

// unescapeBytes decodes each %XX of s's UTF-8 bytes and, with decodeSpaces, each '+'. A '%' not
// followed by two hex digits stays as it is, so malformed input survives rather than failing.
func unescapeBytes(s string, decodeSpaces bool) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+' && decodeSpaces:
			out = append(out, ' ')
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			out = append(out, c)
		}
	}
	return out
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}
