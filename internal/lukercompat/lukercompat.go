// Package lukercompat puts the luker package's Context into plugin runtimes: the globals it adds and
// the stand-ins for Luker's src/ modules (see package luker for what plugins get).
package lukercompat

import (
	_ "embed"
	"fmt"
	"path/filepath"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/luker"
)

// Setup returns the runtime setup that gives a plugin globalThis.DATA_ROOT and process.serverEvents.
func Setup(c *luker.Context) func(*jsruntime.Runtime) error {
	root := c.Root()
	return func(rt *jsruntime.Runtime) error {
		vm := rt.VM()
		if err := vm.Set("DATA_ROOT", root); err != nil {
			return fmt.Errorf("luker: DATA_ROOT: %w", err)
		}
		ctor, err := events.Require(rt)
		if err != nil {
			return fmt.Errorf("luker: process.serverEvents: %w", err)
		}
		emitter, err := vm.New(ctor)
		if err != nil {
			return fmt.Errorf("luker: process.serverEvents: %w", err)
		}
		proc, ok := vm.Get("process").(*goja.Object)
		if !ok {
			return fmt.Errorf("luker: process.serverEvents: no process object")
		}
		return proc.Set("serverEvents", emitter)
	}
}

//go:embed src/express-common.js
var expressCommonSource string

//go:embed src/util.js
var utilSource string

//go:embed src/users.js
var usersSource string

var (
	expressCommonScript = jsruntime.NewScript("luker:src/express-common.js", expressCommonSource)
	utilScript          = jsruntime.NewScript("luker:src/util.js", utilSource)
	usersScript         = jsruntime.NewScript("luker:src/users.js", usersSource)
)

// HostFiles answers the requests for Luker's src/express-common.js, util.js and users.js, in the src
// folder beside the plugins directory, with or without the extension.
func HostFiles(c *luker.Context, pluginsDir string) modules.HostFiles {
	dir := pluginsDir
	if real, err := filepath.EvalSymlinks(pluginsDir); err == nil {
		dir = real
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	src := filepath.Join(filepath.Dir(dir), "src")
	files := map[string]modules.Builtin{
		"express-common": func(rt *jsruntime.Runtime) (goja.Value, error) { return expressCommonScript.Instance(rt, nil) },
		"util": func(rt *jsruntime.Runtime) (goja.Value, error) {
			return utilScript.Instance(rt, natives(rt, utilNatives(c)))
		},
		"users": func(rt *jsruntime.Runtime) (goja.Value, error) {
			return usersScript.Instance(rt, natives(rt, usersNatives(c)))
		},
	}
	return func(path string) (string, modules.Builtin) {
		if filepath.Dir(path) != src {
			return "", nil
		}
		name := filepath.Base(path)
		base := name
		if filepath.Ext(name) == ".js" {
			base = name[:len(name)-len(".js")]
		}
		b := files[base]
		if b == nil {
			return "", nil
		}
		return filepath.Join(src, base+".js"), b
	}
}

// native is a Go function a stand-in's script calls through its host object.
type native func(vm *goja.Runtime, call goja.FunctionCall) goja.Value

// natives turns a stand-in's Go functions into the host object its script receives.
func natives(rt *jsruntime.Runtime, fns map[string]native) func() ([]goja.Value, error) {
	return func() ([]goja.Value, error) {
		vm := rt.VM()
		host := vm.NewObject()
		for name, fn := range fns {
			if err := host.Set(name, func(call goja.FunctionCall) goja.Value { return fn(vm, call) }); err != nil {
				return nil, err
			}
		}
		return []goja.Value{host}, nil
	}
}

// utilNatives reach config.yaml's values.
func utilNatives(c *luker.Context) map[string]native {
	return map[string]native{
		"config": func(vm *goja.Runtime, call goja.FunctionCall) goja.Value {
			v, ok := c.ConfigValue(call.Argument(0).String())
			if !ok {
				return goja.Undefined()
			}
			return plain(vm, v)
		},
	}
}

// usersNatives reach the users' folders and handles.
func usersNatives(c *luker.Context) map[string]native {
	return map[string]native{
		"directories": func(vm *goja.Runtime, call goja.FunctionCall) goja.Value {
			dirs, err := c.UserDirectories(call.Argument(0).String())
			if err != nil {
				panic(vm.NewTypeError(err.Error()))
			}
			return plain(vm, dirs)
		},
		"handles": func(vm *goja.Runtime, _ goja.FunctionCall) goja.Value { return plain(vm, c.UserHandles()) },
	}
}

// plain converts Go data for a stand-in, throwing what cannot be converted.
func plain(vm *goja.Runtime, v any) goja.Value {
	jv, err := jsruntime.PlainValue(vm, v)
	if err != nil {
		panic(vm.NewGoError(err))
	}
	return jv
}
