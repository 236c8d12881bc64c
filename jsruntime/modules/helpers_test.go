package modules_test

import (
	"path/filepath"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/node/module"
	nodeurl "github.com/pluginhost/pluginhost/jsruntime/node/url"
)

var pluginsDir, _ = filepath.Abs("testdata/plugins")

// testRegistry has the real module and url built-ins plus stand-ins for fs and express.
func testRegistry() *modules.Registry {
	reg := new(modules.Registry)
	reg.Register("module", module.Require)
	reg.Register("url", nodeurl.Require)
	reg.Register("fs", func(rt *jsruntime.Runtime) (goja.Value, error) {
		vm := rt.VM()
		fs := vm.NewObject()
		_ = fs.Set("fake", true)
		_ = fs.Set("readFileSync", func() {})
		return fs, nil
	})
	reg.Register("express", func(rt *jsruntime.Runtime) (goja.Value, error) {
		return rt.VM().ToValue("builtin express"), nil
	})
	return reg
}

type env struct {
	t   *testing.T
	rt  *jsruntime.Runtime
	sys *modules.System
}

func newEnv(t *testing.T, opts modules.Options) *env {
	t.Helper()
	if opts.Registry == nil {
		opts.Registry = testRegistry()
	}
	if opts.Root == "" {
		opts.Root = pluginsDir
	}
	e := &env{t: t}
	e.rt = jstest.New(t, func(rt *jsruntime.Runtime) error {
		e.sys = modules.Enable(rt, opts)
		return nil
	})
	return e
}

// do runs fn on the loop, failing the test on error.
func (e *env) do(fn func(vm *goja.Runtime) error) {
	e.t.Helper()
	jstest.Do(e.t, e.rt, fn)
}

// main loads rel (under testdata/plugins) as the main module and checks each JS expression, evaluated
// with the module's exports bound to `exp`, against its expected exported value.
func (e *env) main(rel string, want map[string]any) {
	e.t.Helper()
	e.do(func(vm *goja.Runtime) error {
		exp, err := e.sys.LoadMain(filepath.Join(pluginsDir, rel))
		if err != nil {
			return err
		}
		e.check(vm, exp, want)
		return nil
	})
}

func (e *env) check(vm *goja.Runtime, exp goja.Value, want map[string]any) {
	e.t.Helper()
	_ = vm.Set("exp", exp)
	for expr, w := range want {
		got, err := vm.RunString(expr)
		if err != nil {
			e.t.Errorf("%s: %v", expr, err)
			continue
		}
		if g := got.Export(); g != w {
			e.t.Errorf("%s = %#v, want %#v", expr, g, w)
		}
	}
}

// loadErr loads rel as the main module and returns the error, failing if it loads.
func (e *env) loadErr(rel string) error {
	e.t.Helper()
	var loadErr error
	e.do(func(vm *goja.Runtime) error {
		_, loadErr = e.sys.LoadMain(filepath.Join(pluginsDir, rel))
		return nil
	})
	if loadErr == nil {
		e.t.Fatalf("%s loaded, want an error", rel)
	}
	return loadErr
}

func abs(rel string) string { return filepath.Join(pluginsDir, rel) }
