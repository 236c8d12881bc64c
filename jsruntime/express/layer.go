package express

import (
	"strings"

	"github.com/dlclark/regexp2/v2"
	"github.com/dop251/goja"
)

// layer is one entry of a router's or route's stack (Express's Layer). Like Express, it keeps the
// params and matched path of its last match, which plugins can see through router.stack.
type layer struct {
	a      *App
	handle goja.Value
	fn     goja.Callable
	arity  int
	name   string
	// method is the route sub-layer's method, lower-case; hasMethod is false for route.all() and for
	// router layers.
	method    string
	hasMethod bool
	inRoute   bool   // a Route's sub-layer: it has a method property, possibly undefined
	route     *route // set for the layers router.route()/METHOD() push
	pm        *pathMatcher

	params goja.Value
	path   goja.Value
	obj    *goja.Object
}

// pathMatcher is a compiled Express path plus the fast paths Express has (`/` for use, `*`) and one
// of ours: a literal path is compared without running the regular expression.
type pathMatcher struct {
	source    string
	flags     string
	keys      []pathKey
	re        *regexp2.Regexp
	fastSlash bool
	fastStar  bool
	literal   bool
	base      string // literal path without its optional trailing slash
	// segments, when set, is a path of literal and ":name" segments matched without the regexp.
	segments  []pathSegment
	sensitive bool
	end       bool
	jsRegexp  *goja.Object
}

// newPathMatcher compiles spec with opts. The returned error is the TypeError path-to-regexp throws.
func newPathMatcher(spec pathSpec, opts pathOptions) (*pathMatcher, error) {
	pm := &pathMatcher{sensitive: opts.sensitive, end: opts.end}
	pm.source, pm.flags = compilePath(spec, &pm.keys, opts)
	if spec.kind == pathString {
		pm.fastStar = spec.str == "*"
		pm.fastSlash = spec.str == "/" && !opts.end
		if !opts.strict && isLiteralPath(spec.str) {
			pm.literal = true
			pm.base = strings.TrimSuffix(spec.str, "/")
		} else if !opts.strict {
			pm.segments = paramSegments(spec.str)
		}
	}
	if pm.literal || pm.fastSlash || pm.fastStar || pm.segments != nil {
		return pm, nil
	}
	re, err := compileRegexp(pm.source, pm.flags)
	if err != nil {
		return nil, err
	}
	pm.re = re
	return pm, nil
}

// isLiteralPath reports whether path-to-regexp would turn p into a pattern that only matches p itself
// (ASCII, no parameter or regular-expression syntax).
func isLiteralPath(p string) bool {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c >= 0x80 || strings.IndexByte(`\*:()?+[]{}^$|`, c) >= 0 {
			return false
		}
	}
	return true
}

// capture is one capture group result; ok is false for a group that did not participate (undefined).
type capture struct {
	val string
	ok  bool
}

// match runs the pattern on a pathname and returns the matched prefix and the captures.
func (pm *pathMatcher) match(path string, caps []capture) (matched string, _ []capture, ok bool) {
	if pm.literal {
		return pm.matchLiteral(path, caps)
	}
	if pm.segments != nil {
		return pm.matchSegments(path, caps)
	}
	m, err := pm.re.FindStringMatch(path)
	if err != nil || m == nil {
		return "", caps, false
	}
	groups := m.Groups()
	for _, g := range groups[1:] {
		if len(g.Captures) == 0 {
			caps = append(caps, capture{})
			continue
		}
		caps = append(caps, capture{val: g.String(), ok: true})
	}
	return m.String(), caps, true
}

func (pm *pathMatcher) hasPrefix(path, prefix string) bool {
	if len(path) < len(prefix) {
		return false
	}
	if pm.sensitive {
		return path[:len(prefix)] == prefix
	}
	return asciiEqualFold(path[:len(prefix)], prefix)
}

// matchLiteral is the regular expression `^base/?$` (routes) or `^base/?(?=/|$)` (use) for a literal
// base, evaluated directly.
func (pm *pathMatcher) matchLiteral(path string, caps []capture) (string, []capture, bool) {
	if !pm.hasPrefix(path, pm.base) {
		return "", caps, false
	}
	return pm.matchTail(path, len(pm.base), caps)
}

// matchTail is the end of every non-strict pattern once path[:n] has matched: `/?$` for routes,
// `/?(?=/|$)` for use.
func (pm *pathMatcher) matchTail(path string, n int, caps []capture) (string, []capture, bool) {
	rest := path[n:]
	if pm.end {
		if rest == "" || rest == "/" {
			return path, caps, true
		}
		return "", caps, false
	}
	switch {
	case rest == "" || rest == "/":
		return path, caps, true
	case rest[0] != '/':
		return "", caps, false
	case len(rest) > 1 && rest[1] == '/':
		// The optional slash is consumed only when the lookahead still sees a slash after it.
		return path[:n+1], caps, true
	}
	return path[:n], caps, true
}

// asciiEqualFold compares like a JS regular expression with the i flag and no u flag on ASCII input:
// non-ASCII characters never fold to ASCII letters.
func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// newLayer builds a layer for fn. fn must be callable.
func (a *App) newLayer(pm *pathMatcher, fn goja.Value) *layer {
	l := &layer{a: a, pm: pm, params: goja.Undefined(), path: goja.Undefined()}
	l.setHandle(fn)
	return l
}

