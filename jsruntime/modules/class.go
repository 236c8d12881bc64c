package modules

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"
)

// moduleClass is Node's Module: the constructor every module object is an instance of, with the
// loader's own statics (Module._extensions, _load, _resolveFilename, ...) that tools read and patch.
// A plugin's replacement of _load or _resolveFilename is called by every require, as in Node; a
// handler it adds to _extensions loads the files with that extension (and require tries the
// extension when resolving).
type moduleClass struct {
	ctor       *goja.Object
	proto      *goja.Object
	extensions *goja.Object          // Module._extensions, also require.extensions
	natives    map[string]goja.Value // the original _load, _resolveFilename and extension handlers
	key        *goja.Symbol          // where a module object keeps its *module
}

// wrapper is Module.wrapper, Node's CommonJS function wrapper (pluginhost's own keeps each file's
// first line on line 1; changing Module.wrapper changes only Module.wrap).
var wrapper = [2]string{"(function (exports, require, module, __filename, __dirname) { ", "\n});"}

// newModuleClass builds the Module constructor of s.
func (s *System) newModuleClass() *moduleClass {
	vm := s.vm
	c := &moduleClass{key: goja.NewSymbol("module"), natives: map[string]goja.Value{}}
	c.ctor = vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		s.initModule(call.This, call.Argument(0), call.Argument(1))
		return nil
	}).ToObject(vm)
	setName(vm, c.ctor, "Module")
	c.proto = c.ctor.Get("prototype").ToObject(vm)

	// method defines obj[name] = fn, enumerable as Node's assigned functions are; Node's are
	// anonymous, except wrap.
	method := func(obj *goja.Object, name string, length int, fn func(goja.FunctionCall) goja.Value) goja.Value {
		f := vm.ToValue(fn).ToObject(vm)
		fnName := ""
		if name == "wrap" {
			fnName = name
		}
		setName(vm, f, fnName)
		_ = f.DefineDataProperty("length", vm.ToValue(length), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE)
		enumerable := goja.FLAG_TRUE
		if name == "wrap" {
			enumerable = goja.FLAG_FALSE
		}
		_ = obj.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_TRUE, enumerable)
		return f
	}
	method(c.proto, "require", 1, func(call goja.FunctionCall) goja.Value {
		request, ok := call.Argument(0).Export().(string)
		if !ok || request == "" {
			panic(argError(vm, call.Argument(0)))
		}
		return s.must(s.require(s.moduleOf(call.This), request))
	})
	method(c.proto, "load", 1, func(call goja.FunctionCall) goja.Value {
		s.loadInto(call.This.ToObject(vm), call.Argument(0).String())
		return goja.Undefined()
	})
	method(c.proto, "_compile", 2, func(call goja.FunctionCall) goja.Value {
		filename := call.Argument(1).String()
		m := s.moduleFor(call.This.ToObject(vm), filename)
		md := mode{ts: isTypeScript(filename), intent: bySyntax}
		compiled, err := s.compile(filename, []byte(call.Argument(0).String()), md)
		if err != nil {
			s.rt.Throw(err)
		}
		if err := s.run(m, compiled); err != nil {
			s.rt.Throw(err)
		}
		return goja.Undefined()
	})
	_ = c.proto.DefineAccessorProperty("isPreloading", vm.ToValue(func(goja.FunctionCall) goja.Value { return vm.ToValue(false) }),
		nil, goja.FLAG_TRUE, goja.FLAG_FALSE)

	c.extensions = vm.NewObject()
	c.natives[".js"] = method(c.extensions, ".js", 2, func(call goja.FunctionCall) goja.Value {
		// As Node's: the content goes through module._compile, so hooks that wrap it see it.
		filename := call.Argument(1).String()
		src, err := s.readSource(filename)
		if err != nil {
			s.rt.Throw(err)
		}
		obj := call.Argument(0).ToObject(vm)
		compile, ok := goja.AssertFunction(obj.Get("_compile"))
		if !ok {
			panic(vm.NewTypeError("module._compile is not a function"))
		}
		_, err = compile(obj, vm.ToValue(prepare(src)), vm.ToValue(filename))
		if err != nil {
			panic(err)
		}
		return goja.Undefined()
	})
	c.natives[".json"] = method(c.extensions, ".json", 2, func(call goja.FunctionCall) goja.Value {
		filename := call.Argument(1).String()
		src, err := s.readSource(filename)
		if err != nil {
			s.rt.Throw(err)
		}
		if err := s.evaluateJSON(s.moduleFor(call.Argument(0).ToObject(vm), filename), src); err != nil {
			s.rt.Throw(err)
		}
		return goja.Undefined()
	})
	c.natives[".node"] = method(c.extensions, ".node", 2, func(call goja.FunctionCall) goja.Value {
		s.rt.Throw(s.nativeAddon(call.Argument(1).String(), s.moduleOf(call.Argument(0))))
		return nil
	})

	statics := []struct {
		name   string
		length int
		fn     func(goja.FunctionCall) goja.Value
	}{
		{"_load", 3, func(call goja.FunctionCall) goja.Value {
			request := call.Argument(0).String()
			return s.must(s.loadRequest(s.moduleOf(call.Argument(1)), request))
		}},
		{"_resolveFilename", 4, func(call goja.FunctionCall) goja.Value {
			m := s.moduleOf(call.Argument(1))
			filename, err := s.resolveRequest(m, call.Argument(0).String(), pathsOption(vm, call.Argument(3)))
			if err != nil {
				s.rt.Throw(err)
			}
			return vm.ToValue(filename)
		}},
		{"_nodeModulePaths", 1, func(call goja.FunctionCall) goja.Value {
			dir, _ := filepath.Abs(call.Argument(0).String())
			return vm.ToValue(s.nodeModulesPaths(dir))
		}},
		{"_findPath", 3, func(call goja.FunctionCall) goja.Value {
			var paths []string
			_ = vm.ExportTo(call.Argument(1), &paths)
			if f := s.findPath(call.Argument(0).String(), paths); f != "" {
				return vm.ToValue(f)
			}
			return vm.ToValue(false)
		}},
		{"_resolveLookupPaths", 2, func(call goja.FunctionCall) goja.Value {
			return s.lookupPathsOf(call.Argument(0).String(), call.Argument(1))
		}},
		{"wrap", 1, func(call goja.FunctionCall) goja.Value {
			w, ok := c.ctor.Get("wrapper").(*goja.Object)
			if !ok {
				return vm.ToValue(wrapper[0] + call.Argument(0).String() + wrapper[1])
			}
			return vm.ToValue(w.Get("0").String() + call.Argument(0).String() + w.Get("1").String())
		}},
	}
	for _, st := range statics {
		c.natives[st.name] = method(c.ctor, st.name, st.length, st.fn)
	}
	set := func(name string, v any) { _ = c.ctor.Set(name, v) }
	set("_extensions", c.extensions)
	set("_cache", s.modCache)
	set("_pathCache", vm.CreateObject(nil))
	_ = c.ctor.DefineDataProperty("wrapper", vm.NewArray(wrapper[0], wrapper[1]), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	set("globalPaths", vm.ToValue(append([]string{}, s.shared...)))
	return c
}

