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
	nodeassert "github.com/pluginhost/pluginhost/jsruntime/node/assert"
	asynchooks "github.com/pluginhost/pluginhost/jsruntime/node/async_hooks"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	childprocess "github.com/pluginhost/pluginhost/jsruntime/node/child_process"
	"github.com/pluginhost/pluginhost/jsruntime/node/console"
	nodeconstants "github.com/pluginhost/pluginhost/jsruntime/node/constants"
	nodecrypto "github.com/pluginhost/pluginhost/jsruntime/node/crypto"
	diagnosticschannel "github.com/pluginhost/pluginhost/jsruntime/node/diagnostics_channel"
	"github.com/pluginhost/pluginhost/jsruntime/node/events"
	"github.com/pluginhost/pluginhost/jsruntime/node/fs"
	nodehttp "github.com/pluginhost/pluginhost/jsruntime/node/http"
	nodemodule "github.com/pluginhost/pluginhost/jsruntime/node/module"
	nodeos "github.com/pluginhost/pluginhost/jsruntime/node/os"
	"github.com/pluginhost/pluginhost/jsruntime/node/path"
	perfhooks "github.com/pluginhost/pluginhost/jsruntime/node/perf_hooks"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/punycode"
	"github.com/pluginhost/pluginhost/jsruntime/node/querystring"
	"github.com/pluginhost/pluginhost/jsruntime/node/stream"
	stringdecoder "github.com/pluginhost/pluginhost/jsruntime/node/string_decoder"
	"github.com/pluginhost/pluginhost/jsruntime/node/timers"
	"github.com/pluginhost/pluginhost/jsruntime/node/tty"
	"github.com/pluginhost/pluginhost/jsruntime/node/unsupported"
	"github.com/pluginhost/pluginhost/jsruntime/node/url"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/node/zlib"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
	"github.com/pluginhost/pluginhost/jsruntime/polyfill"
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
	RequestTimeout  time.Duration

	// MaxBufferSize, when positive, is the largest Buffer the plugin may allocate at once
	// (buffer.SetMaxLength).
	MaxBufferSize int64

	// Policy starts the runtime's policy gate (policy.Install), in force before any plugin code runs;
	// the host decides the plugin's own policy once its id is known (policy.For(rt).Decide).
	Policy policy.Setup

	// Extensions are the embedding application's additions (request context, compatibility layer).
	Extensions Extensions
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
	r.Register("assert", nodeassert.Require)
	r.Register("assert/strict", nodeassert.RequireStrict)
	r.Register("async_hooks", asynchooks.Require)
	r.Register("buffer", buffer.Require)
	r.Register("constants", nodeconstants.Require)
	r.Register("diagnostics_channel", diagnosticschannel.Require)
	r.Register("console", console.Require)
	r.Register("child_process", childprocess.Require)
	r.Register("crypto", nodecrypto.Require)
	r.Register("events", events.Require)
	r.Register("fs", fs.Require)
	r.Register("fs/promises", fs.RequirePromises)
	r.Register("http", nodehttp.Require)
	r.Register("https", nodehttp.RequireHTTPS)
	r.Register("module", nodemodule.Require)
	r.Register("os", nodeos.Require)
	r.Register("path", path.Require)
	r.Register("path/posix", r.Member("path", "posix"))
	r.Register("path/win32", r.Member("path", "win32"))
	r.Register("perf_hooks", perfhooks.Require)
	r.Register("process", process.Require)
	r.Register("punycode", punycode.Require)
	r.Register("querystring", querystring.Require)
	r.Register("stream", stream.Require)
	r.Register("stream/consumers", stream.RequireConsumers)
	r.Register("stream/promises", stream.RequirePromises)
	r.Register("stream/web", web.Require)
	r.Register("string_decoder", stringdecoder.Require)
	r.Register("timers", timers.Require)
	r.Register("timers/promises", timers.RequirePromises)
	r.Register("tty", tty.Require)
	r.Register("url", url.Require)
	r.Register("util", util.Require)
	r.Register("sys", util.Require)
	r.Register("util/types", r.Member("util", "types"))
	r.Register("zlib", zlib.Require)
	r.Register("express", express.Require)
	r.Register("body-parser", express.RequireBodyParser)
	for name, require := range unsupported.Modules {
		r.Register(name, require)
	}
	return r
})

// New starts a runtime and installs the plugin environment on its loop. The runtime is ready for
// LoadMain when New returns.
func New(cfg Config) (*Platform, error) {
	rt := jsruntime.New(jsruntime.Options{Name: cfg.Name, Logger: cfg.Logger, Clock: cfg.Clock})
	p := &Platform{RT: rt}
	err := rt.Do(rt.Context(), func(*goja.Runtime) error {
		policy.Install(rt, cfg.Policy)
		if cfg.MaxBufferSize > 0 {
			buffer.SetMaxLength(rt, cfg.MaxBufferSize)
		}
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
		for _, install := range []func(*jsruntime.Runtime) error{console.Install, buffer.Install, proc, web.Install, nodecrypto.Install, url.Install, web.InstallObjectURLs, polyfill.Install, perfhooks.Install} {
			if err := install(rt); err != nil {
				return err
			}
		}
		p.App = express.Install(rt, express.Config{BodyLimit: cfg.BodyLimit, Env: cfg.Env, ResponseTimeout: cfg.ResponseTimeout, RequestTimeout: cfg.RequestTimeout,
			RequestContext: cfg.Extensions.RequestContext})
		p.modules = modules.Enable(rt, modules.Options{Registry: builtins(), Root: cfg.Root, Cache: cfg.Cache, SharedDirs: cfg.SharedModules,
			HostFiles: cfg.Extensions.HostFiles})
		if cfg.Extensions.Setup != nil {
			return cfg.Extensions.Setup(rt)
		}
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
