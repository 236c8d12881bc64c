// Package express hosts Express 4 routers inside a pluginhost runtime: express.Router and its
// Layer/Route machinery, the request and response objects, the body parsers (express.json,
// urlencoded, text, raw and the 'body-parser' module) and finalhandler, reproducing Express 4.21/4.22
// and the SillyTavern/Luker host stack a server plugin was written against.
//
// # Threads
//
// Everything JavaScript runs on the runtime's loop goroutine. App.Handler runs on HTTP goroutines: it
// reads the request body there, queues the dispatch on the loop with Runtime.RunOnLoop and then waits.
// Response methods called by JS never touch the network: they queue the status line, headers and body
// chunks, which the HTTP goroutine receives when the loop job ends (Runtime.AfterJob) and then writes
// and flushes (so Server-Sent Events arrive chunk by chunk). This reproduces Node's corking: res.write
// corks the socket until the tick ends or end() is called, so when the connection is reset in the
// same job (a handler that writes and then throws) nothing of what was corked reaches the client. The
// job's end includes its promise jobs, where Node uncorks before them.
//
// # Host stack
//
// Handler behaves like Luker's `app.use('/api/plugins/' + id, router)` behind its global middleware:
// the mount prefix is matched case-insensitively on the raw path at a segment boundary; the global JSON
// and extended urlencoded parsers (Config.BodyLimit) run first, so req.body is at least {} and a
// plugin's own express.json() is a no-op for those bodies; their errors never enter the plugin router.
// A body declared larger than Config.BodyLimit is answered 413 at once, where body-parser would read
// it all first. A request the router does not handle goes to the next http.Handler (the host's 404).
// Errors leaving the router are answered by finalhandler 1.3.1 (HTML page, stack only when Config.Env
// is "development"). OPTIONS gets bare Express's automatic `Allow` response; the host's CORS layer,
// which answers OPTIONS first in Luker, is not part of this package.
//
// # Async handlers
//
// Express 4 ignores the promise a handler returns, leaving the request hanging when it rejects. This
// package follows Express 5 (router 2.x) instead, a deliberate difference: when a route handler,
// middleware, error middleware or router.param callback returns a promise-like object that rejects,
// the rejection is logged with the request (the runtime logger carries the plugin id) and passed to
// next(reason || new Error('Rejected promise')), so error middleware or finalhandler answers it; it is
// not reported again as an unhandled rejection. If nothing answers the request, Handler answers 504
// after Config.ResponseTimeout; JS writes after that are dropped. A response that has started
// (headers sent, e.g. an SSE stream) is not subject to the timeout: it ends when JS ends it or the
// client goes away.
//
// # Request
//
// req is a readable stream over the request body, as Node's IncomingMessage is. A body the host's
// parsers left alone (text/plain, octet-stream, multipart, …) reaches req.on('data'), pipe, read,
// setEncoding and req[Symbol.asyncIterator] as Buffers, read from the network one bounded chunk
// (16 KiB) at a time as the plugin consumes it. A body a parser consumed is an ended stream: 'data'
// never fires and 'close' follows the handler's synchronous part. A client that goes away mid-body
// or mid-response makes req emit 'aborted' and then 'close'. `for await (const chunk of req)` works
// once the module loader has lowered it (goja cannot parse for await).
//
// req.headers follows Node's rules for repeated headers (the first value of content-type, host,
// authorization, user-agent, referer and the other single-value headers; set-cookie as an array;
// cookie joined with "; "; the rest with ", "), and reads values one character per byte (Latin-1),
// as Node does. Go keeps neither the order nor the case of header
// names, so req.headers and req.rawHeaders list host first and then the names alphabetically, and
// rawHeaders spells them canonically (Content-Type). For an absolute-form request target Go reports
// the target's host, not the Host header. req.ip is the peer address as Go reports it: an IPv4 client
// of a dual-stack listener is 1.2.3.4, where Node says ::ffff:1.2.3.4. Trust proxy is not
// implemented: X-Forwarded-* headers are ignored, as with Express's default setting.
//
// # Response
//
// res is a Writable as Readable.pipe needs it: write returns false once 16 KiB (Node's high-water
// mark) wait for the client, and 'drain' follows when the HTTP goroutine has flushed them; res.cork
// and res.uncork only keep the counter, since every job's chunks are flushed when the job ends.
// res.sendFile and res.download follow send 0.19: the file is looked up and opened off the loop, and
// the HTTP goroutine copies it to the client, so its bytes never pass through JavaScript or memory.
// express.static is serve-static 1.16 over the same machinery (express.static.mime offers lookup,
// charsets.lookup and default_type). Header values go out as Node writes them, one byte per
// character (Latin-1).
//
// net/http writes its own reason phrase, so a custom res.statusMessage (or writeHead's reason) is
// visible to the plugin but not to the client, and where Go's wording differs from Node's the client
// sees Go's: "Request Entity Too Large" for 413, "Requested Range Not Satisfiable" for 416, "I'm a
// teapot" for 418, "status code 299" for a code without a name.
//
// The body parsers decode UTF-8, UTF-16 and Latin-1; other charsets iconv-lite knows (koi8-r,
// windows-1251, …) are 415 here. A corrupt compressed body is a 400 with zlib's code; its message is
// Node's for a bad header, a truncated stream and a bad checksum, and "incorrect data check" for other
// corruption.
//
// # Not provided
//
// Calling express() to build a sub-application.
package express

