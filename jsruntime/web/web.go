// Package web installs the web-platform globals Node 20 gives plugins: timers, queueMicrotask,
// AbortController/AbortSignal, DOMException, Event/EventTarget/CustomEvent, TextEncoder/TextDecoder,
// atob/btoa, structuredClone; MessageChannel, MessagePort, MessageEvent and BroadcastChannel (within
// the plugin's runtime: messages are structured clones delivered as macrotasks); the WHATWG streams (ReadableStream with default and byte controllers and BYOB
// readers, tee, pipeTo/pipeThrough, async iteration and ReadableStream.from; WritableStream;
// TransformStream; the queuing strategies; TextEncoderStream, TextDecoderStream, CompressionStream and
// DecompressionStream for gzip, deflate and deflate-raw); Blob, File and FormData (with
// URL.createObjectURL and require('buffer').resolveObjectURL); and fetch with Headers, Request and
// Response, streaming both request and response bodies. Namespace gives the stream classes to the
// 'stream/web' module, and ProvideWeb the buffer module its web members. The errors are Node's
// (nodeerr's natives: codes and the "Received ..." part).
//
// The classes are JS (prelude.js and js/*.js: the standards' algorithms), compiled once per process.
// The streams, Blob, FormData and fetch are global accessors that evaluate their scripts on first
// use, as Node's are. Everything that touches time, the network or bytes in bulk is Go: timers run on
// the runtime's Clock and come back through RunOnLoop; fetch performs the request with net/http on its
// own goroutine (Runtime.Go) and hands the response body over chunk by chunk as it arrives;
// (de)compression runs Go's compress packages off the loop. All of it stops when the runtime closes.
//
// Differences from Node 20:
//   - fetch supports http, https and data: URLs (blob: and file: fail as in Node); it sends Go's
//     "Accept-Encoding: gzip" and decodes gzip transparently (the response then has no
//     Content-Encoding or Content-Length); it ignores the cache, credentials, mode, referrer,
//     integrity and keepalive options. A response body dropped unread holds its connection until it
//     is garbage collected, or as long as the AbortSignal given to fetch is referenced.
//   - TextDecoder knows UTF-8, UTF-16LE and the windows-1252 labels (decoded as Latin-1, as Node 20
//     does); other labels throw ERR_ENCODING_NOT_SUPPORTED.
//   - Compressed bytes differ from zlib's (they decompress to the same data); corrupt input is
//     Z_DATA_ERROR "invalid compressed data" where zlib names the exact fault.
//   - Streams cannot be transferred (postMessage), and a port in a transfer list is handed over as it
//     is, not detached; there are no workers to send messages to. MessageEvent.ports is not frozen,
//     as in Node.
//   - Web streams run about 20-100 µs per chunk (goja promise jobs), where Node takes a few.
package web

