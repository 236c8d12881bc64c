// Package modules loads a plugin's files as Node does: CommonJS and ES modules (transformed to
// CommonJS with esbuild, since goja has no module support), JSON, TypeScript, node_modules packages
// with "exports" maps, and built-in modules from a Registry.
//
// Each runtime gets its own System; everything it does runs on the runtime's loop. Nothing is made
// global: as in Node, require, module and exports exist only inside each CommonJS module.
package modules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// Options configure a System.
type Options struct {
	// Registry supplies the built-in modules; they win over any node_modules package of the same
	// name. nil means no built-ins.
	Registry *Registry
	// Root is the plugins directory: package.json "type" lookup and node_modules walking stop here
	// (inclusive). Empty means the filesystem root.
	Root string
	// Cache shares compiled modules between runtimes; nil means a private cache.
	Cache *TransformCache
	// SharedDirs are node_modules folders searched for bare names after the requiring file's own
	// node_modules chain, in order: the host's own packages (Luker's root node_modules). Relative
	// paths are made absolute against the working directory.
	SharedDirs []string
	// HostFiles, when set, stands in for host files outside Root that plugins load by path (see
	// HostFiles).
	HostFiles HostFiles
}

// System is one runtime's module loader: its require.cache, resolution and package.json memos.
type System struct {
	rt     *jsruntime.Runtime
	vm     *goja.Runtime
	reg    *Registry
	root   string
	shared []string
	cache  *TransformCache
	// hostFiles is Options.HostFiles; nil when there are none.
	hostFiles HostFiles

	pkgs     map[string]*packageJSON // by directory; nil entries record "no package.json"
	resolved map[resolveKey]string
	modCache *goja.Object // require.cache: module objects by absolute filename
	main     goja.Value   // require.main; undefined until LoadMain

	jsonParse goja.Callable // JSON.parse as it was before any plugin code ran
	class     *moduleClass  // Module, the constructor of the module objects
}

type systemKey struct{}

// systemSlot lets Of ask for a runtime's System without creating one.
type systemSlot struct{ s *System }

// Enable creates the runtime's module System. A runtime has at most one: a second call returns the
// first System and ignores opts. Must be called on the loop.
func Enable(rt *jsruntime.Runtime, opts Options) *System {
	slot := rt.Value(systemKey{}, func() any { return new(systemSlot) }).(*systemSlot)
	if slot.s != nil {
		return slot.s
	}
	reg := opts.Registry
	if reg == nil {
		reg = new(Registry)
	}
	cache := opts.Cache
	if cache == nil {
		cache = new(TransformCache)
	}
	root := opts.Root
	if root != "" {
		if abs, err := filepath.Abs(root); err == nil {
			root = abs
		}
	}
	var shared []string
	for _, dir := range opts.SharedDirs {
		if abs, err := filepath.Abs(dir); err == nil {
			shared = append(shared, abs)
		}
	}
	vm := rt.VM()
	s := &System{
		shared:   shared,
		rt:       rt,
		vm:       vm,
		reg:      reg,
		root:     root,
		cache:    cache,
		pkgs:     map[string]*packageJSON{},
		resolved: map[resolveKey]string{},
		modCache: vm.CreateObject(nil), // no prototype: filenames never meet inherited keys
		main:     goja.Undefined(),
	}
	s.hostFiles = opts.HostFiles
	parse, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
	s.jsonParse = parse
	s.class = s.newModuleClass()
	slot.s = s
	return s
}

// Of returns the System enabled on rt, or nil. Built-in modules that need the loader (module's
// createRequire) use it. Must be called on the loop.
func Of(rt *jsruntime.Runtime) *System {
	return rt.Value(systemKey{}, func() any { return new(systemSlot) }).(*systemSlot).s
}

// Registry returns the registry of built-in modules the System was enabled with.
func (s *System) Registry() *Registry { return s.reg }

// Module returns Node's Module constructor of this System, which every module object is an instance
// of, with the loader's statics (_extensions, _cache, _load, _resolveFilename, _nodeModulePaths,
// _findPath, _resolveLookupPaths, _pathCache, wrap, wrapper, globalPaths); the module built-in adds
// the rest. Must be called on the loop.
func (s *System) Module() *goja.Object { return s.class.ctor }

// Main returns require.main: the main module's object, undefined until LoadMain.
func (s *System) Main() goja.Value { return s.main }

// RequireCache returns require.cache, the module objects keyed by absolute filename; deleting an
// entry makes the next require load the file again.
func (s *System) RequireCache() *goja.Object { return s.modCache }

// LoadMain loads filename as the main module (require.main, id ".") and returns its module.exports.
// A directory is resolved as Node resolves one: package.json "main", then index.*.
// Errors thrown by the module carry its JS stack. Must be called on the loop.
func (s *System) LoadMain(filename string) (goja.Value, error) {
	abs, err := filepath.Abs(filename)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", filename, err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	} else if os.IsNotExist(err) {
		return nil, fmt.Errorf("load %s: %w", abs, notFoundError(abs, nil))
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		// A directory plugin: package.json "main", then index.js, index.cjs, index.mjs, …
		main, err := s.loadAsDirectory(abs)
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", abs, err)
		}
		if main == "" {
			return nil, fmt.Errorf("load %s: %w", abs, notFoundError(abs, nil))
		}
		abs = main
	}
	exports, err := s.load(abs, nil, true)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", abs, s.rt.Describe(err))
	}
	return exports, nil
}

// CreateRequire returns a require function that resolves relative to filename, as Node's
// module.createRequire does; a filename ending in a separator names a directory. Must be called on
// the loop.
func (s *System) CreateRequire(filename string) goja.Value {
	m := s.newModule(filename, nil)
	if strings.HasSuffix(filename, "/") || strings.HasSuffix(filename, string(filepath.Separator)) {
		m.dir = filepath.Clean(filename)
	}
	return m.require
}