import (
	"fmt"
	"net/http"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
)

// Config configures the host stack around plugin routers.
type Config struct {
	// BodyLimit is the limit of the host's global JSON and urlencoded parsers; 0 means 500 MB (Luker).
	BodyLimit int64
	// Env is "production" (the default when empty) or "development": finalhandler shows error stacks
	// only in development.
	Env string
	// ResponseTimeout bounds how long Handler waits for a response to start; 0 means 120 s. The
	// request is then answered 504 with a JSON {"error": "..."} body and later JS writes are dropped.
	ResponseTimeout time.Duration
	// RequestTimeout bounds how long receiving a request body may take, as Node's
	// server.requestTimeout does; 0 means 300 s, Node's default. A body still arriving then is cut off:
	// before the plugin ran, the client gets 408 and the connection closes (what Node's server does);
	// a body the plugin is reading ends with req's 'aborted'.
	RequestTimeout time.Duration
	// RequestContext, when set, gives the properties the embedding application adds to every req
	// (see reqcontext.go). Nil costs nothing.
	RequestContext func(*http.Request) map[string]any
}

const (
	defaultBodyLimit       = 500 << 20
	defaultResponseTimeout = 120 * time.Second
	defaultRequestTimeout  = 300 * time.Second
)

func (c Config) withDefaults() Config {
	if c.BodyLimit <= 0 {
		c.BodyLimit = defaultBodyLimit
	}
	if c.Env == "" {
		c.Env = "production"
	}
	if c.ResponseTimeout <= 0 {
		c.ResponseTimeout = defaultResponseTimeout
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = defaultRequestTimeout
	}
	return c
}

// App is the per-runtime Express state: prototypes, the module object and the host app settings. It
// is created by Install; its methods other than Handler must be called on the loop.
type App struct {
	rt  *jsruntime.Runtime
	vm  *goja.Runtime
	cfg Config

	exports     *goja.Object // the 'express' module: a function with Router, json, …
	routerProto *goja.Object
	routeProto  *goja.Object
	reqProto    *goja.Object
	resProto    *goja.Object
	appObj      *goja.Object // req.app / res.app: the host application's settings
	settings    *goja.Object
	emitterCtor *goja.Object
	// readableState is node:stream's ReadableState constructor, for req's lazily made stream state.
	readableState goja.Constructor

	routers map[*goja.Object]*router
	routes  map[*goja.Object]*route
	// stateKey links a request or response object to its Go state without a lookup table, so the state
	// lives exactly as long as the JS object.
	stateKey *goja.Symbol
	// lastStateObj and lastState cache stateOf's last answer.
	lastStateObj *goja.Object
	lastState    any
	// strings holds JS values of strings every request repeats (see stringValue).
	strings map[string]goja.Value

	jsonParse  goja.Callable
	regexpCtor *goja.Object
	uint8Array *goja.Object
}

type appKey struct{}

// Install creates the Express state of rt with cfg and stores it in rt.Value, so that require('express')
// in that runtime shares it. A second call returns the App already installed. Must be called on the
// loop.
func Install(rt *jsruntime.Runtime, cfg Config) *App {
	return rt.Value(appKey{}, func() any { return newApp(rt, cfg.withDefaults()) }).(*App)
}

// Require is the builtin module 'express' for rt: the installed App's module object, installing one
// with Config{} when none exists. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	a := Install(rt, Config{})
	if a.exports == nil {
		return nil, fmt.Errorf("express: module failed to initialise")
	}
	return a.exports, nil
}

// RequireBodyParser is the builtin module 'body-parser' for rt: a deprecated-style function object
// with json, urlencoded, text and raw, as body-parser 1.x exports. Must be called on the loop.
func RequireBodyParser(rt *jsruntime.Runtime) (goja.Value, error) {
	a := Install(rt, Config{})
	v := rt.Value(bodyParserKey{}, func() any { return a.newBodyParserModule() })
	return v.(*goja.Object), nil
}

type bodyParserKey struct{}

