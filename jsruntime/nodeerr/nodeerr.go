// Package nodeerr builds the errors Node's own modules throw (lib/internal/errors.js): an Error,
// TypeError or RangeError carrying a code property such as ERR_INVALID_ARG_TYPE, with Node's message
// wording. The runtime's built-in modules (buffer, fs, path, url, module, timers, require, express's
// response) build their argument and protocol errors with it, so those look the same everywhere.
//
// Like Node's, an error from New has the plain constructor's name ("TypeError"), an enumerable own
// code property, and a stack whose first line is "TypeError [ERR_CODE]: message".
package nodeerr

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
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
	b.WriteString(" must be " + expected + ". Received " + Received(got))
	return New(vm, "TypeError", "ERR_INVALID_ARG_TYPE", b.String())
}

// InvalidArgValue is Node's ERR_INVALID_ARG_VALUE TypeError: "The argument 'name' <reason>. Received
// <value as util.inspect shows it>". An empty reason is Node's default, "is invalid".
func InvalidArgValue(vm *goja.Runtime, name string, value goja.Value, reason string) *goja.Object {
	if reason == "" {
		reason = "is invalid"
	}
	inspected := inspect(value, 0)
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
func Received(v goja.Value) string {
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
		return inspect(obj, inspectDepth+1) // Node inspects with depth -1: no contents, only the kind
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
		return "type number (" + number(v) + ")"
	case goja.IsBigInt(v):
		return "type bigint (" + v.String() + "n)"
	}
	if _, ok := v.(*goja.Symbol); ok {
		return "type symbol (" + symbol(v) + ")"
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

// symbol is String(sym): goja's Symbol.String gives only the description.
func symbol(v goja.Value) string {
	return "Symbol(" + v.String() + ")"
}

func number(v goja.Value) string {
	if f := v.ToFloat(); f == 0 && math.Signbit(f) {
		return "-0"
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

// inspectDepth is util.inspect's default depth: objects nested deeper show as [Object] or [Array].
const inspectDepth = 2

var identifier = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z_0-9]*$`)

// inspect renders v on one line the way util.inspect does for primitives, functions, arrays and plain
// or class-instance objects. It is what Node's messages show for "Received" in ERR_INVALID_ARG_VALUE,
// and for objects with no usable constructor in ERR_INVALID_ARG_TYPE. Node breaks long output over
// several lines and knows more object kinds (Date, Map, Error ...); those differ here.
func inspect(v goja.Value, depth int) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	case goja.IsString(v):
		return inspectString(units(v))
	case goja.IsNumber(v):
		return number(v)
	case goja.IsBigInt(v):
		return v.String() + "n"
	}
	if _, ok := v.(*goja.Symbol); ok {
		return symbol(v)
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		return v.String() // boolean
	}
	if _, isFn := goja.AssertFunction(obj); isFn {
		if name := str(obj.Get("name")); name != "" {
			return "[Function: " + name + "]"
		}
		return "[Function (anonymous)]"
	}
	switch obj.ClassName() {
	case "Date":
		if t, ok := obj.Export().(time.Time); ok {
			return t.UTC().Format("2006-01-02T15:04:05.000Z")
		}
		return "Invalid Date"
	case "RegExp":
		return "/" + str(obj.Get("source")) + "/" + str(obj.Get("flags"))
	}
	isArray := obj.ClassName() == "Array"
	prefix, kind := "", "Object"
	if isArray {
		kind = "Array"
	}
	nullProto := obj.Prototype() == nil
	if nullProto {
		prefix = "[" + kind + ": null prototype] "
	} else if c, ok := obj.Get("constructor").(*goja.Object); ok {
		// util.inspect names a class instance after its constructor, if that is a named function.
		if _, isFn := goja.AssertFunction(c); isFn {
			if name := str(c.Get("name")); name != "" && name != kind {
				prefix, kind = name+" ", name
			}
		}
	}
	var parts []string
	keys := obj.Keys()
	if isArray {
		n := int(obj.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			parts = append(parts, inspect(obj.Get(strconv.Itoa(i)), depth+1))
		}
		keys = slices.DeleteFunc(keys, func(k string) bool {
			i, err := strconv.Atoi(k)
			return err == nil && i >= 0 && i < n && strconv.Itoa(i) == k
		})
	}
	open, close := "{", "}"
	if isArray {
		open, close = "[", "]"
	}
	if len(parts) == 0 && len(keys) == 0 {
		return prefix + open + close
	}
	if depth > inspectDepth {
		if nullProto {
			return strings.TrimSuffix(prefix, " ")
		}
		return "[" + kind + "]"
	}
	for _, k := range keys {
		key := k
		if !identifier.MatchString(k) {
			key = inspectString(utf16.Encode([]rune(k)))
		}
		parts = append(parts, key+": "+inspect(obj.Get(k), depth+1))
	}
	return prefix + open + " " + strings.Join(parts, ", ") + " " + close
}

// inspectString quotes a string as util.inspect does: single quotes unless the string holds one, then
// double quotes, then backticks, and single quotes with escaping when it holds all three.
func inspectString(u []uint16) string {
	q := '\''
	if containsUnit(u, '\'') {
		switch {
		case !containsUnit(u, '"'):
			q = '"'
		case !containsUnit(u, '`') && !containsSeq(u, "${"):
			q = '`'
		}
	}
	return string(q) + quote(u, q) + string(q)
}

func containsSeq(u []uint16, s string) bool {
	return strings.Contains(string(utf16.Decode(u)), s)
}

// NotSupportedCode is the code of the error a plugin gets when it calls a Node API pluginhost does
// not provide (a server socket, a worker thread, a vm context).
const NotSupportedCode = "ERR_NOT_SUPPORTED_IN_PLUGINHOST"

// NotSupported builds the Error thrown by an unsupported Node API; what names it the way a plugin
// author would look it up, e.g. "net.createServer".
func NotSupported(vm *goja.Runtime, what string) *goja.Object {
	return New(vm, "Error", NotSupportedCode, what+" is not supported in pluginhost")
}
