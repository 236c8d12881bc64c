package modules

import (
	"path/filepath"
	"strconv"

	"github.com/dop251/goja"
)

// module is the Go side of one module object: what its require function needs.
type module struct {
	filename string
	dir      string
	obj      *goja.Object // the JS module object
	require  *goja.Object // its require function
	parent   *module      // the module that first required it; nil for the main module
	esm      bool         // an ES module: its imports match the "import" export condition
}

// newModule builds a module object with Node's properties and its require function.
func (s *System) newModule(filename string, parent *module) *module {
	m := &module{filename: filename, dir: filepath.Dir(filename), parent: parent}
	obj := s.vm.NewObject()
	_ = obj.SetPrototype(s.class.proto)
	_ = obj.DefineDataPropertySymbol(s.class.key, s.vm.ToValue(m), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	m.obj = obj
	m.require = s.makeRequire(m)
	parentObj := goja.Null()
	if parent != nil && parent.obj != nil {
		parentObj = parent.obj
	}
	_ = obj.Set("id", filename)
	_ = obj.Set("path", m.dir)
	_ = obj.Set("exports", s.vm.NewObject())
	_ = obj.Set("filename", filename)
	_ = obj.Set("loaded", false)
	_ = obj.Set("parent", parentObj)
	_ = obj.Set("children", s.vm.NewArray())
	_ = obj.Set("paths", s.nodeModulesPaths(m.dir))
	_ = obj.Set("require", m.require)
	return m
}

func (m *module) conditions() conditions { return conditions{esm: m.esm} }

// requireStack lists the files from m up to the main module, as Node's MODULE_NOT_FOUND shows.
func (m *module) requireStack() []string {
	var stack []string
	for ; m != nil; m = m.parent {
		// A require made for no file (Module._load without a parent) has no place in the stack.
		if m.filename != "" {
			stack = append(stack, m.filename)
		}
	}
	return stack
}

// load returns the exports of the module at filename (already resolved), evaluating it unless
// require.cache holds it. A module is cached before it runs, so a circular require sees its partial
// exports; a module that throws is dropped from the cache so that a later require retries.
func (s *System) load(filename string, parent *module, isMain bool) (goja.Value, error) {
	if parent != nil && parent.obj == nil {
		parent = nil
	}
	if cached, ok := s.modCache.Get(filename).(*goja.Object); ok && !isMain {
		if parent != nil {
			s.addChild(parent.obj, cached)
		}
		return exportsOf(cached), nil
	}
	handler := s.customHandler(filename)
	if handler == nil && filepath.Ext(filename) == ".node" {
		return nil, s.nativeAddon(filename, parent)
	}
	m := s.newModule(filename, parent)
	if isMain {
		_ = m.obj.Set("id", ".")
		s.main = m.obj
	}
	_ = s.modCache.Set(filename, m.obj)
	if parent != nil {
		s.addChild(parent.obj, m.obj)
	}
	var err error
	if handler != nil {
		// A plugin's require.extensions handler loads the file, as in Node.
		_, err = handler(goja.Undefined(), m.obj, s.vm.ToValue(filename))
	} else {
		err = s.evaluate(m)
	}
	if err != nil {
		_ = s.modCache.Delete(filename)
		if parent != nil {
			s.removeChild(parent.obj, m.obj)
		}
		return nil, err
	}
	_ = m.obj.Set("loaded", true)
	return exportsOf(m.obj), nil
}

// evaluate runs the module's file according to its extension and format.
func (s *System) evaluate(m *module) error {
	src, err := s.readSource(m.filename)
	if err != nil {
		return err
	}
	if filepath.Ext(m.filename) == ".json" {
		return s.evaluateJSON(m, src)
	}
	md, err := s.modeOf(m.filename)
	if err != nil {
		return err
	}
	c, err := s.compile(m.filename, src, md)
	if err != nil {
		return err
	}
	return s.run(m, c)
}

// run evaluates a compiled module in m.
func (s *System) run(m *module, c *compiled) error {
	warnRegexps(s.rt.Logger(), m.filename, c.regexps)
	fnValue, err := s.vm.RunProgram(c.program)
	if err != nil {
		return err
	}
	fn, _ := goja.AssertFunction(fnValue)
	if c.format == ESM {
		m.esm = true
		_, err = fn(goja.Undefined(), m.obj, m.require, s.importMeta(m))
		return err
	}
	exports := exportsOf(m.obj)
	_, err = fn(exports, exports, m.require, m.obj, s.vm.ToValue(m.filename), s.vm.ToValue(m.dir))
	return err
}

// evaluateJSON sets module.exports to the parsed file; a parse error names the file, as in Node.
func (s *System) evaluateJSON(m *module, src []byte) error {
	v, err := s.jsonParse(goja.Undefined(), s.vm.ToValue(prepare(src)))
	if err != nil {
		msg := err.Error()
		if exc, ok := err.(*goja.Exception); ok {
			if obj, ok := exc.Value().(*goja.Object); ok && obj.Get("message") != nil {
				msg = obj.Get("message").String()
			}
		}
		return &Error{Message: m.filename + ": " + msg, syntax: true}
	}
	return m.obj.Set("exports", v)
}

// addChild records child in parent.children unless it is there already, as Node does.
func (s *System) addChild(parent, child *goja.Object) {
	if children, i := indexOf(parent, child); children != nil && i < 0 {
		_ = children.Set(strconv.Itoa(length(children)), child)
	}
}

// removeChild undoes addChild for a module that failed to load.
func (s *System) removeChild(parent, child *goja.Object) {
	if children, i := indexOf(parent, child); i >= 0 {
		if splice, ok := goja.AssertFunction(children.Get("splice")); ok {
			_, _ = splice(children, s.vm.ToValue(i), s.vm.ToValue(1))
		}
	}
}

// indexOf finds child in parent.children (-1 when absent). children is nil when a plugin replaced the
// array with something else; module objects are plugin-writable, so nothing here may assume shapes.
func indexOf(parent, child *goja.Object) (children *goja.Object, index int) {
	children, ok := parent.Get("children").(*goja.Object)
	if !ok {
		return nil, -1
	}
	for i, n := 0, length(children); i < n; i++ {
		if v := children.Get(strconv.Itoa(i)); v != nil && v.SameAs(child) {
			return children, i
		}
	}
	return children, -1
}

func length(obj *goja.Object) int {
	if n := obj.Get("length"); n != nil {
		return int(n.ToInteger())
	}
	return 0
}

// exportsOf reads module.exports, which a plugin may have deleted.
func exportsOf(obj *goja.Object) goja.Value {
	if v := obj.Get("exports"); v != nil {
		return v
	}
	return goja.Undefined()
}