func (l *layer) setHandle(fn goja.Value) {
	l.handle = fn
	l.fn, _ = goja.AssertFunction(fn)
	l.arity = 0
	l.name = "<anonymous>"
	if obj, ok := fn.(*goja.Object); ok {
		l.arity = int(obj.Get("length").ToInteger())
		if n := obj.Get("name"); n != nil && n.String() != "" {
			l.name = n.String()
		}
	}
}

// matchPath is Layer.prototype.match: on success the layer's params (decoded) and path are set; a
// param that fails to decode yields the URIError Express throws, with status 400.
func (l *layer) matchPath(path string) (bool, goja.Value) {
	vm := l.a.vm
	pm := l.pm
	if pm.fastSlash {
		l.params = vm.NewObject()
		l.path = vm.ToValue("")
		return true, nil
	}
	if pm.fastStar {
		v, errv := l.a.decodeParam(path)
		if errv != nil {
			return false, errv
		}
		params := vm.NewObject()
		_ = params.Set("0", v)
		l.params = params
		l.path = vm.ToValue(path)
		return true, nil
	}
	var buf [8]capture
	matched, caps, ok := pm.match(path, buf[:0])
	if !ok {
		l.params = goja.Undefined()
		l.path = goja.Undefined()
		return false, nil
	}
	params := vm.NewObject()
	for i, c := range caps {
		if i >= len(pm.keys) {
			break
		}
		name := pm.keys[i].name
		var v goja.Value = goja.Undefined()
		if c.ok {
			var errv goja.Value
			v, errv = l.a.decodeParam(c.val)
			if errv != nil {
				return false, errv
			}
		}
		if c.ok || params.Get(name) == nil {
			_ = params.Set(name, v)
		}
	}
	l.params = params
	l.path = vm.ToValue(matched)
	return true, nil
}

// decodeParam is Express's decode_param: decodeURIComponent, with a failure turned into
// URIError "Failed to decode param '<raw>'" carrying status and statusCode 400.
func (a *App) decodeParam(raw string) (goja.Value, goja.Value) {
	if raw == "" {
		return a.vm.ToValue(""), nil
	}
	s, ok := decodeURIComponent(raw)
	if !ok {
		ctor := a.vm.Get("URIError").ToObject(a.vm)
		errObj, err := a.vm.New(ctor, a.vm.ToValue("Failed to decode param '"+raw+"'"))
		if err != nil {
			return nil, a.rt.ErrorValue(err)
		}
		_ = errObj.Set("status", 400)
		_ = errObj.Set("statusCode", 400)
		return nil, errObj
	}
	return a.vm.ToValue(s), nil
}

// jsObject is the layer as plugins see it in router.stack: a live view on this layer.
func (l *layer) jsObject() *goja.Object {
	if l.obj == nil {
		l.obj = l.a.vm.NewDynamicObject(l)
	}
	return l.obj
}

var layerKeys = []string{"handle", "name", "params", "path", "keys", "regexp", "route", "method"}

// Get implements goja.DynamicObject for the router.stack view.
func (l *layer) Get(key string) goja.Value {
	vm := l.a.vm
	switch key {
	case "handle":
		return l.handle
	case "name":
		return vm.ToValue(l.name)
	case "params":
		return l.params
	case "path":
		return l.path
	case "keys":
		keys := make([]any, len(l.pm.keys))
		for i, k := range l.pm.keys {
			o := vm.NewObject()
			if k.numbered {
				_ = o.Set("name", vm.ToValue(atoiOr(k.name)))
			} else {
				_ = o.Set("name", k.name)
			}
			_ = o.Set("optional", k.optional)
			_ = o.Set("offset", k.offset)
			keys[i] = o
		}
		return vm.NewArray(keys...)
	case "regexp":
		return l.regexpObject()
	case "route":
		if l.route == nil {
			return goja.Undefined()
		}
		return l.route.obj
	case "method":
		if !l.hasMethod {
			return goja.Undefined()
		}
		return vm.ToValue(l.method)
	}
	return nil
}

// regexpObject is the layer's RegExp as Express builds it, with fast_star and fast_slash flags.
func (l *layer) regexpObject() goja.Value {
	pm := l.pm
	if pm.jsRegexp == nil {
		vm := l.a.vm
		re, err := vm.New(l.a.regexpCtor, vm.ToValue(pm.source), vm.ToValue(pm.flags))
		if err != nil {
			return goja.Undefined()
		}
		_ = re.Set("fast_star", pm.fastStar)
		_ = re.Set("fast_slash", pm.fastSlash)
		pm.jsRegexp = re
	}
	return pm.jsRegexp
}

// Set implements goja.DynamicObject: plugins may replace a layer's handle (wrappers for logging).
func (l *layer) Set(key string, val goja.Value) bool {
	switch key {
	case "handle":
		if _, ok := goja.AssertFunction(val); !ok {
			return false
		}
		name := l.name
		l.setHandle(val)
		if l.route != nil {
			l.name = name
		}
		return true
	case "name":
		l.name = val.String()
		return true
	case "params":
		l.params = val
		return true
	case "path":
		l.path = val
		return true
	}
	return false
}

// Has implements goja.DynamicObject.
func (l *layer) Has(key string) bool {
	for _, k := range layerKeys {
		if k == key {
			return key != "method" || l.inRoute
		}
	}
	return false
}

// Delete implements goja.DynamicObject; layer fields cannot be removed.
func (l *layer) Delete(string) bool { return false }

// Keys implements goja.DynamicObject.
func (l *layer) Keys() []string {
	if l.inRoute {
		return layerKeys
	}
	return layerKeys[:len(layerKeys)-1]
}

func atoiOr(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
