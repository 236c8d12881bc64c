package web

import (
	"encoding/base64"
	"net/url"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
)

// uint8Array wraps b (without copying) in a plain Uint8Array, which is what TextEncoder returns.
func uint8Array(rt *jsruntime.Runtime, b []byte) goja.Value {
	vm := rt.VM()
	ctor, _ := goja.AssertConstructor(vm.Get("Uint8Array"))
	o, err := ctor(nil, vm.ToValue(vm.NewArrayBuffer(b)))
	if err != nil {
		panic(err)
	}
	return o
}

func utf8Encode(rt *jsruntime.Runtime, s string) goja.Value {
	return uint8Array(rt, []byte(s))
}

// utf8EncodeInto writes as many whole characters of the string as fit into the Uint8Array and reports
// {read (UTF-16 units), written (bytes)}.
func utf8EncodeInto(rt *jsruntime.Runtime, call goja.FunctionCall) goja.Value {
	dst, ok := buffer.Bytes(rt, call.Argument(1))
	if !ok {
		panic(rt.TypeError(`The "dest" argument must be an instance of Uint8Array.`))
	}
	read, written := 0, 0
	for _, r := range call.Argument(0).String() {
		n := utf8.RuneLen(r)
		if n < 0 {
			r, n = utf8.RuneError, 3
		}
		if written+n > len(dst) {
			break
		}
		utf8.EncodeRune(dst[written:], r)
		written += n
		read += len(utf16.Encode([]rune{r}))
	}
	res := rt.VM().NewObject()
	_ = res.Set("read", read)
	_ = res.Set("written", written)
	return res
}

// atob decodes forgiving-base64 into a binary string (one character per byte), or null when the input
// is not valid base64.
func atob(vm *goja.Runtime, s string) goja.Value {
	clean := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\f', '\r':
		default:
			clean = append(clean, c)
		}
	}
	if len(clean)%4 == 0 && len(clean) > 0 && clean[len(clean)-1] == '=' {
		clean = clean[:len(clean)-1]
		if clean[len(clean)-1] == '=' {
			clean = clean[:len(clean)-1]
		}
	}
	if len(clean)%4 == 1 {
		return goja.Null()
	}
	for _, c := range clean {
		if !(c == '+' || c == '/' || ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')) {
			return goja.Null()
		}
	}
	out := make([]byte, base64.RawStdEncoding.DecodedLen(len(clean)))
	n, err := base64.RawStdEncoding.Decode(out, clean)
	if err != nil {
		return goja.Null()
	}
	return vm.ToValue(buffer.Latin1.Encode(out[:n]))
}

// btoa encodes a binary string; null when a character is above U+00FF.
func btoa(vm *goja.Runtime, s string) goja.Value {
	units := utf16.Encode([]rune(s))
	b := make([]byte, len(units))
	for i, u := range units {
		if u > 0xFF {
			return goja.Null()
		}
		b[i] = byte(u)
	}
	return vm.ToValue(base64.StdEncoding.EncodeToString(b))
}

// parseURL is the fallback URL parser when no URL class is installed: absolute URLs only.
func parseURL(vm *goja.Runtime, s string) goja.Value {
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || (u.Host == "" && u.Opaque == "") {
		return goja.Null()
	}
	if u.Path == "" && u.Host != "" {
		u.Path = "/"
	}
	return vm.ToValue(u.String())
}
