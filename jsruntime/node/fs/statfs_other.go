//go:build !linux

package fs

import (
	"syscall"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// statfs is Linux-only in pluginhost: elsewhere the call fails with ENOSYS.
func statfs(m *module, args []goja.Value) op {
	p := m.path(arg(args, 0), "path")
	return func() (result, error) { return nil, nodeerr.FileError(syscall.ENOSYS, "statfs", p, "") }
}