func newApp(rt *jsruntime.Runtime, cfg Config) *App {
	vm := rt.VM()
	a := &App{
		rt:       rt,
		vm:       vm,
		cfg:      cfg,
		routers:  map[*goja.Object]*router{},
		routes:   map[*goja.Object]*route{},
		stateKey: goja.NewSymbol("pluginhost.express.state"),
	}
	jsonObj := vm.Get("JSON").ToObject(vm)
	a.jsonParse, _ = goja.AssertFunction(jsonObj.Get("parse"))
	a.regexpCtor = vm.Get("RegExp").ToObject(vm)
	a.uint8Array = vm.Get("Uint8Array").ToObject(vm)

	emitterProto, err := events.Prototype(rt)
	if err != nil {
		// The events module is embedded and compiled with the binary; failing here is a build defect.
		panic(fmt.Errorf("express: %w", err))
	}
	a.emitterCtor = emitterProto.Get("constructor").ToObject(vm)
	a.initRouterProto()
	a.initRouteProto()
	a.initAppObject()
	readable, _, err := stream.Prototypes(rt)
	if err != nil {
		// The stream module is embedded and compiled with the binary; failing here is a build defect.
		panic(fmt.Errorf("express: %w", err))
	}
	a.readableState, _ = goja.AssertConstructor(readable.Get("constructor").ToObject(vm).Get("ReadableState"))
	a.reqProto = a.newRequestProto(readable)
	a.resProto = a.newResponseProto(emitterProto)
	a.exports = a.newModule()
	return a
}

// newModule builds the 'express' export: a function (as in Express) carrying Router, the body parsers
// and the request/response prototypes that plugins may extend.
func (a *App) newModule() *goja.Object {
	vm := a.vm
	fn := vm.ToValue(func(goja.FunctionCall) goja.Value {
		panic(vm.NewGoError(fmt.Errorf("express(): creating an application is not supported inside a plugin; use express.Router()")))
	}).ToObject(vm)
	_ = fn.DefineDataProperty("name", vm.ToValue("createApplication"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	router := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		return a.newRouter(call.Argument(0))
	}).ToObject(vm)
	_ = router.DefineDataProperty("name", vm.ToValue("Router"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = router.Set("prototype", a.routerProto)
	_ = fn.Set("Router", router)
	_ = fn.Set("Route", a.routeProto.Get("constructor"))
	_ = fn.Set("json", a.parserFactory(parserJSON))
	_ = fn.Set("urlencoded", a.parserFactory(parserURLEncoded))
	_ = fn.Set("text", a.parserFactory(parserText))
	_ = fn.Set("raw", a.parserFactory(parserRaw))
	_ = fn.Set("static", a.newStaticFactory())
	_ = fn.Set("request", a.reqProto)
	_ = fn.Set("response", a.resProto)
	return fn
}

// NewRouter returns express.Router() with no options, as Luker's plugin loader creates it. Must be
// called on the loop.
func (a *App) NewRouter() *goja.Object {
	return a.newRouter(goja.Undefined())
}

// StackLen is router.stack.length, which decides whether the loader mounts the router. Must be called
// on the loop.
func (a *App) StackLen(routerObj *goja.Object) int {
	if r := a.routers[routerObj]; r != nil {
		return len(r.stack)
	}
	if st, ok := routerObj.Get("stack").(*goja.Object); ok {
		return int(st.Get("length").ToInteger())
	}
	return 0
}

// initAppObject builds req.app: the host application as plugins see it, with Express's default
// settings (§1.7 of the reference: trust proxy off, extended query parser, weak ETags, …).
func (a *App) initAppObject() {
	vm := a.vm
	settings := vm.NewObject()
	for _, kv := range []struct {
		k string
		v any
	}{
		{"x-powered-by", true},
		{"etag", "weak"},
		{"env", a.cfg.Env},
		{"query parser", "extended"},
		{"subdomain offset", 2},
		{"trust proxy", false},
		{"jsonp callback name", "callback"},
		{"views", "views"},
	} {
		_ = settings.Set(kv.k, kv.v)
	}
	app := vm.NewObject()
	_ = app.Set("settings", settings)
	_ = app.Set("locals", vm.NewObject())
	_ = app.Set("mountpath", "/")
	get := func(call goja.FunctionCall) goja.Value {
		return settings.Get(call.Argument(0).String())
	}
	_ = app.Set("set", func(call goja.FunctionCall) goja.Value {
		if len(call.Arguments) == 1 {
			return get(call)
		}
		_ = settings.Set(call.Argument(0).String(), call.Argument(1))
		return app
	})
	_ = app.Set("get", get)
	_ = app.Set("enabled", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(get(call).ToBoolean())
	})
	_ = app.Set("disabled", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(!get(call).ToBoolean())
	})
	_ = app.Set("enable", func(call goja.FunctionCall) goja.Value {
		_ = settings.Set(call.Argument(0).String(), true)
		return app
	})
	_ = app.Set("disable", func(call goja.FunctionCall) goja.Value {
		_ = settings.Set(call.Argument(0).String(), false)
		return app
	})
	a.appObj = app
	a.settings = settings
}

// setting reads an app setting, undefined values as nil.
func (a *App) setting(name string) goja.Value {
	v := a.settings.Get(name)
	if v == nil || goja.IsUndefined(v) {
		return nil
	}
	return v
}
