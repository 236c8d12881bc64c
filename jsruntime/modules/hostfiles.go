package modules

import (
	"path/filepath"
	"strings"

	"github.com/dop251/goja"

	nodeurl "github.com/pluginhost/pluginhost/jsruntime/node/url"
)

// HostFiles stands in for files of the host application that plugins load by path although they lie
// outside the plugins directory: Luker's own src/util.js, which a plugin in plugins/<name>/ imports as
// ../../src/util.js. It is given the absolute path a relative, absolute or file: URL request names (as
// written, before extensions are tried) when that path is outside Options.Root, and returns the file it stands
// in for with the module to load in its place, or a nil Builtin to resolve the request from the file
// system as usual. The module is built once per runtime and file, like a built-in, so requests that
// name the same file with and without its extension share one instance.
type HostFiles func(path string) (file string, module Builtin)

// hostFile loads the host file standing in for request from m, when Options.HostFiles has one.
func (s *System) hostFile(m *module, request string) (goja.Value, bool, error) {
	var path string
	switch {
	case isRelative(request):
		path = filepath.Join(m.dir, request)
	case filepath.IsAbs(request):
		path = filepath.Clean(request)
	case strings.HasPrefix(request, "file:"):
		p, err := nodeurl.FilePath(request)
		if err != nil {
			return nil, false, nil
		}
		path = filepath.Clean(p)
	default:
		return nil, false, nil
	}
	if s.root != "" && (path == s.root || strings.HasPrefix(path, s.root+string(filepath.Separator))) {
		return nil, false, nil
	}
	file, b := s.hostFiles(path)
	if b == nil {
		return nil, false, nil
	}
	v, err := instantiate(s.rt, "host file "+file, b)
	return v, true, err
}
