package buffer

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/inspect"
)

// defineInspect gives Buffer.prototype Node's [util.inspect.custom] method (also named inspect):
// "<Buffer 61 62 ... 3 more bytes>", showing at most require('buffer').INSPECT_MAX_BYTES bytes, then
// the buffer's own enumerable non-index properties.
func (s *state) defineInspect() {
	vm := s.vm
	fn := s.function("inspect", 2, func(call goja.FunctionCall) goja.Value {
		this, ok := call.This.(*goja.Object)
		b, isBytes := s.bytes(call.This)
		if !ok || !isBytes {
			panic(vm.NewTypeError("this.hexSlice is not a function"))
		}
		return vm.ToValue(s.inspect(this, b, call.Argument(1), call.Argument(2)))
	})
	must(s.proto.Set("inspect", fn))
	if sym := inspect.CustomSymbol(vm); sym != nil {
		must(s.proto.SetSymbol(sym, fn))
	}
}

// inspect renders buf as Node's Buffer.prototype[util.inspect.custom](depth, options, inspect) does;
// options and inspectFn are what util.inspect passed (undefined for a direct call, which shows no
// properties).
func (s *state) inspect(buf *goja.Object, b []byte, options, inspectFn goja.Value) string {
	limit := s.inspectMax.ToFloat()
	var sb strings.Builder
	for i := 0; i < len(b) && float64(i) < math.Floor(limit); i++ {
		if i > 0 {
			sb.WriteByte(' ')
		}
		fmt.Fprintf(&sb, "%02x", b[i])
	}
	if remaining := float64(len(b)) - limit; remaining > 0 {
		// Any number is allowed, so the count is printed as JS prints numbers ("1.5 more bytes").
		fmt.Fprintf(&sb, " ... %s more byte", s.vm.ToValue(remaining).String())
		if remaining > 1 {
			sb.WriteByte('s')
		}
	}
	if extras := s.inspectExtras(buf, len(b), options, inspectFn); extras != "" {
		if len(b) > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(extras)
	}
	name := "Buffer"
	if ctor, ok := buf.Get("constructor").(*goja.Object); ok {
		name = ctor.Get("name").String()
	}
	return "<" + name + " " + sb.String() + ">"
}

// inspectExtras renders buf's own enumerable properties other than its indices as Node does: an
// object of them inspected, less its braces.
func (s *state) inspectExtras(buf *goja.Object, n int, options, inspectFn goja.Value) string {
	fn, ok := goja.AssertFunction(inspectFn)
	if _, isObj := options.(*goja.Object); !ok || !isObj {
		return ""
	}
	extras := s.vm.CreateObject(nil)
	found := false
	for _, k := range buf.Keys() {
		if i, err := strconv.ParseUint(k, 10, 64); err == nil && i < uint64(n) && strconv.FormatUint(i, 10) == k {
			continue
		}
		found = true
		must(extras.Set(k, buf.Get(k)))
	}
	if !found {
		return ""
	}
	v, err := fn(goja.Undefined(), extras, options)
	if err != nil {
		panic(err)
	}
	out := v.String()
	const prefix, suffix = "[Object: null prototype] {", " }"
	if !strings.HasPrefix(out, prefix) || !strings.HasSuffix(out, suffix) {
		return out
	}
	return strings.TrimSpace(out[len(prefix) : len(out)-len(suffix)])
}
