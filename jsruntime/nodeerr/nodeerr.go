// Package nodeerr builds the errors Node's own modules throw (lib/internal/errors.js): an Error,
// TypeError or RangeError carrying a code property such as ERR_INVALID_ARG_TYPE, with Node's message
// wording. The runtime's built-in modules (buffer, fs, path, url, module, timers, require, express's
// response) build their argument and protocol errors with it, so those look the same everywhere.
//
// Like Node's, an error from New has the plain constructor's name ("TypeError"), an enumerable own
// code property, and a stack whose first line is "TypeError [ERR_CODE]: message".
//
// Natives gives a built-in's JS half the same constructors (error, argType, argValue, outOfRange,
// notSupported, received), so the JS and Go halves of every module throw the same errors.
//
// SystemError is the other family, the errors of failed system calls, with libuv's codes, Node's
// negative errno numbers and messages: FileError ("ENOENT: no such file or directory, open '/x'"),
// NetError ("connect ECONNREFUSED 127.0.0.1:1") and LookupError ("getaddrinfo ENOTFOUND host").
// ErrnoOf finds the errno behind a Go error, UVCode and ErrnoName name it.
package nodeerr

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/inspect"
)

// New builds an error with the runtime's global constructor named ctor ("Error", "TypeError",
// "RangeError", ...), message msg and code property code. An unknown ctor falls back to TypeError.
func New(vm *goja.Runtime, ctor, code, msg string) *goja.Object {
	var e *goja.Object
	if c, ok := goja.AssertConstructor(vm.Get(ctor)); ok {
		e, _ = c(nil, vm.ToValue(msg))
	}
	if e == nil {
		// NewTypeError formats its first argument; keep a '%' in msg literal.
		e = vm.NewTypeError("%s", msg)
	}
	// Node sets the name to "TypeError [CODE]" while the stack is captured, then removes it again. goja
	// formats the stack on its first read, so read it while the temporary name is in place.
	name := "Error"
	if n := e.Get("name"); n != nil && !goja.IsUndefined(n) {
		name = n.String()
	}
	_ = e.Set("name", name+" ["+code+"]")
	_ = e.Get("stack")
	_ = e.Delete("name")
	_ = e.Set("code", code)
	return e
}

// InvalidArgType is Node's ERR_INVALID_ARG_TYPE TypeError: `The "name" argument must be <expected>.
// Received <Received(got)>`. expected is the whole phrase, e.g. "of type string" or "of type string or
// an instance of Buffer". A name containing a dot is a property ("options.flag"), as in Node.
func InvalidArgType(vm *goja.Runtime, name, expected string, got goja.Value) *goja.Object {
	var b strings.Builder
	b.WriteString("The ")
	if strings.HasSuffix(name, " argument") {
		b.WriteString(name)
	} else {
		b.WriteString(`"` + name + `" ` + argKind(name))
	}
	b.WriteString(" must be " + expected + ". Received " + Received(vm, got))
	return New(vm, "TypeError", "ERR_INVALID_ARG_TYPE", b.String())
}

// InvalidArgValue is Node's ERR_INVALID_ARG_VALUE TypeError: "The argument 'name' <reason>. Received
// <value as util.inspect shows it>". An empty reason is Node's default, "is invalid".
func InvalidArgValue(vm *goja.Runtime, name string, value goja.Value, reason string) *goja.Object {
	if reason == "" {
		reason = "is invalid"
	}
	inspected := inspect.Value(vm, value, inspect.Defaults)
	if u := utf16.Encode([]rune(inspected)); len(u) > 128 {
		inspected = string(utf16.Decode(u[:128])) + "..."
	}
	return New(vm, "TypeError", "ERR_INVALID_ARG_VALUE",
		"The "+argKind(name)+" '"+name+"' "+reason+". Received "+inspected)
}

func argKind(name string) string {
	if strings.Contains(name, ".") {
		return "property"
	}
	return "argument"
}

