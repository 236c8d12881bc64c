package module_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/node/module"
)

func TestRequiresAModuleSystem(t *testing.T) {
	rt := jstest.New(t)
	jstest.Do(t, rt, func(*goja.Runtime) error {
		if _, err := module.Require(rt); err == nil {
			t.Error("Require without modules.Enable succeeded")
		}
		return nil
	})
}

func TestModule(t *testing.T) {
	dir := t.TempDir()
	rt := jstest.New(t, jstest.Modules(dir, map[string]modules.Builtin{"module": module.Require}),
		jstest.Global("Module", module.Require), jstest.Set("dir", dir))
	for expr, want := range map[string]any{
		"Module.Module === Module":                                  true,
		"Module.builtinModules.join()":                              "module",
		"Module.isBuiltin('node:module') && !Module.isBuiltin('x')": true,
		"typeof Module.createRequire(dir + '/x.js')":                "function",
		"Module.createRequire(dir + '/x.js')('module') === Module.createRequire(dir + '/')('node:module')": true,
		"new Module('id').exports.constructor === Object":                                                  true,
		"(() => { try { Module.createRequire('rel.js') } catch (e) { return e.code } })()":                 "ERR_INVALID_ARG_VALUE",
		"(() => { try { Module.createRequire({}) } catch (e) { return e.code } })()":                       "ERR_INVALID_ARG_VALUE",
		"(() => { try { Module.createRequire(dir + '/x.js')('./nope') } catch (e) { return e.code } })()":  "MODULE_NOT_FOUND",
		"Module._cache === Module.createRequire(dir + '/x.js').cache":                                      true,
		"Module.createRequire('file://' + dir + '/x.js').resolve('module')":                                "module",
	} {
		if got := jstest.EvalValue(t, rt, expr); got != want {
			t.Errorf("%s = %#v, want %#v", expr, got, want)
		}
	}
}
