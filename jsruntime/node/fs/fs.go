// Package fs is Node's "fs" module (sync, callback and promise APIs) and "fs/promises", over the os
// package. Plugins have full filesystem access, as in Luker; paths are resolved against the process's
// working directory. Asynchronous calls do their I/O off the event loop (Runtime.Go).
//
// Provided, with Node 20's argument validation and error shapes (code, errno, syscall, path, dest):
// readFile, writeFile, appendFile, stat/lstat/fstat (with bigint), readdir (withFileTypes,
// recursive), mkdir (recursive), rm, rmdir, unlink, rename, copyFile, cp (recursive, filter, force,
// errorOnExist, dereference, preserveTimestamps, verbatimSymlinks), access, exists, realpath (and
// realpath.native), mkdtemp, symlink, readlink, link, chmod, chown, lchown, utimes, lutimes,
// truncate, statfs, opendir and fs.Dir; the descriptor calls open, close, read, write, readv, writev,
// fstat, ftruncate, fsync, fdatasync, fchmod, fchown and futimes; fs.promises.open's FileHandle;
// createReadStream and createWriteStream (ReadStream and WriteStream, subclasses of stream.Readable
// and stream.Writable that read and write chunk by chunk off the loop); watch and fs.promises.watch
// (fsnotify, recursive included) and watchFile/unwatchFile (polling on the runtime's Clock);
// constants, Stats, BigIntStats, Dirent.
//
// Descriptors are the host's own numbers, but a plugin reaches only those it opened: 0, 1 and 2 are
// EBADF to it. Everything a runtime opened or watches is closed when it closes.
//
// Differences from Node: FileHandle.readLines and readableWebStream and fs.openAsBlob throw
// ERR_NOT_SUPPORTED_IN_PLUGINHOST; FileHandle has no getAsyncId (lchmod is missing, as in Node on
// Linux). The events fs.watch reports follow inotify through fsnotify, so their number can differ
// from Node's (a change is one event or two). fs.promises.watch queues the events that arrive
// between two next() calls instead of dropping them. fs.Dir reads the whole directory when it
// opens. FileHandles are not closed on garbage collection, only by close() or when the runtime
// closes. Numeric open flags are Linux's values; statfs is Linux-only.
package fs

import (
	"context"
	_ "embed"
	"fmt"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// module is the per-runtime state: prototypes, the three API objects and what is open.
type module struct {
	rt            *jsruntime.Runtime
	vm            *goja.Runtime
	gate          *policy.Gate // the plugin's policy: every call that takes a path asks it first
	statsProto    *goja.Object
	bigStatsProto *goja.Object
	statFsProto   *goja.Object
	direntProto   *goja.Object
	typeKey       *goja.Symbol
	exports       *goja.Object
	promises      *goja.Object
	natives       *goja.Object // what the JS half (js/*.js) reaches Go through
	ns            *goja.Object // the namespace the JS half's files share
	files         fdTable
	watches       watchHub
	pollers       map[*statPoller]struct{} // loop-only until the runtime closes
	err           error                    // the JS half failed to evaluate
}

// result converts an operation's Go outcome into JS, on the loop.
type result func(m *module) goja.Value

// op is one filesystem call whose arguments have been read from JS; it may run on any goroutine.
type op func() (result, error)

// def describes one fs function: build reads and validates the JS arguments (on the loop, throwing
// like Node for bad ones) and returns the call to perform.
type def struct {
	name  string
	build func(m *module, args []goja.Value) op
}

type moduleKey struct{}

func get(rt *jsruntime.Runtime) (*module, error) {
	m := rt.Value(moduleKey{}, func() any { return newModule(rt) }).(*module)
	return m, m.err
}

// Require returns the "fs" module. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	m, err := get(rt)
	if err != nil {
		return nil, err
	}
	return m.exports, nil
}

// RequirePromises returns "fs/promises", which is also require('fs').promises. Must be called on the loop.
func RequirePromises(rt *jsruntime.Runtime) (goja.Value, error) {
	m, err := get(rt)
	if err != nil {
		return nil, err
	}
	return m.promises, nil
}

func newModule(rt *jsruntime.Runtime) *module {
	vm := rt.VM()
	m := &module{
		rt: rt, vm: vm, gate: policy.For(rt), typeKey: goja.NewSymbol("type"), exports: vm.NewObject(), promises: vm.NewObject(),
		natives: nodeerr.Natives(vm), pollers: map[*statPoller]struct{}{},
	}
	m.watches.rt = rt
	rt.OnClose(m.close)
	m.statsProto = typeProto(vm, "Stats", modeOf)
	m.bigStatsProto = typeProto(vm, "BigIntStats", modeOf)
	m.statFsProto = typeProto(vm, "StatFs", func(goja.Value) int64 { return 0 })
	m.direntProto = typeProto(vm, "Dirent", func(this goja.Value) int64 {
		if o, ok := this.(*goja.Object); ok {
			if t := o.GetSymbol(m.typeKey); t != nil {
				return t.ToInteger()
			}
		}
		return 0
	})
	syncs, callbacks, promiseForms := vm.NewObject(), vm.NewObject(), vm.NewObject()
	m.set(m.natives, "sync", syncs)
	m.set(m.natives, "cb", callbacks)
	m.set(m.natives, "p", promiseForms)
	// Every call is in the natives; the JS half completes some (read, write, open's FileHandle) and
	// builds on others.
	for _, g := range []struct {
		defs            []def
		public, promise bool
	}{{defs, true, true}, {fdDefs, true, false}, {ioDefs, false, false}, {jsDefs, false, false}} {
		for _, d := range g.defs {
			syncFn, cbFn, promiseFn := m.syncFn(d), m.callbackFn(d), m.promiseFn(d)
			m.set(syncs, d.name, syncFn)
			m.set(callbacks, d.name, cbFn)
			m.set(promiseForms, d.name, promiseFn)
			if g.public {
				m.set(m.exports, d.name+"Sync", syncFn)
				m.set(m.exports, d.name, cbFn)
			}
			if g.promise {
				m.set(m.promises, d.name, promiseFn)
			}
		}
	}
	m.installExists()
	m.installCp()
	constants := m.constants()
	m.set(m.exports, "constants", constants)
	m.set(m.promises, "constants", constants)
	for _, name := range []string{"F_OK", "R_OK", "W_OK", "X_OK"} {
		m.set(m.exports, name, constants.Get(name))
	}
	m.set(m.exports, "promises", m.promises)
	m.set(m.exports, "Stats", m.statsProto.Get("constructor"))
	m.set(m.exports, "Dirent", m.direntProto.Get("constructor"))
	m.set(m.exports, "openAsBlob", m.notSupported("fs.openAsBlob"))
	// Node on Linux has no lchmod: the keys exist with undefined values, which graceful-fs checks.
	m.set(m.exports, "lchmod", goja.Undefined())
	m.set(m.exports, "lchmodSync", goja.Undefined())
	m.installNatives()
	if err := m.runJS(); err != nil {
		m.err = err
	}
	return m
}

