package process

import (
	"runtime"
	"syscall"

	"github.com/dop251/goja"
)

// rusage is getrusage(2) of the host process: every plugin and the host itself.
func rusage() syscall.Rusage {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru) // RUSAGE_SELF on a valid pointer cannot fail
	return ru
}

func micros(tv syscall.Timeval) int64 { return int64(tv.Sec)*1_000_000 + int64(tv.Usec) }

// cpuTimes is process.cpuUsage()'s user and system CPU time, in microseconds.
func cpuTimes() (user, system int64) {
	ru := rusage()
	return micros(ru.Utime), micros(ru.Stime)
}

// resourceUsage is process.resourceUsage(): getrusage's fields under Node's names, maxRSS in
// kilobytes on every system, as libuv reports it.
func resourceUsage(vm *goja.Runtime) *goja.Object {
	ru := rusage()
	maxRSS := int64(ru.Maxrss)
	if runtime.GOOS == "darwin" {
		maxRSS /= 1024
	}
	o := vm.NewObject()
	for _, f := range []struct {
		name  string
		value int64
	}{
		{"userCPUTime", micros(ru.Utime)}, {"systemCPUTime", micros(ru.Stime)}, {"maxRSS", maxRSS},
		{"sharedMemorySize", int64(ru.Ixrss)}, {"unsharedDataSize", int64(ru.Idrss)}, {"unsharedStackSize", int64(ru.Isrss)},
		{"minorPageFault", int64(ru.Minflt)}, {"majorPageFault", int64(ru.Majflt)}, {"swappedOut", int64(ru.Nswap)},
		{"fsRead", int64(ru.Inblock)}, {"fsWrite", int64(ru.Oublock)}, {"ipcSent", int64(ru.Msgsnd)},
		{"ipcReceived", int64(ru.Msgrcv)}, {"signalsCount", int64(ru.Nsignals)},
		{"voluntaryContextSwitches", int64(ru.Nvcsw)}, {"involuntaryContextSwitches", int64(ru.Nivcsw)},
	} {
		_ = o.Set(f.name, f.value)
	}
	return o
}
