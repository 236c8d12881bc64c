package url

import (
	"strings"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/inspect"
)

// defineInspect gives URL and URLSearchParams Node's util.inspect renderings (their
// [util.inspect.custom] methods), which console.log shows.
func (m *module) defineInspect() {
	sym := inspect.CustomSymbol(m.vm)
	if sym == nil {
		return
	}
	must(m.urlProto.SetSymbol(sym, m.vm.ToValue(m.inspectURL)))
	must(m.paramsProto.SetSymbol(sym, m.vm.ToValue(m.inspectParams)))
}

// inspectURL is URL's [util.inspect.custom](depth, options): "URL { href: ..., ... }" with every
// component, or the URL itself (inspected as a plain object) below the depth limit.
func (m *module) inspectURL(call goja.FunctionCall) goja.Value {
	vm := m.vm
	if d := call.Argument(0); goja.IsNumber(d) && d.ToFloat() < 0 {
		return call.This
	}
	this := call.This.ToObject(vm)
	obj := vm.NewObject()
	for _, a := range urlAccessors {
		must(obj.Set(a.name, this.Get(a.name)))
	}
	return vm.ToValue(constructorName(this, "URL") + " " + inspect.Value(vm, obj, inspect.OptionsOf(call.Argument(1))))
}

// inspectParams is URLSearchParams' [util.inspect.custom](depth, options): "URLSearchParams { 'a' =>
// '1' }", one entry a line when that is longer than 80 characters, "[Object]" below the depth limit.
func (m *module) inspectParams(call goja.FunctionCall) goja.Value {
	vm := m.vm
	if d := call.Argument(0); goja.IsNumber(d) && d.ToFloat() < 0 {
		return vm.ToValue("[Object]")
	}
	this := call.This.ToObject(vm)
	p := m.thisParams(call)
	opts := inspect.OptionsOf(call.Argument(1))
	if d := call.Argument(0); goja.IsNumber(d) {
		opts.Depth = int(d.ToInteger()) - 1
	}
	name := constructorName(this, "URLSearchParams")
	if len(p.list) == 0 {
		return vm.ToValue(name + " {}")
	}
	entries := make([]string, len(p.list))
	length := -2
	for i, e := range p.list {
		entries[i] = inspect.Value(vm, vm.ToValue(e.name), opts) + " => " + inspect.Value(vm, vm.ToValue(e.value), opts)
		length += len([]rune(entries[i])) + 2
	}
	if length > 80 {
		return vm.ToValue(name + " {\n  " + strings.Join(entries, ",\n  ") + " }")
	}
	return vm.ToValue(name + " { " + strings.Join(entries, ", ") + " }")
}

// constructorName is this.constructor.name, or fallback.
func constructorName(this *goja.Object, fallback string) string {
	if c, ok := this.Get("constructor").(*goja.Object); ok {
		if n := c.Get("name"); n != nil && n.String() != "" {
			return n.String()
		}
	}
	return fallback
}
