//go:build linux

package fs

import (
	"syscall"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

func statfs(m *module, args []goja.Value) op {
	p := m.path(arg(args, 0), "path")
	bigint := boolOption(arg(args, 1), "bigint")
	return func() (result, error) {
		if err := m.allow("statfs", policy.Read(p)); err != nil {
			return nil, err
		}
		var st syscall.Statfs_t
		if err := syscall.Statfs(p, &st); err != nil {
			return nil, wrap(err, "statfs", p, "")
		}
		fields := []statFsField{
			{"type", st.Type}, {"bsize", st.Bsize}, {"blocks", int64(st.Blocks)}, {"bfree", int64(st.Bfree)},
			{"bavail", int64(st.Bavail)}, {"files", int64(st.Files)}, {"ffree", int64(st.Ffree)},
		}
		return func(m *module) goja.Value { return m.newStatFs(fields, bigint) }, nil
	}
}
