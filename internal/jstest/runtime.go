package jstest

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
)

// wait bounds every hand-off to the loop, so that a script that never settles fails its test instead of
// hanging the run; it is generous because -race on a small machine is slow.
const wait = 2 * time.Minute

// Install sets something up in a runtime (a global, a module system); New runs it on the loop.
type Install func(rt *jsruntime.Runtime) error

// New starts a runtime for t, logging to a Logs (see LogsOf) that copies to t's log, runs installs on
// its loop in order and closes it when t ends. A failing install fails t.
func New(t testing.TB, installs ...Install) *jsruntime.Runtime {
	t.Helper()
	return NewWith(t, jsruntime.Options{}, installs...)
}

// NewWith is New with opts (a name, a clock); a nil opts.Logger means a Logs, as in New.
func NewWith(t testing.TB, opts jsruntime.Options, installs ...Install) *jsruntime.Runtime {
	t.Helper()
	if opts.Logger == nil {
		opts.Logger = NewLogs(t).Logger()
	}
	rt := jsruntime.New(opts)
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
	Do(t, rt, func(*goja.Runtime) error {
		for _, install := range installs {
			if err := install(rt); err != nil {
				return err
			}
		}
		return nil
	})
	return rt
}

// Global binds the module require builds to the global name.
func Global(name string, require modules.Builtin) Install {
	return func(rt *jsruntime.Runtime) error {
		v, err := require(rt)
		if err != nil {
			return fmt.Errorf("jstest: global %s: %w", name, err)
		}
		return rt.VM().Set(name, v)
	}
}

// Set binds value, as goja's ToValue converts it (a Go func becomes a JS function), to the global name.
func Set(name string, value any) Install {
	return func(rt *jsruntime.Runtime) error { return rt.VM().Set(name, value) }
}

// Require defines a global require(name) that gives builtins[name] (with or without "node:"), for
// scripts that run without the module system; another name throws.
func Require(builtins map[string]modules.Builtin) Install {
	return func(rt *jsruntime.Runtime) error {
		return rt.VM().Set("require", func(name string) goja.Value {
			require, ok := builtins[strings.TrimPrefix(name, "node:")]
			if !ok {
				rt.Throw(fmt.Errorf("jstest: no built-in module %q", name))
			}
			v, err := require(rt)
			if err != nil {
				rt.Throw(err)
			}
			return v
		})
	}
}

// Modules enables the runtime's module system with builtins as its built-in modules, rooted at root (a
// relative root is taken from the working directory, the package's directory in go test).
func Modules(root string, builtins map[string]modules.Builtin) Install {
	return func(rt *jsruntime.Runtime) error {
		abs, err := filepath.Abs(root)
		if err != nil {
			return fmt.Errorf("jstest: module root: %w", err)
		}
		reg := new(modules.Registry)
		for name, b := range builtins {
			reg.Register(name, b)
		}
		modules.Enable(rt, modules.Options{Registry: reg, Root: abs})
		return nil
	}
}

// Do runs fn on the loop and waits for it; an error (described with its JS stack) fails t.
func Do(t testing.TB, rt *jsruntime.Runtime, fn func(vm *goja.Runtime) error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if err := rt.Do(ctx, func(vm *goja.Runtime) error { return rt.Describe(fn(vm)) }); err != nil {
		t.Fatal(err)
	}
}
