package buffer

import (
	"fmt"
	"math"
	"math/big"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

type numKind uint8

const (
	kindUint numKind = iota
	kindInt
	kindFloat
	kindBigInt
	kindBigUint
)

// numType describes one family of readX/writeX methods. size 0 means the byte length is an argument
// (readUIntLE(offset, byteLength)).
type numType struct {
	name   string
	size   int
	kind   numKind
	little bool
}

// numTypes are the fixed-width accessors; each also gets its lowercase-"int" alias (readUint8) where
// Node has one.
var numTypes = []numType{
	{"UInt8", 1, kindUint, false}, {"Int8", 1, kindInt, false},
	{"UInt16LE", 2, kindUint, true}, {"UInt16BE", 2, kindUint, false},
	{"Int16LE", 2, kindInt, true}, {"Int16BE", 2, kindInt, false},
	{"UInt32LE", 4, kindUint, true}, {"UInt32BE", 4, kindUint, false},
	{"Int32LE", 4, kindInt, true}, {"Int32BE", 4, kindInt, false},
	{"FloatLE", 4, kindFloat, true}, {"FloatBE", 4, kindFloat, false},
	{"DoubleLE", 8, kindFloat, true}, {"DoubleBE", 8, kindFloat, false},
	{"BigInt64LE", 8, kindBigInt, true}, {"BigInt64BE", 8, kindBigInt, false},
	{"BigUInt64LE", 8, kindBigUint, true}, {"BigUInt64BE", 8, kindBigUint, false},
	{"UIntLE", 0, kindUint, true}, {"UIntBE", 0, kindUint, false},
	{"IntLE", 0, kindInt, true}, {"IntBE", 0, kindInt, false},
}

func (s *state) defineNumberMethods() {
	for _, t := range numTypes {
		read := s.vm.ToValue(func(call goja.FunctionCall) goja.Value { return s.readNum(call, t) })
		write := s.vm.ToValue(func(call goja.FunctionCall) goja.Value { return s.writeNum(call, t) })
		names := []string{t.name}
		if alias := aliasName(t.name); alias != t.name {
			names = append(names, alias)
		}
		for _, n := range names {
			must(s.proto.Set("read"+n, read))
			must(s.proto.Set("write"+n, write))
		}
	}
}

// aliasName turns "UInt16LE" into "Uint16LE", the spelling Node added later for the same methods.
func aliasName(name string) string {
	for i := 0; i+1 < len(name); i++ {
		if name[i] == 'U' && name[i+1] == 'I' {
			return name[:i+1] + "i" + name[i+2:]
		}
	}
	return name
}

// span validates the offset (and, for variable-width types, byteLength) arguments starting at argument
// index i and returns the byte range to access.
func (s *state) span(b []byte, call goja.FunctionCall, i int, t numType) (int, int) {
	size := t.size
	if size == 0 {
		bl := call.Argument(i + 1)
		if !goja.IsNumber(bl) {
			panic(nodeerr.InvalidArgType(s.vm, "byteLength", "of type number", bl))
		}
		if f := bl.ToFloat(); f != math.Trunc(f) || f < 1 || f > 6 {
			panic(s.outOfRange("byteLength", ">= 1 and <= 6", bl))
		}
		size = int(bl.ToInteger())
	}
	off := call.Argument(i)
	if goja.IsUndefined(off) && t.size != 0 {
		off = s.vm.ToValue(0)
	}
	if !goja.IsNumber(off) {
		panic(nodeerr.InvalidArgType(s.vm, "offset", "of type number", off))
	}
	if len(b) < size {
		panic(nodeerr.New(s.vm, "RangeError", "ERR_BUFFER_OUT_OF_BOUNDS", "Attempt to access memory outside buffer bounds"))
	}
	f := off.ToFloat()
	if f != math.Trunc(f) || f < 0 || f > float64(len(b)-size) {
		panic(s.outOfRange("offset", fmt.Sprintf(">= 0 and <= %d", len(b)-size), off))
	}
	return int(f), int(f) + size
}

func (s *state) readNum(call goja.FunctionCall, t numType) goja.Value {
	b := s.this(call)
	lo, hi := s.span(b, call, 0, t)
	u := load(b[lo:hi], t.little)
	n := hi - lo
	switch t.kind {
	case kindInt:
		shift := 64 - 8*n
		return s.vm.ToValue(int64(u<<shift) >> shift)
	case kindFloat:
		if n == 4 {
			return s.vm.ToValue(float64(math.Float32frombits(uint32(u))))
		}
		return s.vm.ToValue(math.Float64frombits(u))
	case kindBigInt:
		return s.vm.ToValue(big.NewInt(int64(u)))
	case kindBigUint:
		return s.vm.ToValue(new(big.Int).SetUint64(u))
	}
	return s.vm.ToValue(u)
}

func (s *state) writeNum(call goja.FunctionCall, t numType) goja.Value {
	b := s.this(call)
	lo, hi := s.span(b, call, 1, t)
	n := hi - lo
	v := call.Argument(0)
	var u uint64
	switch t.kind {
	case kindFloat:
		if n == 4 {
			u = uint64(math.Float32bits(float32(v.ToFloat())))
		} else {
			u = math.Float64bits(v.ToFloat())
		}
	case kindBigInt, kindBigUint:
		u = s.bigBits(v, t.kind == kindBigInt)
	default:
		u = s.intBits(v, n, t.kind == kindInt)
	}
	store(b[lo:hi], u, t.little)
	return s.vm.ToValue(hi)
}

// intBits range-checks an integer to write in n bytes and returns its two's-complement bits.
func (s *state) intBits(v goja.Value, n int, signed bool) uint64 {
	if !goja.IsNumber(v) {
		v = v.ToNumber()
	}
	f := v.ToFloat()
	lo, hi := 0.0, math.Ldexp(1, 8*n)-1
	bounds := fmt.Sprintf(">= 0 and <= %.0f", hi)
	if signed {
		lo, hi = -math.Ldexp(1, 8*n-1), math.Ldexp(1, 8*n-1)-1
		bounds = fmt.Sprintf(">= %.0f and <= %.0f", lo, hi)
	}
	if !(f >= lo && f <= hi) {
		panic(s.outOfRange("value", bounds, v))
	}
	return uint64(int64(f))
}

func (s *state) bigBits(v goja.Value, signed bool) uint64 {
	x, ok := v.Export().(*big.Int)
	if !ok {
		panic(nodeerr.InvalidArgType(s.vm, "value", "of type bigint", v))
	}
	if signed {
		if !x.IsInt64() {
			panic(s.outOfRange("value", ">= -(2n ** 63n) and < 2n ** 63n", v.String()+"n"))
		}
		return uint64(x.Int64())
	}
	if !x.IsUint64() {
		panic(s.outOfRange("value", ">= 0n and < 2n ** 64n", v.String()+"n"))
	}
	return x.Uint64()
}

func load(b []byte, little bool) uint64 {
	var u uint64
	for i := range b {
		j := i
		if little {
			j = len(b) - 1 - i
		}
		u = u<<8 | uint64(b[j])
	}
	return u
}

func store(b []byte, u uint64, little bool) {
	for i := range b {
		j := len(b) - 1 - i
		if little {
			j = i
		}
		b[j] = byte(u)
		u >>= 8
	}
}
