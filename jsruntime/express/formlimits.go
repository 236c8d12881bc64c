package express

import (
	"math"

	"github.com/dop251/goja"
)

// formLimits are express.urlencoded's parameterLimit and (extended only) depth options.
type formLimits struct {
	parameters int // a body with this many '&' or more is 413 "too many parameters"
	depth      int
}

// defaultFormLimits are body-parser's defaults, which the host's global urlencoded parser uses.
var defaultFormLimits = formLimits{parameters: 1000, depth: 32}

// formLimitOptions validates parameterLimit and depth as body-parser does when the middleware is
// created (TypeError for NaN or out-of-range values); Infinity lifts the parameter limit.
func (a *App) formLimitOptions(parameterLimit, depth goja.Value, extended bool) formLimits {
	lim := defaultFormLimits
	if parameterLimit != nil {
		n := parameterLimit.ToFloat()
		if math.IsNaN(n) || n < 1 {
			panic(a.vm.NewTypeError("option parameterLimit must be a positive number"))
		}
		if math.IsInf(n, 1) {
			lim.parameters = math.MaxInt
		} else {
			// body-parser truncates it with `| 0`; a result of zero or less is never reached by its count.
			lim.parameters = int(int32(parameterLimit.ToInteger()))
			if lim.parameters <= 0 {
				lim.parameters = math.MaxInt
			}
		}
	}
	if extended && depth != nil {
		d := depth.ToFloat()
		if math.IsNaN(d) || d < 0 {
			panic(a.vm.NewTypeError("option depth must be a zero or a positive number"))
		}
		lim.depth = int(min(d, math.MaxInt32))
	}
	return lim
}
