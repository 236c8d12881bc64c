package express

import (
	"errors"
	"io"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
)

// This file is req as a readable stream (Node's http.IncomingMessage): req's prototype inherits
// node:stream's Readable.prototype and implements the subclass side, _read and _destroy, on top of
// reqBody. Go drives the stream through push, resume and destroy. Readable's constructor never runs
// on req: its state (_readableState) is made on first use, so a handler that never touches req as a
// stream pays nothing for it, and for a body consumed before dispatch it is made already ended.
//
// A body the host's parsers (or a plugin's express.text/raw) consumed is a stream that has already
// ended: 'data' never fires, 'end' is over before a handler could listen, and 'close' follows right
// after the handler's synchronous part, as in Node. When the response finishes with the body unread,
// the rest is discarded and req ends (Node's _dump); when the client goes away or the response is cut
// short, req is destroyed with Node's ECONNRESET "aborted" error: 'aborted', then 'close' (and 'error'
// only if someone listens for it).

// defineStream adds IncomingMessage's _read and _destroy to req's prototype.
func (a *App) defineStream(proto *goja.Object) {
	_ = proto.Set("_read", a.funcValue("_read", 1, func(call goja.FunctionCall) goja.Value {
		if st := a.reqState(call.This); st != nil {
			st.readChunk()
		}
		return goja.Undefined()
	}))
	// req.complete (the whole message was received) lives in the Go state; aborted defaults to false
	// on the prototype and becomes an own property when set.
	complete := a.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		if st := a.reqState(call.This); st != nil {
			return a.vm.ToValue(st.complete)
		}
		return goja.Undefined()
	})
	setComplete := a.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		if st := a.reqState(call.This); st != nil {
			st.complete = call.Argument(0).ToBoolean()
		}
		return goja.Undefined()
	})
	_ = proto.DefineAccessorProperty("complete", complete, setComplete, goja.FLAG_TRUE, goja.FLAG_TRUE)
	_ = proto.Set("aborted", false)
	_ = proto.Set("_destroy", a.funcValue("_destroy", 2, func(call goja.FunctionCall) goja.Value {
		obj := call.This.ToObject(a.vm)
		if st := a.reqState(obj); st != nil {
			st.streamDone = true
		}
		if st := a.reqState(obj); !obj.Get("readableEnded").ToBoolean() || st == nil || !st.complete {
			_ = obj.Set("aborted", true)
			if _, err := events.Emit(a.rt, obj, "aborted"); err != nil {
				a.logListenerError(err)
			}
		}
		if st := a.reqState(obj); st != nil {
			st.res.emitClose()
		}
		cb, ok := goja.AssertFunction(call.Argument(1))
		if !ok {
			return goja.Undefined()
		}
		// Node passes the error on only when someone listens for it, for backward compatibility.
		args := []goja.Value{}
		if a.listenerCount(obj, "error") > 0 {
			args = append(args, call.Argument(0))
		}
		if _, err := cb(goja.Undefined(), args...); err != nil {
			panic(a.rt.ErrorValue(err))
		}
		return goja.Undefined()
	}))
}

// initStream puts req's stream in the state the host left it in: complete when there is no body left
// to receive, ended when a host parser read it.
func (st *request) initStream(consumed bool) {
	st.complete = st.stream == nil
	if consumed {
		st.endedBeforeDispatch()
	}
}

// endedBeforeDispatch gives req the state Node's has when a host parser consumed the body: 'end' was
// emitted before any plugin code could listen, so readableState makes the state ended instead of
// emitting an 'end' nobody can hear. The stream is destroyed after the handler's synchronous part,
// where Node emits 'close'; with no listener by then there is nothing to tell.
func (st *request) endedBeforeDispatch() {
	st.streamDone = true
	st.complete = true
	st.consumed = true
	st.a.rt.RunOnLoop(func(*goja.Runtime) {
		if ev := st.obj.Get("_eventsCount"); ev == nil || ev.ToInteger() > 0 {
			st.callStream("destroy")
		}
	})
}

// readableState makes req._readableState: Readable's state with its defaults (Node's high-water mark
// for a socket), already ended when a host parser consumed the body.
func (st *request) readableState() goja.Value {
	a := st.a
	state, err := a.readableState(nil, goja.Undefined(), st.obj, a.vm.ToValue(false))
	if err != nil {
		panic(a.rt.ErrorValue(err))
	}
	if st.consumed {
		_ = state.Set("ended", true)
		_ = state.Set("endEmitted", true)
		_ = state.Set("flowing", true)
	}
	return state
}

