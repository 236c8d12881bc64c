package jsjson

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ftoa"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// maxKeptJSONBuffer is the largest scratch buffer a runtime keeps between responses.
const maxKeptJSONBuffer = 64 << 10

// jsonOutcome is what the Go writer did with one value.
type jsonOutcome uint8

const (
	jsonWritten jsonOutcome = iota
	// jsonSkipped: undefined, a function or a symbol, which JSON.stringify omits from objects and
	// writes as null in arrays.
	jsonSkipped
	// jsonUnsupported: a value only goja's JSON.stringify handles exactly.
	jsonUnsupported
	// jsonTooDeep: nesting deeper than MaxDepth, where V8 has run out of stack.
	jsonTooDeep
	// jsonCircular: a value contains itself; the writer's err says where, as V8's TypeError does.
	jsonCircular
)

// jsonWriter is JSON.stringify without a replacer, for data: ordinary objects (class instances
// included), arrays with Array.prototype, strings, numbers, booleans and null. It writes UTF-8
// directly instead of building a JS string, and reports jsonUnsupported for anything else (toJSON,
// Proxies, wrapper objects, Dates, typed arrays, Maps, BigInts), so that the caller serialises the
// whole value with goja instead. A cycle is V8's TypeError, with V8's description of where it
// closes. Nesting deeper than MaxDepth is V8's RangeError for an exhausted stack (V8 runs out at
// about 5,000 levels), not left to goja, whose JSON.stringify recurses in Go and would exhaust the
// Go stack, ending the process.
// Getters run as under JSON.stringify, in the same order; one that ran before an unsupported value
// was reached runs again when goja serialises the value.
type jsonWriter struct {
	buf []byte
	// safe marks the ASCII characters written as they are; the others are escaped.
	safe        *[utf8.RuneSelf]bool
	objectProto *goja.Object
	arrayProto  *goja.Object
	// goTextType is goja's dynamic type for a string imported from Go, which keeps the Go text as
	// its String() (see goTextStringType); nil if there is none.
	goTextType reflect.Type
	// stack holds the objects and arrays being written, for JSON.stringify's cycle check, and path
	// the member or element of each that is being written, for V8's description of a cycle.
	stack []*goja.Object
	path  []pathStep
	err   error
	// gap is the indentation of one level ("" for none), and indent the current one.
	gap, indent string
	busy        bool
}

type writerKey struct{}

// jsonSafe and jsonSafeHTML are the characters JSON.stringify leaves unescaped, without and with
// Express's "json escape" setting (which also escapes <, > and &).
var jsonSafe, jsonSafeHTML = func() (plain, html [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		plain[c] = c != '"' && c != '\\'
		html[c] = plain[c] && c != '<' && c != '>' && c != '&'
	}
	return plain, html
}()

var (
	// asciiStringType is goja's dynamic type for strings of ASCII characters only, whose String()
	// is the string itself; other strings are read as UTF-16 code units.
	asciiStringType = reflect.TypeOf(goja.StringFromUTF16([]uint16{'a'}))
	int64Type       = reflect.TypeOf(int64(0))
	float64Type     = reflect.TypeOf(float64(0))
	boolType        = reflect.TypeOf(false)
	plainObjectType = reflect.TypeOf(map[string]any(nil))
	plainArrayType  = reflect.TypeOf([]any(nil))
	proxyType       = reflect.TypeOf(goja.Proxy{})
)

// Stringify is JSON.stringify(val, undefined, gap) as UTF-8 for data, with <, > and & escaped when
// escapeHTML is set (Express's "json escape"); gap is the indentation JSON.stringify derives from its
// space argument. ok is false when val needs goja's JSON.stringify (GojaStringify), including when
// the result would be undefined; err is V8's TypeError for a circular structure or its RangeError
// for nesting deeper than MaxDepth. Must be called on the loop.
func Stringify(rt *jsruntime.Runtime, val goja.Value, gap string, escapeHTML bool) (body []byte, ok bool, err error) {
	ok, err = write(rt, val, gap, escapeHTML, func(text []byte) { body = append([]byte(nil), text...) })
	return body, ok, err
}

// StringifyValue is JSON.stringify(value, replacer, space): written as Stringify does where it can
// be, and by goja's own JSON.stringify otherwise. Its errors are for jsruntime.Runtime.ErrorValue.
// Must be called on the loop.
func StringifyValue(rt *jsruntime.Runtime, value, replacer, space goja.Value) (goja.Value, error) {
	if gap, ok := gapOf(rt.VM(), replacer, space); ok {
		var text goja.Value
		ok, err := write(rt, value, gap, false, func(b []byte) { text = rt.VM().ToValue(string(b)) })
		if err != nil {
			return nil, err
		}
		if ok {
			return text, nil
		}
	}
	return GojaStringify(rt)(goja.Undefined(), value, replacer, space)
}

