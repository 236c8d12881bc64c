// Package inspect renders JS values as Node's util.inspect does (without colours). It is the one
// inspector of the runtime: util.inspect and util.format, console, and the "Received ..." part of
// Node's argument errors (nodeerr) all use it.
package inspect

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// Options are the util.inspect options pluginhost honours; breakLength is always 80 and compact 3,
// and showHidden is not supported (non-enumerable properties are never shown).
type Options struct {
	// Depth is how many levels of nesting are shown; deeper objects show as [Object] or [Array].
	// Negative shows only the kind of a non-empty object; math.MaxInt32 means no limit.
	Depth int
}

// Defaults are util.inspect's default options.
var Defaults = Options{Depth: 2}

const (
	breakLength    = 80
	compact        = 3
	maxArrayLength = 100
	maxBufferBytes = 50
)

// inspector carries the state of one inspection, as Node's ctx does.
type inspector struct {
	vm           *goja.Runtime
	opts         Options
	customSym    *goja.Symbol // Symbol.for('nodejs.util.inspect.custom'), looked up on first use
	seen         []*goja.Object
	circular     map[*goja.Object]int
	indent       int
	currentDepth int
}

// Value renders v as util.inspect(v, opts) does. Must be called on vm's loop.
func Value(vm *goja.Runtime, v goja.Value, opts Options) string {
	in := &inspector{vm: vm, opts: opts}
	return in.value(v, 0)
}

func (in *inspector) value(v goja.Value, level int) string {
	obj, ok := v.(*goja.Object)
	if !ok {
		return in.primitive(v)
	}
	for _, s := range in.seen {
		if s == obj {
			if in.circular == nil {
				in.circular = map[*goja.Object]int{}
			}
			idx, ok := in.circular[obj]
			if !ok {
				idx = len(in.circular) + 1
				in.circular[obj] = idx
			}
			return fmt.Sprintf("[Circular *%d]", idx)
		}
	}
	if out, ok := in.custom(obj, level); ok {
		return out
	}
	out := in.object(obj, level)
	if idx, ok := in.circular[obj]; ok {
		out = fmt.Sprintf("<ref *%d> %s", idx, out)
	}
	return out
}

// CustomSymbol is util.inspect.custom, Symbol.for('nodejs.util.inspect.custom'): host classes define
// their Node rendering under it. nil if the runtime's Symbol.for is unusable.
func CustomSymbol(vm *goja.Runtime) *goja.Symbol {
	symFor, ok := goja.AssertFunction(vm.Get("Symbol").ToObject(vm).Get("for"))
	if !ok {
		return nil
	}
	sym, err := symFor(goja.Undefined(), vm.ToValue("nodejs.util.inspect.custom"))
	if err != nil {
		return nil
	}
	s, _ := sym.(*goja.Symbol)
	return s
}

// OptionsOf reads the options object a custom inspect method receives (only depth matters here).
func OptionsOf(v goja.Value) Options {
	o := Defaults
	if arg, isObj := v.(*goja.Object); isObj {
		if d := arg.Get("depth"); d != nil && !goja.IsUndefined(d) && !goja.IsNull(d) {
			o.Depth = int(d.ToInteger())
		}
	}
	return o
}

// custom renders obj through its [util.inspect.custom](depth, options, inspect) method, as Node does
// when an object (not a prototype) has one; ok is false when it has none or it returned obj itself.
func (in *inspector) custom(obj *goja.Object, level int) (out string, ok bool) {
	vm := in.vm
	if in.customSym == nil {
		if in.customSym = CustomSymbol(vm); in.customSym == nil {
			return "", false
		}
	}
	fn, isFn := goja.AssertFunction(obj.GetSymbol(in.customSym))
	if !isFn {
		return "", false
	}
	if c, isObj := obj.Get("constructor").(*goja.Object); isObj && c.Get("prototype") == goja.Value(obj) {
		return "", false
	}
	depth := in.opts.Depth - level
	opts := vm.NewObject()
	// Node's options carry the whole depth, the argument what is left of it.
	_ = opts.Set("depth", in.opts.Depth)
	_ = opts.Set("colors", false)
	_ = opts.Set("showHidden", false)
	_ = opts.Set("customInspect", true)
	_ = opts.Set("compact", compact)
	_ = opts.Set("breakLength", breakLength)
	_ = opts.Set("stylize", func(call goja.FunctionCall) goja.Value { return vm.ToValue(call.Argument(0).String()) })
	inspectFn := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(Value(vm, call.Argument(0), OptionsOf(call.Argument(1))))
	})
	ret, err := fn(obj, vm.ToValue(depth), opts, inspectFn)
	var exc *goja.Exception
	if errors.As(err, &exc) {
		panic(exc) // the method threw: util.inspect throws it on, as in Node
	} else if err != nil {
		panic(err)
	}
	if ret == goja.Value(obj) {
		return "", false
	}
	if goja.IsString(ret) {
		return strings.ReplaceAll(ret.String(), "\n", "\n"+strings.Repeat(" ", in.indent)), true
	}
	return in.value(ret, level), true
}

