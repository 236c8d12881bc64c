package child_process

import (
	"bytes"
	"fmt"
	"math"
	"syscall"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	"github.com/pluginhost/pluginhost/jsruntime/node/url"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// newNatives builds the object through which child_process.js reaches Go: starting processes, the
// errno and signal tables, Node's error constructors and the modules the JS builds on.
func newNatives(rt *jsruntime.Runtime, reg *registry) (*goja.Object, error) {
	vm := rt.VM()
	emitter, err := events.Require(rt)
	if err != nil {
		return nil, err
	}
	streams, err := stream.Require(rt)
	if err != nil {
		return nil, err
	}
	bufMod, err := buffer.Require(rt)
	if err != nil {
		return nil, err
	}
	urlMod, err := url.Require(rt)
	if err != nil {
		return nil, err
	}
	signals := vm.NewObject()
	for _, s := range signalList {
		if err := signals.Set(s.name, int(s.sig)); err != nil {
			return nil, err
		}
	}
	errnos := vm.NewObject()
	for code, errno := range nodeerr.UVErrnos() {
		if err := errnos.Set(code, errno); err != nil {
			return nil, err
		}
	}
	gate := policy.For(rt)
	fns := map[string]any{
		"EventEmitter":  emitter,
		"Readable":      streams.ToObject(vm).Get("Readable"),
		"Writable":      streams.ToObject(vm).Get("Writable"),
		"Buffer":        bufMod.ToObject(vm).Get("Buffer"),
		"fileURLToPath": urlMod.ToObject(vm).Get("fileURLToPath"),
		"signals":       signals,
		"errno":         errnos,
		"errname":       nodeerr.ErrnoName,
		"inspect":       func(v goja.Value) string { return util.Inspect(rt, v) },
		// A start the plugin's policy refuses gives the error itself rather than an errno, so that its
		// message names the rule.
		"spawn": func(call goja.FunctionCall) goja.Value {
			o := spawnOptionsOf(rt, call.Argument(0))
			if err := gate.CheckProcess("spawn " + o.file); err != nil {
				return rt.ErrorValue(err)
			}
			c, err := start(rt, reg, &o)
			if err != nil {
				return vm.ToValue(negErrno(err))
			}
			return newHandle(rt, c)
		},
		"spawnSync": func(call goja.FunctionCall) goja.Value {
			o := syncOptionsOf(rt, call.Argument(0))
			if err := gate.CheckProcess("spawnSync " + o.file); err != nil {
				res := syncResultValue(rt, syncResult{errno: -int(syscall.EACCES)})
				_ = res.ToObject(vm).Set("denial", rt.ErrorValue(err))
				return res
			}
			return syncResultValue(rt, spawnSync(rt.Context(), rt, &o))
		},
	}
	n := nodeerr.Natives(vm)
	for name, v := range fns {
		if err := n.Set(name, v); err != nil {
			return nil, fmt.Errorf("child_process: defining %s: %w", name, err)
		}
	}
	return n, nil
}

// newHandle is the JS face of a started child: pid, the number of outputs going to the logger
// (logs), read, write, close and kill. child_process.js sets onexit(code, signal) and onlogged().
func newHandle(rt *jsruntime.Runtime, c *child) *goja.Object {
	vm := rt.VM()
	obj := vm.NewObject()
	c.obj = obj
	fd := func(v goja.Value) int {
		n := v.ToInteger()
		if n < 0 || n > 2 {
			panic(vm.NewTypeError("child_process: no such descriptor: %d", n))
		}
		return int(n)
	}
	callback := func(v goja.Value) goja.Callable {
		cb, ok := goja.AssertFunction(v)
		if !ok {
			panic(vm.NewTypeError("child_process: callback is not a function"))
		}
		return cb
	}
	for name, v := range map[string]any{
		"pid":  c.proc.Pid,
		"logs": c.logs,
		"read": func(call goja.FunctionCall) goja.Value {
			c.read(fd(call.Argument(0)), callback(call.Argument(1)))
			return goja.Undefined()
		},
		"write": func(call goja.FunctionCall) goja.Value {
			data, ok := buffer.Bytes(rt, call.Argument(0))
			if !ok {
				panic(vm.NewTypeError("child_process: write needs a Buffer"))
			}
			// The bytes are written off the loop; the plugin may reuse its buffer meanwhile.
			c.write(bytes.Clone(data), callback(call.Argument(1)))
			return goja.Undefined()
		},
		"close": func(call goja.FunctionCall) goja.Value {
			c.closePipe(fd(call.Argument(0)))
			return goja.Undefined()
		},
		"kill": func(sig int) int { return c.kill(syscall.Signal(sig)) },
	} {
		_ = obj.Set(name, v)
	}
	return obj
}

// spawnOptionsOf reads the options child_process.js normalised: file, args, cwd, envPairs, stdio.
func spawnOptionsOf(rt *jsruntime.Runtime, v goja.Value) spawnOptions {
	vm := rt.VM()
	obj := v.ToObject(vm)
	var o spawnOptions
	o.file = obj.Get("file").String()
	var kinds []string
	for name, dst := range map[string]any{"args": &o.args, "envPairs": &o.env, "stdio": &kinds} {
		if err := vm.ExportTo(obj.Get(name), dst); err != nil {
			panic(vm.NewTypeError("child_process: options.%s: %s", name, err.Error()))
		}
	}
	if cwd := obj.Get("cwd"); cwd != nil && !goja.IsUndefined(cwd) && !goja.IsNull(cwd) {
		o.cwd = cwd.String()
	}
	if len(kinds) != 3 {
		panic(vm.NewTypeError("child_process: options.stdio must have three entries"))
	}
	for i, kind := range kinds {
		switch k := stdio(kind); k {
		case stdioPipe, stdioIgnore, stdioStdout, stdioStderr:
			o.stdio[i] = k
		default:
			panic(vm.NewTypeError("child_process: unknown stdio kind %q", kind))
		}
	}
	return o
}

// syncOptionsOf adds spawnSync's input, timeout, killSignal and maxBuffer to spawnOptionsOf.
func syncOptionsOf(rt *jsruntime.Runtime, v goja.Value) syncOptions {
	vm := rt.VM()
	obj := v.ToObject(vm)
	o := syncOptions{spawnOptions: spawnOptionsOf(rt, v), killSignal: syscall.SIGTERM, maxBuffer: math.Inf(1)}
	if in := obj.Get("input"); in != nil && !goja.IsUndefined(in) && !goja.IsNull(in) {
		data, ok := buffer.Bytes(rt, in)
		if !ok {
			panic(vm.NewTypeError("child_process: input must be a Buffer"))
		}
		o.input = bytes.Clone(data)
	}
	if t := obj.Get("timeout"); t != nil && !goja.IsUndefined(t) && !goja.IsNull(t) {
		o.timeout = time.Duration(t.ToInteger()) * time.Millisecond
	}
	if k := obj.Get("killSignal"); k != nil && !goja.IsUndefined(k) && !goja.IsNull(k) {
		o.killSignal = syscall.Signal(k.ToInteger())
	}
	if m := obj.Get("maxBuffer"); m != nil && !goja.IsUndefined(m) && !goja.IsNull(m) {
		o.maxBuffer = m.ToFloat()
	}
	return o
}

// syncResultValue is r as child_process.js expects it: {pid, status, signal, output, error}.
func syncResultValue(rt *jsruntime.Runtime, r syncResult) goja.Value {
	vm := rt.VM()
	obj := vm.NewObject()
	status, signal := goja.Null(), goja.Null()
	if r.signal != "" {
		signal = vm.ToValue(r.signal)
	} else if r.output != nil {
		status = vm.ToValue(r.status)
	}
	output := goja.Null()
	if r.output != nil {
		items := make([]any, len(r.output))
		for i, b := range r.output {
			items[i] = goja.Null()
			if b != nil {
				items[i] = buffer.New(rt, b)
			}
		}
		output = vm.NewArray(items...)
	}
	for name, v := range map[string]any{"pid": r.pid, "status": status, "signal": signal, "output": output, "error": r.errno} {
		_ = obj.Set(name, v)
	}
	return obj
}
