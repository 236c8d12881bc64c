package express

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// sendOptions are send 0.19's options (res.sendFile passes its own straight through).
type sendOptions struct {
	acceptRanges bool
	cacheControl bool
	etag         bool
	lastModified bool
	immutable    bool
	hidden       bool     // the deprecated option, consulted only when dotfiles is not given
	dotfiles     string   // "allow", "deny", "ignore", or "" when not given (legacy rule)
	extensions   []string // tried when a path without extension is missing
	index        []string // tried for a path ending in '/'
	maxAge       float64  // ms, within [0, one year]
	root         string   // absolute, "" when not given
	start        int64
	end          int64 // inclusive; -1 when not given
	headers      *goja.Object
}

// maxMaxAge is send's cap on maxAge: one year, in ms.
const maxMaxAge = 365 * 24 * 60 * 60 * 1000

// parseSendOptions reads send's options from obj (own or inherited properties), with its defaults
// and its TypeErrors for invalid dotfiles, extensions and index values.
func (a *App) parseSendOptions(obj *goja.Object) *sendOptions {
	vm := a.vm
	get := func(name string) goja.Value {
		if obj == nil {
			return goja.Undefined()
		}
		if v := obj.Get(name); v != nil {
			return v
		}
		return goja.Undefined()
	}
	flag := func(name string, def bool) bool {
		if v := get(name); !goja.IsUndefined(v) {
			return v.ToBoolean()
		}
		return def
	}
	o := &sendOptions{
		acceptRanges: flag("acceptRanges", true),
		cacheControl: flag("cacheControl", true),
		etag:         flag("etag", true),
		lastModified: flag("lastModified", true),
		immutable:    flag("immutable", false),
		hidden:       flag("hidden", false),
		end:          -1,
	}
	if d := get("dotfiles"); !goja.IsUndefined(d) {
		s := d.String()
		if !isStringValue(d) || (s != "allow" && s != "deny" && s != "ignore") {
			panic(vm.NewTypeError(`dotfiles option must be "allow", "deny", or "ignore"`))
		}
		o.dotfiles = s
	}
	o.extensions = a.stringList(get("extensions"), nil, "extensions option")
	o.index = a.stringList(get("index"), []string{"index.html"}, "index option")
	maxAge := get("maxAge")
	if !maxAge.ToBoolean() {
		maxAge = get("maxage")
	}
	var ms float64
	if isStringValue(maxAge) {
		ms = parseMS(maxAge.String())
	} else {
		ms = maxAge.ToFloat()
	}
	if !math.IsNaN(ms) {
		o.maxAge = math.Min(math.Max(0, ms), maxMaxAge)
	}
	if r := get("root"); r.ToBoolean() {
		o.root = nodeResolve(r.String())
	}
	if s := get("start"); s.ToBoolean() {
		o.start = s.ToInteger()
	}
	if e := get("end"); !goja.IsUndefined(e) {
		o.end = e.ToInteger()
	}
	if h, ok := get("headers").(*goja.Object); ok {
		o.headers = h
	}
	return o
}

// stringList is send's normalizeList: [].concat(val || []) where every item must be a string.
func (a *App) stringList(v goja.Value, def []string, name string) []string {
	if goja.IsUndefined(v) {
		return def
	}
	if !v.ToBoolean() {
		return nil
	}
	items := []goja.Value{v}
	if arr, ok := v.(*goja.Object); ok && arr.ClassName() == "Array" {
		items = items[:0]
		for i := int64(0); i < arr.Get("length").ToInteger(); i++ {
			items = append(items, arr.Get(strconv.FormatInt(i, 10)))
		}
	}
	out := make([]string, len(items))
	for i, it := range items {
		if !isStringValue(it) {
			panic(a.vm.NewTypeError(name + " must be array of strings or false"))
		}
		out[i] = it.String()
	}
	return out
}

var msRE = regexp.MustCompile(`(?i)^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$`)

// parseMS is the ms package's parse ("2d", "1.5 hours", "100"): milliseconds, NaN when unparsable.
func parseMS(s string) float64 {
	if len(s) > 100 {
		return math.NaN()
	}
	m := msRE.FindStringSubmatch(s)
	if m == nil {
		return math.NaN()
	}
	n, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return math.NaN()
	}
	const sec, minute, hour, day = 1000, 60 * 1000, 60 * 60 * 1000, 24 * 60 * 60 * 1000
	unit := strings.ToLower(m[2])
	switch {
	case unit == "" || strings.HasPrefix(unit, "ms") || strings.HasPrefix(unit, "msec") || strings.HasPrefix(unit, "milli"):
		return n
	case strings.HasPrefix(unit, "s"):
		return n * sec
	case strings.HasPrefix(unit, "m"):
		return n * minute
	case strings.HasPrefix(unit, "h"):
		return n * hour
	case strings.HasPrefix(unit, "d"):
		return n * day
	case strings.HasPrefix(unit, "w"):
		return n * 7 * day
	}
	return n * 365.25 * day
}
