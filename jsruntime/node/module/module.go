// Package module is Node's module built-in: the Module constructor of the runtime's modules.System
// (every module object is an instance of it, and module.constructor is it) with Node 20's statics.
//
// The loader's own statics come from modules.System: _extensions (a handler a plugin adds loads its
// extension, and require tries the extension), _cache (require.cache), _load and _resolveFilename
// (a plugin's replacement is called by every require, as module-alias and require hooks expect),
// _nodeModulePaths, _findPath, _resolveLookupPaths, _pathCache (never filled: resolutions are memoised
// in Go), wrap and wrapper (changing them does not change how files are wrapped), globalPaths (the
// host's shared module folders, pluginhost's global folders). Module.prototype has require, load and
// _compile (which compiles CommonJS or, by its syntax, an ES module).
//
// This package adds createRequire, builtinModules and isBuiltin (Node's built-ins only: the host's
// express is not listed), SourceMap (Node's source map V3 reader: payload, lineLengths, findEntry,
// findOrigin), findSourceMap (undefined, as in Node without --enable-source-maps), _readPackage,
// _stat, syncBuiltinESMExports and _initPaths (nothing to do: ES modules are transformed to CommonJS,
// so built-in exports are always in sync), _preloadModules and the deprecated _debug. register (module
// customisation hooks) and runMain (the plugin's main module is the host's to run) throw
// ERR_NOT_SUPPORTED_IN_PLUGINHOST; _load ignores isMain for the same reason.
package module

import (
	_ "embed"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	nodeurl "github.com/pluginhost/pluginhost/jsruntime/node/url"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

//go:embed module.js
var source string

var script = jsruntime.NewScript("node:module", source)

// Require returns the module built-in: the Module constructor with its statics, as require('module')
// is in Node. The runtime must have a modules.System enabled.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	sys := modules.Of(rt)
	if sys == nil {
		return nil, errors.New("module: no module system is enabled on this runtime")
	}
	return script.Instance(rt, func() ([]goja.Value, error) {
		return []goja.Value{natives(rt, sys), sys.Module()}, nil
	})
}

// natives is the object through which module.js reaches Go.
func natives(rt *jsruntime.Runtime, sys *modules.System) *goja.Object {
	vm := rt.VM()
	reg := sys.Registry()
	fns := map[string]any{
		"builtinModules": func() goja.Value {
			names := reg.NodeNames()
			out := make([]any, len(names))
			for i, n := range names {
				out[i] = n
			}
			return vm.NewArray(out...)
		},
		"isBuiltin": func(name goja.Value) bool {
			s, ok := name.Export().(string)
			return ok && reg.IsNodeBuiltin(s)
		},
		"createRequire": func(call goja.FunctionCall) goja.Value {
			filename, ok := requirePath(call.Argument(0))
			if !ok {
				panic(nodeerr.InvalidArgValue(vm, "filename", call.Argument(0),
					"must be a file URL object, file URL string, or absolute path string"))
			}
			return sys.CreateRequire(filename)
		},
		// readFile is a package.json's text, or undefined when there is none.
		"readFile": func(path string) goja.Value {
			b, err := os.ReadFile(path)
			if err != nil {
				return goja.Undefined()
			}
			return vm.ToValue(string(b))
		},
		"resolve": func(dir, name string) string {
			abs, _ := filepath.Abs(filepath.Join(dir, name))
			return abs
		},
		// stat is Module._stat: 0 for a file, 1 for a directory, else the negated errno.
		"stat": func(path string) int {
			fi, err := os.Stat(path)
			if err != nil {
				errno, _ := nodeerr.ErrnoOf(err)
				return -int(errno)
			}
			if fi.IsDir() {
				return 1
			}
			return 0
		},
	}
	obj := nodeerr.Natives(vm)
	for name, fn := range fns {
		_ = obj.Set(name, fn)
	}
	return obj
}

// requirePath accepts what Node's createRequire does: an absolute path, a file: URL string, or a URL
// object.
func requirePath(v goja.Value) (string, bool) {
	var s string
	switch x := v.(type) {
	case *goja.Object:
		href := x.Get("href")
		if href == nil {
			return "", false
		}
		str, ok := href.Export().(string)
		if !ok {
			return "", false
		}
		s = str
	default:
		str, ok := v.Export().(string)
		if !ok {
			return "", false
		}
		s = str
	}
	if strings.HasPrefix(s, "file:") {
		p, err := nodeurl.FilePath(s)
		return p, err == nil
	}
	return s, filepath.IsAbs(s)
}
