package crypto

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/binary"
	"encoding/hex"
	"strconv"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// randMax is Node's RAND_MAX for randomInt: ranges are drawn from 48-bit values.
const randMax = 1<<48 - 1

// randomNatives are the Go halves of the random functions and timingSafeEqual.
func (m *module) randomNatives() map[string]func(goja.FunctionCall) goja.Value {
	vm := m.vm
	return map[string]func(goja.FunctionCall) goja.Value{
		// randomFill(view, offset, size) fills bytes [offset, offset+size) of the view's memory.
		"randomFill": func(call goja.FunctionCall) goja.Value {
			b := m.span(call)
			_, _ = rand.Read(b)
			return goja.Undefined()
		},
		// randomFillAsync(view, offset, size, callback) draws the bytes off the loop, then writes them
		// into the view and calls callback(null) on the loop.
		"randomFillAsync": func(call goja.FunctionCall) goja.Value {
			view := call.Argument(0)
			offset, size := call.Argument(1).ToInteger(), call.Argument(2).ToInteger()
			m.span(call) // the bounds are checked now, while the caller can still catch the error
			return m.job(call.Argument(3), func(context.Context) ([]byte, error) {
				b := make([]byte, size)
				_, _ = rand.Read(b)
				return b, nil
			}, func(b []byte) goja.Value {
				if mem, ok := buffer.Bytes(m.rt, view); ok && int64(len(mem)) >= offset+size {
					copy(mem[offset:], b)
				}
				return goja.Undefined()
			})
		},
		// randomInt(min, max) is uniform in [min, max), for a range the JS half has bounded by randMax.
		"randomInt": func(call goja.FunctionCall) goja.Value {
			lo, hi := call.Argument(0).ToInteger(), call.Argument(1).ToInteger()
			span := uint64(hi - lo)
			limit := randMax - randMax%span // unbiased: draw from a whole number of spans
			var buf [8]byte
			for {
				_, _ = rand.Read(buf[2:])
				if x := binary.BigEndian.Uint64(buf[:]); x < limit {
					return vm.ToValue(lo + int64(x%span))
				}
			}
		},
		"randomUUID": func(goja.FunctionCall) goja.Value {
			var u [16]byte
			_, _ = rand.Read(u[:])
			u[6] = u[6]&0x0f | 0x40
			u[8] = u[8]&0x3f | 0x80
			var s [36]byte
			hex.Encode(s[0:8], u[0:4])
			hex.Encode(s[9:13], u[4:6])
			hex.Encode(s[14:18], u[6:8])
			hex.Encode(s[19:23], u[8:10])
			hex.Encode(s[24:], u[10:])
			s[8], s[13], s[18], s[23] = '-', '-', '-', '-'
			return vm.ToValue(string(s[:]))
		},
		"timingSafeEqual": func(call goja.FunctionCall) goja.Value {
			return vm.ToValue(subtle.ConstantTimeCompare(m.bytes(call.Argument(0)), m.bytes(call.Argument(1))) == 1)
		},
	}
}

// span is bytes [offset, offset+size) of the view in call's first three arguments.
func (m *module) span(call goja.FunctionCall) []byte {
	b := m.bytes(call.Argument(0))
	offset, size := call.Argument(1).ToInteger(), call.Argument(2).ToInteger()
	if offset < 0 || size < 0 || offset+size > int64(len(b)) {
		panic(nodeerr.OutOfRange(m.vm, "size + offset", "<= "+strconv.Itoa(len(b)), m.vm.ToValue(offset+size)))
	}
	return b[offset : offset+size]
}
