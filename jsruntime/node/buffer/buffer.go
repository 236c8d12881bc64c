// Package buffer provides Node's Buffer for plugin runtimes: the Buffer global, the "buffer" module, and
// the Go helpers other modules use to pass bytes across the boundary (New, Bytes).
//
// A Buffer is a Uint8Array whose prototype is Buffer.prototype, so typed-array methods, subarray and
// species-created copies all stay Buffers, as in Node. Encodings are implemented in Go (see Encoding).
//
// require('buffer') has Node 20's members: Buffer, SlowBuffer, transcode (utf8, ucs2, latin1 and
// ascii, with ICU's substitutions and error codes), isUtf8, isAscii, kMaxLength, kStringMaxLength,
// constants, INSPECT_MAX_BYTES (which util.inspect and console honour through Buffer.prototype's
// [util.inspect.custom], as in Node), and, from the web package (ProvideWeb), Blob, File, atob, btoa
// and resolveObjectURL. Buffer.prototype lacks Node's internal slice/write helpers (hexSlice,
// utf8Write, ...) and swap16/32/64.
package buffer

import (
	"fmt"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
)

// state is the per-runtime Buffer machinery.
type state struct {
	vm         *goja.Runtime
	ctor       *goja.Object // Buffer
	proto      *goja.Object // Buffer.prototype
	uint8      goja.Constructor
	uint8Obj   *goja.Object  // Uint8Array
	module     *goja.Object  // exports of require('buffer')
	viewProto  *goja.Object  // %TypedArray%.prototype, for Bytes on other views
	isView     goja.Callable // ArrayBuffer.isView
	inspectMax goja.Value    // require('buffer').INSPECT_MAX_BYTES: a number >= 0, maybe Infinity
	maxLength  int64         // the largest Buffer alloc may make: kMaxLength, or the host's lower limit
}

type stateKey struct{}

type maxLengthKey struct{}

// SetMaxLength lowers the largest Buffer the plugin may allocate at once (Buffer.alloc, allocUnsafe,
// new Buffer(n)) below Node's 4 GiB, so that one call cannot take the host's memory; kMaxLength and
// constants.MAX_LENGTH report it. It takes effect only when called before the runtime first uses the
// buffer module (before Install). Must be called on the loop.
func SetMaxLength(rt *jsruntime.Runtime, n int64) {
	rt.Value(maxLengthKey{}, func() any { return n })
}

func get(rt *jsruntime.Runtime) *state {
	return rt.Value(stateKey{}, func() any { return newState(rt) }).(*state)
}

// Install defines the Buffer global. Must be called on the loop.
func Install(rt *jsruntime.Runtime) error {
	return rt.VM().Set("Buffer", get(rt).ctor)
}

// Require returns the exports of the "buffer" module. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return get(rt).module, nil
}

// New returns b as a JS Buffer. The Buffer shares b's memory, so the caller hands b over. Must be
// called on the loop.
func New(rt *jsruntime.Runtime, b []byte) goja.Value {
	return get(rt).wrap(b)
}

// Bytes returns the bytes a Buffer, any other typed array, a DataView or an ArrayBuffer refers to,
// sharing their memory. It reports false for any other value. Must be called on the loop.
func Bytes(rt *jsruntime.Runtime, v goja.Value) ([]byte, bool) {
	return get(rt).bytes(v)
}

func newState(rt *jsruntime.Runtime) *state {
	vm := rt.VM()
	s := &state{vm: vm, maxLength: maxLength}
	if n, ok := rt.Value(maxLengthKey{}, func() any { return int64(0) }).(int64); ok && n > 0 && n < maxLength {
		s.maxLength = n
	}
	s.uint8Obj = vm.Get("Uint8Array").ToObject(vm)
	ctor, ok := goja.AssertConstructor(s.uint8Obj)
	if !ok {
		panic(vm.NewTypeError("Uint8Array is not a constructor"))
	}
	s.uint8 = ctor
	s.viewProto = s.uint8Obj.Prototype().Get("prototype").ToObject(vm)
	s.isView, _ = goja.AssertFunction(vm.Get("ArrayBuffer").ToObject(vm).Get("isView"))

	s.ctor = vm.ToValue(s.construct).ToObject(vm)
	must(s.ctor.DefineDataProperty("name", vm.ToValue("Buffer"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE))
	// Inheriting from Uint8Array makes Buffer[Symbol.species] resolve to Buffer.
	must(s.ctor.SetPrototype(s.uint8Obj))
	s.proto = vm.NewObject()
	must(s.proto.SetPrototype(s.uint8Obj.Get("prototype").ToObject(vm)))
	must(s.proto.DefineDataProperty("constructor", s.ctor, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE))
	must(s.ctor.DefineDataProperty("prototype", s.proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE))
	s.defineStatics()
	s.defineMethods()
	s.defineNumberMethods()

	s.defineInspect()
	s.inspectMax = vm.ToValue(defaultInspectMaxBytes)
	s.module = vm.NewObject()
	s.defineModule()
	return s
}

// Limits reported by require('buffer').constants, as on 64-bit Node 20.
const (
	maxLength       = 1 << 32
	maxStringLength = 1<<29 - 24
)

// must panics on errors that only a broken runtime setup can produce.
func must(err error) {
	if err != nil {
		panic(fmt.Errorf("buffer: setting up Buffer: %w", err))
	}
}

// wrap makes a Buffer over b without copying.
func (s *state) wrap(b []byte) *goja.Object {
	o, err := s.uint8(s.ctor, s.vm.ToValue(s.vm.NewArrayBuffer(b)))
	if err != nil {
		panic(err)
	}
	return o
}

// view makes a Buffer over part of an existing ArrayBuffer, sharing its memory.
func (s *state) view(ab, offset, length goja.Value) *goja.Object {
	o, err := s.uint8(s.ctor, ab, offset, length)
	if err != nil {
		panic(err)
	}
	return o
}

func (s *state) bytes(v goja.Value) ([]byte, bool) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	if n := obj.Get("byteLength"); n != nil && goja.IsNumber(n) && n.ToInteger() == 0 {
		// goja exports an empty typed array at the very end of its buffer (buf.subarray(buf.length))
		// as a pointer past the allocation, which the garbage collector may trip on: never export it.
		if isView, err := s.isView(goja.Undefined(), obj); err == nil && isView.ToBoolean() {
			return []byte{}, true
		}
		if _, isAB := obj.Export().(goja.ArrayBuffer); isAB {
			return []byte{}, true
		}
		return nil, false
	}
	switch x := obj.Export().(type) {
	case []byte:
		return x, true
	case goja.ArrayBuffer:
		return x.Bytes(), true
	}
	// Other views (Int16Array, DataView, …) are read through their buffer, offset and length.
	bufVal, offVal, lenVal := obj.Get("buffer"), obj.Get("byteOffset"), obj.Get("byteLength")
	if bufVal == nil || offVal == nil || lenVal == nil {
		return nil, false
	}
	ab, ok := bufVal.Export().(goja.ArrayBuffer)
	if !ok {
		return nil, false
	}
	data := ab.Bytes()
	off, n := offVal.ToInteger(), lenVal.ToInteger()
	if off < 0 || n < 0 || off+n > int64(len(data)) {
		return nil, false
	}
	return data[off : off+n], true
}

func (s *state) isBuffer(v goja.Value) bool {
	obj, ok := v.(*goja.Object)
	return ok && s.vm.InstanceOf(obj, s.ctor)
}
