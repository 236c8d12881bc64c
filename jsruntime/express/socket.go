package express

import (
	"net"
	"net/http"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/node/events"
)

// socketObject is req.socket (and req.connection): the parts of Node's net.Socket that plugins and
// the packages they bundle read. It is an EventEmitter whose readable and writable stay true until
// the connection is reset or the client goes away, when it emits 'close'. on-finished, which a
// bundled body-parser, raw-body user or finalhandler calls, takes a request whose socket is not
// readable for one whose body was read already: a plain object there would make every bundled
// parser skip bodies the host left unread.
func (st *request) socketObject() goja.Value {
	a := st.a
	vm := a.vm
	sock, err := vm.New(a.emitterCtor)
	if err != nil {
		panic(a.rt.ErrorValue(err))
	}
	st.socket = sock
	host, port, _ := net.SplitHostPort(st.r.RemoteAddr)
	_ = sock.Set("remoteAddress", host)
	_ = sock.Set("remotePort", atoiOr(port))
	if st.r.TLS != nil {
		// Only a TLSSocket has the property; a plain net.Socket leaves it undefined.
		_ = sock.Set("encrypted", true)
	}
	if addr, ok := st.r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		lh, lp, _ := net.SplitHostPort(addr.String())
		_ = sock.Set("localAddress", lh)
		_ = sock.Set("localPort", atoiOr(lp))
	}
	open := vm.ToValue(func(goja.FunctionCall) goja.Value { return vm.ToValue(!st.connectionGone()) })
	gone := vm.ToValue(func(goja.FunctionCall) goja.Value { return vm.ToValue(st.connectionGone()) })
	_ = sock.DefineAccessorProperty("readable", open, nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
	_ = sock.DefineAccessorProperty("writable", open, nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
	_ = sock.DefineAccessorProperty("destroyed", gone, nil, goja.FLAG_FALSE, goja.FLAG_TRUE)
	// Timeouts and keep-alive are Go's server's business; the calls plugins make on an SSE socket
	// are accepted and return the socket, as Node's do.
	self := func(goja.FunctionCall) goja.Value { return sock }
	_ = sock.Set("setTimeout", self)
	_ = sock.Set("setNoDelay", self)
	_ = sock.Set("setKeepAlive", self)
	_ = sock.Set("destroy", func(goja.FunctionCall) goja.Value {
		if st.res != nil {
			st.res.abort()
		}
		return sock
	})
	return sock
}

// connectionGone reports whether the connection was reset (socket.destroy(), an error after the
// head) or the client went away before the response completed. A completed response leaves the
// connection open for the next request, as Node's keep-alive socket stays readable.
func (st *request) connectionGone() bool {
	res := st.res
	return res != nil && (res.aborted || (res.closed && !res.finished))
}

// socketClosed emits 'close' on req.socket, if a plugin asked for it, when the exchange ended
// without a completed response: on-finished waits for that to report an aborted request or
// response. Must be called on the loop.
func (st *request) socketClosed() {
	if st.socket == nil || !st.connectionGone() {
		return
	}
	_, err := events.Emit(st.a.rt, st.socket, "close", st.a.vm.ToValue(false))
	st.a.logListenerError(err)
}

// defineResponseSocket gives res Node's socket and connection: req's socket until the response has
// finished, then null (Node detaches the socket on 'finish'). Plugins call res.socket.setNoDelay and
// the like for event streams; on-finished watches res.socket's 'close' to learn of a client gone.
// Assigning either makes it a plain property of that res.
func (a *App) defineResponseSocket(proto *goja.Object) {
	vm := a.vm
	get := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		res := a.resState(call.This)
		if res == nil || res.finished {
			return goja.Null()
		}
		return res.req.obj.Get("socket")
	})
	for _, name := range []string{"socket", "connection"} {
		set := vm.ToValue(func(call goja.FunctionCall) goja.Value {
			_ = call.This.ToObject(vm).DefineDataProperty(name, call.Argument(0), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
			return goja.Undefined()
		})
		_ = proto.DefineAccessorProperty(name, get, set, goja.FLAG_TRUE, goja.FLAG_TRUE)
	}
}