type gojaStringifyKey struct{}

// GojaStringify is goja's own JSON.stringify in rt, which takes what the writer leaves. It is read
// from the global JSON object on the first call, which must come before anything replaces it
// (package polyfill asks before it installs its JSON.stringify). Must be called on the loop.
func GojaStringify(rt *jsruntime.Runtime) goja.Callable {
	return rt.Value(gojaStringifyKey{}, func() any {
		vm := rt.VM()
		fn, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("stringify"))
		return fn
	}).(goja.Callable)
}

// write runs rt's writer over val and hands take the text, which is only valid during the call.
func write(rt *jsruntime.Runtime, val goja.Value, gap string, escapeHTML bool, take func([]byte)) (bool, error) {
	vm := rt.VM()
	w := rt.Value(writerKey{}, func() any {
		return &jsonWriter{
			objectProto: vm.NewObject().Prototype(),
			arrayProto:  vm.NewArray().Prototype(),
			goTextType:  goTextStringType(vm),
		}
	}).(*jsonWriter)
	if w.busy {
		// A getter is serialising another value while this one is being written.
		w = &jsonWriter{objectProto: w.objectProto, arrayProto: w.arrayProto, goTextType: w.goTextType}
	}
	w.busy = true
	defer w.release()
	w.safe = &jsonSafe
	if escapeHTML {
		w.safe = &jsonSafeHTML
	}
	w.gap = gap
	switch w.value(val) {
	case jsonWritten:
		take(w.buf)
		return true, nil
	case jsonTooDeep:
		return false, errTooDeep
	case jsonCircular:
		return false, w.err
	}
	return false, nil
}

