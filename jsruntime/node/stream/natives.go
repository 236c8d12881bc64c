package stream

import (
	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// newNatives builds the object through which the module's JS reaches Go: Node-style errors (so their
// messages and stacks match the other built-in modules) and the string decoder behind setEncoding.
func newNatives(rt *jsruntime.Runtime, bufferCtor goja.Value) *goja.Object {
	vm := rt.VM()
	n := nodeerr.Natives(vm)
	set := func(name string, v any) {
		if err := n.Set(name, v); err != nil {
			panic(err)
		}
	}
	set("Buffer", bufferCtor)
	set("decoder", func(call goja.FunctionCall) goja.Value { return newDecoder(rt, call.Argument(0)) })
	return n
}

// newDecoder returns a JS object with write(chunk), end() and encoding, backed by a buffer.StringDecoder. An
// unknown encoding throws Node's ERR_UNKNOWN_ENCODING.
func newDecoder(rt *jsruntime.Runtime, encArg goja.Value) goja.Value {
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
	obj := vm.NewObject()
	_ = obj.Set("encoding", enc.Name())
	_ = obj.Set("write", func(call goja.FunctionCall) goja.Value {
		b, ok := buffer.Bytes(rt, call.Argument(0))
		if !ok {
			// A string pushed while decoding is already text.
			return vm.ToValue(call.Argument(0).String())
		}
		return vm.ToValue(d.Write(b))
	})
	_ = obj.Set("end", func(goja.FunctionCall) goja.Value { return vm.ToValue(d.End()) })
	return obj
}
