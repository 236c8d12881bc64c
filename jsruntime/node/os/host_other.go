//go:build !linux

package os

import (
	"runtime"

	"github.com/dop251/goja"
)

// hostInfo is what uname(2) reports: type(), release(), version() and machine().
type hostInfo struct{ sysname, release, version, machine string }

// uname outside Linux knows only what Go was built for: the kernel's release and version are empty.
func uname() hostInfo { return fallbackHost() }

type memInfo struct{ total, free uint64 }

// memory is unknown outside Linux and reported as zero.
func memory() memInfo { return memInfo{} }

// loadavg is unknown outside Linux; Node reports zeros on Windows too.
func loadavg() [3]float64 { return [3]float64{} }

func uptime() float64 { return 0 }

// cpus lists runtime.NumCPU entries with unknown model, speed and times.
func cpus(vm *goja.Runtime) goja.Value {
	list := make([]any, runtime.NumCPU())
	for i := range list {
		list[i] = object(vm, "model", "unknown", "speed", 0, "times", object(vm,
			"user", 0, "nice", 0, "sys", 0, "idle", 0, "irq", 0))
	}
	return vm.NewArray(list...)
}
