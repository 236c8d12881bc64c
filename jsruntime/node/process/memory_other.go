//go:build !linux

package process

// constrainedMemory is 0, libuv's answer where it knows no constraint.
func constrainedMemory() float64 { return 0 }

// availableMemory is 0: pluginhost reads the available memory only from Linux's /proc/meminfo.
func availableMemory() float64 { return 0 }
