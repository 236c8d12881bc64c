package fs

import (
	"embed"
	"fmt"
	"path/filepath"
	"time"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

//go:embed js/*.js
var sources embed.FS

// script compiles one file of the JS half; each is a function of the shared namespace.
func script(name string) *jsruntime.Script {
	src, err := sources.ReadFile("js/" + name)
	if err != nil {
		panic(fmt.Errorf("fs: %w", err))
	}
	return jsruntime.NewScript("node:fs/"+name, string(src))
}

// scripts are the JS half, evaluated in this order when the module loads; streamsScript is
// evaluated on first use of the streams, which need the stream module.
var (
	scripts       = []*jsruntime.Script{script("internal.js"), script("fd.js"), script("filehandle.js"), script("dir.js"), script("watch.js"), script("exports.js")}
	streamsScript = script("streams.js")
)

// runJS evaluates the JS half over the namespace it shares: the natives, the module objects and
// the EventEmitter and Buffer of the runtime.
func (m *module) runJS() error {
	emitter, err := events.Require(m.rt)
	if err != nil {
		return fmt.Errorf("fs: %w", err)
	}
	bufMod, err := buffer.Require(m.rt)
	if err != nil {
		return fmt.Errorf("fs: %w", err)
	}
	ns := m.vm.NewObject()
	m.ns = ns
	for _, kv := range []field{
		{"natives", m.natives}, {"fs", m.exports}, {"promises", m.promises}, {"EventEmitter", emitter},
		{"Buffer", bufMod.ToObject(m.vm).Get("Buffer")},
	} {
		m.set(ns, kv.k, kv.v)
	}
	for _, s := range scripts {
		if _, err := s.Call(m.rt, ns); err != nil {
			return err
		}
	}
	return nil
}

// installNatives defines the Go functions the JS half calls besides the fs calls themselves and
// Node's errors (nodeerr.Natives).
func (m *module) installNatives() {
	vm := m.vm
	str := func(call goja.FunctionCall, i int) string { return call.Argument(i).String() }
	for name, fn := range map[string]func(goja.FunctionCall) goja.Value{
		"fd": func(call goja.FunctionCall) goja.Value { return vm.ToValue(m.fdArg(call.Argument(0))) },
		"path": func(call goja.FunctionCall) goja.Value {
			return vm.ToValue(m.path(call.Argument(0), str(call, 1)))
		},
		"resolve": func(call goja.FunctionCall) goja.Value {
			abs, err := filepath.Abs(str(call, 0))
			if err != nil {
				panic(vm.NewGoError(err))
			}
			return vm.ToValue(abs)
		},
		"isEncoding": func(call goja.FunctionCall) goja.Value {
			_, ok := buffer.ParseEncoding(str(call, 0))
			return vm.ToValue(ok || str(call, 0) == "buffer")
		},
		"watch":     m.watchNative,
		"watchFile": m.watchFileNative,
		"streams":   func(goja.FunctionCall) goja.Value { return m.streams() },
	} {
		m.set(m.natives, name, fn)
	}
}

// streams evaluates streams.js once, returning its ReadStream and WriteStream.
func (m *module) streams() goja.Value {
	v, err := streamsScript.Instance(m.rt, func() ([]goja.Value, error) {
		mod, err := stream.Require(m.rt)
		if err != nil {
			return nil, err
		}
		m.set(m.ns, "stream", mod)
		return []goja.Value{m.ns}, nil
	})
	if err != nil {
		panic(m.rt.ErrorValue(err))
	}
	return v
}

// watchNative is natives.watch(path, recursive, onchange(eventType, filename)): it starts a watch
// and returns its handle, whose close() ends it.
func (m *module) watchNative(call goja.FunctionCall) goja.Value {
	p := call.Argument(0).String()
	if err := m.allow("watch", policy.Read(p)); err != nil {
		panic(m.rt.ErrorValue(err))
	}
	onChange, ok := goja.AssertFunction(call.Argument(2))
	if !ok {
		panic(nodeerr.InvalidArgType(m.vm, "onchange", "of type function", call.Argument(2)))
	}
	sub, err := m.watches.watch(p, call.Argument(1).ToBoolean(), func(eventType, filename string) {
		m.callback(onChange, m.vm.ToValue(eventType), m.vm.ToValue(filename))
	})
	if err != nil {
		panic(m.rt.ErrorValue(err))
	}
	handle := m.vm.NewObject()
	m.set(handle, "close", func(goja.FunctionCall) goja.Value {
		m.watches.unwatch(sub)
		return goja.Undefined()
	})
	return handle
}

// watchFileNative is natives.watchFile(path, intervalMs, bigint, onchange(curr, prev)): it starts
// polling and returns the handle whose stop() ends it.
func (m *module) watchFileNative(call goja.FunctionCall) goja.Value {
	onChange, ok := goja.AssertFunction(call.Argument(3))
	if !ok {
		panic(nodeerr.InvalidArgType(m.vm, "onchange", "of type function", call.Argument(3)))
	}
	bigint := call.Argument(2).ToBoolean()
	// Node's watchFile never fails, but a path the policy refuses is not watched: the call throws.
	if err := m.allow("stat", policy.Read(call.Argument(0).String())); err != nil {
		panic(m.rt.ErrorValue(err))
	}
	p := &statPoller{
		rt:   m.rt,
		path: call.Argument(0).String(),
		// A zero interval would poll without pause.
		interval: max(time.Duration(call.Argument(1).ToFloat()*float64(time.Millisecond)), time.Millisecond),
		onChange: func(curr, prev fileStat) {
			m.callback(onChange, m.newStats(curr, bigint), m.newStats(prev, bigint))
		},
	}
	m.pollers[p] = struct{}{}
	p.start()
	handle := m.vm.NewObject()
	m.set(handle, "stop", func(goja.FunctionCall) goja.Value {
		p.stop()
		delete(m.pollers, p)
		return goja.Undefined()
	})
	return handle
}
