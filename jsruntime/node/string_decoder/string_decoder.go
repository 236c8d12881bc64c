// Package stringdecoder is Node's "string_decoder" module: StringDecoder over buffer.StringDecoder,
// the decoder readable.setEncoding also uses.
package stringdecoder

import (
	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

type moduleKey struct{}

// Require returns the "string_decoder" module, built once per runtime. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return rt.Value(moduleKey{}, func() any { return build(rt) }).(*goja.Object), nil
}

func build(rt *jsruntime.Runtime) *goja.Object {
	vm := rt.VM()
	ctor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		return newDecoder(rt, call.This, call.Argument(0))
	}).ToObject(vm)
	exports := vm.NewObject()
	_ = exports.Set("StringDecoder", ctor)
	return exports
}

// newDecoder sets up this as a StringDecoder for encArg: an unknown encoding throws Node's
// ERR_UNKNOWN_ENCODING, and undefined or null mean UTF-8.
func newDecoder(rt *jsruntime.Runtime, this *goja.Object, encArg goja.Value) *goja.Object {
	vm := rt.VM()
	name := "utf8"
	if !goja.IsUndefined(encArg) && !goja.IsNull(encArg) {
		name = encArg.String()
	}
	enc, ok := buffer.ParseEncoding(name)
	if !ok {
		panic(nodeerr.New(vm, "TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: "+name))
	}
	d := buffer.NewStringDecoder(enc)
	write := func(v goja.Value) string {
		if goja.IsString(v) {
			return v.String() // already text, as in Node
		}
		b, ok := buffer.Bytes(rt, v)
		if !ok {
			panic(nodeerr.InvalidArgType(vm, "buf", "an instance of Buffer, TypedArray, or DataView", v))
		}
		return d.Write(b)
	}
	_ = this.Set("encoding", enc.Name())
	_ = this.Set("write", func(call goja.FunctionCall) goja.Value { return vm.ToValue(write(call.Argument(0))) })
	// end(buf) is write(buf) followed by the flush of what is held back.
	_ = this.Set("end", func(call goja.FunctionCall) goja.Value {
		out := ""
		if v := call.Argument(0); !goja.IsUndefined(v) {
			out = write(v)
		}
		return vm.ToValue(out + d.End())
	})
	// text(buf, offset) decodes buf from byte offset on.
	_ = this.Set("text", func(call goja.FunctionCall) goja.Value {
		b, ok := buffer.Bytes(rt, call.Argument(0))
		if !ok {
			panic(nodeerr.InvalidArgType(vm, "buf", "an instance of Buffer, TypedArray, or DataView", call.Argument(0)))
		}
		off := int(call.Argument(1).ToInteger())
		off = max(0, min(off, len(b)))
		return vm.ToValue(d.Write(b[off:]))
	})
	return this
}
