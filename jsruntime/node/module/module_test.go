package module_test

import (
	"context"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/node/module"
)

func TestRequiresAModuleSystem(t *testing.T) {
	rt := jsruntime.New(jsruntime.Options{})
	defer rt.Close(context.Background())
	err := rt.Do(context.Background(), func(*goja.Runtime) error {
		if _, err := module.Require(rt); err == nil {
			t.Error("Require without modules.Enable succeeded")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestModule(t *testing.T) {
	dir := t.TempDir()
	rt := jsruntime.New(jsruntime.Options{})
	defer rt.Close(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := rt.Do(ctx, func(vm *goja.Runtime) error {
		reg := new(modules.Registry)
		reg.Register("module", module.Require)
		modules.Enable(rt, modules.Options{Registry: reg, Root: dir})
		m, err := module.Require(rt)
		if err != nil {
			return err
		}
		_ = vm.Set("Module", m)
		_ = vm.Set("dir", dir)
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
			got, err := vm.RunString(expr)
			if err != nil {
				t.Errorf("%s: %v", expr, err)
			} else if got.Export() != want {
				t.Errorf("%s = %#v, want %#v", expr, got.Export(), want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
