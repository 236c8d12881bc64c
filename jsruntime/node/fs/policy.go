package fs

import (
	"os"

	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// allow checks a call's paths against the plugin's policy (policy.Gate.CheckFile) right before the
// call touches the file system; a refusal is the EACCES error to report.
func (m *module) allow(syscallName string, paths ...policy.Path) error {
	return m.gate.CheckFile(syscallName, paths...)
}

// openPath is the access open(2) with flags needs: writing when it may create, truncate or write.
func openPath(p string, flags int) policy.Path {
	if flags&(os.O_WRONLY|os.O_RDWR|os.O_CREATE|os.O_TRUNC|os.O_APPEND) != 0 {
		return policy.Write(p)
	}
	return policy.Read(p)
}
