package util

import (
	"github.com/pluginhost/pluginhost/jsruntime/inspect"
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
)

// Format renders args as Node's util.format does: a leading string is a format string whose %s %d %i
// %f %j %o %O %c and %% directives consume arguments; the remaining arguments are appended, separated
// by spaces, strings as they are and everything else through Inspect. Must be called on the loop.
func Format(rt *jsruntime.Runtime, args []goja.Value) string {
	return format(rt.VM(), args, inspect.Defaults)
}

// format is Format with the inspection options of util.formatWithOptions, which apply to %O and to
// the arguments appended after the format string.
func format(vm *goja.Runtime, args []goja.Value, opts inspect.Options) string {
	if len(args) == 0 {
		return ""
	}
	var sb strings.Builder
	rest := args
	if goja.IsString(args[0]) {
		rest = formatDirectives(vm, &sb, args[0].String(), args[1:], opts)
	}
	for i, a := range rest {
		if i > 0 || sb.Len() > 0 || len(rest) < len(args) {
			sb.WriteByte(' ')
		}
		if goja.IsString(a) {
			sb.WriteString(a.String())
		} else {
			sb.WriteString(inspect.Value(vm, a, opts))
		}
	}
	return sb.String()
}

// formatDirectives writes f with its directives replaced and returns the arguments left over. Without
// arguments the string is written as is, "%%" included, as in Node.
func formatDirectives(vm *goja.Runtime, sb *strings.Builder, f string, args []goja.Value, opts inspect.Options) []goja.Value {
	if len(args) == 0 {
		sb.WriteString(f)
		return nil
	}
	last := 0
	for i := 0; i < len(f)-1; i++ {
		if f[i] != '%' {
			continue
		}
		c := f[i+1]
		if c == '%' {
			sb.WriteString(f[last:i])
			sb.WriteByte('%')
			last = i + 2
			i++
			continue
		}
		if len(args) == 0 || !strings.ContainsRune("sdifjoOc", rune(c)) {
			continue
		}
		sb.WriteString(f[last:i])
		sb.WriteString(directive(vm, c, args[0], opts))
		args = args[1:]
		last = i + 2
		i++
	}
	sb.WriteString(f[last:])
	if len(args) == 0 {
		return nil
	}
	return args
}

func directive(vm *goja.Runtime, c byte, v goja.Value, opts inspect.Options) string {
	switch c {
	case 's':
		return formatS(vm, v)
	case 'd':
		if goja.IsBigInt(v) {
			return v.String() + "n"
		}
		if _, isObj := v.(*goja.Object); isObj && !isNumberish(v) {
			return "NaN"
		}
		return inspect.Number(v.ToFloat())
	case 'i':
		if goja.IsBigInt(v) {
			return v.String() + "n"
		}
		if _, isObj := v.(*goja.Object); isObj {
			return "NaN"
		}
		return parseIntString(v.String())
	case 'f':
		if _, isSym := v.(*goja.Symbol); isSym {
			return "NaN"
		}
		return inspect.Number(parseFloatPrefix(v.String()))
	case 'j':
		return formatJSON(vm, v)
	case 'o':
		return inspect.Value(vm, v, inspect.Options{Depth: 4})
	case 'O':
		return inspect.Value(vm, v, opts)
	}
	return "" // %c: CSS, meaningless outside browsers
}

// formatS is %s: String(v) for primitives, inspection for BigInt, -0 and objects without a toString of
// their own (errors and other objects with a custom toString use it).
func formatS(vm *goja.Runtime, v goja.Value) string {
	switch {
	case goja.IsBigInt(v):
		return v.String() + "n"
	case goja.IsNumber(v):
		return inspect.Number(v.ToFloat())
	}
	if sym, isSym := v.(*goja.Symbol); isSym {
		return inspect.Symbol(sym)
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		return v.String()
	}
	if userToString(vm, obj) {
		return obj.String()
	}
	return inspect.Value(vm, v, inspect.Options{Depth: 0})
}

// userToString reports whether obj's toString is the plugin's own: defined on obj itself or on a
// prototype that is not a built-in's (Object, Date, Error, …), whose toString %s does not use.
func userToString(vm *goja.Runtime, obj *goja.Object) bool {
	hasOwn, _ := goja.AssertFunction(vm.Get("Object").ToObject(vm).Get("prototype").ToObject(vm).Get("hasOwnProperty"))
	for o := obj; o != nil; o = o.Prototype() {
		own, err := hasOwn(o, vm.ToValue("toString"))
		if err != nil || !own.ToBoolean() {
			continue
		}
		if o == obj {
			return true
		}
		ctor, ok := o.Get("constructor").(*goja.Object)
		if !ok {
			return true
		}
		global, ok := vm.Get(ctor.Get("name").String()).(*goja.Object)
		return !ok || !global.SameAs(ctor)
	}
	return false
}

func isNumberish(v goja.Value) bool {
	return !math.IsNaN(v.ToFloat())
}

// parseIntString is parseInt(s) rendered as a number.
func parseIntString(s string) string {
	s = strings.TrimLeft(s, " \t\n\r\v\f")
	end := 0
	if end < len(s) && (s[end] == '-' || s[end] == '+') {
		end++
	}
	sign := s[:end]
	if rest := s[end:]; len(rest) > 2 && rest[0] == '0' && (rest[1] == 'x' || rest[1] == 'X') {
		hexEnd := 2
		for hexEnd < len(rest) && strings.IndexByte("0123456789abcdefABCDEF", rest[hexEnd]) >= 0 {
			hexEnd++
		}
		if hexEnd > 2 {
			u, _ := strconv.ParseUint(rest[2:hexEnd], 16, 64)
			f := float64(u)
			if sign == "-" {
				f = -f
			}
			return inspect.Number(f)
		}
	}
	start := end
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end == start {
		return "NaN"
	}
	f, _ := strconv.ParseFloat(s[:end], 64)
	return inspect.Number(f)
}

// parseFloatPrefix is parseFloat(s): the longest numeric prefix, NaN when there is none.
func parseFloatPrefix(s string) float64 {
	s = strings.TrimLeft(s, " \t\n\r\v\f")
	switch {
	case strings.HasPrefix(s, "Infinity"), strings.HasPrefix(s, "+Infinity"):
		return math.Inf(1)
	case strings.HasPrefix(s, "-Infinity"):
		return math.Inf(-1)
	}
	for end := len(s); end > 0; end-- {
		if f, err := strconv.ParseFloat(s[:end], 64); err == nil && !strings.ContainsAny(s[:end], "xXnN_") {
			return f
		}
	}
	return math.NaN()
}

func formatJSON(vm *goja.Runtime, v goja.Value) string {
	stringify, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("stringify"))
	out, err := stringify(goja.Undefined(), v)
	if err != nil {
		if strings.Contains(err.Error(), "circular") || strings.Contains(err.Error(), "Circular") {
			return "[Circular]"
		}
		panic(err)
	}
	if goja.IsUndefined(out) {
		return "undefined"
	}
	return out.String()
}
