package inspect

import (
	"math"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// Number is Number.prototype.toString, except that -0 shows its sign as util.inspect does.
func Number(f float64) string {
	switch {
	case f == 0 && math.Signbit(f):
		return "-0"
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return jsNumber(f)
}

// jsNumber is Number::toString for finite f: the shortest round-tripping digits, in decimal notation for
// exponents in [-7, 21) and in exponential notation ("1e+21", "1.5e-7") otherwise.
func jsNumber(f float64) string {
	e := strconv.FormatFloat(f, 'e', -1, 64) // "-d.ddde±xx"
	sign := ""
	if e[0] == '-' {
		sign, e = "-", e[1:]
	}
	mant, expStr, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expStr)
	digits := strings.Replace(mant, ".", "", 1)
	n := exp + 1 // position of the decimal point within digits
	switch {
	case n > 21 || n < -5:
		out := digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		if exp >= 0 {
			return sign + out + "e+" + strconv.Itoa(exp)
		}
		return sign + out + "e" + strconv.Itoa(exp)
	case n <= 0:
		return sign + "0." + strings.Repeat("0", -n) + digits
	case n >= len(digits):
		return sign + digits + strings.Repeat("0", n-len(digits))
	}
	return sign + digits[:n] + "." + digits[n:]
}

// Symbol is String(sym): "Symbol(description)" (goja's Symbol.String gives only the description).
func Symbol(sym *goja.Symbol) string {
	return "Symbol(" + sym.String() + ")"
}