// endConsumed ends req's stream for a body something else read: push(null) and resume, so 'end' is
// emitted (to whoever listens already) and the stream destroys itself, emitting 'close'.
func (st *request) endConsumed() {
	if st.streamDone {
		return
	}
	st.streamDone = true
	st.complete = true
	st.callStream("push", goja.Null())
	st.callStream("resume")
}

// readChunk is req._read: ask reqBody for the next chunk, or end the stream when no body is left.
func (st *request) readChunk() {
	if st.streamDone {
		return
	}
	if st.stream != nil {
		a := st.a
		deliver := func(data []byte, err error) {
			a.rt.RunOnLoop(func(*goja.Runtime) { st.deliver(data, err) })
		}
		switch st.stream.next(deliver) {
		case bodyStreaming:
			return
		case bodyParser:
			// A body parser owns the body; it ends the stream when it is done (takeBody).
			return
		}
	}
	st.streamDone = true
	st.complete = true
	st.callStream("push", goja.Null())
}

// deliver runs on the loop with a chunk read by reqBody.
func (st *request) deliver(data []byte, err error) {
	if st.streamDone {
		// The response finished or req was destroyed: the stream has ended already.
		return
	}
	if len(data) > 0 {
		st.callStream("push", buffer.New(st.a.rt, data))
	}
	switch {
	case err == nil:
	case errors.Is(err, io.EOF):
		st.streamDone = true
		st.complete = true
		st.callStream("push", goja.Null())
	case st.res.closed:
		// The exchange is over and the rest of the body is out of reach.
		st.streamDone = true
		st.callStream("destroy")
	default:
		// The client went away mid-body. The HTTP side sees it too (reqBody.broken) and closes the
		// response, which destroys req (responseDone) in Node's order: 'aborted', res 'close', req
		// 'close'.
	}
}

// takeBody gives a plugin body parser the request body. It fails as raw-body does when req's stream
// has already been read ("stream is not readable").
func (st *request) takeBody() *parseError {
	if st.stream == nil || st.stream.claimForParser() {
		return nil
	}
	return newParseError(500, "stream.not.readable", "stream is not readable", nil)
}

// bodyTaken runs on the loop when a body parser has read the body: req's stream ends, as it does when
// raw-body consumes it in Node.
func (st *request) bodyTaken() {
	st.endConsumed()
}

// responseDone updates req when the response is over. A completed response discards a body nobody
// started to read (Node's _dump: 'data' listeners are dropped and req ends) and lets a stream that is
// being read go on to its end (reqBody drains it). A response that did not complete destroys req
// with Node's ECONNRESET "aborted" error.
func (st *request) responseDone(completed bool) {
	defer st.stream.settle()
	if ev := st.obj.Get("_eventsCount"); ev != nil && ev.ToInteger() == 0 && !st.streamDone &&
		(st.stream == nil || st.stream.untouched()) {
		// Nobody listens and nobody read: ending the stream would tell no one.
		return
	}
	if st.obj.Get("destroyed").ToBoolean() {
		return
	}
	if completed && (st.stream == nil || st.stream.untouched()) && !st.streamDone {
		st.streamDone = true
		st.complete = true
		st.callStream("removeAllListeners", st.a.vm.ToValue("data"))
		st.callStream("push", goja.Null())
		st.callStream("resume")
		return
	}
	if completed {
		return
	}
	st.streamDone = true
	st.callStream("destroy", st.a.connReset())
}

// connReset is Node's connResetException('aborted').
func (a *App) connReset() goja.Value {
	err := a.newError("aborted")
	_ = err.Set("code", "ECONNRESET")
	return err
}

// callStream calls req[name](args...), logging what a listener throws: stream events run plugin
// code, and an exception there must not escape into the host.
func (st *request) callStream(name string, args ...goja.Value) {
	fn, ok := goja.AssertFunction(st.obj.Get(name))
	if !ok {
		return
	}
	if _, err := fn(st.obj, args...); err != nil {
		st.a.logListenerError(st.a.rt.Describe(err))
	}
}

// listenerCount is emitter.listenerCount(name).
func (a *App) listenerCount(obj *goja.Object, name string) int64 {
	fn, ok := goja.AssertFunction(obj.Get("listenerCount"))
	if !ok {
		return 0
	}
	n, err := fn(obj, a.vm.ToValue(name))
	if err != nil {
		return 0
	}
	return n.ToInteger()
}

// logListenerError reports an exception thrown by a plugin's request event listener; an interrupt
// (the runtime is closing) is not one.
func (a *App) logListenerError(err error) {
	a.rt.ReportUncaught("request event listener", err)
}
