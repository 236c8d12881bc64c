//go:build !linux

package fs

import (
	"syscall"

	"github.com/dop251/goja"
)

// statfs is Linux-only in pluginhost: elsewhere the call fails with ENOSYS.
func statfs(m *module, args []goja.Value) op {
	p := m.path(arg(args, 0), "path")
	return func() (result, error) { return nil, &Error{Errno: syscall.ENOSYS, Syscall: "statfs", Path: p} }
}
