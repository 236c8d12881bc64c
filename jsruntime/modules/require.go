package modules

import (
	"path/filepath"
	"strings"

	"github.com/dop251/goja"

	nodeurl "github.com/pluginhost/pluginhost/jsruntime/node/url"
)

// makeRequire builds m's require function with Node's resolve, cache and main properties.
func (s *System) makeRequire(m *module) *goja.Object {
	vm := s.vm
	req := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		request, ok := call.Argument(0).Export().(string)
		if !ok || request == "" {
			panic(argError(vm, call.Argument(0)))
		}
		v, err := s.require(m, request)
		if err != nil {
			s.rt.Throw(err)
		}
		return v
	}).(*goja.Object)
	resolve := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		request, ok := call.Argument(0).Export().(string)
		if !ok || request == "" {
			panic(argError(vm, call.Argument(0)))
		}
		filename, err := s.resolveRequest(m, request, pathsOption(vm, call.Argument(1)))
		if err != nil {
			s.rt.Throw(err)
		}
		return vm.ToValue(filename)
	})
	// Named, so stack traces read "at require" rather than the Go closure's name.
	setName(vm, req, "require")
	setName(vm, resolve.(*goja.Object), "resolve")
	_ = req.Set("resolve", resolve)
	_ = req.Set("extensions", s.class.extensions)
	_ = req.Set("cache", s.modCache)
	// A getter, so that requires created before LoadMain (createRequire) see the main module too.
	_ = req.DefineAccessorProperty("main", vm.ToValue(func(goja.FunctionCall) goja.Value { return s.main }), nil,
		goja.FLAG_TRUE, goja.FLAG_TRUE)
	return req
}

func setName(vm *goja.Runtime, fn *goja.Object, name string) {
	_ = fn.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

// require implements require(request) for m: through Module._load when a plugin has replaced it,
// else loadRequest.
func (s *System) require(m *module, request string) (goja.Value, error) {
	if load := s.patched("_load"); load != nil {
		parent := goja.Undefined()
		if m.obj != nil {
			parent = m.obj
		}
		return load(s.class.ctor, s.vm.ToValue(request), parent, s.vm.ToValue(false))
	}
	return s.loadRequest(m, request)
}

// loadRequest is Module._load as pluginhost implements it: built-ins first (so the host's express
// wins over a node_modules copy), then files and packages, resolved through Module._resolveFilename
// when a plugin has replaced it.
func (s *System) loadRequest(m *module, request string) (goja.Value, error) {
	resolveFilename := s.patched("_resolveFilename")
	if resolveFilename == nil || strings.HasPrefix(request, "node:") {
		if name, b, ok := s.reg.lookup(request); ok {
			return instantiate(s.rt, name, b)
		}
	}
	if strings.HasPrefix(request, "node:") {
		return nil, &Error{Code: "ERR_UNKNOWN_BUILTIN_MODULE", Message: "No such built-in module: " + request}
	}
	if s.hostFiles != nil {
		if v, ok, err := s.hostFile(m, request); ok {
			return v, err
		}
	}
	if resolveFilename == nil {
		filename, err := s.resolve(request, m)
		if err != nil {
			return nil, err
		}
		return s.load(filename, m, false)
	}
	parent := goja.Undefined()
	if m.obj != nil {
		parent = m.obj
	}
	v, err := resolveFilename(s.class.ctor, s.vm.ToValue(request), parent, s.vm.ToValue(false))
	if err != nil {
		return nil, err
	}
	filename := v.String()
	// As in Node, the resolver may answer with a built-in's name.
	if name, b, ok := s.reg.lookup(filename); ok {
		return instantiate(s.rt, name, b)
	}
	return s.load(filename, m, false)
}

// resolveRequest implements require.resolve: a built-in resolves to its own name; options.paths, when
// given, replaces the requiring file's directory as the starting points.
func (s *System) resolveRequest(m *module, request string, paths []string) (string, error) {
	if _, _, ok := s.reg.lookup(request); ok {
		return request, nil
	}
	if len(paths) == 0 {
		return s.resolve(request, m)
	}
	var err error
	for _, dir := range paths {
		var filename string
		if filename, err = s.resolveIn(request, dir, m.conditions(), m); err == nil {
			return filename, nil
		}
	}
	return "", err
}

// pathsOption reads require.resolve's options.paths, made absolute.
func pathsOption(vm *goja.Runtime, v goja.Value) []string {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	var paths []string
	if err := vm.ExportTo(obj.Get("paths"), &paths); err != nil {
		return nil
	}
	for i, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			paths[i] = abs
		}
	}
	return paths
}

// importMeta builds an ES module's import.meta: url, filename, dirname and resolve, as in Node 20.
func (s *System) importMeta(m *module) *goja.Object {
	vm := s.vm
	meta := vm.NewObject()
	_ = meta.Set("url", nodeurl.FileURL(m.filename))
	_ = meta.Set("filename", m.filename)
	_ = meta.Set("dirname", m.dir)
	_ = meta.Set("resolve", func(call goja.FunctionCall) goja.Value {
		request := call.Argument(0).String()
		if _, _, ok := s.reg.lookup(request); ok {
			return vm.ToValue("node:" + strings.TrimPrefix(request, "node:"))
		}
		filename, err := s.resolve(request, m)
		if err != nil {
			s.rt.Throw(err)
		}
		return vm.ToValue(nodeurl.FileURL(filename))
	})
	return meta
}

// nativeAddon is the error for loading a compiled .node file, naming its package and the requirer.
func (s *System) nativeAddon(filename string, from *module) error {
	pkg, err := s.scope(filepath.Dir(filename))
	if err != nil {
		return err
	}
	name := ""
	if pkg != nil {
		name = string(pkg.Name)
	}
	return nativeAddonError(filename, name, from)
}
