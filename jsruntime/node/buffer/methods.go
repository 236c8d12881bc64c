package buffer

import (
	"bytes"
	"reflect"
	"strconv"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

var typeBytes = reflect.TypeOf([]byte(nil))

func itoa(i int) string { return strconv.Itoa(i) }

func (s *state) defineMethods() {
	p := s.proto
	must(p.Set("toString", s.toString))
	must(p.Set("toLocaleString", s.toString))
	must(p.Set("toJSON", s.toJSON))
	must(p.Set("equals", func(call goja.FunctionCall) goja.Value {
		return s.vm.ToValue(bytes.Equal(s.this(call), s.requireBytes(call.Argument(0), "otherBuffer")))
	}))
	must(p.Set("compare", s.compare))
	must(p.Set("copy", s.copy))
	// Node's slice shares memory, exactly like subarray (which creates a Buffer through species).
	must(p.Set("slice", s.uint8Obj.Get("prototype").ToObject(s.vm).Get("subarray")))
	must(p.Set("indexOf", func(call goja.FunctionCall) goja.Value { return s.vm.ToValue(s.indexOf(call, false)) }))
	must(p.Set("lastIndexOf", func(call goja.FunctionCall) goja.Value { return s.vm.ToValue(s.indexOf(call, true)) }))
	must(p.Set("includes", func(call goja.FunctionCall) goja.Value { return s.vm.ToValue(s.indexOf(call, false) >= 0) }))
	must(p.Set("write", s.write))
	must(p.Set("fill", func(call goja.FunctionCall) goja.Value {
		b := s.this(call)
		value, offset, end, enc := call.Argument(0), call.Argument(1), call.Argument(2), call.Argument(3)
		if goja.IsString(offset) {
			offset, end, enc = goja.Undefined(), goja.Undefined(), offset
		} else if goja.IsString(end) {
			end, enc = goja.Undefined(), end
		}
		start, stop := s.bounds(len(b), offset, end)
		s.fill(b[start:stop], value, enc)
		return call.This
	}))
}

// this returns the bytes of the receiver, which must be a Uint8Array.
func (s *state) this(call goja.FunctionCall) []byte {
	if call.This.ExportType() == typeBytes {
		if b, ok := s.bytes(call.This); ok {
			return b
		}
	}
	panic(s.vm.NewTypeError("argument must be a buffer"))
}

func (s *state) toString(call goja.FunctionCall) goja.Value {
	b := s.this(call)
	enc := s.encoding(call.Argument(0))
	start, end := 0, len(b)
	if v := call.Argument(1); !goja.IsUndefined(v) {
		start = clamp(v.ToInteger(), 0, len(b))
	}
	if v := call.Argument(2); !goja.IsUndefined(v) {
		end = clamp(v.ToInteger(), 0, len(b))
	}
	if end <= start {
		return s.vm.ToValue("")
	}
	return s.vm.ToValue(enc.Encode(b[start:end]))
}

func (s *state) toJSON(call goja.FunctionCall) goja.Value {
	b := s.this(call)
	data := make([]any, len(b))
	for i, c := range b {
		data[i] = int64(c)
	}
	o := s.vm.NewObject()
	must(o.Set("type", "Buffer"))
	must(o.Set("data", s.vm.NewArray(data...)))
	return o
}

// compare implements buf.compare(target, targetStart, targetEnd, sourceStart, sourceEnd).
func (s *state) compare(call goja.FunctionCall) goja.Value {
	src := s.this(call)
	dst := s.requireBytes(call.Argument(0), "target")
	ts, te := s.bounds(len(dst), call.Argument(1), call.Argument(2))
	ss, se := s.bounds(len(src), call.Argument(3), call.Argument(4))
	return s.vm.ToValue(bytes.Compare(src[ss:se], dst[ts:te]))
}

// copy implements buf.copy(target, targetStart, sourceStart, sourceEnd); overlapping regions are fine.
func (s *state) copy(call goja.FunctionCall) goja.Value {
	src := s.this(call)
	dst := s.requireBytes(call.Argument(0), "target")
	ts, _ := s.bounds(len(dst), call.Argument(1), goja.Undefined())
	ss, se := s.bounds(len(src), call.Argument(2), call.Argument(3))
	return s.vm.ToValue(copy(dst[ts:], src[ss:se]))
}

// bounds reads an optional [start, end) pair, clamped to [0, n], with end never before start.
func (s *state) bounds(n int, start, end goja.Value) (int, int) {
	lo, hi := 0, n
	if !goja.IsUndefined(start) {
		lo = clamp(start.ToInteger(), 0, n)
	}
	if !goja.IsUndefined(end) {
		hi = clamp(end.ToInteger(), 0, n)
	}
	if hi < lo {
		hi = lo
	}
	return lo, hi
}

func clamp(v int64, lo, hi int) int {
	switch {
	case v < int64(lo):
		return lo
	case v > int64(hi):
		return hi
	}
	return int(v)
}

// needle converts the value argument of indexOf/fill: a string in the given encoding, a number as one
// byte, or the bytes of a Uint8Array.
func (s *state) needle(v, enc goja.Value) []byte {
	switch {
	case goja.IsString(v):
		return s.encoding(enc).Decode(v.String())
	case goja.IsNumber(v):
		return []byte{byte(v.ToInteger())}
	}
	if v.ExportType() == typeBytes {
		if b, ok := s.bytes(v); ok {
			return b
		}
	}
	panic(nodeerr.InvalidArgType(s.vm, "value", "one of type number or string or an instance of Buffer or Uint8Array", v))
}

// indexOf implements indexOf, lastIndexOf and includes: (value, byteOffset, encoding), where byteOffset
// may be omitted in favour of the encoding and counts from the end when negative.
func (s *state) indexOf(call goja.FunctionCall, last bool) int {
	b := s.this(call)
	offArg, enc := call.Argument(1), call.Argument(2)
	if goja.IsString(offArg) {
		offArg, enc = goja.Undefined(), offArg
	}
	n := s.needle(call.Argument(0), enc)
	off := 0
	if last {
		off = len(b)
	}
	if !goja.IsUndefined(offArg) {
		o := offArg.ToInteger()
		if o < 0 {
			o += int64(len(b))
		}
		if o < 0 {
			if last {
				return -1
			}
			o = 0
		}
		off = clamp(o, 0, len(b))
	}
	if last {
		end := min(len(b), off+len(n))
		return bytes.LastIndex(b[:end], n)
	}
	if off > len(b) {
		return -1
	}
	if i := bytes.Index(b[off:], n); i >= 0 {
		return off + i
	}
	return -1
}

// write implements buf.write(string[, offset[, length]][, encoding]). A UTF-8 character that does not
// fit is left out whole, as in Node.
func (s *state) write(call goja.FunctionCall) goja.Value {
	b := s.this(call)
	str := call.Argument(0)
	if !goja.IsString(str) {
		panic(nodeerr.InvalidArgType(s.vm, "string", "of type string", str))
	}
	args := call.Arguments[1:]
	var offArg, lenArg, encArg goja.Value = goja.Undefined(), goja.Undefined(), goja.Undefined()
	for i, a := range args {
		if goja.IsString(a) {
			encArg = a
			break
		}
		switch i {
		case 0:
			offArg = a
		case 1:
			lenArg = a
		}
	}
	enc := s.encoding(encArg)
	off, _ := s.bounds(len(b), offArg, goja.Undefined())
	room := len(b) - off
	if !goja.IsUndefined(lenArg) {
		room = clamp(lenArg.ToInteger(), 0, room)
	}
	data := enc.Decode(str.String())
	n := min(room, len(data))
	if enc == UTF8 {
		for n > 0 && n < len(data) && !utf8.RuneStart(data[n]) {
			n--
		}
	}
	return s.vm.ToValue(copy(b[off:off+n], data[:n]))
}

// fill repeats value (see needle) over dst; an empty pattern fills zeros.
func (s *state) fill(dst []byte, value, enc goja.Value) {
	pattern := s.needle(value, enc)
	if len(pattern) == 0 {
		clear(dst)
		return
	}
	for i := 0; i < len(dst); i += len(pattern) {
		copy(dst[i:], pattern)
	}
}
