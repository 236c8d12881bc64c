package express

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"math"
	"regexp"
	"strings"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/internal/jsjson"
)

// cookie 0.7.x's validation patterns (RFC 6265 token, cookie-octet, domain and path characters).
var (
	cookieNameRE   = regexp.MustCompile("^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$")
	cookieValueRE  = regexp.MustCompile(`^(?:"[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*"|[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*)$`)
	cookieDomainRE = regexp.MustCompile(`(?i)^([.]?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)([.][a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$`)
	cookiePathRE   = regexp.MustCompile(`^[\x20-\x3A\x3D-\x7E]*$`)
)

// cookieOptions is the options object of res.cookie after Express's merge: a property of the
// caller's object (own or inherited, as utils-merge's for-in copies it) wins over Express's value.
type cookieOptions struct {
	user goja.Value
	set  map[string]goja.Value
}

func (o *cookieOptions) get(name string) goja.Value {
	if v, ok := o.set[name]; ok {
		return v
	}
	if obj, ok := o.user.(*goja.Object); ok {
		if v := obj.Get(name); v != nil {
			return v
		}
	}
	return goja.Undefined()
}

func isNullish(v goja.Value) bool { return v == nil || goja.IsUndefined(v) || goja.IsNull(v) }

// clearCookie is Express 4's res.clearCookie: an empty cookie expiring at the epoch, path '/'. The
// caller's expires and maxAge still apply (Express 4 only deprecates them).
func (res *response) clearCookie(name, options goja.Value) {
	vm := res.a.vm
	epoch, err := vm.New(vm.Get("Date").ToObject(vm), vm.ToValue(1))
	if err != nil {
		panic(res.a.rt.ErrorValue(err))
	}
	defaults := vm.NewObject()
	_ = defaults.Set("expires", epoch)
	_ = defaults.Set("path", "/")
	if obj, ok := options.(*goja.Object); ok {
		for _, k := range forInKeys(obj) {
			_ = defaults.Set(k, obj.Get(k))
		}
	}
	res.cookie(name, vm.ToValue(""), defaults)
}

