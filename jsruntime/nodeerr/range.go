package nodeerr

import (
	"math"
	"math/big"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/inspect"
)

// OutOfRange is Node's ERR_OUT_OF_RANGE RangeError: `The value of "name" is out of range. It must be
// <bounds>. Received <value>`. Integers beyond 2^32, numbers and BigInts alike, are shown with
// digit separators ("4_294_967_297", "4_294_967_297n"), other values as util.inspect shows them.
func OutOfRange(vm *goja.Runtime, name, bounds string, value goja.Value) *goja.Object {
	return New(vm, "RangeError", "ERR_OUT_OF_RANGE",
		`The value of "`+name+`" is out of range. It must be `+bounds+". Received "+receivedInRange(vm, value))
}

var twoTo32 = new(big.Int).Lsh(big.NewInt(1), 32)

func receivedInRange(vm *goja.Runtime, v goja.Value) string {
	if goja.IsNumber(v) {
		f := v.ToFloat()
		if f == math.Trunc(f) && math.Abs(f) > 1<<32 && !math.IsInf(f, 0) {
			return separated(inspect.Number(f))
		}
	}
	if goja.IsBigInt(v) {
		s := v.String()
		if n, ok := v.Export().(*big.Int); ok && n.CmpAbs(twoTo32) > 0 {
			s = separated(s)
		}
		return s + "n"
	}
	return inspect.Value(vm, v, inspect.Defaults)
}

// separated groups the digits of an integer's decimal form in threes with underscores, as Node's
// addNumericalSeparator does.
func separated(s string) string {
	start := 0
	if len(s) > 0 && s[0] == '-' {
		start = 1
	}
	res := ""
	i := len(s)
	for ; i >= start+4; i -= 3 {
		res = "_" + s[i-3:i] + res
	}
	return s[:i] + res
}
