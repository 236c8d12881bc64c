// Package module is Node's module built-in: createRequire, builtinModules, isBuiltin and a minimal
// Module constructor, backed by the runtime's modules.System.
package module

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	nodeurl "github.com/pluginhost/pluginhost/jsruntime/node/url"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

// Require returns the module built-in: the Module constructor carrying createRequire, builtinModules,
// isBuiltin, _cache and Module itself, as require('module') is in Node. The runtime must have a
// modules.System enabled.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	sys := modules.Of(rt)
	if sys == nil {
		return nil, errors.New("module: no module system is enabled on this runtime")
	}
	vm := rt.VM()
	ctor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		m := call.This
		_ = m.Set("id", call.Argument(0))
		_ = m.Set("exports", vm.NewObject())
		_ = m.Set("parent", call.Argument(1))
		_ = m.Set("filename", goja.Null())
		_ = m.Set("loaded", false)
		_ = m.Set("children", vm.NewArray())
		_ = m.Set("paths", vm.NewArray())
		return nil
	}).(*goja.Object)
	names := sys.Registry().Names()
	builtins := make(map[string]bool, len(names))
	for _, n := range names {
		builtins[n] = true
	}
	set := func(name string, v any) error { return ctor.Set(name, v) }
	for _, err := range []error{
		set("Module", ctor),
		set("builtinModules", names),
		set("_cache", sys.RequireCache()),
		set("isBuiltin", func(name string) bool { return builtins[strings.TrimPrefix(name, "node:")] }),
		set("createRequire", func(call goja.FunctionCall) goja.Value {
			filename, ok := requirePath(call.Argument(0))
			if !ok {
				panic(nodeerr.InvalidArgValue(vm, "filename", call.Argument(0),
					"must be a file URL object, file URL string, or absolute path string"))
			}
			return sys.CreateRequire(filename)
		}),
	} {
		if err != nil {
			return nil, err
		}
	}
	return ctor, nil
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
