//go:build linux

package os

import (
	"bufio"
	goos "os"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/dop251/goja"
)

// hostInfo is what uname(2) reports: type(), release(), version() and machine().
type hostInfo struct{ sysname, release, version, machine string }

func uname() hostInfo {
	var u syscall.Utsname
	if err := syscall.Uname(&u); err != nil {
		return fallbackHost()
	}
	return hostInfo{cstring(u.Sysname[:]), cstring(u.Release[:]), cstring(u.Version[:]), cstring(u.Machine[:])}
}

// cstring reads a NUL-terminated utsname field; its element type is int8 or uint8 by architecture.
func cstring[T int8 | uint8](field []T) string {
	b := make([]byte, 0, len(field))
	for _, c := range field {
		if c == 0 {
			break
		}
		b = append(b, byte(c))
	}
	return string(b)
}

type memInfo struct{ total, free uint64 }

// memory reads /proc/meminfo: like Node, free memory is MemAvailable, which counts reclaimable caches.
func memory() memInfo {
	var m memInfo
	var si syscall.Sysinfo_t
	if syscall.Sysinfo(&si) == nil {
		m = memInfo{uint64(si.Totalram) * uint64(si.Unit), uint64(si.Freeram) * uint64(si.Unit)}
	}
	if kb, ok := procField("/proc/meminfo", "MemAvailable:"); ok {
		m.free = kb * 1024
	}
	return m
}

func procField(file, name string) (uint64, bool) {
	f, err := goos.Open(file)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fields := strings.Fields(sc.Text()); len(fields) >= 2 && fields[0] == name {
			n, err := strconv.ParseUint(fields[1], 10, 64)
			return n, err == nil
		}
	}
	return 0, false
}

// loadavg is sysinfo's load averages, which the kernel keeps in fixed point with 16 fraction bits.
func loadavg() [3]float64 {
	var si syscall.Sysinfo_t
	if syscall.Sysinfo(&si) != nil {
		return [3]float64{}
	}
	var l [3]float64
	for i := range l {
		l[i] = float64(si.Loads[i]) / 65536
	}
	return l
}

func uptime() float64 {
	var si syscall.Sysinfo_t
	if syscall.Sysinfo(&si) != nil {
		return 0
	}
	return float64(si.Uptime)
}

// clockTicksMs is the length of a /proc/stat tick in milliseconds: USER_HZ is 100 on every Linux ABI.
const clockTicksMs = 10

// cpus lists runtime.NumCPU entries, the CPUs this process may run on, with model and speed from
// /proc/cpuinfo and times from /proc/stat.
func cpus(vm *goja.Runtime) goja.Value {
	models, speeds := cpuInfo()
	times := cpuTimes()
	list := make([]any, runtime.NumCPU())
	for i := range list {
		model, speed := "unknown", 0
		if i < len(models) {
			model = models[i]
		}
		if i < len(speeds) {
			speed = speeds[i]
		}
		t := make([]uint64, 5)
		if i < len(times) {
			t = times[i]
		}
		list[i] = object(vm, "model", model, "speed", speed, "times", object(vm,
			"user", t[0], "nice", t[1], "sys", t[2], "idle", t[3], "irq", t[4]))
	}
	return vm.NewArray(list...)
}

func cpuInfo() (models []string, speeds []int) {
	f, err := goos.Open("/proc/cpuinfo")
	if err != nil {
		return nil, nil
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		switch strings.TrimSpace(name) {
		case "model name":
			models = append(models, strings.TrimSpace(value))
		case "cpu MHz":
			mhz, _ := strconv.ParseFloat(strings.TrimSpace(value), 64)
			speeds = append(speeds, int(mhz))
		}
	}
	return models, speeds
}

// cpuTimes reads user, nice, system, idle and irq of each cpuN line of /proc/stat, in milliseconds.
func cpuTimes() [][]uint64 {
	f, err := goos.Open("/proc/stat")
	if err != nil {
		return nil
	}
	defer f.Close()
	var all [][]uint64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 7 || !strings.HasPrefix(fields[0], "cpu") || fields[0] == "cpu" {
			continue
		}
		t := make([]uint64, 5)
		// /proc/stat columns: user nice system idle iowait irq.
		for i, col := range []int{1, 2, 3, 4, 6} {
			n, _ := strconv.ParseUint(fields[col], 10, 64)
			t[i] = n * clockTicksMs
		}
		all = append(all, t)
	}
	return all
}
