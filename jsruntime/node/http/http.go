// Package http provides Node's 'http' and 'https' client modules to pluginhost runtimes: request and
// get, ClientRequest, IncomingMessage, OutgoingMessage, Agent and the global agents, STATUS_CODES,
// METHODS, validateHeaderName/validateHeaderValue and maxHeaderSize, enough for axios (through
// follow-redirects) and node-fetch v2 to work unmodified.
//
// The objects are JS (js/*.js, following Node 20's _http_client.js and friends) on top of the stream
// module; the network is Go's net/http, driven off the loop. A request's exchange starts once its
// headers are final and its socket assigned; its body streams to the server through a pipe as it is
// written (write callbacks fire once Go has handed the bytes on), and the response body is read from
// the connection one chunk per _read, so backpressure reaches the server. Nothing is decompressed
// and no redirect is followed, as in Node. Each Agent has its own http.Transport (keepAlive,
// maxSockets, maxFreeSockets, timeout); everything stops when the runtime closes.
//
// What differs from Node, and why:
//   - The server side (createServer, Server, ServerResponse) throws ERR_NOT_SUPPORTED_IN_PLUGINHOST:
//     plugins serve through the Express router the host gives them.
//   - The socket is a stand-in for the connection net/http owns: an EventEmitter with addresses,
//     setTimeout/'timeout', destroy and no-op setNoDelay/setKeepAlive/ref/unref; it cannot be read or
//     written, and a socket from a custom agent's own createSocket/addRequest (proxy agents, which
//     need net or tls) fails with ERR_NOT_SUPPORTED_IN_PLUGINHOST, as does options.createConnection.
//   - Response headers reach Go already parsed: rawHeaders come sorted by name, in canonical case
//     ("X-Dup"), not in the server's order and case; the values of a name keep their order.
//   - A Host header is always sent (setHost: false and the array form of headers cannot remove it),
//     and no User-Agent is added, as in Node.
//   - A GET, HEAD, DELETE, OPTIONS or TRACE body written in parts is gathered and sent with a
//     Content-Length at end() (Node sends it without framing); other methods stream it chunked.
//   - 1xx responses arrive as 'information' (and 'continue' for 100) with canonical rawHeaders; 101
//     upgrades and CONNECT tunnels are not supported, and HTTP/2 is never negotiated.
//   - Writing a request body to a connection that already failed calls the write callbacks without
//     an error; the request's 'error' event reports the failure.
//   - TLS: ca, cert, key, servername and rejectUnauthorized are honoured, with OpenSSL's error codes
//     (DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID, ...); other tls options are ignored.
//     getPeerCertificate() gives subject, issuer, subjectaltname, validity, serialNumber, the
//     fingerprints and raw, not the public key or the issuer chain.
//   - lookup (a custom resolver), autoSelectFamily and insecureHTTPParser are accepted and ignored;
//     family and localAddress are honoured.
package http

import (
	"embed"
	"fmt"
	"net"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

//go:embed js/*.js
var sources embed.FS

// files is the evaluation order: each file adds its part to a namespace the later files use.
var files = []string{"common.js", "outgoing.js", "socket.js", "incoming.js", "agent.js", "client.js", "exports.js", "https.js"}

var scripts = func() []*jsruntime.Script {
	out := make([]*jsruntime.Script, len(files))
	for i, name := range files {
		src, err := sources.ReadFile("js/" + name)
		if err != nil {
			panic(fmt.Sprintf("http: embedded %s: %v", name, err))
		}
		script := "node:http/" + name
		if name == "https.js" {
			script = "node:https"
		}
		out[i] = jsruntime.NewScript(script, string(src))
	}
	return out
}()

type key struct{}

// module is one runtime's instance of both modules: https shares http's classes.
type module struct {
	http  *goja.Object
	https *goja.Object
}

func load(rt *jsruntime.Runtime) (*module, error) {
	return jsruntime.Module(rt, key{}, func() (*module, error) {
		vm := rt.VM()
		streamMod, err := stream.Require(rt)
		if err != nil {
			return nil, fmt.Errorf("http: %w", err)
		}
		emitter, err := events.Require(rt)
		if err != nil {
			return nil, fmt.Errorf("http: %w", err)
		}
		bufMod, err := buffer.Require(rt)
		if err != nil {
			return nil, fmt.Errorf("http: %w", err)
		}
		ns := vm.NewObject()
		m := &module{http: vm.NewObject(), https: vm.NewObject()}
		for k, v := range map[string]goja.Value{
			"stream": streamMod, "EventEmitter": emitter, "Buffer": bufMod.ToObject(vm).Get("Buffer"),
			"httpExports": m.http, "httpsExports": m.https,
		} {
			if err := ns.Set(k, v); err != nil {
				return nil, fmt.Errorf("http: %w", err)
			}
		}
		natives := newNatives(rt, newPools(rt))
		for _, s := range scripts {
			if _, err := s.Call(rt, ns, natives); err != nil {
				return nil, err
			}
		}
		return m, nil
	})
}

// Require returns the 'http' module for rt. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	m, err := load(rt)
	if err != nil {
		return nil, err
	}
	return m.http, nil
}

// RequireHTTPS returns the 'https' module for rt. Must be called on the loop.
func RequireHTTPS(rt *jsruntime.Runtime) (goja.Value, error) {
	m, err := load(rt)
	if err != nil {
		return nil, err
	}
	return m.https, nil
}

// newNatives builds the object through which the JS half reaches Go: Node's errors, agents (Go
// transports) and exchanges.
func newNatives(rt *jsruntime.Runtime, p *pools) *goja.Object {
	vm := rt.VM()
	n := nodeerr.Natives(vm)
	set := func(name string, v any) {
		if err := n.Set(name, v); err != nil {
			panic(err)
		}
	}
	set("isIP", func(s string) bool { return net.ParseIP(s) != nil })
	set("statusCodes", statusCodes(vm))
	set("agent", func(call goja.FunctionCall) goja.Value { return p.newAgent(vm, call.Argument(0).ToObject(vm)) })
	set("open", func(call goja.FunctionCall) goja.Value {
		return open(rt, call.Argument(0), call.Argument(1).ToObject(vm), call.Argument(2).ToObject(vm))
	})
	return n
}
