// Package punycode provides Node's deprecated 'punycode' module to pluginhost runtimes, with the
// surface and errors of the Punycode.js 2.1.0 Node 20 bundles: version, ucs2.decode/encode, decode,
// encode, toASCII and toUnicode. The algorithm is RFC 3492's, written here in Go over UTF-16 code
// units, so lone surrogates pass through as they do in JS. Node prints a deprecation warning for the
// module only under --pending-deprecation; pluginhost prints none.
package punycode

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// RFC 3492 section 5 parameters.
const (
	base        = 36
	tMin        = 1
	tMax        = 26
	skew        = 38
	damp        = 700
	initialBias = 72
	initialN    = 128
	delimiter   = '-'
	maxInt      = 2147483647
)

// errorMessages are Punycode.js's RangeError messages.
var errorMessages = map[string]string{
	"overflow":      "Overflow: input needs wider integers to process",
	"not-basic":     "Illegal input >= 0x80 (not a basic code point)",
	"invalid-input": "Invalid input",
}

type key struct{}

// Require returns the 'punycode' module of rt, built once per runtime. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return jsruntime.Module(rt, key{}, func() (goja.Value, error) { return build(rt.VM()), nil })
}

func build(vm *goja.Runtime) goja.Value {
	p := &module{vm: vm}
	ucs2 := vm.NewObject()
	_ = ucs2.Set("decode", func(call goja.FunctionCall) goja.Value {
		cps := codePoints(units(call.Argument(0)))
		out := make([]any, len(cps))
		for i, cp := range cps {
			out[i] = cp
		}
		return vm.NewArray(out...)
	})
	_ = ucs2.Set("encode", func(call goja.FunctionCall) goja.Value {
		var cps []int64
		if err := vm.ExportTo(call.Argument(0), &cps); err != nil {
			panic(vm.NewTypeError("%s", err.Error()))
		}
		return p.fromCodePoints(cps)
	})
	obj := vm.NewObject()
	_ = obj.Set("version", "2.1.0")
	_ = obj.Set("ucs2", ucs2)
	_ = obj.Set("decode", func(call goja.FunctionCall) goja.Value {
		return p.fromCodePoints(p.decode(units(call.Argument(0))))
	})
	_ = obj.Set("encode", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(p.encode(codePoints(units(call.Argument(0)))))
	})
	_ = obj.Set("toASCII", func(call goja.FunctionCall) goja.Value {
		return p.mapDomain(units(call.Argument(0)), func(label []uint16) goja.String {
			for _, u := range label {
				if u >= 0x80 {
					return goja.StringFromUTF16(append(asUnits("xn--"), asUnits(p.encode(codePoints(label)))...))
				}
			}
			return goja.StringFromUTF16(label)
		})
	})
	_ = obj.Set("toUnicode", func(call goja.FunctionCall) goja.Value {
		return p.mapDomain(units(call.Argument(0)), func(label []uint16) goja.String {
			if len(label) >= 4 && label[0] == 'x' && label[1] == 'n' && label[2] == '-' && label[3] == '-' {
				lower := make([]uint16, len(label)-4)
				for i, u := range label[4:] {
					if u >= 'A' && u <= 'Z' {
						u += 'a' - 'A'
					}
					lower[i] = u
				}
				return p.fromCodePoints(p.decode(lower)).(goja.String)
			}
			return goja.StringFromUTF16(label)
		})
	})
	return obj
}

type module struct{ vm *goja.Runtime }

// rangeError throws Punycode.js's RangeError for kind.
func (p *module) rangeError(kind string) { p.throwRange(errorMessages[kind]) }

// throwRange throws a RangeError made by the runtime's own constructor.
func (p *module) throwRange(msg string) {
	ctor, _ := goja.AssertConstructor(p.vm.Get("RangeError"))
	e, err := ctor(nil, p.vm.ToValue(msg))
	if err != nil {
		panic(err)
	}
	panic(e)
}

// decode is RFC 3492's decoding procedure on the ASCII input, giving code points.
func (p *module) decode(input []uint16) []int64 {
	basic := 0
	for j := len(input) - 1; j >= 0; j-- {
		if input[j] == delimiter {
			basic = j
			break
		}
	}
	output := make([]int64, 0, len(input))
	for j := 0; j < basic; j++ {
		if input[j] >= 0x80 {
			p.rangeError("not-basic")
		}
		output = append(output, int64(input[j]))
	}
	var i, n, bias int64 = 0, initialN, initialBias
	index := 0
	if basic > 0 {
		index = basic + 1
	}
	for index < len(input) {
		oldi := i
		for w, k := int64(1), int64(base); ; k += base {
			if index >= len(input) {
				p.rangeError("invalid-input")
			}
			digit := basicToDigit(input[index])
			index++
			if digit >= base {
				p.rangeError("invalid-input")
			}
			if digit > (maxInt-i)/w {
				p.rangeError("overflow")
			}
			i += digit * w
			t := threshold(k, bias)
			if digit < t {
				break
			}
			if w > maxInt/(base-t) {
				p.rangeError("overflow")
			}
			w *= base - t
		}
		out := int64(len(output) + 1)
		bias = adapt(i-oldi, out, oldi == 0)
		if i/out > maxInt-n {
			p.rangeError("overflow")
		}
		n += i / out
		i %= out
		output = append(output[:i], append([]int64{n}, output[i:]...)...)
		i++
	}
	return output
}