// forInKeys lists the enumerable string keys of obj and its prototypes, as for-in visits them.
func forInKeys(obj *goja.Object) []string {
	var keys []string
	seen := map[string]bool{}
	for o := obj; o != nil; o = o.Prototype() {
		for _, k := range o.Keys() {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// cookie is res.cookie(name, value, options): objects become 'j:' + JSON, signed values need
// req.secret, maxAge (ms) sets both Max-Age (s) and Expires, Path defaults to '/', and the serialised
// cookie is appended to Set-Cookie.
func (res *response) cookie(name, value, options goja.Value) {
	a := res.a
	vm := a.vm
	opts := &cookieOptions{user: options, set: map[string]goja.Value{}}
	signed := opts.get("signed").ToBoolean()
	secret := res.req.obj.Get("secret")
	if signed && (secret == nil || !secret.ToBoolean()) {
		panic(a.newError(`cookieParser("secret") required for signed cookies`))
	}
	var val string
	if jsTypeof(value) == "object" {
		val = "j:" + a.stringifyPlain(value)
	} else {
		val = value.String()
	}
	if signed {
		val = "s:" + signCookie(val, secret.String())
	}
	if m := opts.get("maxAge"); !isNullish(m) {
		if ms := m.ToFloat(); !math.IsNaN(ms) {
			opts.set["expires"] = a.newDate(a.nowMillis() + ms)
			opts.set["maxAge"] = vm.ToValue(math.Floor(ms / 1000))
		}
	}
	if isNullish(opts.get("path")) {
		opts.set["path"] = vm.ToValue("/")
	}
	res.append("Set-Cookie", vm.ToValue(a.serializeCookie(name.String(), val, opts)))
}

// serializeCookie is cookie.serialize with its validation errors (TypeErrors) and attribute order.
func (a *App) serializeCookie(name, val string, opts *cookieOptions) string {
	vm := a.vm
	enc := opts.get("encode")
	if goja.IsUndefined(enc) {
		enc = vm.Get("encodeURIComponent")
	}
	encode, ok := goja.AssertFunction(enc)
	if !ok {
		panic(vm.NewTypeError("option encode is invalid"))
	}
	if !cookieNameRE.MatchString(name) {
		panic(vm.NewTypeError("argument name is invalid"))
	}
	encoded, err := encode(goja.Undefined(), vm.ToValue(val))
	if err != nil {
		panic(a.rt.ErrorValue(err))
	}
	value := encoded.String()
	if !cookieValueRE.MatchString(value) {
		panic(vm.NewTypeError("argument val is invalid"))
	}
	var b strings.Builder
	b.WriteString(name + "=" + value)
	if m := opts.get("maxAge"); !isNullish(m) {
		n := math.Floor(m.ToFloat())
		if math.IsNaN(n) || math.IsInf(n, 0) {
			panic(vm.NewTypeError("option maxAge is invalid"))
		}
		b.WriteString("; Max-Age=" + vm.ToValue(n).String())
	}
	if d := opts.get("domain"); d.ToBoolean() {
		if !cookieDomainRE.MatchString(d.String()) {
			panic(vm.NewTypeError("option domain is invalid"))
		}
		b.WriteString("; Domain=" + d.String())
	}
	if p := opts.get("path"); p.ToBoolean() {
		if !cookiePathRE.MatchString(p.String()) {
			panic(vm.NewTypeError("option path is invalid"))
		}
		b.WriteString("; Path=" + p.String())
	}
	if e := opts.get("expires"); e.ToBoolean() {
		b.WriteString("; Expires=" + a.utcString(e))
	}
	if opts.get("httpOnly").ToBoolean() {
		b.WriteString("; HttpOnly")
	}
	if opts.get("secure").ToBoolean() {
		b.WriteString("; Secure")
	}
	if opts.get("partitioned").ToBoolean() {
		b.WriteString("; Partitioned")
	}
	if p := opts.get("priority"); p.ToBoolean() {
		attr := map[string]string{"low": "Low", "medium": "Medium", "high": "High"}[lowerIfString(p)]
		if attr == "" {
			panic(vm.NewTypeError("option priority is invalid"))
		}
		b.WriteString("; Priority=" + attr)
	}
	if s := opts.get("sameSite"); s.ToBoolean() {
		var attr string
		if isBool(s) {
			attr = "Strict"
		} else {
			attr = map[string]string{"lax": "Lax", "strict": "Strict", "none": "None"}[lowerIfString(s)]
		}
		if attr == "" {
			panic(vm.NewTypeError("option sameSite is invalid"))
		}
		b.WriteString("; SameSite=" + attr)
	}
	return b.String()
}

// lowerIfString lower-cases a string option; other values never match cookie's string cases.
func lowerIfString(v goja.Value) string {
	if !isStringValue(v) {
		return ""
	}
	return strings.ToLower(v.String())
}

// utcString is Date.prototype.toUTCString of a valid Date; anything else is cookie's
// "option expires is invalid".
func (a *App) utcString(v goja.Value) string {
	obj, ok := v.(*goja.Object)
	if !ok || obj.ClassName() != "Date" || math.IsNaN(obj.ToNumber().ToFloat()) {
		panic(a.vm.NewTypeError("option expires is invalid"))
	}
	fn, _ := goja.AssertFunction(obj.Get("toUTCString"))
	s, err := fn(obj)
	if err != nil {
		panic(a.rt.ErrorValue(err))
	}
	return s.String()
}

// newDate is `new Date(ms)`.
func (a *App) newDate(ms float64) goja.Value {
	d, err := a.vm.New(a.vm.Get("Date").ToObject(a.vm), a.vm.ToValue(ms))
	if err != nil {
		panic(a.rt.ErrorValue(err))
	}
	return d
}

// nowMillis is Date.now() of the runtime, so cookies follow the same clock as the plugin's Dates.
func (a *App) nowMillis() float64 {
	now, _ := goja.AssertFunction(a.vm.Get("Date").ToObject(a.vm).Get("now"))
	v, err := now(goja.Undefined())
	if err != nil {
		panic(a.rt.ErrorValue(err))
	}
	return v.ToFloat()
}

// stringifyPlain is JSON.stringify(v) without the app's json settings, as res.cookie calls it; an
// undefined result reads "undefined" as string concatenation would.
func (a *App) stringifyPlain(v goja.Value) string {
	out, err := jsjson.StringifyValue(a.rt, v, goja.Undefined(), goja.Undefined())
	if err != nil {
		panic(a.rt.ErrorValue(err))
	}
	return out.String()
}

// signCookie is cookie-signature's sign: value + '.' + unpadded base64 HMAC-SHA256.
func signCookie(val, secret string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(val))
	return val + "." + base64.RawStdEncoding.EncodeToString(mac.Sum(nil))
}
