//go:build linux

package process

import (
	"bufio"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// cgroupUnlimited is the limit cgroup v1 reports for "no limit" (the largest page-aligned int64);
// libuv reports it, like v2's "max", as the largest uint64.
const cgroupUnlimited = 9223372036854771712

// constrainedMemory is libuv's uv_get_constrained_memory: the memory limit of the host's cgroup, the
// largest uint64 when it has none, 0 when it cannot be read.
func constrainedMemory() float64 {
	v, ok := cgroupMemory("memory.max", "memory.limit_in_bytes")
	if !ok {
		return 0
	}
	return v
}

// availableMemory is libuv's uv_get_available_memory: what is left under the cgroup's limit, or the
// system's available memory when that is the smaller constraint.
func availableMemory() float64 {
	free, total := meminfo("MemAvailable:"), meminfo("MemTotal:")
	limit := constrainedMemory()
	if limit == 0 || limit > total {
		return free
	}
	used, ok := cgroupMemory("memory.current", "memory.usage_in_bytes")
	if !ok || used > limit {
		return 0
	}
	return limit - used
}

// cgroupMemory reads a memory controller file of the host's cgroup: v2's file when the unified
// hierarchy is mounted, else v1's.
func cgroupMemory(v2, v1 string) (float64, bool) {
	paths := cgroupPaths()
	var file string
	if p, ok := paths[""]; ok && fileExists("/sys/fs/cgroup/cgroup.controllers") {
		file = filepath.Join("/sys/fs/cgroup", p, v2)
	} else if p, ok := paths["memory"]; ok {
		file = filepath.Join("/sys/fs/cgroup/memory", p, v1)
	} else {
		return 0, false
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return 0, false
	}
	s := strings.TrimSpace(string(b))
	if s == "max" {
		return math.MaxUint64, true
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, false
	}
	if n == cgroupUnlimited {
		return math.MaxUint64, true
	}
	return float64(n), true
}

// cgroupPaths maps each controller of /proc/self/cgroup to the process's cgroup path; v2's unified
// hierarchy is under "".
func cgroupPaths() map[string]string {
	paths := map[string]string{}
	f, err := os.Open("/proc/self/cgroup")
	if err != nil {
		return paths
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.SplitN(sc.Text(), ":", 3)
		if len(parts) != 3 {
			continue
		}
		for _, c := range strings.Split(parts[1], ",") {
			paths[c] = parts[2]
		}
	}
	return paths
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// meminfo reads a /proc/meminfo field, in bytes.
func meminfo(name string) float64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fields := strings.Fields(sc.Text()); len(fields) >= 2 && fields[0] == name {
			kb, _ := strconv.ParseUint(fields[1], 10, 64)
			return float64(kb) * 1024
		}
	}
	return 0
}
