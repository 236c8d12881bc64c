package pluginhost

import (
	"errors"
	"fmt"
	"regexp"

	"github.com/dop251/goja"
)

// validID is Luker's plugin id rule: the id is a URL path segment and a de-duplication key.
var validID = regexp.MustCompile(`^[a-z0-9_-]+$`)

// pluginExports are the parts of a plugin module the host uses. The functions are goja values and
// must only be used on the plugin's loop.
type pluginExports struct {
	info Info
	init goja.Callable
	exit goja.Callable // nil when the plugin has no exit
}

// validateExports applies Luker's checks, in Luker's order and with Luker's messages: info must be an
// object with string id, name and description (on the module or its default export), init must be a
// function, and the id must match ^[a-z0-9_-]+$. A null info fails as it does in Luker, which reads
// its fields: with a TypeError. Must be called on the plugin's loop.
func validateExports(exports goja.Value) (pluginExports, error) {
	var out pluginExports
	info := exportOf(exports, "info")
	if goja.IsNull(info) {
		return out, errors.New("TypeError: Cannot read properties of null (reading 'id')")
	}
	infoObj, ok := info.(*goja.Object)
	if !ok || isCallable(info) {
		return out, errors.New("Failed to load plugin module; plugin info not found")
	}
	fields := map[string]*string{"id": &out.info.ID, "name": &out.info.Name, "description": &out.info.Description}
	for _, field := range []string{"id", "name", "description"} {
		v := infoObj.Get(field)
		if v == nil {
			return out, fmt.Errorf("Failed to load plugin module; plugin info missing field '%s'", field)
		}
		s, ok := v.Export().(string)
		if !ok {
			return out, fmt.Errorf("Failed to load plugin module; plugin info missing field '%s'", field)
		}
		*fields[field] = s
	}
	initFn, ok := goja.AssertFunction(exportOf(exports, "init"))
	if !ok {
		return out, errors.New("Failed to load plugin module; no init function")
	}
	out.init = initFn
	if !validID.MatchString(out.info.ID) {
		return out, fmt.Errorf("Failed to load plugin module; invalid plugin ID '%s'", out.info.ID)
	}
	if exitFn, ok := goja.AssertFunction(exportOf(exports, "exit")); ok {
		out.exit = exitFn
	}
	return out, nil
}

// exportOf is Luker's `plugin[name] || plugin.default?.[name]`, where plugin is the namespace
// import() gives. For an ES module (here: transformed to CommonJS, which marks its exports
// __esModule) that is the module's exports and default export. For CommonJS, Node 20's namespace
// default is module.exports itself, so Luker reads module.exports[name] whatever it holds (null
// included). One shape goes beyond Luker: CommonJS that a compiler marked __esModule (tsc, Babel,
// webpack without libraryExport) gets its exports.default read too, where Luker finds no info.
func exportOf(exports goja.Value, name string) goja.Value {
	obj, ok := exports.(*goja.Object)
	if !ok {
		return goja.Undefined()
	}
	if v := obj.Get(name); v != nil && v.ToBoolean() {
		return v
	}
	def := goja.Value(obj)
	if esModule := obj.Get("__esModule"); esModule != nil && esModule.ToBoolean() {
		def = obj.Get("default")
	}
	defObj, ok := def.(*goja.Object)
	if !ok {
		return goja.Undefined()
	}
	if v := defObj.Get(name); v != nil {
		return v
	}
	return goja.Undefined()
}

func isCallable(v goja.Value) bool {
	_, ok := goja.AssertFunction(v)
	return ok
}