// close releases what the runtime still has open or watched, after its loop has stopped.
func (m *module) close() {
	m.files.closeAll()
	m.watches.closeAll()
	for p := range m.pollers {
		p.stop()
	}
	m.pollers = nil
}

func (m *module) installExists() {
	vm := m.vm
	m.set(m.exports, "existsSync", func(call goja.FunctionCall) goja.Value {
		p, valid := m.tryPath(call.Argument(0))
		return vm.ToValue(valid && m.allow("stat", policy.Read(p)) == nil && statOK(p))
	})
	m.set(m.exports, "exists", func(call goja.FunctionCall) goja.Value {
		cb, ok := goja.AssertFunction(call.Argument(1))
		if !ok {
			panic(nodeerr.InvalidArgType(m.vm, "cb", "of type function", call.Argument(1)))
		}
		p, valid := m.tryPath(call.Argument(0))
		promise := m.async(func() (result, error) {
			ok := valid && m.allow("stat", policy.Read(p)) == nil && statOK(p)
			return func(m *module) goja.Value { return m.vm.ToValue(ok) }, nil
		})
		m.rt.WhenSettled(vm.ToValue(promise), func(v goja.Value, _ error) { m.callback(cb, v) })
		return goja.Undefined()
	})
}

func (m *module) notSupported(what string) func(goja.FunctionCall) goja.Value {
	return func(goja.FunctionCall) goja.Value { panic(nodeerr.NotSupported(m.vm, what)) }
}

func (m *module) set(o *goja.Object, name string, v any) {
	if err := o.Set(name, v); err != nil {
		panic(fmt.Errorf("fs: defining %s: %w", name, err))
	}
}

func (m *module) syncFn(d def) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		res, err := d.build(m, call.Arguments)()
		if err != nil {
			panic(m.rt.ErrorValue(err))
		}
		return res(m)
	}
}

// promiseFn is the fs.promises form; bad arguments reject the promise, as Node's async functions do.
func (m *module) promiseFn(d def) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) (ret goja.Value) {
		defer func() {
			if r := recover(); r != nil {
				thrown, ok := r.(goja.Value)
				if !ok {
					panic(r)
				}
				p, _, reject := m.vm.NewPromise()
				_ = reject(thrown)
				ret = m.vm.ToValue(p)
			}
		}()
		return m.vm.ToValue(m.async(d.build(m, call.Arguments)))
	}
}

// callbackFn is the Node callback form: the last argument is the callback, called with (err) or
// (null, result) on a later loop turn.
func (m *module) callbackFn(d def) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		args := call.Arguments
		var cb goja.Callable
		if n := len(args); n > 0 {
			cb, _ = goja.AssertFunction(args[n-1])
		}
		if cb == nil {
			panic(nodeerr.InvalidArgType(m.vm, "cb", "of type function", goja.Undefined()))
		}
		p := m.async(d.build(m, args[:len(args)-1]))
		m.rt.WhenSettled(m.vm.ToValue(p), func(v goja.Value, err error) {
			if err != nil {
				m.callback(cb, m.rt.ErrorValue(err))
				return
			}
			if goja.IsUndefined(v) {
				m.callback(cb, goja.Null())
				return
			}
			m.callback(cb, goja.Null(), v)
		})
		return goja.Undefined()
	}
}

// callback calls a user callback; an exception from it is uncaught (jsruntime.ReportUncaught).
func (m *module) callback(cb goja.Callable, args ...goja.Value) {
	_, err := cb(goja.Undefined(), args...)
	m.rt.ReportUncaught("fs callback", err)
}

// async runs o off the loop and returns the promise of its result. It waits for the plugin's policy
// to be decided first, so that a call the plugin's module code started is held to that policy.
func (m *module) async(o op) *goja.Promise {
	return m.rt.Go(func(ctx context.Context) func(*goja.Runtime) (goja.Value, error) {
		if err := m.gate.Wait(ctx); err != nil {
			return func(*goja.Runtime) (goja.Value, error) { return nil, err }
		}
		res, err := o()
		return func(*goja.Runtime) (goja.Value, error) {
			if err != nil {
				return nil, err
			}
			return res(m), nil
		}
	})
}
