package modules

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// readSource reads a module's file for require or import, held to the plugin's policy like fs reads:
// a plugin whose policy restricts the file system cannot load code or JSON from outside its roots.
// Its own folder is always readable (policy.Setup.Own), and so are the shared node_modules folders
// the host lists for plugins (Options.SharedDirs).
func (s *System) readSource(filename string) ([]byte, error) {
	if !s.inShared(filename) {
		if err := policy.For(s.rt).CheckFile("open", policy.Read(filename)); err != nil {
			return nil, err
		}
	}
	return os.ReadFile(filename)
}

// inShared reports whether filename lies in one of the shared node_modules folders.
func (s *System) inShared(filename string) bool {
	for _, dir := range s.shared {
		if rel, err := filepath.Rel(dir, filename); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}