func (in *inspector) primitive(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	case goja.IsString(v):
		return quote(v.String())
	case goja.IsNumber(v):
		return Number(v.ToFloat())
	case goja.IsBigInt(v):
		return v.String() + "n"
	}
	if sym, ok := v.(*goja.Symbol); ok {
		return Symbol(sym)
	}
	return v.String() // booleans
}

// quote is strEscape: single quotes unless the string contains them, then double quotes, then backticks.
func quote(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 {
		switch {
		case strings.IndexByte(s, '"') < 0:
			q = '"'
		case strings.IndexByte(s, '`') < 0 && !strings.Contains(s, "${"):
			q = '`'
		}
	}
	var sb strings.Builder
	sb.Grow(len(s) + 2)
	sb.WriteByte(q)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == q || c == '\\':
			sb.WriteByte('\\')
			sb.WriteByte(c)
		case c == '\n':
			sb.WriteString(`\n`)
		case c == '\t':
			sb.WriteString(`\t`)
		case c == '\r':
			sb.WriteString(`\r`)
		case c == '\b':
			sb.WriteString(`\b`)
		case c == '\f':
			sb.WriteString(`\f`)
		case c == '\v':
			sb.WriteString(`\x0B`)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&sb, `\x%02X`, c)
		default:
			sb.WriteByte(c)
		}
	}
	sb.WriteByte(q)
	return sb.String()
}

