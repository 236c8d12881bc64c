// Package platform assembles the JavaScript environment a plugin runs in: a jsruntime with Node's
// globals, the built-in module registry, the module system and the Express shim.
package platform

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/express"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/console"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/node/fs"
	nodemodule "github.com/pluginhost/pluginhost/jsruntime/node/module"
	nodeos "github.com/pluginhost/pluginhost/jsruntime/node/os"
	"github.com/pluginhost/pluginhost/jsruntime/node/path"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/querystring"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	stringdecoder "github.com/pluginhost/pluginhost/jsruntime/node/string_decoder"
	"github.com/pluginhost/pluginhost/jsruntime/node/timers"
	"github.com/pluginhost/pluginhost/jsruntime/node/tty"
	"github.com/pluginhost/pluginhost/jsruntime/node/url"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// Config describes one plugin runtime.
type Config struct {
	Name   string // plugin entry name, for logs
	Root   string // plugins directory (real path): module lookups stop here
	Logger *slog.Logger
	Clock  jsruntime.Clock
	Cache  *modules.TransformCache

	// PluginEnv is process.env for the plugin, on top of NODE_ENV (taken from Env).
	PluginEnv map[string]string

	// SharedModules are node_modules folders searched after a plugin's own (modules.Options.SharedDirs).
	SharedModules []string

	BodyLimit       int64
	Env             string
	ResponseTimeout time.Duration
}

// Platform is a plugin's runtime with everything installed.
type Platform struct {
	RT      *jsruntime.Runtime
	App     *express.App
	modules *modules.System
}

// builtins is the registry shared by every runtime: it holds constructors, not values.
var builtins = sync.OnceValue(func() *modules.Registry {
	r := &modules.Registry{}
	r.Register("buffer", buffer.Require)
	r.Register("events", events.Require)
	r.Register("fs", fs.Require)
	r.Register("fs/promises", fs.RequirePromises)
	r.Register("module", nodemodule.Require)
	r.Register("os", nodeos.Require)
	r.Register("path", path.Require)
	r.Register("process", process.Require)
	r.Register("querystring", querystring.Require)
	r.Register("stream", stream.Require)
	r.Register("stream/promises", stream.RequirePromises)
	r.Register("string_decoder", stringdecoder.Require)
	r.Register("timers", timers.Require)
	r.Register("timers/promises", timers.RequirePromises)
	r.Register("tty", tty.Require)
	r.Register("url", url.Require)
	r.Register("util", util.Require)
	r.Register("express", express.Require)
	r.Register("body-parser", express.RequireBodyParser)
	return r
})

// New starts a runtime and installs the plugin environment on its loop. The runtime is ready for
// LoadMain when New returns.
func New(cfg Config) (*Platform, error) {
	rt := jsruntime.New(jsruntime.Options{Name: cfg.Name, Logger: cfg.Logger, Clock: cfg.Clock})
	p := &Platform{RT: rt}
	err := rt.Do(rt.Context(), func(*goja.Runtime) error {
		// process comes before web and the modules: stream defers through process.nextTick when it
		// exists, so the plugin has one tick queue. Plugins see NODE_ENV and the variables the host chose
		// (PluginEnv), nothing else of the host's environment.
		env := map[string]string{}
		if cfg.Env != "" {
			env["NODE_ENV"] = cfg.Env
		}
		for k, v := range cfg.PluginEnv {
			env[k] = v
		}
		proc := func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{Env: env}) }
		for _, install := range []func(*jsruntime.Runtime) error{console.Install, buffer.Install, proc, web.Install, url.Install} {
			if err := install(rt); err != nil {
				return err
			}
		}
		p.App = express.Install(rt, express.Config{BodyLimit: cfg.BodyLimit, Env: cfg.Env, ResponseTimeout: cfg.ResponseTimeout})
		p.modules = modules.Enable(rt, modules.Options{Registry: builtins(), Root: cfg.Root, Cache: cfg.Cache, SharedDirs: cfg.SharedModules})
		return nil
	})
	if err != nil {
		_ = rt.Close(context.Background())
		return nil, fmt.Errorf("set up runtime: %w", err)
	}
	return p, nil
}

// LoadMain evaluates file as the plugin's main module and returns its exports. Call it on the loop.
func (p *Platform) LoadMain(file string) (goja.Value, error) { return p.modules.LoadMain(file) }
