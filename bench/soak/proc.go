package main

import (
	"fmt"
	"syscall"

	"github.com/pluginhost/pluginhost/bench/internal/procmem"
)

// memory reads the process's current and peak resident set size, in bytes. Where /proc is missing,
// the peak comes from getrusage and the current size is 0.
func memory() (rss, peak uint64) {
	rss, peak, err := procmem.Read("self")
	if err != nil {
		var ru syscall.Rusage
		if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
			peak = uint64(ru.Maxrss) << 10 // kilobytes on Linux
		}
		return 0, peak
	}
	return rss, peak
}

// mib formats a byte count in MiB.
func mib(n uint64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
