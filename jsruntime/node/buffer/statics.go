package buffer

import (
	"bytes"
	"strconv"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

func (s *state) defineStatics() {
	c := s.ctor
	must(c.Set("poolSize", 8192))
	must(c.Set("from", func(call goja.FunctionCall) goja.Value { return s.from(call.Arguments) }))
	must(c.Set("alloc", s.alloc))
	must(c.Set("allocUnsafe", s.allocUnsafe))
	must(c.Set("allocUnsafeSlow", s.allocUnsafe))
	must(c.Set("byteLength", s.byteLength))
	must(c.Set("isBuffer", func(v goja.Value) bool { return s.isBuffer(v) }))
	must(c.Set("isEncoding", func(v goja.Value) bool {
		if !goja.IsString(v) {
			return false
		}
		_, ok := ParseEncoding(v.String())
		return ok && v.String() != ""
	}))
	must(c.Set("concat", s.concat))
	must(c.Set("compare", func(call goja.FunctionCall) goja.Value {
		a := s.requireBytes(call.Argument(0), "buf1")
		b := s.requireBytes(call.Argument(1), "buf2")
		return s.vm.ToValue(bytes.Compare(a, b))
	}))
}

// construct is Buffer(...) and new Buffer(...): the deprecated Node forms, still used by old code, and
// the path TypedArray species creation takes (subarray, slice, map, filter).
func (s *state) construct(call goja.ConstructorCall) *goja.Object {
	if arg := call.Argument(0); goja.IsNumber(arg) {
		return s.wrap(make([]byte, s.size(arg)))
	}
	return s.from(call.Arguments)
}

// from implements Buffer.from in all its forms. ArrayBuffers are shared; everything else is copied.
func (s *state) from(args []goja.Value) *goja.Object {
	arg := goja.Undefined()
	if len(args) > 0 {
		arg = args[0]
	}
	if goja.IsString(arg) {
		return s.wrap(s.encoding(argAt(args, 1)).Decode(arg.String()))
	}
	obj, ok := arg.(*goja.Object)
	if !ok {
		panic(nodeerr.InvalidArgType(s.vm, "first argument", "of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object", arg))
	}
	switch x := obj.Export().(type) {
	case goja.ArrayBuffer:
		return s.view(obj, argAt(args, 1), argAt(args, 2))
	case []byte:
		return s.wrap(bytes.Clone(x))
	}
	// Objects that convert to a string or buffer, such as new String('x').
	if prim := s.primitive(obj); prim != nil {
		return s.from(append([]goja.Value{prim}, args[1:]...))
	}
	// The shape buf.toJSON() produces.
	if t := obj.Get("type"); t != nil && t.String() == "Buffer" {
		if data, ok := obj.Get("data").(*goja.Object); ok {
			return s.fromArrayLike(data)
		}
	}
	if obj.Get("length") != nil {
		return s.fromArrayLike(obj)
	}
	panic(nodeerr.InvalidArgType(s.vm, "first argument", "of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object", arg))
}

// primitive returns what obj.valueOf() or obj[Symbol.toPrimitive]('string') gives when that differs
// from obj, else nil.
func (s *state) primitive(obj *goja.Object) goja.Value {
	if fn, ok := goja.AssertFunction(obj.Get("valueOf")); ok {
		if v, err := fn(obj); err == nil && v != obj && !goja.IsUndefined(v) && !goja.IsNull(v) {
			return v
		}
	}
	if fn, ok := goja.AssertFunction(obj.GetSymbol(goja.SymToPrimitive)); ok {
		v, err := fn(obj, s.vm.ToValue("string"))
		if err != nil {
			panic(err)
		}
		return v
	}
	return nil
}

func (s *state) fromArrayLike(obj *goja.Object) *goja.Object {
	n := obj.Get("length").ToInteger()
	if n < 0 {
		n = 0
	}
	b := make([]byte, n)
	for i := range b {
		if v := obj.Get(itoa(i)); v != nil {
			b[i] = byte(v.ToInteger())
		}
	}
	return s.wrap(b)
}

func (s *state) alloc(call goja.FunctionCall) goja.Value {
	b := make([]byte, s.size(call.Argument(0)))
	if fill := call.Argument(1); !goja.IsUndefined(fill) {
		s.fill(b, fill, call.Argument(2))
	}
	return s.wrap(b)
}

func (s *state) allocUnsafe(call goja.FunctionCall) goja.Value {
	return s.wrap(make([]byte, s.size(call.Argument(0))))
}

// size validates a length argument of alloc and the numeric constructor.
func (s *state) size(v goja.Value) int {
	if !goja.IsNumber(v) {
		panic(nodeerr.InvalidArgType(s.vm, "size", "of type number", v))
	}
	f := v.ToFloat()
	if !(f >= 0 && f <= float64(s.maxLength)) {
		panic(nodeerr.OutOfRange(s.vm, "size", ">= 0 && <= "+strconv.FormatInt(s.maxLength, 10), v))
	}
	return int(f)
}

func (s *state) byteLength(call goja.FunctionCall) goja.Value {
	arg := call.Argument(0)
	if goja.IsString(arg) {
		return s.vm.ToValue(s.encoding(call.Argument(1)).ByteLength(arg.String()))
	}
	b, ok := s.bytes(arg)
	if !ok {
		panic(nodeerr.InvalidArgType(s.vm, "string", "of type string or an instance of Buffer or ArrayBuffer", arg))
	}
	return s.vm.ToValue(len(b))
}

func (s *state) concat(call goja.FunctionCall) goja.Value {
	list, ok := call.Argument(0).(*goja.Object)
	if !ok || list.ClassName() != "Array" {
		panic(nodeerr.InvalidArgType(s.vm, "list", "an instance of Array", call.Argument(0)))
	}
	n := int(list.Get("length").ToInteger())
	parts := make([][]byte, n)
	total := 0
	for i := range parts {
		item := list.Get(itoa(i))
		b, ok := s.bytes(item)
		if !ok || item.ExportType() != typeBytes {
			panic(nodeerr.InvalidArgType(s.vm, "list["+itoa(i)+"]", "an instance of Buffer or Uint8Array", item))
		}
		parts[i] = b
		total += len(b)
	}
	if l := call.Argument(1); !goja.IsUndefined(l) {
		total = s.size(l)
	}
	out := make([]byte, total)
	off := 0
	for _, p := range parts {
		if off >= total {
			break
		}
		off += copy(out[off:], p)
	}
	return s.wrap(out)
}

// encoding parses an optional encoding argument, throwing ERR_UNKNOWN_ENCODING for unknown names.
func (s *state) encoding(v goja.Value) Encoding {
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return UTF8
	}
	e, ok := ParseEncoding(v.String())
	if !ok {
		panic(s.unknownEncoding(v.String()))
	}
	return e
}

// requireBytes returns the bytes of a Buffer or Uint8Array argument, throwing ERR_INVALID_ARG_TYPE
// otherwise.
func (s *state) requireBytes(v goja.Value, name string) []byte {
	if v != nil && v.ExportType() == typeBytes {
		if b, ok := s.bytes(v); ok {
			return b
		}
	}
	panic(nodeerr.InvalidArgType(s.vm, name, "an instance of Buffer or Uint8Array", v))
}

func argAt(args []goja.Value, i int) goja.Value {
	if i < len(args) {
		return args[i]
	}
	return goja.Undefined()
}
