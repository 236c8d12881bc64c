// Package unsupported provides the Node built-in modules whose core pluginhost does not offer to
// plugins, so that bundles and packages that require them at load time still load: a call to
// something unsupported throws an Error with code ERR_NOT_SUPPORTED_IN_PLUGINHOST naming it
// (nodeerr.NotSupported). The members that make sense inside a plugin work. Each module lists Node
// 20's members.
//
//   - worker_threads: isMainThread true, threadId 0, parentPort and workerData null,
//     set/getEnvironmentData; MessageChannel, MessagePort, BroadcastChannel and receiveMessageOnPort
//     are the web globals' (within the runtime); Worker is not supported.
//   - net: isIP, isIPv4, isIPv6 (Node's own patterns), _normalizeArgs and the autoSelectFamily
//     settings; Socket (a stream.Duplex) and Server (an EventEmitter) exist for instanceof and
//     subclassing; connect, createConnection, createServer, BlockList, SocketAddress are not supported.
//   - tls: the DEFAULT_* and renegotiation constants, getCiphers (Node 20's list),
//     convertALPNProtocols; rootCertificates is empty (Node's bundled store is not shipped); sockets,
//     servers, secure contexts and checkServerIdentity are not supported.
//   - http2: constants and getDefaultSettings; sessions, servers and settings packing are not supported.
//   - dns and dns/promises: lookup (callback and promise forms, with family, all, order and verbatim)
//     resolves with the host's resolver off the loop, errors shaped as Node's (ENOTFOUND, errno,
//     syscall, hostname); getDefaultResultOrder and setDefaultResultOrder work; resolve*, reverse,
//     lookupService, getServers and setServers are not supported.
//   - vm: runInThisContext, Script (compiled when constructed, runInThisContext), createScript,
//     compileFunction and isContext run code in the plugin's own global context; createContext,
//     runInContext, runInNewContext and measureMemory are not supported, as goja has one context.
//   - v8: getHeapStatistics reports the host's Go heap (the whole process, every plugin included),
//     getHeapSpaceStatistics is empty, setFlagsFromString is accepted and does nothing; serialization,
//     snapshots, coverage and promise hooks are not supported.
//   - readline and readline/promises: see readline.js.
//   - domain: domains track domain.active and process.domain through run, bind, intercept, enter and
//     exit, and hold members; they do not catch errors (see domain.js).
//   - cluster (an EventEmitter; isPrimary true), dgram, inspector (and inspector/promises: url() is
//     undefined, the inspector console discards its input), trace_events (no category enabled), wasi,
//     repl (constants, Recoverable, writer, isValidSyntax): loadable, their operations not supported.
package unsupported

import (
	"embed"
	"strings"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
)

//go:embed js/*.js
var sources embed.FS

// scripts are the JS halves, compiled once per process: js/lib.js under "lib", and each module's
// js/<name>.js under its name. inspector/promises is a module of its own made by inspector.js.
var scripts = map[string]*jsruntime.Script{}

func init() {
	entries, err := sources.ReadDir("js")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".js")
		src, err := sources.ReadFile("js/" + e.Name())
		if err != nil {
			panic(err)
		}
		scripts[name] = jsruntime.NewScript("node:"+name, string(src))
		if name == "inspector" {
			scripts["inspector/promises"] = jsruntime.NewScript("node:inspector/promises", string(src))
		}
	}
}

// lib returns the helpers object (js/lib.js) of rt, built once per runtime.
func lib(rt *jsruntime.Runtime) (goja.Value, error) {
	return scripts["lib"].Instance(rt, func() ([]goja.Value, error) { return []goja.Value{natives(rt)}, nil })
}

// load returns the exports of module name for rt, built once per runtime.
func load(rt *jsruntime.Runtime, name string) (goja.Value, error) {
	return scripts[name].Instance(rt, func() ([]goja.Value, error) {
		l, err := lib(rt)
		return []goja.Value{l}, err
	})
}

// module is a module whose exports are its script's value.
func module(name string) func(*jsruntime.Runtime) (goja.Value, error) {
	return func(rt *jsruntime.Runtime) (goja.Value, error) { return load(rt, name) }
}

// member is a module whose exports are a property of another's: dns/promises is dns.promises.
func member(name, prop string) func(*jsruntime.Runtime) (goja.Value, error) {
	return func(rt *jsruntime.Runtime) (goja.Value, error) {
		v, err := load(rt, name)
		if err != nil {
			return nil, err
		}
		return v.ToObject(rt.VM()).Get(prop), nil
	}
}

// Modules are the Require functions of this package's modules by name, for the platform's registry.
// Each must be called on the loop.
var Modules = map[string]func(*jsruntime.Runtime) (goja.Value, error){
	"cluster":           module("cluster"),
	"dgram":             module("dgram"),
	"domain":            module("domain"),
	"dns":               module("dns"),
	"dns/promises":      member("dns", "promises"),
	"http2":             module("http2"),
	"inspector":         module("inspector"),
	"net":               module("net"),
	"readline":          module("readline"),
	"readline/promises": member("readline", "promises"),
	"repl":              module("repl"),
	"tls":               module("tls"),
	"trace_events":      module("trace_events"),
	"v8":                module("v8"),
	"vm":                module("vm"),
	"wasi":              module("wasi"),
	"worker_threads":    module("worker_threads"),
	// inspector/promises has the same members; Session.post throws before it could return a promise.
	"inspector/promises": module("inspector/promises"),
}