// Received describes a value the way the "Received ..." part of Node's messages does
// (determineSpecificType in Node 20): "undefined", "null", "type number (5)", "type string ('abc')",
// "function foo", "an instance of Foo", "type symbol (Symbol(s))", "type bigint (5n)". Strings longer
// than 28 UTF-16 units are cut to 25 and marked "...".
func Received(vm *goja.Runtime, v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if obj, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(obj); isFn {
			return "function " + str(obj.Get("name"))
		}
		if name, ok := ctorName(obj); ok {
			return "an instance of " + name
		}
		return inspect.Value(vm, obj, inspect.Options{Depth: -1}) // only the kind, as Node
	}
	switch {
	case goja.IsString(v):
		u := units(v)
		if len(u) > 28 {
			u = append(u[:25:25], '.', '.', '.')
		}
		if !containsUnit(u, '\'') {
			return "type string ('" + quote(u, 0) + "')"
		}
		return "type string (" + jsonQuote(u) + ")"
	case goja.IsNumber(v):
		return "type number (" + inspect.Number(v.ToFloat()) + ")"
	case goja.IsBigInt(v):
		return "type bigint (" + v.String() + "n)"
	}
	if _, ok := v.(*goja.Symbol); ok {
		return "type symbol (" + inspect.Symbol(v.(*goja.Symbol)) + ")"
	}
	return "type boolean (" + v.String() + ")"
}

// ctorName is value.constructor.name when Node's `value.constructor && 'name' in value.constructor`
// holds.
func ctorName(obj *goja.Object) (string, bool) {
	c, ok := obj.Get("constructor").(*goja.Object)
	if !ok {
		return "", false
	}
	n := c.Get("name")
	if n == nil {
		return "", false
	}
	return str(n), true
}

func str(v goja.Value) string {
	if v == nil {
		return "undefined"
	}
	return v.String()
}

// units is a JS string as its UTF-16 code units, lone surrogates included.
func units(v goja.Value) []uint16 {
	if s, ok := v.(goja.String); ok {
		u := make([]uint16, s.Length())
		for i := range u {
			u[i] = s.CharAt(i)
		}
		return u
	}
	return utf16.Encode([]rune(v.String()))
}

func containsUnit(u []uint16, c uint16) bool {
	for _, x := range u {
		if x == c {
			return true
		}
	}
	return false
}

// eachRune calls f for each code point of u; a lone surrogate comes as itself with lone set.
func eachRune(u []uint16, f func(r rune, lone bool)) {
	for i := 0; i < len(u); i++ {
		c := rune(u[i])
		if utf16.IsSurrogate(c) {
			if i+1 < len(u) && c < 0xdc00 {
				if r := utf16.DecodeRune(c, rune(u[i+1])); r != utf8.RuneError {
					f(r, false)
					i++
					continue
				}
			}
			f(c, true)
			continue
		}
		f(c, false)
	}
}

// quote writes u as util.inspect does inside quotes q (0: no escaping of quotes at all, for Received).
func quote(u []uint16, q rune) string {
	var b strings.Builder
	eachRune(u, func(r rune, lone bool) {
		switch {
		case q == 0 && !lone:
			b.WriteRune(r)
		case q == 0:
			b.WriteRune(utf8.RuneError)
		case lone:
			b.WriteString(`\u` + hex(int(r), 4, false))
		case r == q || r == '\\':
			b.WriteString(`\` + string(r))
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\f':
			b.WriteString(`\f`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r >= 0x7f && r <= 0x9f:
			b.WriteString(`\x` + hex(int(r), 2, true))
		default:
			b.WriteRune(r)
		}
	})
	return b.String()
}

// jsonQuote is JSON.stringify of a string.
func jsonQuote(u []uint16) string {
	var b strings.Builder
	b.WriteByte('"')
	eachRune(u, func(r rune, lone bool) {
		switch {
		case lone:
			b.WriteString(`\u` + hex(int(r), 4, false))
		case r == '"' || r == '\\':
			b.WriteString(`\` + string(r))
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\f':
			b.WriteString(`\f`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20:
			b.WriteString(`\u` + hex(int(r), 4, false))
		default:
			b.WriteRune(r)
		}
	})
	b.WriteByte('"')
	return b.String()
}

func hex(n, width int, upper bool) string {
	digits := "0123456789abcdef"
	if upper {
		digits = "0123456789ABCDEF"
	}
	out := make([]byte, width)
	for i := width - 1; i >= 0; i-- {
		out[i] = digits[n&0xf]
		n >>= 4
	}
	return string(out)
}

// NotSupportedCode is the code of the error a plugin gets when it calls a Node API pluginhost does
// not provide (a server socket, a worker thread, a vm context).
const NotSupportedCode = "ERR_NOT_SUPPORTED_IN_PLUGINHOST"

// NotSupported builds the Error thrown by an unsupported Node API; what names it the way a plugin
// author would look it up, e.g. "net.createServer".
func NotSupported(vm *goja.Runtime, what string) *goja.Object {
	return New(vm, "Error", NotSupportedCode, what+" is not supported in pluginhost")
}