// gapOf is the indentation JSON.stringify takes from space (SerializeJSONProperty's gap), and false
// when the writer cannot serialise for these arguments: with a replacer (a function or a property
// list; other objects are ignored by JSON.stringify, and left to goja too), or a gap that is not ASCII
// (ten UTF-16 code units of it could split a pair).
func gapOf(vm *goja.Runtime, replacer, space goja.Value) (string, bool) {
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

// goTextStringType is the dynamic type of the strings vm.ToValue makes of Go strings that are not short
// ASCII (goja's importedString), whose JS value is scanned from the Go text only when needed, so
// that their String() is that text even where the JS value has U+FFFD for invalid UTF-8. Such
// strings are most of a parsed request body's. It is nil if goja gives them the type of strings
// built from UTF-16, whose String() would hide lone surrogates.
func goTextStringType(vm *goja.Runtime) reflect.Type {
	t := reflect.TypeOf(vm.ToValue(strings.Repeat("\u00e9", 9)))
	if t == reflect.TypeOf(goja.StringFromUTF16([]uint16{0xe9})) || t == asciiStringType {
		return nil
	}
	return t
}

// release readies w for the next response: no references to JS objects, no oversized buffer.
func (w *jsonWriter) release() {
	clear(w.stack)
	w.stack = w.stack[:0]
	w.path = w.path[:0]
	w.err = nil
	w.indent = ""
	w.buf = w.buf[:0]
	if cap(w.buf) > maxKeptJSONBuffer {
		w.buf = nil
	}
	w.busy = false
}

// value writes v as JSON.stringify's SerializeJSONProperty does once v has been read.
func (w *jsonWriter) value(v goja.Value) jsonOutcome {
	switch v := v.(type) {
	case nil, *goja.Symbol:
		return jsonSkipped
	case goja.String:
		w.quote(v)
		return jsonWritten
	case *goja.Object:
		return w.object(v)
	}
	switch {
	case goja.IsUndefined(v):
		return jsonSkipped
	case goja.IsNull(v):
		w.buf = append(w.buf, "null"...)
		return jsonWritten
	}
	switch v.ExportType() {
	case int64Type:
		w.buf = strconv.AppendInt(w.buf, v.ToInteger(), 10)
	case float64Type:
		// goja's own number formatting, so that every float reads as in JSON.stringify; NaN and
		// the infinities are null.
		if f := v.ToFloat(); !math.IsNaN(f) && !math.IsInf(f, 0) {
			w.buf = ftoa.FToStr(f, ftoa.ModeStandard, 0, w.buf)
		} else {
			w.buf = append(w.buf, "null"...)
		}
	case boolType:
		w.buf = strconv.AppendBool(w.buf, v.ToBoolean())
	default:
		return jsonUnsupported
	}
	return jsonWritten
}

// object writes a plain object or array; functions are skipped unless they have a toJSON.
func (w *jsonWriter) object(o *goja.Object) jsonOutcome {
	// Only side-effect-free checks come before the first property read (toJSON): a Proxy would
	// observe them.
	typ := o.ExportType()
	isArray, callable := false, false
	switch {
	case typ == proxyType:
		return jsonUnsupported
	case typ == plainObjectType && o.ClassName() == "Object":
		// An ordinary object of any prototype (a class instance too): JSON.stringify reads its own
		// enumerable properties, after a toJSON it may inherit.
	case typ == plainArrayType && o.ClassName() == "Array":
		if o.Prototype() != w.arrayProto {
			return jsonUnsupported
		}
		isArray = true
	default:
		if _, callable = goja.AssertFunction(o); !callable {
			return jsonUnsupported
		}
	}
	if _, has := o.Get("toJSON").(*goja.Object); has {
		return jsonUnsupported
	}
	if callable {
		return jsonSkipped
	}
	if len(w.stack) >= MaxDepth {
		return jsonTooDeep
	}
	for i, outer := range w.stack {
		if outer == o {
			w.err = w.circular(i)
			return jsonCircular
		}
	}
	w.stack = append(w.stack, o)
	var out jsonOutcome
	if isArray {
		out = w.array(o)
	} else {
		out = w.members(o)
	}
	w.stack = w.stack[:len(w.stack)-1]
	return out
}

// array writes the elements 0..length-1 of a, holes and skipped values as null.
func (w *jsonWriter) array(a *goja.Object) jsonOutcome {
	n := a.Get("length").ToInteger()
	if n == 0 {
		w.buf = append(w.buf, "[]"...)
		return jsonWritten
	}
	outer := w.open('[')
	for i := int64(0); i < n; i++ {
		w.separate(i == 0)
		w.path = append(w.path, pathStep{index: i, isIndex: true})
		out := w.value(a.Get(strconv.FormatInt(i, 10)))
		w.path = w.path[:len(w.path)-1]
		switch out {
		case jsonWritten:
		case jsonSkipped:
			w.buf = append(w.buf, "null"...)
		default:
			return out
		}
	}
	w.close(']', outer)
	return jsonWritten
}

// members writes o's own enumerable string-keyed properties, in goja's key order, leaving out the
// skipped ones.
func (w *jsonWriter) members(o *goja.Object) jsonOutcome {
	keys := o.Keys()
	if len(keys) == 0 {
		w.buf = append(w.buf, "{}"...)
		return jsonWritten
	}
	outer := w.open('{')
	start, first := len(w.buf), true
	for _, k := range keys {
		mark := len(w.buf)
		w.separate(first)
		if !w.quoteKey(k) {
			return jsonUnsupported
		}
		w.buf = append(w.buf, ':')
		if w.gap != "" {
			w.buf = append(w.buf, ' ')
		}
		w.path = append(w.path, pathStep{name: k})
		out := w.value(o.Get(k))
		w.path = w.path[:len(w.path)-1]
		switch out {
		case jsonWritten:
			first = false
		case jsonSkipped:
			w.buf = w.buf[:mark]
		default:
			return out
		}
	}
	if first {
		// Every member was skipped: JSON.stringify writes {} whatever the gap.
		w.buf = append(w.buf[:start-1], "{}"...)
		w.indent = outer
		return jsonWritten
	}
	w.close('}', outer)
	return jsonWritten
}

// pathStep is how the writer reached a value: a member's name or an element's index.
type pathStep struct {
	name    string
	index   int64
	isIndex bool
}

func (p pathStep) String() string {
	if p.isIndex {
		return "index " + strconv.FormatInt(p.index, 10)
	}
	return "property '" + p.name + "'"
}

// circular is V8's TypeError for the cycle that starts at w.stack[start] and closes from the innermost
// object back to it. V8 shows at most two steps of the way in, then "...", then the last one.
func (w *jsonWriter) circular(start int) error {
	constructor := func(o *goja.Object) string { return "'" + w.constructorName(o) + "'" }
	var b strings.Builder
	b.WriteString("Converting circular structure to JSON\n    --> starting at object with constructor ")
	b.WriteString(constructor(w.stack[start]))
	step := func(i int) {
		b.WriteString("\n    |     " + w.path[i-1].String() + " -> object with constructor " + constructor(w.stack[i]))
	}
	last := len(w.stack) - 1
	if last-start <= 3 {
		for i := start + 1; i <= last; i++ {
			step(i)
		}
	} else {
		step(start + 1)
		step(start + 2)
		b.WriteString("\n    |     ...")
		step(last)
	}
	b.WriteString("\n    --- " + w.path[last].String() + " closes the circle")
	return &Error{Name: "TypeError", msg: b.String()}
}

// constructorName names o's constructor as V8's message does: Array, Object for a plain or
// prototype-less object, else the name of its prototype's constructor.
func (w *jsonWriter) constructorName(o *goja.Object) string {
	if o.ClassName() == "Array" {
		return "Array"
	}
	p := o.Prototype()
	if p == nil || p == w.objectProto {
		return "Object"
	}
	if c, ok := p.Get("constructor").(*goja.Object); ok {
		if name := c.Get("name"); name != nil && goja.IsString(name) && name.String() != "" {
			return name.String()
		}
	}
	return "Object"
}

// open writes the bracket that starts a non-empty object or array and returns the indentation
// outside it, for close.
func (w *jsonWriter) open(bracket byte) (outer string) {
	w.buf = append(w.buf, bracket)
	outer = w.indent
	w.indent += w.gap
	return outer
}

// separate starts a member or element: a comma after the first and, with a gap, a new line indented.
func (w *jsonWriter) separate(first bool) {
	if !first {
		w.buf = append(w.buf, ',')
	}
	if w.gap != "" {
		w.buf = append(w.buf, '\n')
		w.buf = append(w.buf, w.indent...)
	}
}

// close writes the bracket that ends a non-empty object or array, on its own line with a gap.
func (w *jsonWriter) close(bracket byte, outer string) {
	w.indent = outer
	if w.gap != "" {
		w.buf = append(w.buf, '\n')
		w.buf = append(w.buf, outer...)
	}
	w.buf = append(w.buf, bracket)
}

// quoteKey writes a property name as Keys() gives it. Keys() turns a lone surrogate into U+FFFD,
// which then names no property, so a name with U+FFFD is left to goja (false).
func (w *jsonWriter) quoteKey(k string) bool {
	if strings.Contains(k, "\uFFFD") {
		return false
	}
	w.quoteGo(k)
	return true
}

// quote writes a string value as JSON.stringify's QuoteJSONString: lone surrogates as \uxxxx,
// everything else outside the escapes as UTF-8.
func (w *jsonWriter) quote(s goja.String) {
	if t := reflect.TypeOf(s); t == asciiStringType || t == w.goTextType {
		w.quoteGo(s.String())
		return
	}
	w.buf = append(w.buf, '"')
	n := s.Length()
	for i := 0; i < n; i++ {
		c := s.CharAt(i)
		switch {
		case c < utf8.RuneSelf:
			if w.safe[c] {
				w.buf = append(w.buf, byte(c))
			} else {
				w.escapeASCII(byte(c))
			}
		case c < 0xD800 || c > 0xDFFF:
			w.buf = utf8.AppendRune(w.buf, rune(c))
		case c < 0xDC00 && i+1 < n && isLowSurrogate(s.CharAt(i+1)):
			i++
			w.buf = utf8.AppendRune(w.buf, 0x10000+(rune(c)-0xD800)<<10+rune(s.CharAt(i))-0xDC00)
		default:
			w.buf = appendUnicodeEscape(w.buf, c)
		}
	}
	w.buf = append(w.buf, '"')
}

// quoteGo writes a string held as Go text, whose JS value is that text decoded as goja does
// (unistring.Scan): each byte that is not valid UTF-8 reads as U+FFFD.
func (w *jsonWriter) quoteGo(s string) {
	w.buf = append(w.buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if !w.safe[c] {
				w.buf = append(w.buf, s[start:i-1]...)
				w.escapeASCII(c)
				start = i
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			w.buf = append(w.buf, s[start:i]...)
			w.buf = append(w.buf, "\uFFFD"...)
			start = i + 1
		}
		i += size
	}
	w.buf = append(w.buf, s[start:]...)
	w.buf = append(w.buf, '"')
}

func isLowSurrogate(c uint16) bool { return c >= 0xDC00 && c <= 0xDFFF }

// escapeASCII writes the JSON escape of an ASCII character that is not safe.
func (w *jsonWriter) escapeASCII(c byte) {
	switch c {
	case '"', '\\':
		w.buf = append(w.buf, '\\', c)
	case '\b':
		w.buf = append(w.buf, `\b`...)
	case '\t':
		w.buf = append(w.buf, `\t`...)
	case '\n':
		w.buf = append(w.buf, `\n`...)
	case '\f':
		w.buf = append(w.buf, `\f`...)
	case '\r':
		w.buf = append(w.buf, `\r`...)
	default:
		w.buf = appendUnicodeEscape(w.buf, uint16(c))
	}
}

// appendUnicodeEscape appends \uxxxx with lowercase hex digits, as JSON.stringify writes them.
func appendUnicodeEscape(buf []byte, c uint16) []byte {
	const hex = "0123456789abcdef"
	return append(buf, '\\', 'u', hex[c>>12], hex[c>>8&0xF], hex[c>>4&0xF], hex[c&0xF])
}
