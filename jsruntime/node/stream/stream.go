// Package stream provides Node's 'stream' and 'stream/promises' modules to pluginhost runtimes:
// Readable, Writable, Duplex, Transform, PassThrough, the legacy Stream base, pipeline, finished,
// addAbortSignal, destroy and the high-water-mark defaults, with Node 20's event order.
//
// The streams are written in JS (js/*.js, our own implementation of Node's documented and observed
// behaviour), compiled once per process and evaluated once per runtime on top of the runtime's
// EventEmitter and Buffer. Go supplies only Node's error objects and the string decoder behind
// setEncoding. Host objects such as Express's request and response can inherit the stream
// prototypes through Prototypes.
//
// Deferred work: Node orders much of a stream's work with process.nextTick, whose callbacks run
// before promise jobs. When the runtime has a process.nextTick it is used; otherwise (the normal
// case: pluginhost has no process global) the callbacks go into one FIFO queue drained from a
// queueMicrotask job. Callbacks queued while it drains run in the same drain, so their order among
// themselves is Node's, and so is their running ahead of promise jobs queued after the first of
// them. What differs: a promise job queued before the first tick runs before it here, and a tick
// queued from inside a promise job takes its turn among the promise jobs, where Node would wait for
// all of them. Only code that interleaves its own promise chains with stream events can tell; for
// example, for await over a byte stream may see chunks coalesced differently.
//
// goja has no Symbol.asyncIterator. Streams are async iterable under Symbol.for('Symbol.asyncIterator'),
// the symbol esbuild's lowering of for await and async generators falls back to, so lowered plugin
// code iterates them; code that names Symbol.asyncIterator itself needs the runtime to define it as
// that symbol.
//
// Web-stream interop (js/web.js): Readable.toWeb/fromWeb, Writable.toWeb/fromWeb, Duplex.toWeb/fromWeb,
// over the web package's classes. Duplex.from (js/duplexify.js) takes what Node's does: streams, web
// streams, { readable, writable } pairs, iterables, promises, Blobs, and functions that transform the
// written chunks (async generator functions, as esbuild lowers them). pipeline takes web streams as
// Node's does: a ReadableStream as an async iterable, a TransformStream or WritableStream written
// through its writer. stream.compose and stream.duplexPair are js/compose.js; compose joins web
// streams through the node streams their adapters (fromWeb) make.
//
// Not provided: Readable.wrap and Readable.prototype.wrap (old-style streams), the experimental
// operators (map, filter, toArray, …) and captureRejections.
package stream

import (
	"embed"
	"fmt"
	"sync"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

//go:embed js/*.js
var sources embed.FS

// files is the evaluation order: each file adds its part to a namespace object the later files use.
var files = []string{
	"internal.js", "destroy.js", "legacy.js", "readable.js", "pipe.js", "iterate.js",
	"writable.js", "duplex.js", "finished.js", "pipeline.js", "web.js", "duplexify.js", "compose.js", "exports.js",
}

// programs are compiled once and shared: goja Programs are immutable and usable by every runtime.
var programs = sync.OnceValues(func() ([]*goja.Program, error) {
	progs := make([]*goja.Program, 0, len(files))
	for _, name := range files {
		src, err := sources.ReadFile("js/" + name)
		if err != nil {
			return nil, err
		}
		prg, err := goja.Compile("node:stream/"+name, string(src), true)
		if err != nil {
			return nil, err
		}
		progs = append(progs, prg)
	}
	return progs, nil
})

type key struct{}

// module is one runtime's instance of the stream module.
type module struct {
	exports  *goja.Object // require('stream'): the legacy Stream constructor with everything on it
	promises *goja.Object // require('stream/promises')
	readable *goja.Object // Readable.prototype
	writable *goja.Object // Writable.prototype
	err      error
}

// load evaluates the module in rt once; a failure is remembered and reported on every call. Must be
// called on the loop.
func load(rt *jsruntime.Runtime) (*module, error) {
	m := rt.Value(key{}, func() any { return evaluate(rt) }).(*module)
	return m, m.err
}

func evaluate(rt *jsruntime.Runtime) *module {
	fail := func(format string, args ...any) *module {
		return &module{err: fmt.Errorf("stream: "+format, args...)}
	}
	progs, err := programs()
	if err != nil {
		return fail("compile: %w", err)
	}
	emitter, err := events.Require(rt)
	if err != nil {
		return fail("%w", err)
	}
	bufMod, err := buffer.Require(rt)
	if err != nil {
		return fail("%w", err)
	}
	vm := rt.VM()
	ns := vm.NewObject()
	if err := ns.Set("EventEmitter", emitter); err != nil {
		return fail("%w", err)
	}
	natives := newNatives(rt, bufMod.ToObject(vm).Get("Buffer"))
	// web.js reaches the WHATWG stream classes through these, when first used.
	_ = natives.Set("webStreams", func(goja.FunctionCall) goja.Value {
		ns, err := web.Namespace(rt)
		if err != nil {
			panic(nodeerr.NotSupported(vm, "web stream interop without the web globals"))
		}
		return ns
	})
	for i, prg := range progs {
		v, err := vm.RunProgram(prg)
		if err != nil {
			return fail("evaluate %s: %w", files[i], rt.Describe(err))
		}
		fn, ok := goja.AssertFunction(v)
		if !ok {
			return fail("%s did not evaluate to a function", files[i])
		}
		if _, err := fn(goja.Undefined(), ns, natives); err != nil {
			return fail("run %s: %w", files[i], rt.Describe(err))
		}
	}
	obj := func(name string) *goja.Object {
		o, _ := ns.Get(name).(*goja.Object)
		return o
	}
	proto := func(ctor string) *goja.Object {
		o, _ := obj(ctor).Get("prototype").(*goja.Object)
		return o
	}
	return &module{
		exports:  obj("exports"),
		promises: obj("promises"),
		readable: proto("Readable"),
		writable: proto("Writable"),
	}
}

// Require returns the 'stream' module for rt: the legacy Stream constructor carrying Readable,
// Writable, Duplex, Transform, PassThrough, pipeline, finished and the rest, as in Node. Must be
// called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	m, err := load(rt)
	if err != nil {
		return nil, err
	}
	return m.exports, nil
}

// RequirePromises returns the 'stream/promises' module for rt: promise-returning pipeline and
// finished. Must be called on the loop.
func RequirePromises(rt *jsruntime.Runtime) (goja.Value, error) {
	m, err := load(rt)
	if err != nil {
		return nil, err
	}
	return m.promises, nil
}

// Prototypes returns Readable.prototype and Writable.prototype of rt, for host objects that must be
// streams (an HTTP request or response). Such an object must also run the matching constructor on
// itself (Readable.call(obj, options)) so its state exists. Must be called on the loop.
func Prototypes(rt *jsruntime.Runtime) (readable, writable *goja.Object, err error) {
	m, err := load(rt)
	if err != nil {
		return nil, nil, err
	}
	return m.readable, m.writable, nil
}
