//go:build unix

package os

import (
	"runtime"
	"syscall"
)

// ownPriority is the host process's nice value. Linux's raw getpriority returns 20 minus the nice
// value so that it is never negative; other systems return the nice value itself.
func ownPriority() int {
	prio, err := syscall.Getpriority(syscall.PRIO_PROCESS, 0)
	if err != nil {
		return 0
	}
	if runtime.GOOS == "linux" {
		return 20 - prio
	}
	return prio
}
