// Package procmem reads a Linux process's resident set size, for the benchmark programs.
package procmem

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

// Read returns the current and peak resident set size, in bytes, of the process whose /proc
// directory is proc ("self", or a pid), from its status file (VmRSS, VmHWM).
func Read(proc string) (rss, peak uint64, err error) {
	f, err := os.Open("/proc/" + proc + "/status")
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(value), " kB"), 10, 64)
		if err != nil {
			continue
		}
		switch name {
		case "VmRSS":
			rss = kb << 10
		case "VmHWM":
			peak = kb << 10
		}
	}
	return rss, peak, sc.Err()
}
