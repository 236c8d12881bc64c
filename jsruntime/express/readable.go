package express

import (
	_ "embed"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

//go:embed readable.js
var readableSource string

// readableScript is readable.js, compiled once and shared by every runtime.
var readableScript = jsruntime.NewScript("pluginhost:express/readable", readableSource)

// newReadable evaluates readable.js in the runtime and returns its Readable constructor, whose
// prototype inherits EventEmitter's. req's prototype inherits Readable.prototype; a full stream
// module can take its place, since the request side only uses Readable's public methods, the
// subclass contract (_read, _destroy) and the state fields Node's Readable also has (see
// reqstream.go).
func (a *App) newReadable(emitterCtor *goja.Object) (*goja.Object, error) {
	ctor, err := readableScript.Call(a.rt, emitterCtor, a.readableNatives())
	if err != nil {
		return nil, err
	}
	return ctor.ToObject(a.vm), nil
}

// readableNatives are the Go helpers readable.js uses: Buffers, the string decoder and deferral to
// a later loop job.
func (a *App) readableNatives() *goja.Object {
	vm := a.vm
	rt := a.rt
	n := vm.NewObject()
	_ = n.Set("concat", func(call goja.FunctionCall) goja.Value {
		arr := call.Argument(0).ToObject(vm)
		count := int(arr.Get("length").ToInteger())
		var out []byte
		for i := 0; i < count; i++ {
			b, _ := buffer.Bytes(rt, arr.Get(itoa(i)))
			out = append(out, b...)
		}
		return buffer.New(rt, out)
	})
	_ = n.Set("fromString", func(call goja.FunctionCall) goja.Value {
		enc := buffer.UTF8
		if e := call.Argument(1); !goja.IsUndefined(e) && !goja.IsNull(e) {
			var ok bool
			if enc, ok = buffer.ParseEncoding(e.String()); !ok {
				panic(nodeerr.New(vm, "TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: "+e.String()))
			}
		}
		return buffer.New(rt, enc.Decode(call.Argument(0).String()))
	})
	_ = n.Set("decoder", func(call goja.FunctionCall) goja.Value {
		name := "utf8"
		if e := call.Argument(0); !goja.IsUndefined(e) && !goja.IsNull(e) {
			name = e.String()
		}
		enc, ok := buffer.ParseEncoding(name)
		if !ok {
			panic(nodeerr.New(vm, "TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: "+name))
		}
		d := &chunkDecoder{enc: enc}
		obj := vm.NewObject()
		_ = obj.Set("encoding", enc.Name())
		_ = obj.Set("write", func(call goja.FunctionCall) goja.Value {
			b, _ := buffer.Bytes(rt, call.Argument(0))
			return vm.ToValue(d.write(b))
		})
		_ = obj.Set("end", func(goja.FunctionCall) goja.Value { return vm.ToValue(d.end()) })
		return obj
	})
	_ = n.Set("defer", func(call goja.FunctionCall) goja.Value {
		fn, ok := goja.AssertFunction(call.Argument(0))
		if !ok {
			return goja.Undefined()
		}
		rt.RunOnLoop(func(*goja.Runtime) {
			if _, err := fn(goja.Undefined()); err != nil {
				a.logListenerError(err)
			}
		})
		return goja.Undefined()
	})
	return n
}
