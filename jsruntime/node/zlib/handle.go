package zlib

import (
	"bytes"
	"context"
	"fmt"
	"runtime/debug"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// handle is the native half of one zlib stream, what Node's C++ binding object is to lib/zlib.js:
// write (off the loop), writeSync, params, reset and close over an engine. Only the loop touches a
// handle; while an asynchronous write runs, its goroutine alone uses the engine, and busy keeps the
// loop's hands off it.
type handle struct {
	rt     *jsruntime.Runtime
	eng    engine
	busy   bool
	closed bool
}

// object exposes h to zlib.js. Each write method takes (flush, chunk, inOff, inLen, outLen) like
// Node's binding and gives back [output Buffer or null, input bytes left, then, on failure, the
// error's message, errno and code].
func (h *handle) object() *goja.Object {
	vm := h.rt.VM()
	obj := vm.NewObject()
	set := func(name string, fn func(goja.FunctionCall) goja.Value) {
		if err := obj.Set(name, fn); err != nil {
			panic(err)
		}
	}
	set("writeSync", func(call goja.FunctionCall) goja.Value {
		flush, in, limit := h.args(call)
		h.checkIdle()
		out, consumed, err := h.process(h.rt.Context(), flush, in, limit)
		return h.result(out, len(in)-consumed, err)
	})
	set("write", func(call goja.FunctionCall) goja.Value {
		flush, in, limit := h.args(call)
		h.checkIdle()
		h.busy = true
		// The goroutine must not read memory the plugin may change meanwhile.
		in = bytes.Clone(in)
		return vm.ToValue(h.rt.Go(func(ctx context.Context) func(*goja.Runtime) (goja.Value, error) {
			out, consumed, err := h.process(ctx, flush, in, limit)
			return func(*goja.Runtime) (goja.Value, error) {
				h.busy = false
				return h.result(out, len(in)-consumed, err), nil
			}
		}))
	})
	set("params", func(call goja.FunctionCall) goja.Value {
		h.checkIdle()
		if d, ok := h.eng.(*deflater); ok {
			d.params(int(call.Argument(0).ToInteger()), int(call.Argument(1).ToInteger()))
		}
		return goja.Undefined()
	})
	set("reset", func(goja.FunctionCall) goja.Value {
		h.checkIdle()
		h.eng.reset()
		return goja.Undefined()
	})
	set("close", func(goja.FunctionCall) goja.Value {
		h.closed = true
		return goja.Undefined()
	})
	return obj
}

// process runs the engine, turning a Go panic into a stream error: bad input must not crash the host.
func (h *handle) process(ctx context.Context, flush int, in []byte, limit int) (out []byte, consumed int, err *codecError) {
	defer func() {
		if p := recover(); p != nil {
			h.rt.Logger().Error("zlib: panic in engine", "panic", p, "stack", string(debug.Stack()))
			out, consumed, err = nil, 0, &codecError{message: fmt.Sprintf("internal error: %v", p), errno: -2, code: "Z_STREAM_ERROR"}
		}
	}()
	return h.eng.process(ctx, flush, in, limit)
}

// args reads (flush, chunk, inOff, inLen, outLen).
func (h *handle) args(call goja.FunctionCall) (flush int, in []byte, limit int) {
	vm := h.rt.VM()
	flush = int(call.Argument(0).ToInteger())
	chunk, ok := buffer.Bytes(h.rt, call.Argument(1))
	if !ok {
		panic(nodeerr.InvalidArgType(vm, "chunk", "an instance of Buffer", call.Argument(1)))
	}
	off, n := call.Argument(2).ToInteger(), call.Argument(3).ToInteger()
	if off < 0 || n < 0 || off+n > int64(len(chunk)) {
		panic(nodeerr.New(vm, "RangeError", "ERR_OUT_OF_RANGE", "zlib: input range outside the chunk"))
	}
	limit = int(call.Argument(4).ToInteger())
	if limit <= 0 {
		panic(nodeerr.New(vm, "RangeError", "ERR_OUT_OF_RANGE", "zlib: output length must be positive"))
	}
	return flush, chunk[off : off+n], limit
}

// checkIdle throws when the handle is closed or a write is still running, the states in which
// Node's binding refuses (or aborts on) a call.
func (h *handle) checkIdle() {
	vm := h.rt.VM()
	if h.closed {
		panic(nodeerr.New(vm, "Error", "ERR_ZLIB_BINDING_CLOSED", "zlib binding closed"))
	}
	if h.busy {
		panic(nodeerr.New(vm, "Error", "ERR_ZLIB_WRITE_IN_PROGRESS", "write already in progress"))
	}
}

func (h *handle) result(out []byte, left int, err *codecError) goja.Value {
	vm := h.rt.VM()
	if err != nil {
		return vm.NewArray(goja.Null(), left, err.message, err.errno, err.code)
	}
	var chunk goja.Value = goja.Null()
	if len(out) > 0 {
		chunk = buffer.New(h.rt, out)
	}
	return vm.NewArray(chunk, left)
}
