// Package path is Node's "path" module: the POSIX functions (Join, Resolve, …) in pure Go, their JS
// binding (Require), path.win32 (Win32), and path.matchesGlob (MatchesGlob, Node 20.17's experimental
// glob matching, which warns once as Node does).
package path

import (
	"fmt"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

type moduleKey struct{}

// Require returns the "path" module: path.posix, with path.posix and path.win32 properties, as on a
// POSIX Node. Must be called on the loop.
func Require(rt *jsruntime.Runtime) (goja.Value, error) {
	return rt.Value(moduleKey{}, func() any { return build(rt) }).(*goja.Object), nil
}

func build(rt *jsruntime.Runtime) *goja.Object {
	vm := rt.VM()
	b := binder{vm}
	warned := false
	matchesGlob := func(windows bool) func(goja.FunctionCall) goja.Value {
		return b.bool(func(c goja.FunctionCall) bool {
			if !warned {
				warned = true
				experimentalWarning(vm, "glob")
			}
			return MatchesGlob(b.str(c, 0, "path"), b.str(c, 1, "pattern"), windows)
		})
	}
	posix, win32 := vm.NewObject(), vm.NewObject()
	var w Win32
	posixFns := map[string]any{
		"join":             b.s(func(c goja.FunctionCall) string { return Join(b.strings(c, "path")...) }),
		"resolve":          b.s(func(c goja.FunctionCall) string { return Resolve(b.strings(c, "paths[%d]")...) }),
		"normalize":        b.s(func(c goja.FunctionCall) string { return Normalize(b.str(c, 0, "path")) }),
		"relative":         b.s(func(c goja.FunctionCall) string { return Relative(b.str(c, 0, "from"), b.str(c, 1, "to")) }),
		"dirname":          b.s(func(c goja.FunctionCall) string { return Dirname(b.str(c, 0, "path")) }),
		"basename":         b.s(func(c goja.FunctionCall) string { return Basename(b.str(c, 0, "path"), b.optStr(c, 1, "suffix")) }),
		"extname":          b.s(func(c goja.FunctionCall) string { return Extname(b.str(c, 0, "path")) }),
		"isAbsolute":       b.bool(func(c goja.FunctionCall) bool { return IsAbsolute(b.str(c, 0, "path")) }),
		"parse":            func(c goja.FunctionCall) goja.Value { return b.parsed(Parse(b.str(c, 0, "path"))) },
		"format":           b.s(func(c goja.FunctionCall) string { return Format(b.pathObject(c)) }),
		"toNamespacedPath": func(c goja.FunctionCall) goja.Value { return c.Argument(0) },
		"matchesGlob":      matchesGlob(false),
		"sep":              "/",
		"delimiter":        ":",
	}
	win32Fns := map[string]any{
		"join":       b.s(func(c goja.FunctionCall) string { return w.Join(b.strings(c, "path")...) }),
		"resolve":    b.s(func(c goja.FunctionCall) string { return w.Resolve(b.strings(c, "paths[%d]")...) }),
		"normalize":  b.s(func(c goja.FunctionCall) string { return w.Normalize(b.str(c, 0, "path")) }),
		"dirname":    b.s(func(c goja.FunctionCall) string { return w.Dirname(b.str(c, 0, "path")) }),
		"basename":   b.s(func(c goja.FunctionCall) string { return w.Basename(b.str(c, 0, "path"), b.optStr(c, 1, "suffix")) }),
		"extname":    b.s(func(c goja.FunctionCall) string { return w.Extname(b.str(c, 0, "path")) }),
		"isAbsolute": b.bool(func(c goja.FunctionCall) bool { return w.IsAbsolute(b.str(c, 0, "path")) }),
		"relative":   b.s(func(c goja.FunctionCall) string { return w.Relative(b.str(c, 0, "from"), b.str(c, 1, "to")) }),
		"parse":      func(c goja.FunctionCall) goja.Value { return b.parsed(w.Parse(b.str(c, 0, "path"))) },
		"format":     b.s(func(c goja.FunctionCall) string { return w.Format(b.pathObject(c)) }),
		"toNamespacedPath": func(c goja.FunctionCall) goja.Value {
			if !goja.IsString(c.Argument(0)) {
				return c.Argument(0)
			}
			return vm.ToValue(w.ToNamespacedPath(c.Argument(0).String()))
		},
		"matchesGlob": matchesGlob(true),
		"sep":         `\`,
		"delimiter":   ";",
	}
	// Node's order; _makeLong is toNamespacedPath under its old name.
	order := []string{"resolve", "normalize", "isAbsolute", "join", "relative", "toNamespacedPath", "dirname",
		"basename", "extname", "format", "parse", "matchesGlob", "sep", "delimiter", "win32", "posix", "_makeLong"}
	for _, def := range []struct {
		obj *goja.Object
		fns map[string]any
	}{{posix, posixFns}, {win32, win32Fns}} {
		def.fns["win32"], def.fns["posix"] = win32, posix
		for _, name := range order {
			if name == "_makeLong" {
				mustSet(def.obj, name, def.obj.Get("toNamespacedPath"))
				continue
			}
			if fn, ok := def.fns[name]; ok {
				mustSet(def.obj, name, fn)
			}
		}
	}
	return posix
}

// experimentalWarning emits Node's ExperimentalWarning for feature through process.emitWarning,
// when the runtime has one.
func experimentalWarning(vm *goja.Runtime, feature string) {
	proc, ok := vm.GlobalObject().Get("process").(*goja.Object)
	if !ok {
		return
	}
	if emit, ok := goja.AssertFunction(proc.Get("emitWarning")); ok {
		_, _ = emit(proc, vm.ToValue(feature+" is an experimental feature and might change at any time"), vm.ToValue("ExperimentalWarning"))
	}
}

func mustSet(o *goja.Object, name string, v any) {
	if err := o.Set(name, v); err != nil {
		panic(fmt.Errorf("path: defining %s: %w", name, err))
	}
}

// s and bool adapt typed results to goja's native function signature, which goja calls without
// reflection.
func (b binder) s(f func(goja.FunctionCall) string) func(goja.FunctionCall) goja.Value {
	return func(c goja.FunctionCall) goja.Value { return b.vm.ToValue(f(c)) }
}

func (b binder) bool(f func(goja.FunctionCall) bool) func(goja.FunctionCall) goja.Value {
	return func(c goja.FunctionCall) goja.Value { return b.vm.ToValue(f(c)) }
}

// binder validates JS arguments the way Node's path functions do.
type binder struct{ vm *goja.Runtime }

func (b binder) str(c goja.FunctionCall, i int, name string) string {
	v := c.Argument(i)
	if !goja.IsString(v) {
		panic(nodeerr.InvalidArgType(b.vm, name, "of type string", v))
	}
	return v.String()
}

func (b binder) optStr(c goja.FunctionCall, i int, name string) string {
	if goja.IsUndefined(c.Argument(i)) {
		return ""
	}
	return b.str(c, i, name)
}

// strings validates every argument; name may contain %d for the argument's index.
func (b binder) strings(c goja.FunctionCall, name string) []string {
	out := make([]string, len(c.Arguments))
	for i, v := range c.Arguments {
		if !goja.IsString(v) {
			n := name
			if n != "path" {
				n = fmt.Sprintf(name, i)
			}
			panic(nodeerr.InvalidArgType(b.vm, n, "of type string", v))
		}
		out[i] = v.String()
	}
	return out
}

func (b binder) parsed(p Parsed) *goja.Object {
	o := b.vm.NewObject()
	for _, kv := range [...][2]string{{"root", p.Root}, {"dir", p.Dir}, {"base", p.Base}, {"ext", p.Ext}, {"name", p.Name}} {
		mustSet(o, kv[0], kv[1])
	}
	return o
}

func (b binder) pathObject(c goja.FunctionCall) Parsed {
	o, ok := c.Argument(0).(*goja.Object)
	if !ok {
		panic(nodeerr.InvalidArgType(b.vm, "pathObject", "of type object", c.Argument(0)))
	}
	field := func(name string) string {
		v := o.Get(name)
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return ""
		}
		return v.String()
	}
	return Parsed{Root: field("root"), Dir: field("dir"), Base: field("base"), Ext: field("ext"), Name: field("name")}
}
