// Package querystring is Node's "querystring" module: parse and stringify of URL query strings with
// Node's escaping rules, and the escape/unescape helpers plugins may replace or call directly.
//
// The module is JS (querystring.js) over Go natives: the byte-level unescape behind unescapeBuffer
// and unescape's fallback, and Node's ERR_INVALID_URI error.
package querystring

import (
	_ "embed"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

//go:embed querystring.js
var source string

var script = jsruntime.NewScript("node:querystring", source)

type moduleKey struct{}

// Require returns the "querystring" module, built once per runtime. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return jsruntime.Module(rt, moduleKey{}, func() (goja.Value, error) {
		exports := rt.VM().NewObject()
		if _, err := script.Call(rt, natives(rt), exports); err != nil {
			return nil, err
		}
		return exports, nil
	})
}

// natives is the object through which querystring.js reaches Go.
func natives(rt *jsruntime.Runtime) *goja.Object {
	vm := rt.VM()
	fns := map[string]func(goja.FunctionCall) goja.Value{
		"unescapeBuffer": func(call goja.FunctionCall) goja.Value {
			return buffer.New(rt, unescapeBytes(call.Argument(0).String(), call.Argument(1).ToBoolean()))
		},
		"unescape": func(call goja.FunctionCall) goja.Value {
			return vm.ToValue(decodeUTF8(unescapeBytes(call.Argument(0).String(), call.Argument(1).ToBoolean())))
		},
		"uriMalformed": func(goja.FunctionCall) goja.Value {
			return nodeerr.New(vm, "URIError", "ERR_INVALID_URI", "URI malformed")
		},
	}
	obj := vm.NewObject()
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

// decodeUTF8 is b as text with each maximal ill-formed subsequence replaced by one U+FFFD, the
// WHATWG rule Node's decoder follows: a truncated "\xe4\xbd" is one replacement, not two.
func decodeUTF8(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			n = invalidPrefix(b)
		}
		sb.WriteRune(r)
		b = b[n:]
	}
	return sb.String()
}

// invalidPrefix is how many bytes of b, which does not start with a valid sequence, begin a sequence
// that could have been valid: the lead byte plus the continuation bytes it accepted before failing.
func invalidPrefix(b []byte) int {
	lead := b[0]
	var size int
	lo, hi := byte(0x80), byte(0xbf) // the range allowed for the second byte
	switch {
	case lead >= 0xc2 && lead <= 0xdf:
		size = 2
	case lead >= 0xe0 && lead <= 0xef:
		size = 3
		if lead == 0xe0 {
			lo = 0xa0
		} else if lead == 0xed {
			hi = 0x9f
		}
	case lead >= 0xf0 && lead <= 0xf4:
		size = 4
		if lead == 0xf0 {
			lo = 0x90
		} else if lead == 0xf4 {
			hi = 0x8f
		}
	default:
		return 1
	}
	n := 1
	for n < size && n < len(b) && b[n] >= lo && b[n] <= hi {
		n++
		lo, hi = 0x80, 0xbf
	}
	return n
}
