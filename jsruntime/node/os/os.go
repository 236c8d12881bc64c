// Package os is Node's "os" module for pluginhost runtimes. It reports the host the plugins run on:
// every plugin in one host sees the same machine, user and network interfaces.
//
// What differs from Node: getPriority and setPriority of any process other than the plugin's own (pid 0
// or process.pid) throw ERR_NOT_SUPPORTED_IN_PLUGINHOST, and so does setPriority of the own process,
// because the process is the host, shared by every plugin. userInfo ignores its encoding option. The
// kernel is read only on Linux: elsewhere release() and version() are empty, memory, load and uptime
// are zero, and cpus() has unknown models and zero times.
package os

import (
	goos "os"
	"runtime"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
)

type moduleKey struct{}

// Require returns the "os" module, built once per runtime. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return rt.Value(moduleKey{}, func() any { return build(rt) }).(goja.Value), nil
}

func build(rt *jsruntime.Runtime) goja.Value {
	vm := rt.VM()
	eol, devNull := "\n", "/dev/null"
	if runtime.GOOS == "windows" {
		eol, devNull = "\r\n", `\\.\nul`
	}
	return object(vm,
		"EOL", eol,
		"devNull", devNull,
		"constants", constants(vm),

		"platform", process.Platform,
		"arch", process.Arch,
		"endianness", endianness,
		"type", func() string { return uname().sysname },
		"release", func() string { return uname().release },
		"version", func() string { return uname().version },
		"machine", func() string { return uname().machine },
		"hostname", func() string {
			h, err := goos.Hostname()
			if err != nil {
				panic(vm.NewGoError(err))
			}
			return h
		},
		"homedir", homedir,
		"tmpdir", tmpdir,
		"userInfo", func() goja.Value { return userInfo(vm) },
		"cpus", func() goja.Value { return cpus(vm) },
		"availableParallelism", runtime.NumCPU,
		"totalmem", func() float64 { return float64(memory().total) },
		"freemem", func() float64 { return float64(memory().free) },
		"loadavg", func() goja.Value { l := loadavg(); return vm.NewArray(l[0], l[1], l[2]) },
		"uptime", uptime,
		"networkInterfaces", func() goja.Value { return networkInterfaces(vm) },
		"getPriority", func(call goja.FunctionCall) goja.Value { return getPriority(vm, call.Argument(0)) },
		"setPriority", func(call goja.FunctionCall) goja.Value { return setPriority(vm, call) },
	)
}

// object builds a plain JS object from alternating names and values, keeping their order so that
// Object.keys lists them as Node does.
func object(vm *goja.Runtime, kv ...any) *goja.Object {
	o := vm.NewObject()
	for i := 0; i+1 < len(kv); i += 2 {
		_ = o.Set(kv[i].(string), kv[i+1])
	}
	return o
}

// endianness is "BE" on the big-endian architectures Go builds for and "LE" everywhere else.
func endianness() string {
	switch runtime.GOARCH {
	case "s390x", "ppc64", "mips", "mips64", "sparc64":
		return "BE"
	}
	return "LE"
}
