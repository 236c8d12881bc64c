package modules

import (
	"strings"

	"github.com/dop251/goja"
)

// nodeBuiltins are Node 20's built-in modules (require('module').builtinModules). A Registry may also
// hold the host's own modules (express, body-parser), which Node does not have.
var nodeBuiltins = map[string]bool{}

func init() {
	for _, name := range strings.Fields(`_http_agent _http_client _http_common _http_incoming _http_outgoing
		_http_server _stream_duplex _stream_passthrough _stream_readable _stream_transform _stream_wrap
		_stream_writable _tls_common _tls_wrap assert assert/strict async_hooks buffer child_process cluster
		console constants crypto dgram diagnostics_channel dns dns/promises domain events fs fs/promises http
		http2 https inspector inspector/promises module net os path path/posix path/win32 perf_hooks process
		punycode querystring readline readline/promises repl stream stream/consumers stream/promises
		stream/web string_decoder sys timers timers/promises tls trace_events tty url util util/types v8 vm
		wasi worker_threads zlib`) {
		nodeBuiltins[name] = true
	}
}

// NodeNames lists the registered names that are Node built-ins, sorted: module.builtinModules.
func (r *Registry) NodeNames() []string {
	var names []string
	for _, name := range r.Names() {
		if nodeBuiltins[name] {
			names = append(names, name)
		}
	}
	return names
}

// IsNodeBuiltin reports whether request ("fs", "node:fs") names a registered Node built-in:
// module.isBuiltin.
func (r *Registry) IsNodeBuiltin(request string) bool {
	name, _, ok := r.lookup(request)
	return ok && nodeBuiltins[name]
}

// NodeBuiltin returns the runtime's instance of the Node built-in request names ("fs" or "node:fs"),
// as process.getBuiltinModule does; ok is false when request is not a registered Node built-in (the
// host's express is not one). Must be called on the loop.
func (s *System) NodeBuiltin(request string) (v goja.Value, ok bool, err error) {
	name, b, found := s.reg.lookup(request)
	if !found || !nodeBuiltins[name] {
		return nil, false, nil
	}
	v, err = instantiate(s.rt, name, b)
	return v, err == nil, err
}