// encode is RFC 3492's encoding procedure on code points, giving the ASCII Punycode string.
func (p *module) encode(input []int64) string {
	var out strings.Builder
	for _, c := range input {
		if c < 0x80 {
			out.WriteByte(byte(c))
		}
	}
	basicLength := int64(out.Len())
	handled := basicLength
	if basicLength > 0 {
		out.WriteByte(delimiter)
	}
	var n, delta, bias int64 = initialN, 0, initialBias
	for handled < int64(len(input)) {
		m := int64(maxInt)
		for _, c := range input {
			if c >= n && c < m {
				m = c
			}
		}
		if m-n > (maxInt-delta)/(handled+1) {
			p.rangeError("overflow")
		}
		delta += (m - n) * (handled + 1)
		n = m
		for _, c := range input {
			if c < n {
				if delta++; delta > maxInt {
					p.rangeError("overflow")
				}
			}
			if c != n {
				continue
			}
			q := delta
			for k := int64(base); ; k += base {
				t := threshold(k, bias)
				if q < t {
					break
				}
				out.WriteByte(digitToBasic(t + (q-t)%(base-t)))
				q = (q - t) / (base - t)
			}
			out.WriteByte(digitToBasic(q))
			bias = adapt(delta, handled+1, handled == basicLength)
			delta = 0
			handled++
		}
		delta++
		n++
	}
	return out.String()
}

// mapDomain applies fn to each label of a domain or of an email address's domain part, as
// Punycode.js does: the local part is kept, the IDNA separators become dots.
func (p *module) mapDomain(input []uint16, fn func([]uint16) goja.String) goja.Value {
	var prefix []uint16
	parts := splitUnits(input, func(u uint16) bool { return u == '@' })
	if len(parts) > 1 {
		prefix = append(append(prefix, parts[0]...), '@')
		input = parts[1]
	}
	labels := splitUnits(input, func(u uint16) bool { return u == '.' || u == 0x3002 || u == 0xFF0E || u == 0xFF61 })
	result := prefix
	for i, label := range labels {
		if i > 0 {
			result = append(result, '.')
		}
		result = append(result, units(fn(label))...)
	}
	return goja.StringFromUTF16(result)
}

// fromCodePoints is String.fromCodePoint(...cps), with its RangeError for an invalid code point.
func (p *module) fromCodePoints(cps []int64) goja.Value {
	out := make([]uint16, 0, len(cps))
	for _, cp := range cps {
		switch {
		case cp < 0 || cp > 0x10FFFF:
			p.throwRange("Invalid code point " + strconv.FormatInt(cp, 10))
		case cp >= 0x10000:
			cp -= 0x10000
			out = append(out, uint16(0xD800+cp>>10), uint16(0xDC00+cp&0x3FF))
		default:
			out = append(out, uint16(cp))
		}
	}
	return goja.StringFromUTF16(out)
}

func threshold(k, bias int64) int64 {
	switch {
	case k <= bias:
		return tMin
	case k >= bias+tMax:
		return tMax
	}
	return k - bias
}

// adapt is RFC 3492's bias adaptation function.
func adapt(delta, numPoints int64, firstTime bool) int64 {
	if firstTime {
		delta /= damp
	} else {
		delta /= 2
	}
	delta += delta / numPoints
	k := int64(0)
	for delta > (base-tMin)*tMax/2 {
		delta /= base - tMin
		k += base
	}
	return k + (base-tMin+1)*delta/(delta+skew)
}

func basicToDigit(u uint16) int64 {
	switch {
	case u >= '0' && u <= '9':
		return 26 + int64(u-'0')
	case u >= 'A' && u <= 'Z':
		return int64(u - 'A')
	case u >= 'a' && u <= 'z':
		return int64(u - 'a')
	}
	return base
}

func digitToBasic(d int64) byte {
	if d < 26 {
		return byte('a' + d)
	}
	return byte('0' + d - 26)
}

// units is String(v) as UTF-16 code units, lone surrogates included.
func units(v goja.Value) []uint16 {
	s, ok := v.ToString().(goja.String)
	if !ok {
		return asUnits(v.String())
	}
	out := make([]uint16, s.Length())
	for i := range out {
		out[i] = s.CharAt(i)
	}
	return out
}

// codePoints is Punycode.js's ucs2decode: surrogate pairs combined, lone surrogates kept.
func codePoints(u []uint16) []int64 {
	out := make([]int64, 0, len(u))
	for i := 0; i < len(u); i++ {
		c := int64(u[i])
		if c >= 0xD800 && c <= 0xDBFF && i+1 < len(u) && u[i+1]&0xFC00 == 0xDC00 {
			c = (c-0xD800)<<10 + int64(u[i+1]-0xDC00) + 0x10000
			i++
		}
		out = append(out, c)
	}
	return out
}

func asUnits(s string) []uint16 {
	out := make([]uint16, len(s))
	for i := range len(s) {
		out[i] = uint16(s[i])
	}
	return out
}

func splitUnits(u []uint16, sep func(uint16) bool) [][]uint16 {
	var parts [][]uint16
	start := 0
	for i, c := range u {
		if sep(c) {
			parts = append(parts, u[start:i])
			start = i + 1
		}
	}
	return append(parts, u[start:])
}