var identifier = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z_0-9]*$`)

// key renders a property name: bare when it is an identifier, quoted otherwise.
func key(name string) string {
	if identifier.MatchString(name) {
		return name
	}
	return quote(name)
}

// constructorName is the name of the nearest constructor on obj's prototype chain, "" for a null
// prototype.
func (in *inspector) constructorName(obj *goja.Object) string {
	for p := obj.Prototype(); p != nil; p = p.Prototype() {
		if c, ok := p.Get("constructor").(*goja.Object); ok {
			if name := c.Get("name"); name != nil && name.String() != "" {
				return name.String()
			}
		}
	}
	return ""
}

// object formats obj: the shape (braces, base) depends on its kind; entries are its own enumerable
// properties plus kind-specific ones (array items, map entries).
func (in *inspector) object(obj *goja.Object, level int) string {
	ctor := in.constructorName(obj)
	keys := obj.Keys()
	var symbols []*goja.Symbol
	for _, s := range obj.Symbols() {
		symbols = append(symbols, s)
	}
	var (
		base     string
		braces   = [2]string{"{", "}"}
		isArray  bool
		entries  func(level int) []string
		prefix   = objectPrefix(ctor, "Object")
		noKeys   = len(keys) == 0 && len(symbols) == 0
		itemKeys map[string]bool
	)
	_, isFn := goja.AssertFunction(obj)
	_, isPromise := obj.Export().(*goja.Promise)
	switch class := obj.ClassName(); {
	case isFn:
		base = in.functionBase(obj, ctor)
		if noKeys {
			return base
		}
	case class == "Array":
		isArray = true
		n := int(obj.Get("length").ToInteger())
		braces = [2]string{"[", "]"}
		if ctor != "Array" {
			braces[0] = fmt.Sprintf("%s(%d) [", sizedName(ctor, "Array"), n)
		}
		if n == 0 && noKeys {
			return braces[0] + "]"
		}
		itemKeys = map[string]bool{}
		entries = func(level int) []string { return in.arrayItems(obj, n, level, itemKeys) }
	case class == "Error":
		base = in.errorBase(obj)
		keys = without(keys, "stack", "message")
		if len(keys) == 0 && len(symbols) == 0 {
			return base
		}
	case class == "Date":
		base = dateString(obj)
		if noKeys {
			return base
		}
	case class == "RegExp":
		base = obj.String()
		if noKeys {
			return base
		}
	case class == "String" || class == "Number" || class == "Boolean":
		inner := in.primitive(valueOf(obj))
		base = fmt.Sprintf("[%s: %s]", class, inner)
		if class == "String" {
			keys = withoutIndexes(keys)
		}
		if len(keys) == 0 && len(symbols) == 0 {
			return base
		}
	case in.instanceOf(obj, "Map"):
		braces[0] = fmt.Sprintf("%s(%d) {", sizedName(ctor, "Map"), int(obj.Get("size").ToInteger()))
		entries = func(level int) []string { return in.mapEntries(obj, level) }
	case in.instanceOf(obj, "Set"):
		braces[0] = fmt.Sprintf("%s(%d) {", sizedName(ctor, "Set"), int(obj.Get("size").ToInteger()))
		entries = func(level int) []string { return in.setEntries(obj, level) }
	case isPromise:
		braces[0] = prefix + "{"
		entries = func(level int) []string { return in.promiseState(obj, level) }
	default:
		if b, ok := obj.Export().([]byte); ok && ctor == "Buffer" {
			return bufferString(b, ctor)
		}
		if n, typed := typedArrayLength(obj); typed {
			isArray = true
			braces = [2]string{fmt.Sprintf("%s(%d) [", ctor, n), "]"}
			if n == 0 && noKeys {
				return braces[0] + "]"
			}
			itemKeys = map[string]bool{}
			entries = func(level int) []string { return in.arrayItems(obj, n, level, itemKeys) }
			break
		}
		if ctor == "" {
			braces[0] = "[Object: null prototype] {"
		} else if ctor != "Object" {
			braces[0] = prefix + "{"
		}
		if noKeys && entries == nil {
			return braces[0] + "}"
		}
	}

	if level > in.opts.Depth {
		if isArray {
			return "[Array]"
		}
		name := ctor
		if name == "" {
			name = "Object: null prototype"
		}
		return "[" + name + "]"
	}
	level++
	in.seen = append(in.seen, obj)
	in.currentDepth = level
	var output []string
	if entries != nil {
		output = entries(level)
	}
	for _, k := range keys {
		if itemKeys != nil && itemKeys[k] {
			continue
		}
		output = append(output, in.property(obj, k, nil, level))
	}
	for _, s := range symbols {
		output = append(output, in.property(obj, "", s, level))
	}
	in.seen = in.seen[:len(in.seen)-1]
	return in.reduce(output, base, braces, isArray, level)
}

// instanceOf reports whether obj is an instance of the named global constructor.
func (in *inspector) instanceOf(obj *goja.Object, global string) bool {
	ctor, ok := in.vm.Get(global).(*goja.Object)
	return ok && in.vm.InstanceOf(obj, ctor)
}

// sizedName names a collection before its size: "Map" in "Map(2) {", the subclass for subclasses.
func sizedName(ctor, fallback string) string {
	if ctor == "" {
		return "[" + fallback + ": null prototype]"
	}
	return ctor
}

// objectPrefix is "Foo " for instances of a class Foo, and "" for the plain fallback type.
func objectPrefix(ctor, fallback string) string {
	if ctor == fallback {
		return ""
	}
	if ctor == "" {
		return "[" + fallback + ": null prototype] "
	}
	return ctor + " "
}

func without(keys []string, drop ...string) []string {
	out := keys[:0:0]
	for _, k := range keys {
		keep := true
		for _, d := range drop {
			keep = keep && k != d
		}
		if keep {
			out = append(out, k)
		}
	}
	return out
}

func withoutIndexes(keys []string) []string {
	out := keys[:0:0]
	for _, k := range keys {
		if _, err := strconv.Atoi(k); err != nil {
			out = append(out, k)
		}
	}
	return out
}

func (in *inspector) functionBase(fn *goja.Object, ctor string) string {
	name := ""
	if n := fn.Get("name"); n != nil {
		name = n.String()
	}
	if src := fn.String(); strings.HasPrefix(src, "class") && len(src) > 5 && (src[5] == ' ' || src[5] == '{') {
		if name == "" {
			return "[class (anonymous)]"
		}
		return "[class " + name + "]"
	}
	kind := "Function"
	if ctor == "AsyncFunction" || ctor == "GeneratorFunction" || ctor == "AsyncGeneratorFunction" {
		kind = ctor
	}
	if name == "" {
		return "[" + kind + " (anonymous)]"
	}
	return "[" + kind + ": " + name + "]"
}

// errorBase is the error's stack, indented to the current level, or "[Name: message]" without one.
func (in *inspector) errorBase(obj *goja.Object) string {
	stack := ""
	if s := obj.Get("stack"); s != nil && goja.IsString(s) {
		stack = strings.TrimRight(s.String(), "\n")
	}
	if stack == "" || !strings.Contains(stack, "\n") {
		if stack == "" {
			stack = obj.String()
		}
		stack = "[" + stack + "]"
	}
	if in.indent > 0 {
		stack = strings.ReplaceAll(stack, "\n", "\n"+strings.Repeat(" ", in.indent))
	}
	return stack
}

// valueOf unwraps a boxed primitive.
func valueOf(obj *goja.Object) goja.Value {
	if fn, ok := goja.AssertFunction(obj.Get("valueOf")); ok {
		if v, err := fn(obj); err == nil {
			return v
		}
	}
	return goja.Undefined()
}

func dateString(obj *goja.Object) string {
	if fn, ok := goja.AssertFunction(obj.Get("toISOString")); ok {
		if v, err := fn(obj); err == nil {
			return v.String()
		}
	}
	return "Invalid Date"
}

func bufferString(b []byte, ctor string) string {
	var sb strings.Builder
	sb.WriteString("<" + ctor)
	if len(b) == 0 {
		sb.WriteByte(' ') // Node's "<Buffer >"
	}
	for i, c := range b {
		if i == maxBufferBytes {
			fmt.Fprintf(&sb, " ... %d more byte", len(b)-maxBufferBytes)
			if len(b)-maxBufferBytes > 1 {
				sb.WriteByte('s')
			}
			break
		}
		fmt.Fprintf(&sb, " %02x", c)
	}
	sb.WriteByte('>')
	return sb.String()
}

// typedArrayLength reports whether obj is a typed array (an ArrayBuffer view with a length).
func typedArrayLength(obj *goja.Object) (int, bool) {
	if _, ok := obj.Get("buffer").(*goja.Object); !ok {
		return 0, false
	}
	l := obj.Get("length")
	if l == nil || !goja.IsNumber(l) || obj.Get("BYTES_PER_ELEMENT") == nil {
		return 0, false
	}
	return int(l.ToInteger()), true
}

// property formats one own property "key: value" without invoking accessors.
func (in *inspector) property(obj *goja.Object, name string, sym *goja.Symbol, level int) string {
	var k string
	var keyVal goja.Value
	if sym != nil {
		k = "[" + Symbol(sym) + "]"
		keyVal = sym
	} else {
		k = key(name)
		keyVal = in.vm.ToValue(name)
	}
	if get, set, ok := in.accessor(obj, keyVal); ok {
		switch {
		case get && set:
			return k + ": [Getter/Setter]"
		case get:
			return k + ": [Getter]"
		}
		return k + ": [Setter]"
	}
	var v goja.Value
	if sym != nil {
		v = obj.GetSymbol(sym)
	} else {
		v = obj.Get(name)
	}
	in.indent += 2
	s := in.value(v, level)
	in.indent -= 2
	return k + ": " + s
}

// accessor reports whether the own property is an accessor, and which halves it has.
func (in *inspector) accessor(obj *goja.Object, k goja.Value) (get, set, ok bool) {
	gopd, _ := goja.AssertFunction(in.vm.Get("Object").ToObject(in.vm).Get("getOwnPropertyDescriptor"))
	d, err := gopd(goja.Undefined(), obj, k)
	if err != nil {
		return false, false, false
	}
	desc, isObj := d.(*goja.Object)
	if !isObj {
		return false, false, false
	}
	g, s := desc.Get("get"), desc.Get("set")
	get = g != nil && !goja.IsUndefined(g)
	set = s != nil && !goja.IsUndefined(s)
	return get, set, get || set || (g != nil && s != nil && desc.Get("value") == nil)
}

func (in *inspector) arrayItems(obj *goja.Object, n, level int, itemKeys map[string]bool) []string {
	var out []string
	holes := 0
	flush := func() {
		if holes > 0 {
			plural := "s"
			if holes == 1 {
				plural = ""
			}
			out = append(out, fmt.Sprintf("<%d empty item%s>", holes, plural))
			holes = 0
		}
	}
	shown := min(n, maxArrayLength)
	for i := 0; i < shown; i++ {
		k := strconv.Itoa(i)
		itemKeys[k] = true
		v := obj.Get(k)
		if v == nil {
			holes++
			continue
		}
		flush()
		in.indent += 2
		out = append(out, in.value(v, level))
		in.indent -= 2
	}
	flush()
	for i := shown; i < n; i++ {
		itemKeys[strconv.Itoa(i)] = true
	}
	if n > shown {
		plural := "s"
		if n-shown == 1 {
			plural = ""
		}
		out = append(out, fmt.Sprintf("... %d more item%s", n-shown, plural))
	}
	return out
}

func (in *inspector) mapEntries(obj *goja.Object, level int) []string {
	var out []string
	in.indent += 2
	in.vm.ForOf(obj, func(e goja.Value) bool {
		pair := e.ToObject(in.vm)
		out = append(out, in.value(pair.Get("0"), level)+" => "+in.value(pair.Get("1"), level))
		return true
	})
	in.indent -= 2
	return out
}

func (in *inspector) setEntries(obj *goja.Object, level int) []string {
	var out []string
	in.indent += 2
	in.vm.ForOf(obj, func(v goja.Value) bool {
		out = append(out, in.value(v, level))
		return true
	})
	in.indent -= 2
	return out
}

func (in *inspector) promiseState(obj *goja.Object, level int) []string {
	p, ok := obj.Export().(*goja.Promise)
	if !ok {
		return nil
	}
	switch p.State() {
	case goja.PromiseStatePending:
		return []string{"<pending>"}
	case goja.PromiseStateRejected:
		in.indent += 2
		defer func() { in.indent -= 2 }()
		return []string{"<rejected> " + in.value(p.Result(), level)}
	}
	in.indent += 2
	defer func() { in.indent -= 2 }()
	return []string{in.value(p.Result(), level)}
}

// reduce joins the entries on one line when they are few levels deep and fit in breakLength, else one
// per line; arrays of more than six short items are first grouped into aligned columns.
func (in *inspector) reduce(output []string, base string, braces [2]string, isArray bool, level int) string {
	entries := len(output)
	if entries == 0 {
		return withBase(base) + braces[0] + braces[1]
	}
	if isArray && entries > 6 {
		output = in.groupArrayElements(output)
	}
	if in.currentDepth-level < compact && entries == len(output) {
		start := len(output) + in.indent + len(braces[0]) + len(base) + 10
		if in.fits(output, start, base) {
			joined := strings.Join(output, ", ")
			if !strings.Contains(joined, "\n") {
				return withBase(base) + braces[0] + " " + joined + " " + braces[1]
			}
		}
	}
	ind := "\n" + strings.Repeat(" ", in.indent)
	return withBase(base) + braces[0] + ind + "  " + strings.Join(output, ","+ind+"  ") + ind + braces[1]
}

func withBase(base string) string {
	if base == "" {
		return ""
	}
	return base + " "
}

func (in *inspector) fits(output []string, start int, base string) bool {
	total := len(output) + start
	if total+len(output) > breakLength {
		return false
	}
	for _, s := range output {
		total += width(s)
		if total > breakLength {
			return false
		}
	}
	return base == "" || !strings.Contains(base, "\n")
}

func width(s string) int { return len([]rune(s)) }

// groupArrayElements lays out many short array items in columns, numbers right-aligned, as Node does
// to keep long arrays compact.
func (in *inspector) groupArrayElements(output []string) []string {
	const sep = 2 // ", "
	outLen := len(output)
	if strings.HasPrefix(output[outLen-1], "... ") {
		outLen--
	}
	total, maxLen := 0, 0
	lens := make([]int, outLen)
	numeric := true
	for i := 0; i < outLen; i++ {
		l := width(output[i])
		lens[i] = l
		total += l + sep
		maxLen = max(maxLen, l)
		if _, err := strconv.ParseFloat(strings.TrimSuffix(output[i], "n"), 64); err != nil {
			numeric = false
		}
	}
	actualMax := maxLen + sep
	if actualMax*3+in.indent >= breakLength || (float64(total)/float64(actualMax) <= 5 && maxLen > 6) {
		return output
	}
	bias := math.Sqrt(float64(actualMax) - float64(total)/float64(len(output)))
	biasedMax := math.Max(float64(actualMax)-3-bias, 1)
	columns := min(
		int(math.Round(math.Sqrt(2.5*biasedMax*float64(outLen))/biasedMax)),
		(breakLength-in.indent)/actualMax,
		compact*4,
		15,
	)
	if columns <= 1 {
		return output
	}
	colWidth := make([]int, columns)
	for i := range columns {
		for j := i; j < outLen; j += columns {
			colWidth[i] = max(colWidth[i], lens[j])
		}
		colWidth[i] += sep
	}
	var rows []string
	for i := 0; i < outLen; i += columns {
		end := min(i+columns, outLen)
		var sb strings.Builder
		for j := i; j < end; j++ {
			cell := output[j]
			if j < end-1 {
				cell += ", "
			}
			w := colWidth[j-i]
			if j == end-1 {
				w -= sep
			}
			pad := strings.Repeat(" ", max(0, w-lens[j]-(len(cell)-len(output[j]))))
			if numeric {
				sb.WriteString(pad + cell)
			} else if j < end-1 {
				sb.WriteString(cell + pad)
			} else {
				sb.WriteString(cell)
			}
		}
		rows = append(rows, sb.String())
	}
	if outLen < len(output) {
		rows = append(rows, output[outLen])
	}
	return rows
}