import (
	"crypto/rand"
	"embed"
	"errors"
	"fmt"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

//go:embed prelude.js
var preludeSource string

//go:embed js/*.js
var scriptFiles embed.FS

// prelude is the JS half of the basic web globals.
var prelude = jsruntime.NewScript("web/prelude.js", preludeSource)

// scripts are the streams, Blob, FormData and fetch, in evaluation order: each is a function of a
// shared namespace W (plus the natives and the global object) that adds its part to W.
var scripts = func() []*jsruntime.Script {
	var out []*jsruntime.Script
	for _, name := range []string{
		"common.js", "readable.js", "bytes.js", "readable_extra.js", "writable.js", "transform.js", "pipe.js",
		"codecs.js", "blob.js", "formdata.js", "fetch.js", "messaging.js",
	} {
		src, err := scriptFiles.ReadFile("js/" + name)
		if err != nil {
			panic(fmt.Errorf("web: embedded %s: %w", name, err))
		}
		out = append(out, jsruntime.NewScript("web/"+name, string(src)))
	}
	return out
}()

// streamNames are the classes of 'stream/web', which are also globals.
var streamNames = []string{
	"ReadableStream", "ReadableStreamDefaultReader", "ReadableStreamBYOBReader", "ReadableStreamBYOBRequest",
	"ReadableByteStreamController", "ReadableStreamDefaultController", "TransformStream",
	"TransformStreamDefaultController", "WritableStream", "WritableStreamDefaultWriter",
	"WritableStreamDefaultController", "ByteLengthQueuingStrategy", "CountQueuingStrategy", "TextEncoderStream",
	"TextDecoderStream", "CompressionStream", "DecompressionStream",
}

// otherGlobals are the rest of the classes the scripts define as globals.
var otherGlobals = []string{
	"Blob", "File", "FormData", "Headers", "Request", "Response", "fetch",
	"MessageChannel", "MessagePort", "MessageEvent", "BroadcastChannel",
}

// classesKey is the per-runtime key of the lazily evaluated classes.
type classesKey struct{}

// classes are the streams, Blob, FormData and fetch of one runtime. They are evaluated when a plugin
// first touches one of them: they cost about half a megabyte per runtime, and many plugins never use
// them (Node loads them lazily too).
type classes struct {
	rt      *jsruntime.Runtime
	natives *goja.Object
	base    *goja.Object // the prelude's globals in front of the global object
	ns      *goja.Object // the scripts' namespace, once evaluated
	module  *goja.Object // 'stream/web'
	err     error
}

// load evaluates the scripts on first use and remembers the outcome. Must be called on the loop.
func (c *classes) load() (*goja.Object, error) {
	if c.ns != nil || c.err != nil {
		return c.ns, c.err
	}
	vm := c.rt.VM()
	ns := vm.NewObject()
	for _, s := range scripts {
		if _, err := s.Call(c.rt, ns, c.natives, c.base); err != nil {
			c.err = fmt.Errorf("web: evaluating the web classes: %w", err)
			return nil, c.err
		}
	}
	module := vm.NewObject()
	for _, name := range streamNames {
		if err := module.Set(name, ns.Get(name)); err != nil {
			c.err = fmt.Errorf("web: stream/web %s: %w", name, err)
			return nil, c.err
		}
	}
	c.ns, c.module = ns, module
	return ns, nil
}

// Install defines the globals on rt. Must be called on the loop, once per runtime.
func Install(rt *jsruntime.Runtime) error {
	vm := rt.VM()
	t := installTimers(rt)
	natives, err := newNatives(rt, t)
	if err != nil {
		return err
	}
	global := vm.GlobalObject()
	base, err := prelude.Call(rt, natives, global)
	if err != nil {
		return fmt.Errorf("web: installing globals: %w", err)
	}
	c := &classes{rt: rt, natives: natives, base: base.ToObject(vm)}
	if _, err := jsruntime.Module(rt, classesKey{}, func() (*classes, error) { return c, nil }); err != nil {
		return err
	}
	// Each class is a global accessor, as in Node: reading it evaluates the classes and makes it a
	// plain property; so does assigning it. fetch, a plain enumerable property in Node, becomes one the
	// same way.
	for _, name := range append(append([]string(nil), streamNames...), otherGlobals...) {
		load := func() (goja.Value, error) {
			ns, err := c.load()
			if err != nil {
				return nil, err
			}
			return ns.Get(name), nil
		}
		if err := jsruntime.DefineLazyData(rt, name, name == "fetch", load); err != nil {
			return fmt.Errorf("web: defining %s: %w", name, err)
		}
	}
	buffer.ProvideWeb(rt, func(name string) goja.Value {
		if name == "atob" || name == "btoa" {
			return c.base.Get(name)
		}
		return c.member(name)
	})
	return nil
}

// member is one of the classes' members (Blob, resolveObjectURL), evaluating them on first use; a
// failure is thrown into the JS asking for it.
func (c *classes) member(name string) goja.Value {
	ns, err := c.load()
	if err != nil {
		c.rt.Throw(err)
	}
	return ns.Get(name)
}

// Class returns the web class (or helper) name as the web scripts define it, whatever a plugin has
// since assigned to the global: worker_threads' MessageChannel is the global one, and its
// receiveMessageOnPort reads the ports' queues. Must be called on the loop, after Install.
func Class(rt *jsruntime.Runtime, name string) (goja.Value, error) {
	c, err := jsruntime.Module(rt, classesKey{}, func() (*classes, error) { return nil, errNotInstalled })
	if err != nil {
		return nil, err
	}
	ns, err := c.load()
	if err != nil {
		return nil, err
	}
	return ns.Get(name), nil
}

// InstallObjectURLs defines URL.createObjectURL and URL.revokeObjectURL, which name Blobs by
// "blob:nodedata:" URLs that require('buffer').resolveObjectURL resolves (fetch does not). Must be
// called on the loop, after Install and after the URL global is installed.
func InstallObjectURLs(rt *jsruntime.Runtime) error {
	vm := rt.VM()
	c, err := jsruntime.Module(rt, classesKey{}, func() (*classes, error) { return nil, errNotInstalled })
	if err != nil {
		return err
	}
	url, ok := vm.Get("URL").(*goja.Object)
	if !ok {
		return errors.New("web: object URLs need the URL global, which is not installed")
	}
	for _, name := range []string{"createObjectURL", "revokeObjectURL"} {
		fn := vm.ToValue(func(call goja.FunctionCall) goja.Value {
			f, _ := goja.AssertFunction(c.member(name))
			v, err := f(goja.Undefined(), call.Arguments...)
			if err != nil {
				panic(err)
			}
			return v
		}).ToObject(vm)
		if err := fn.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
			return fmt.Errorf("web: URL.%s: %w", name, err)
		}
		if err := url.DefineDataProperty(name, fn, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return fmt.Errorf("web: URL.%s: %w", name, err)
		}
	}
	return nil
}

