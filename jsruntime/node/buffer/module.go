package buffer

import (
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// defaultInspectMaxBytes is INSPECT_MAX_BYTES until a plugin changes it.
const defaultInspectMaxBytes = 50

// defineModule fills require('buffer') with Node 20's members, except those of the web platform,
// which ProvideWeb adds.
func (s *state) defineModule() {
	vm := s.vm
	m := s.module
	must(m.Set("Buffer", s.ctor))
	must(m.Set("SlowBuffer", s.slowBuffer()))
	must(m.Set("transcode", s.function("transcode", 3, s.transcode)))
	must(m.Set("isUtf8", s.function("isUtf8", 1, func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(utf8.Valid(s.encodedInput(call.Argument(0))))
	})))
	must(m.Set("isAscii", s.function("isAscii", 1, func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(ascii(s.encodedInput(call.Argument(0))))
	})))
	must(m.Set("kMaxLength", s.maxLength))
	must(m.Set("kStringMaxLength", maxStringLength))
	constants := vm.NewObject()
	must(constants.Set("MAX_LENGTH", s.maxLength))
	must(constants.Set("MAX_STRING_LENGTH", maxStringLength))
	must(m.DefineDataProperty("constants", constants, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE))
	get := vm.ToValue(func(goja.FunctionCall) goja.Value { return s.inspectMax })
	set := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		v := call.Argument(0)
		if !goja.IsNumber(v) {
			panic(nodeerr.InvalidArgType(vm, "INSPECT_MAX_BYTES", "of type number", v))
		}
		if !(v.ToFloat() >= 0) {
			panic(nodeerr.OutOfRange(vm, "INSPECT_MAX_BYTES", ">= 0", v))
		}
		s.inspectMax = v
		return goja.Undefined()
	})
	must(m.DefineAccessorProperty("INSPECT_MAX_BYTES", get, set, goja.FLAG_TRUE, goja.FLAG_TRUE))
}

// slowBuffer is the deprecated SlowBuffer(size): an uninitialised Buffer, called with or without new.
// As in Node, its prototype is not Buffer.prototype, so `instanceof SlowBuffer` is false.
func (s *state) slowBuffer() *goja.Object {
	vm := s.vm
	fn := s.function("SlowBuffer", 1, func(call goja.ConstructorCall) *goja.Object {
		return s.wrap(make([]byte, s.size(call.Argument(0))))
	})
	proto := vm.NewObject()
	must(proto.SetPrototype(s.uint8Obj.Get("prototype").ToObject(vm)))
	must(proto.DefineDataProperty("constructor", fn, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE))
	must(fn.DefineDataProperty("prototype", proto, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_FALSE))
	must(fn.SetPrototype(s.uint8Obj))
	return fn
}

// function makes fn a JS function with Node's name and length: goja would name it after the Go
// symbol.
func (s *state) function(name string, length int, fn any) *goja.Object {
	f := s.vm.ToValue(fn).ToObject(s.vm)
	must(f.DefineDataProperty("name", s.vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE))
	must(f.DefineDataProperty("length", s.vm.ToValue(length), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE))
	return f
}

// encodedInput is the argument of isUtf8 and isAscii: an ArrayBuffer or a typed array (not a
// DataView).
func (s *state) encodedInput(v goja.Value) []byte {
	if obj, ok := v.(*goja.Object); ok && !s.vm.InstanceOf(obj, s.vm.Get("DataView").ToObject(s.vm)) {
		if b, ok := s.bytes(v); ok {
			return b
		}
	}
	panic(nodeerr.InvalidArgType(s.vm, "input", "an instance of ArrayBuffer, Buffer, or TypedArray", v))
}

func ascii(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// webMembers are the members of require('buffer') that are web-platform classes, which Node loads on
// first use; atob and btoa are plain values.
var webMembers = []string{"Blob", "File", "resolveObjectURL"}

// ProvideWeb completes require('buffer') with the members that belong to the web platform: get(name)
// must return the web globals' originals for "Blob", "File", "resolveObjectURL", "atob" and "btoa".
// The classes are read on first use, as Node loads them. The web package, which builds on this one,
// calls it when it installs. Must be called on the loop.
func ProvideWeb(rt *jsruntime.Runtime, member func(name string) goja.Value) {
	s := get(rt)
	vm := s.vm
	m := s.module
	must(m.Set("atob", member("atob")))
	must(m.Set("btoa", member("btoa")))
	for _, name := range webMembers {
		// The first read replaces the accessor with the value, as Node's lazy properties do. A plugin
		// may have frozen the module by then, which is no reason to fail the read.
		replace := func(v goja.Value) {
			_ = m.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		}
		set := vm.ToValue(func(call goja.FunctionCall) goja.Value {
			replace(call.Argument(0))
			return goja.Undefined()
		})
		getter := vm.ToValue(func(goja.FunctionCall) goja.Value {
			v := member(name)
			replace(v)
			return v
		})
		must(m.DefineAccessorProperty(name, getter, set, goja.FLAG_TRUE, goja.FLAG_TRUE))
	}
}
