package express

import (
	"math"
	"sort"
	"strings"

	"github.com/dop251/goja"
)

// byteRange is one range of a Range header, with its position in the header (for combine).
type byteRange struct {
	start, end float64
	index      int
}

// parseRange is range-parser 1.2's rangeParser(size, str): the type before '=', then each
// comma-separated "start-end", "start-" or "-suffix" clamped to size; unsatisfiable or malformed
// parts are skipped. It returns -2 for a header without '=', -1 when nothing is satisfiable.
func parseRange(size float64, header string, combine bool) (typ string, ranges []byteRange, code int) {
	eq := strings.IndexByte(header, '=')
	if eq < 0 {
		return "", nil, -2
	}
	typ = header[:eq]
	for i, part := range strings.Split(header[eq+1:], ",") {
		// split('-') takes the text up to the second dash as the end.
		first, second, hasDash := strings.Cut(part, "-")
		second, _, _ = strings.Cut(second, "-")
		start := jsParseInt(first)
		end := math.NaN()
		if hasDash {
			end = jsParseInt(second)
		}
		switch {
		case math.IsNaN(start):
			start, end = size-end, size-1
		case math.IsNaN(end):
			end = size - 1
		}
		if end > size-1 {
			end = size - 1
		}
		if math.IsNaN(start) || math.IsNaN(end) || start > end || start < 0 {
			continue
		}
		ranges = append(ranges, byteRange{start: start, end: end, index: i})
	}
	if len(ranges) == 0 {
		return typ, nil, -1
	}
	if combine {
		ranges = combineRanges(ranges)
	}
	return typ, ranges, 0
}

// combineRanges merges overlapping and adjacent ranges, keeping each merged range at the position of
// its earliest part, as range-parser's combine option does.
func combineRanges(ranges []byteRange) []byteRange {
	for k := range ranges {
		ranges[k].index = k
	}
	sort.SliceStable(ranges, func(i, j int) bool { return ranges[i].start < ranges[j].start })
	merged := ranges[:1]
	for _, r := range ranges[1:] {
		cur := &merged[len(merged)-1]
		switch {
		case r.start > cur.end+1:
			merged = append(merged, r)
		case r.end > cur.end:
			cur.end = r.end
			cur.index = min(cur.index, r.index)
		}
	}
	sort.SliceStable(merged, func(i, j int) bool { return merged[i].index < merged[j].index })
	return merged
}

// jsParseInt is parseInt(s, 10): optional white space and sign, then the leading decimal digits; NaN
// when there are none.
func jsParseInt(s string) float64 {
	s = strings.TrimLeft(s, " \t\n\r\f\v\u00a0\ufeff")
	sign := 1.0
	if s != "" && (s[0] == '+' || s[0] == '-') {
		if s[0] == '-' {
			sign = -1
		}
		s = s[1:]
	}
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 {
		return math.NaN()
	}
	v := 0.0
	for _, c := range s[:n] {
		v = v*10 + float64(c-'0')
	}
	return sign * v
}

// defineRangeAndParam adds req.range(size, options) and the deprecated req.param(name, default).
func (a *App) defineRangeAndParam(proto *goja.Object) {
	vm := a.vm
	_ = proto.Set("range", a.funcValue("range", 2, func(call goja.FunctionCall) goja.Value {
		header, _ := a.jsHeader(call.This, "range")
		if header == "" {
			return goja.Undefined()
		}
		combine := false
		if opts, ok := call.Argument(1).(*goja.Object); ok {
			combine = opts.Get("combine") != nil && opts.Get("combine").ToBoolean()
		}
		typ, ranges, code := parseRange(call.Argument(0).ToFloat(), header, combine)
		if code != 0 {
			return vm.ToValue(code)
		}
		items := make([]any, len(ranges))
		for i, r := range ranges {
			obj := vm.NewObject()
			_ = obj.Set("start", r.start)
			_ = obj.Set("end", r.end)
			items[i] = obj
		}
		arr := vm.NewArray(items...)
		_ = arr.Set("type", typ)
		return arr
	}))
	hasOwn, _ := goja.AssertFunction(vm.Get("Object").ToObject(vm).Get("prototype").ToObject(vm).Get("hasOwnProperty"))
	_ = proto.Set("param", a.funcValue("param", 2, func(call goja.FunctionCall) goja.Value {
		req := call.This.ToObject(vm)
		name := call.Argument(0)
		lookup := func(container goja.Value, own bool) goja.Value {
			obj, ok := container.(*goja.Object)
			if !ok || !container.ToBoolean() {
				return nil
			}
			v := obj.Get(name.String())
			if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
				return nil
			}
			if own {
				if has, err := hasOwn(obj, name); err != nil || !has.ToBoolean() {
					return nil
				}
			}
			return v
		}
		if v := lookup(req.Get("params"), true); v != nil {
			return v
		}
		if v := lookup(req.Get("body"), false); v != nil {
			return v
		}
		if v := lookup(req.Get("query"), false); v != nil {
			return v
		}
		return call.Argument(1)
	}))
}