// Namespace returns the 'stream/web' module of rt: the stream classes of the web globals. Must be
// called on the loop, after Install.
func Namespace(rt *jsruntime.Runtime) (*goja.Object, error) {
	c, err := jsruntime.Module(rt, classesKey{}, func() (*classes, error) { return nil, errNotInstalled })
	if err != nil {
		return nil, err
	}
	if _, err := c.load(); err != nil {
		return nil, err
	}
	return c.module, nil
}

var errNotInstalled = errors.New("web: stream/web needs the web globals, which are not installed")

// Require returns the 'stream/web' module for rt. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return Namespace(rt)
}

// newNatives builds the object through which the prelude and the scripts reach Go.
func newNatives(rt *jsruntime.Runtime, t *timers) (*goja.Object, error) {
	vm := rt.VM()
	start := rt.Clock().Now()
	f := &fetcher{rt: rt}
	fns := map[string]any{
		"now": func(goja.FunctionCall) goja.Value {
			return vm.ToValue(float64(rt.Clock().Now().Sub(start).Microseconds()) / 1000)
		},
		"reportError": func(call goja.FunctionCall) goja.Value {
			reportError(rt, call.Argument(0))
			return goja.Undefined()
		},
		"setTimeout":     t.setTimeout,
		"utf8Encode":     func(call goja.FunctionCall) goja.Value { return utf8Encode(rt, call.Argument(0).String()) },
		"utf8EncodeInto": func(call goja.FunctionCall) goja.Value { return utf8EncodeInto(rt, call) },
		"textDecoder":    func(call goja.FunctionCall) goja.Value { return newTextDecoder(rt, call) },
		"atob":           func(call goja.FunctionCall) goja.Value { return atob(vm, call.Argument(0).String()) },
		"btoa":           func(call goja.FunctionCall) goja.Value { return btoa(vm, call.Argument(0).String()) },
		"parseURL":       func(call goja.FunctionCall) goja.Value { return parseURL(vm, call.Argument(0).String()) },
		"fetch":          f.start,
		"parseMultipart": func(call goja.FunctionCall) goja.Value { return parseMultipart(rt, call) },
		"codec": func(format string, decompress bool) goja.Value {
			c, err := newCodec(rt, format, decompress)
			if err != nil {
				rt.Throw(err)
			}
			return c
		},
		"transfer":   func(call goja.FunctionCall) goja.Value { return transfer(rt, call.Argument(0)) },
		"randomUUID": func(goja.FunctionCall) goja.Value { return vm.ToValue(randomUUID()) },
		"enqueue":    func(call goja.FunctionCall) goja.Value { enqueue(rt, call.Argument(0)); return goja.Undefined() },
		"detached": func(call goja.FunctionCall) goja.Value {
			ab, ok := call.Argument(0).Export().(goja.ArrayBuffer)
			return vm.ToValue(ok && ab.Detached())
		},
	}
	obj := nodeerr.Natives(vm)
	for name, fn := range fns {
		if err := obj.Set(name, fn); err != nil {
			return nil, fmt.Errorf("web: defining native %s: %w", name, err)
		}
	}
	return obj, nil
}

// enqueue runs fn as a macrotask: a loop job of its own, after the current job and its microtasks,
// as a message between ports arrives. What fn throws is reported as uncaught.
func enqueue(rt *jsruntime.Runtime, v goja.Value) {
	fn, ok := goja.AssertFunction(v)
	if !ok {
		panic(rt.TypeError("enqueue needs a function"))
	}
	rt.RunOnLoop(func(*goja.Runtime) {
		if _, err := fn(goja.Undefined()); err != nil {
			rt.ReportUncaught("message listener", err)
		}
	})
}

// transfer is the streams' TransferArrayBuffer: it detaches an ArrayBuffer and returns a new one over
// the same memory, so that the giver can no longer see or change what the stream now owns.
func transfer(rt *jsruntime.Runtime, v goja.Value) goja.Value {
	ab, ok := v.Export().(goja.ArrayBuffer)
	if !ok {
		panic(rt.TypeError("The buffer to transfer is not an ArrayBuffer"))
	}
	if ab.Detached() {
		panic(nodeerr.New(rt.VM(), "TypeError", "ERR_INVALID_STATE", "Invalid state: The ArrayBuffer is detached"))
	}
	b := ab.Bytes()
	ab.Detach()
	return rt.VM().ToValue(rt.VM().NewArrayBuffer(b))
}

// reportError handles an exception nothing can catch (an event listener or microtask callback that
// threw): it is logged, and the plugin keeps running.
func reportError(rt *jsruntime.Runtime, v goja.Value) {
	rt.ReportUncaught("event listener", rt.JSError(v))
}

// randomUUID is a version 4 UUID, as crypto.randomUUID makes.
func randomUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
