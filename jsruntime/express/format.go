package express

import (
	"regexp"
	"strings"

	"github.com/dop251/goja"
)

// format is res.format(obj): req.accepts picks among obj's keys (types or extensions), Vary: Accept is
// added, and the chosen handler runs with Content-Type set; with no acceptable key, obj.default runs,
// or next receives a 406 NotAcceptableError listing the types.
func (res *response) format(objV goja.Value) {
	a := res.a
	vm := a.vm
	req := res.req.obj
	next := req.Get("next")
	obj := objV.ToObject(vm)
	var keys []string
	for _, k := range obj.Keys() {
		if k != "default" {
			keys = append(keys, k)
		}
	}
	var key goja.Value = vm.ToValue(false)
	if len(keys) > 0 {
		accepts, ok := goja.AssertFunction(req.Get("accepts"))
		if !ok {
			panic(vm.NewTypeError("req.accepts is not a function"))
		}
		items := make([]any, len(keys))
		for i, k := range keys {
			items[i] = k
		}
		var err error
		if key, err = accepts(req, vm.NewArray(items...)); err != nil {
			panic(a.rt.ErrorValue(err))
		}
		if key == nil {
			key = goja.Undefined()
		}
	}
	res.vary(vm.ToValue("Accept"))
	var handler goja.Value
	switch {
	case key.ToBoolean():
		res.set("Content-Type", vm.ToValue(formatType(key.String())))
		handler = obj.Get(key.String())
	case obj.Get("default") != nil && obj.Get("default").ToBoolean():
		handler = obj.Get("default")
	default:
		types := make([]any, len(keys))
		for i, k := range keys {
			types[i] = formatType(k)
		}
		pe := &parseError{status: 406, name: "NotAcceptableError", msg: "Not Acceptable",
			props: map[string]any{"types": vm.NewArray(types...)}}
		if fn, ok := goja.AssertFunction(next); ok {
			if _, err := fn(goja.Undefined(), a.parseErrorValue(pe)); err != nil {
				panic(a.rt.ErrorValue(err))
			}
		}
		return
	}
	fn, ok := goja.AssertFunction(handler)
	if !ok {
		panic(vm.NewTypeError("obj[key] is not a function"))
	}
	if _, err := fn(objV, req, res.obj, orUndefined(next)); err != nil {
		panic(a.rt.ErrorValue(err))
	}
}

var acceptParamSplit = regexp.MustCompile(` *; *`)

// formatType is Express's normalizeType(...).value: a type without its parameters, or mime 1.x's
// type for an extension.
func formatType(key string) string {
	if strings.Contains(key, "/") {
		return acceptParamSplit.Split(key, 2)[0]
	}
	return mimeLookup(key)
}

// links is res.links(obj): `<url>; rel="name"` entries appended to the Link header.
func (res *response) links(linksV goja.Value) {
	vm := res.a.vm
	link := ""
	if prev := res.getHeader("Link"); prev.ToBoolean() {
		link = prev.String() + ", "
	}
	obj := linksV.ToObject(vm)
	parts := make([]string, 0, len(obj.Keys()))
	for _, rel := range obj.Keys() {
		parts = append(parts, "<"+obj.Get(rel).String()+`>; rel="`+rel+`"`)
	}
	res.set("Link", vm.ToValue(link+strings.Join(parts, ", ")))
}