// initModule is new Module(id, parent), as Node's constructor: the module joins parent.children.
func (s *System) initModule(obj *goja.Object, id, parent goja.Value) {
	vm := s.vm
	idStr := ""
	if !goja.IsUndefined(id) {
		idStr = id.String()
	}
	_ = obj.Set("id", idStr)
	_ = obj.Set("path", filepath.Dir(idStr))
	_ = obj.Set("exports", vm.NewObject())
	_ = obj.DefineDataProperty("parent", parent, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = obj.Set("filename", goja.Null())
	_ = obj.Set("loaded", false)
	_ = obj.Set("children", vm.NewArray())
	if p, ok := parent.(*goja.Object); ok {
		s.addChild(p, obj)
	}
}

// must returns v, or throws err into the calling JS.
func (s *System) must(v goja.Value, err error) goja.Value {
	if err != nil {
		s.rt.Throw(err)
	}
	return v
}

// moduleOf is the loader's view of a module object: the one it made, or, for a Module a plugin
// constructed (or none at all), one that resolves from its filename's directory, else the working
// directory, as Node does.
func (s *System) moduleOf(v goja.Value) *module {
	obj, ok := v.(*goja.Object)
	if !ok {
		cwd, _ := os.Getwd()
		return &module{dir: cwd}
	}
	if m := s.bound(obj); m != nil {
		return m
	}
	filename, _ := obj.Get("filename").Export().(string)
	return s.bind(obj, filename)
}

// moduleFor is moduleOf for a module object about to run filename.
func (s *System) moduleFor(obj *goja.Object, filename string) *module {
	if m := s.bound(obj); m != nil {
		return m
	}
	return s.bind(obj, filename)
}

func (s *System) bound(obj *goja.Object) *module {
	v := obj.GetSymbol(s.class.key)
	if v == nil {
		return nil
	}
	m, _ := v.Export().(*module)
	return m
}

// bind attaches a loader module, with its require function, to a module object it did not make.
func (s *System) bind(obj *goja.Object, filename string) *module {
	m := &module{filename: filename, dir: filepath.Dir(filename), obj: obj}
	if filename == "" {
		m.dir, _ = os.Getwd()
	}
	m.require = s.makeRequire(m)
	_ = obj.DefineDataPropertySymbol(s.class.key, s.vm.ToValue(m), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return m
}

// loadInto is Module.prototype.load(filename): run the file's extension handler on obj.
func (s *System) loadInto(obj *goja.Object, filename string) {
	vm := s.vm
	_ = obj.Set("filename", filename)
	_ = obj.Set("paths", s.nodeModulesPaths(filepath.Dir(filename)))
	handler, ok := goja.AssertFunction(s.class.extensions.Get(s.extensionKey(filename)))
	if !ok {
		panic(vm.NewTypeError("Module._extensions[extension] is not a function"))
	}
	if _, err := handler(goja.Undefined(), obj, vm.ToValue(filename)); err != nil {
		panic(err)
	}
	_ = obj.Set("loaded", true)
}

// extensionKey is Node's findLongestRegisteredExtension: the longest ".a.b" suffix of the file's name
// that Module._extensions has a handler for, else ".js".
func (s *System) extensionKey(filename string) string {
	name := filepath.Base(filename)
	for i := 1; i < len(name); i++ {
		if name[i] != '.' {
			continue
		}
		if v := s.class.extensions.Get(name[i:]); v != nil && v.ToBoolean() {
			return name[i:]
		}
	}
	return ".js"
}

// customHandler is the plugin's handler for filename's extension, or nil when pluginhost's own loads
// it.
func (s *System) customHandler(filename string) goja.Callable {
	key := s.extensionKey(filename)
	v := s.class.extensions.Get(key)
	if v == nil || v.SameAs(s.class.natives[key]) {
		return nil
	}
	fn, _ := goja.AssertFunction(v)
	return fn
}

// patched returns the plugin's replacement of the Module static name (_load, _resolveFilename), or
// nil while it is pluginhost's own.
func (s *System) patched(name string) goja.Callable {
	v := s.class.ctor.Get(name)
	if v == nil || v.SameAs(s.class.natives[name]) {
		return nil
	}
	fn, _ := goja.AssertFunction(v)
	return fn
}

// customExtensions are the extensions a plugin added to Module._extensions, which require tries
// after pluginhost's own. (ResolvePath's System has no Module, so none.)
func (s *System) customExtensions() []string {
	if s.class == nil {
		return nil
	}
	var out []string
	for _, k := range s.class.extensions.Keys() {
		if _, native := s.class.natives[k]; !native && !isBuiltinExtension(k) {
			out = append(out, k)
		}
	}
	return out
}

func isBuiltinExtension(ext string) bool {
	for _, e := range extensions {
		if e == ext {
			return true
		}
	}
	return false
}

func isTypeScript(filename string) bool {
	switch filepath.Ext(filename) {
	case ".ts", ".mts", ".cts":
		return true
	}
	return false
}

// findPath is Module._findPath: request joined to each of paths in turn, as a file (with the
// extensions) or a directory; "" when none exists.
func (s *System) findPath(request string, paths []string) string {
	if filepath.IsAbs(request) {
		paths = []string{""}
	}
	for _, dir := range paths {
		base := filepath.Join(dir, request)
		if !strings.HasSuffix(request, "/") {
			if f := s.loadAsFile(base); f != "" {
				return f
			}
		}
		if f, err := s.loadAsDirectory(base); err == nil && f != "" {
			return f
		}
	}
	return ""
}

// lookupPathsOf is Module._resolveLookupPaths: null for a built-in, the parent's node_modules chain
// and the shared folders for a package name, the parent's directory for a relative path.
func (s *System) lookupPathsOf(request string, parent goja.Value) goja.Value {
	vm := s.vm
	if _, _, ok := s.reg.lookup(request); ok {
		return goja.Null()
	}
	if !strings.HasPrefix(request, ".") || (len(request) > 1 && request[1] != '.' && request[1] != '/') {
		var paths []string
		if p, ok := parent.(*goja.Object); ok {
			_ = vm.ExportTo(p.Get("paths"), &paths)
		}
		paths = append(paths, s.shared...)
		if len(paths) == 0 {
			return goja.Null()
		}
		return vm.ToValue(paths)
	}
	p, ok := parent.(*goja.Object)
	if !ok {
		return vm.NewArray(".")
	}
	filename, ok := p.Get("filename").Export().(string)
	if !ok || filename == "" || p.Get("id") == nil || !p.Get("id").ToBoolean() {
		return vm.NewArray(".")
	}
	return vm.NewArray(filepath.Dir(filename))
}
