package express

import (
	"sync/atomic"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// highWaterMark is Node's default writableHighWaterMark for a ServerResponse (16 KiB).
const highWaterMark = 16 << 10

// writeFlow is write()'s backpressure: the body bytes queued for the HTTP goroutine and not yet
// flushed. The loop adds, the HTTP goroutine subtracts; when a write returned false, 'drain' is
// emitted on the loop once everything queued has been flushed, as Node's socket does.
type writeFlow struct {
	pending   atomic.Int64
	needDrain atomic.Bool
}

// defineWritable defines the Writable side of res: write/end with Node's return values and
// callbacks, cork/uncork, flush and the writable* state properties that Readable.pipe and plugins
// read.
func (b *resProtoBuilder) defineWritable() {
	a := b.a
	vm := a.vm
	method, getter := b.method, b.getter
	boolGetter := func(name string, fn func(res *response) bool) {
		getter(name, func(res *response) goja.Value { return vm.ToValue(fn(res)) })
	}
	boolGetter("headersSent", func(res *response) bool { return res.headersSent })
	boolGetter("writableEnded", func(res *response) bool { return res.ended })
	boolGetter("finished", func(res *response) bool { return res.ended })
	boolGetter("writableFinished", func(res *response) bool { return res.finished })
	destroyed := func(res *response) bool { return res.destroyed || res.closed && !res.finished }
	boolGetter("destroyed", destroyed)
	// Node keeps `writable` true after end() and destroy(); only a socket that closed early makes a
	// response stop being writable.
	boolGetter("writable", func(res *response) bool { return !(res.closed && !res.finished) })
	boolGetter("writableNeedDrain", func(res *response) bool { return res.flow.needDrain.Load() })
	boolGetter("writableObjectMode", func(*response) bool { return false })
	getter("writableLength", func(res *response) goja.Value { return vm.ToValue(res.flow.pending.Load()) })
	getter("writableHighWaterMark", func(*response) goja.Value { return vm.ToValue(highWaterMark) })
	getter("writableCorked", func(res *response) goja.Value { return vm.ToValue(res.corked) })

	// A job's chunks are flushed as soon as the job ends, so corking only keeps Node's counter;
	// compression() in the hosts adds res.flush, which has nothing left to do here.
	method("cork", 0, func(res *response, _ goja.FunctionCall) goja.Value {
		res.corked++
		return goja.Undefined()
	})
	method("uncork", 0, func(res *response, _ goja.FunctionCall) goja.Value {
		if res.corked > 0 {
			res.corked--
		}
		return goja.Undefined()
	})
	method("flush", 0, func(*response, goja.FunctionCall) goja.Value { return goja.Undefined() })

	// destroy is OutgoingMessage.destroy: the socket is destroyed, so the connection is reset (with
	// nothing sent if the head was still corked), and 'close' follows once the HTTP goroutine let go.
	method("destroy", 1, func(res *response, call goja.FunctionCall) goja.Value {
		if !destroyed(res) {
			res.destroyed = true
			res.abort()
		}
		return call.This
	})
	method("write", 3, func(res *response, call goja.FunctionCall) goja.Value {
		if res.ended {
			res.writeAfterEnd(call.Arguments[1:])
			return vm.ToValue(false)
		}
		data := a.writeChunk(call.Argument(0), call.Argument(1))
		ok := res.writeFlowing(data)
		a.callbackLater(call.Arguments[1:])
		return vm.ToValue(ok)
	})
	method("end", 3, func(res *response, call goja.FunctionCall) goja.Value {
		chunk := call.Argument(0)
		var data []byte
		if _, isFn := goja.AssertFunction(chunk); !isFn && !isNullish(chunk) {
			data = a.writeChunk(chunk, call.Argument(1))
		}
		// For HEAD net/http drops the body; end adds no implicit Content-Length there, as Node does not.
		res.end(data)
		a.callbackLater(call.Arguments)
		return call.This
	})
}

// writeAfterEnd is Node's refusal of res.write once the response ended: on a later turn, the write's
// callback gets ERR_STREAM_WRITE_AFTER_END and, unless the response was destroyed meanwhile, res
// emits it as 'error'. Node crashes when nothing listens; the host logs it with the plugin id.
func (res *response) writeAfterEnd(args []goja.Value) {
	a := res.a
	var cb goja.Callable
	for _, v := range args {
		if fn, ok := goja.AssertFunction(v); ok {
			cb = fn
			break
		}
	}
	a.rt.RunOnLoop(func(vm *goja.Runtime) {
		err := nodeerr.New(vm, "Error", "ERR_STREAM_WRITE_AFTER_END", "write after end")
		if cb != nil {
			if _, cerr := cb(goja.Undefined(), err); cerr != nil {
				a.logListenerError(cerr)
			}
		}
		if res.destroyed {
			return
		}
		_, eerr := events.Emit(a.rt, res.obj, "error", err)
		a.logListenerError(eerr)
	})
}

// writeChunk converts a write/end chunk: a string in the given encoding (UTF-8 by default, or when
// Node would not recognise the name either), or a Buffer/Uint8Array's bytes.
func (a *App) writeChunk(chunk, encoding goja.Value) []byte {
	if isStringValue(chunk) && isStringValue(encoding) {
		if enc, ok := buffer.ParseEncoding(encoding.String()); ok {
			return enc.Decode(chunk.String())
		}
	}
	data, ok := a.chunkBytes(chunk)
	if !ok {
		panic(nodeerr.InvalidArgType(a.vm, "chunk", "of type string or an instance of Buffer or Uint8Array", chunk))
	}
	return data
}

// writeFlowing is res.write's body: the chunk is queued with backpressure accounting, and the result
// is Node's: false once the bytes waiting for the client reach the high-water mark.
func (res *response) writeFlowing(data []byte) bool {
	mark := res.x.mark()
	if !res.headersSent {
		res.writeHead(nil, 0)
	}
	if res.hasBody() {
		// Node corks the socket for the rest of the tick; the implicit head goes out with the chunk.
		res.x.cork(mark)
	}
	if len(data) == 0 {
		return true
	}
	flow := &res.flow
	n := int64(len(data))
	queued := flow.pending.Add(n)
	ok := queued < highWaterMark
	if !ok {
		flow.needDrain.Store(true)
	}
	pushed := res.x.push(op{kind: opData, data: data, flushed: func() {
		if flow.pending.Add(-n) == 0 {
			res.drainLater()
		}
	}})
	if !pushed {
		flow.pending.Add(-n)
	} else if !ok && flow.pending.Load() == 0 {
		// Everything was flushed between the Add and the Store above.
		res.drainLater()
	}
	return ok
}

// drainLater emits 'drain' on the loop if a write is waiting for it. It may be called from the HTTP
// goroutine; the swap makes sure one drain answers one false.
func (res *response) drainLater() {
	if !res.flow.needDrain.CompareAndSwap(true, false) {
		return
	}
	rt := res.a.rt
	rt.RunOnLoop(func(*goja.Runtime) {
		if _, err := events.Emit(rt, res.obj, "drain"); err != nil {
			rt.Logger().Error("exception in 'drain' listener", "error", rt.Describe(err))
		}
	})
}
