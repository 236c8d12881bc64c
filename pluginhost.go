// Package pluginhost hosts Luker and SillyTavern server plugins (CommonJS or ESM JavaScript written for
// Node and Express 4) inside a Go HTTP server.
//
// New scans a plugins directory, resolves each plugin's entry file by the documented priority, runs
// it in its own goja runtime with its own event loop, calls its init(router) with an Express-compatible
// router, and keeps the plugins whose router has routes. Mount puts them under /api/plugins/<id>/ on a
// chi router; Handler serves the same without chi. Close calls every plugin's exit().
//
// Plugins see Luker's host context: JSON and urlencoded bodies are parsed before plugin routes, so
// req.body is at least {}.
package pluginhost

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/modules"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
	"github.com/pluginhost/pluginhost/luker"
)

// Defaults applied to zero Options fields.
const (
	DefaultPluginsDir      = "plugins"
	DefaultBodyLimit       = 500 << 20 // Luker's global parser limit
	DefaultInitTimeout     = 30 * time.Second
	DefaultResponseTimeout = 120 * time.Second // LLM proxies stream for minutes
	DefaultRequestTimeout  = 300 * time.Second // Node's server.requestTimeout
	DefaultBusyLimit       = 10 * time.Second
)

// Options configure a Host. The zero value is valid and loads nothing: EnableServerPlugins must be set,
// as in Luker.
type Options struct {
	// PluginsDir is the directory scanned for plugins. Default "plugins".
	PluginsDir string
	// EnableServerPlugins turns loading on (Luker's enableServerPlugins). When false, New logs how to
	// enable plugins and loads nothing.
	EnableServerPlugins bool
	// AutoUpdate fast-forwards git-cloned plugins before loading (Luker's enableServerPluginsAutoUpdate,
	// which defaults to true in config.yaml; the Options zero value leaves repositories alone): each
	// non-hidden folder that is the root of a git work tree with an origin remote and an upstream
	// branch is fetched and fast-forwarded when behind. A dirty, diverged or detached repository is
	// skipped and a failing one logged; neither stops loading. No git binary is needed.
	AutoUpdate bool
	// GitTimeout bounds each plugin repository's update, so that a dead remote cannot hold start-up
	// for long. Default 30 s.
	GitTimeout time.Duration
	// GitAuth are the credentials for plugins' private git remotes; never logged.
	GitAuth GitAuth
	// Watch reloads plugins when their files change, without a restart (pluginHost.watch): a changed
	// plugin is rebuilt and replaces the running one only when its init succeeds; a new entry in the
	// plugins directory is loaded, a removed one unloaded. Only source files (.js, .cjs, .mjs, .ts and
	// their kin) and package.json count, so a plugin writing data into its own folder is not reloaded
	// by it; .git, node_modules, hidden files and editors' swap files are ignored. Reload is available
	// whether or not this is set.
	Watch bool
	// BodyLimit caps the bodies read by the global JSON and urlencoded parsers. Default 500 MB.
	BodyLimit int64
	// InitTimeout bounds each plugin's init. A plugin whose init has not settled by then is refused.
	// Default 30 s.
	InitTimeout time.Duration
	// ResponseTimeout bounds how long a plugin may take to answer; the client then gets 504 JSON.
	// Default 120 s.
	ResponseTimeout time.Duration
	// RequestTimeout bounds how long receiving a request body may take, as Node's
	// server.requestTimeout does (default 300 s): a slow or stalled body is cut off, with 408 when the
	// plugin had not run yet.
	RequestTimeout time.Duration
	// BusyLimit bounds how long a loaded plugin's JavaScript may run without returning to its event
	// loop (a busy loop in a handler, middleware, timer or promise callback, or exit; or a synchronous
	// call that never ends). The watchdog then interrupts it; requests waiting on that plugin get 503
	// JSON, and the plugin is rebuilt from its files (a fresh runtime and init) so that later requests
	// work. Module code and init are bounded by InitTimeout instead: stuck there, the load fails and
	// the runtime is stopped. Default 10 s; negative turns the watchdog off.
	BusyLimit time.Duration
	// MemoryLimit is the live Go heap, in bytes, above which plugins whose JavaScript is running at
	// that moment are stopped (503 to their waiting requests) and rebuilt, so that one plugin
	// allocating without bound does not take the host down. Default: 90% of the process's GOMEMLIMIT
	// (debug.SetMemoryLimit) when one is set, else none; negative turns it off.
	MemoryLimit int64
	// MaxBufferSize is the largest Buffer a plugin may allocate in one call (Buffer.alloc and its
	// kin), so that one call cannot take the host's memory; larger requests throw Node's
	// ERR_OUT_OF_RANGE. Default (0): Node's 4 GiB.
	MaxBufferSize int64
	// Env is "production" (default) or "development", as NODE_ENV for Express: development error
	// pages include stack traces.
	Env string
	// PluginEnv is what plugins see as process.env, besides NODE_ENV (from Env). The host's own
	// environment is never passed on: name here each variable a plugin may read.
	PluginEnv map[string]string
	// SharedModules are node_modules folders searched for a plugin's bare require/import names after
	// the plugin's own node_modules folders (up to the plugins directory), in order: the packages the
	// host itself provides, as Luker's root node_modules. express and body-parser always resolve to
	// the host's built-in implementation. Nil means none.
	SharedModules []string
	// TransformCacheDir, when set, keeps esbuild's output for ES modules, TypeScript and code using
	// syntax goja lacks in files there, so that the next start skips esbuild for unchanged files (a
	// large bundle loads several times faster). Entries are replaced when their file changes. Anyone
	// who can write there can change what plugins run: protect it like the plugins directory. Empty
	// (the default) keeps compiled modules in memory only.
	TransformCacheDir string
	// Policies restrain plugins, by plugin id; the DefaultPolicyKey ("*") entry applies to every
	// plugin without one of its own. A plugin without a policy is unrestricted, as in Luker. The id
	// is known only once the plugin's module code has run: while it runs, its synchronous calls must
	// be allowed by every policy here and its asynchronous ones wait for the id; the plugin's own
	// policy is in force before its init runs. Nil means none.
	Policies map[string]Policy
	// RequestContext adds the application's own properties to every plugin request (req.user,
	// req.session, …), typically from its authentication. It is called with the request on the
	// request's goroutine before the plugin sees it, and each key becomes a property of req as if a
	// middleware running before all others had assigned it (Express's method, url, baseUrl and params
	// are set after it). The values are converted into the plugin's runtime once per request as new,
	// plain JS values: a map with string keys is an object (keys sorted), a slice an Array, a
	// json.Marshaler such as json.RawMessage the value its JSON describes (keys in its order), a
	// *url.URL a URL, strings, numbers and booleans themselves; a value that cannot be converted is
	// left out and logged. Nil costs nothing.
	RequestContext func(r *http.Request) map[string]any
	// Luker turns the Luker compatibility layer on (see package luker): req.user, DATA_ROOT,
	// process.serverEvents (see EmitServerEvent) and Luker's src/ modules. Its req.user comes before
	// RequestContext's properties, which win. Nil means off.
	Luker *luker.Context
	// Logger receives all logs, with the plugin id as the "plugin" attribute. Nil means slog.Default().
	Logger *slog.Logger
	// NotFound answers requests under /api/plugins/ that no plugin handles, including those a plugin
	// router passes on. Nil means the mux's NotFound handler when mounted on chi, else Express's plain
	// 404 page ("Cannot GET /path").
	NotFound http.Handler

	clock jsruntime.Clock // tests only: drives plugin timers
}

// Host owns the loaded plugins. It is safe for concurrent use.
type Host struct {
	opts  Options
	log   *slog.Logger
	cache *modules.TransformCache

	policies map[string]policy.Policy // Options.Policies, checked

	mu sync.RWMutex
	// plugins holds every entry found, in scan (name) order, loaded or not. It is replaced, never
	// changed in place, so a copy of the slice taken under mu may be read without it.
	plugins   []*plugin
	mounted   map[string]*dispatch // by id: plugins whose router is served
	ids       idRegistry
	changes   sync.Mutex // serialises loading, reloading and removing plugins after New
	closeOnce sync.Once
	closeErr  error
	closing   chan struct{} // closed (under mu) when Close starts
	tasks     taskSet       // rebuilds, reloads and retiring plugins, which Close waits for
	watcher   *watcher      // set by New when Options.Watch; nil otherwise
}

// New scans opts.PluginsDir and loads every plugin in it. A plugin that fails is logged (plugin, file
// and reason) and skipped; it never stops the others. New returns an error only when a policy is
// malformed or the plugins directory exists but cannot be read. ctx bounds loading as a whole.
func New(ctx context.Context, opts Options) (*Host, error) {
	if opts.PluginsDir == "" {
		opts.PluginsDir = DefaultPluginsDir
	}
	if opts.BodyLimit <= 0 {
		opts.BodyLimit = DefaultBodyLimit
	}
	if opts.InitTimeout <= 0 {
		opts.InitTimeout = DefaultInitTimeout
	}
	if opts.ResponseTimeout <= 0 {
		opts.ResponseTimeout = DefaultResponseTimeout
	}
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = DefaultRequestTimeout
	}
	if opts.BusyLimit == 0 {
		opts.BusyLimit = DefaultBusyLimit
	}
	if opts.GitTimeout <= 0 {
		opts.GitTimeout = DefaultGitTimeout
	}
	if opts.Env == "" {
		opts.Env = "production"
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.Default()
	}
	checked, err := policies(opts.Policies)
	if err != nil {
		return nil, err
	}
	h := &Host{
		opts:     opts,
		policies: checked,
		log:      logger,
		cache:    &modules.TransformCache{Dir: opts.TransformCacheDir},
		mounted:  map[string]*dispatch{},
		closing:  make(chan struct{}),
	}
	if !opts.EnableServerPlugins {
		h.log.Info("[Plugin Loader] Server plugins are disabled. Set enableServerPlugins: true in config.yaml to enable them.")
		return h, nil
	}
	if opts.AutoUpdate {
		h.autoUpdate(ctx)
	}
	if err := h.loadAll(ctx); err != nil {
		return nil, err
	}
	if opts.Watch {
		if err := h.startWatcher(); err != nil {
			h.log.Error("[Plugin Loader] Cannot watch the plugins directory; plugins will not reload when their files change", "dir", opts.PluginsDir, "err", err)
		}
	}
	if limit := memoryLimit(opts.MemoryLimit); limit > 0 {
		go h.watchHeap(limit, h.closing)
	}
	return h, nil
}

// Info describes a plugin as its info export declares it.
type Info struct {
	ID          string
	Name        string
	Description string
}

// PluginStatus reports one entry of the plugins directory.
type PluginStatus struct {
	// Entry is the file or folder name in the plugins directory.
	Entry string
	// File is the entry file that loaded, or the last one tried.
	File string
	// Info is the plugin's info; empty when it never validated.
	Info Info
	// Loaded is true when init settled successfully; Mounted when its router is also served.
	Loaded, Mounted bool
	// ReloadErr is why the last reload failed while this version kept serving; nil otherwise.
	ReloadErr error
	// Rebuilds counts the times the watchdog stopped the plugin and the host rebuilt it.
	Rebuilds int
	// Err is why the plugin is not loaded.
	Err error
}

// Plugins lists every entry found in the plugins directory, in load order.
func (h *Host) Plugins() []PluginStatus {
	h.mu.RLock()
	defer h.mu.RUnlock()
	out := make([]PluginStatus, 0, len(h.plugins))
	for _, p := range h.plugins {
		out = append(out, p.status())
	}
	return out
}

// Close shuts the plugins down. New requests to plugins get 503 at once; requests in flight may finish
// for up to half the time left before ctx's deadline (all of it when ctx has none, until ctx ends).
// A plugin being rebuilt (the watchdog or the heap limit stopped it) is rebuilt first, so that no
// runtime outlives Close; at ctx's end the rebuild is cut short.
// Then every loaded plugin's exit() runs once, concurrently, and is awaited until ctx ends, failures
// logged, and every runtime stops (timers, watchers and child processes with it). Calling Close again
// returns the first call's result.
func (h *Host) Close(ctx context.Context) error {
	h.closeOnce.Do(func() {
		if h.watcher != nil {
			h.watcher.stop()
		}
		h.mu.Lock()
		close(h.closing)
		plugins := append([]*plugin(nil), h.plugins...)
		dispatchers := make([]*dispatch, 0, len(h.mounted))
		for _, d := range h.mounted {
			dispatchers = append(dispatchers, d)
		}
		h.mu.Unlock()
		for _, d := range dispatchers {
			d.closed.Store(true)
		}
		drainCtx, cancel := drainContext(ctx)
		parallel(len(dispatchers), func(i int) { dispatchers[i].current.Load().drain(drainCtx) })
		cancel()
		h.tasks.close(ctx)
		errs := make([]error, len(plugins))
		parallel(len(plugins), func(i int) { errs[i] = plugins[i].shutdown(ctx) })
		h.closeErr = errors.Join(errs...)
	})
	return h.closeErr
}

// drainContext bounds the wait for requests in flight: half the time left before ctx's deadline, so
// that the plugins' exit() keeps the other half.
func drainContext(ctx context.Context) (context.Context, context.CancelFunc) {
	deadline, ok := ctx.Deadline()
	if !ok {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, time.Until(deadline)/2)
}

// pluginsDirState reports whether dir exists as a directory; a missing directory is not an error.
func pluginsDirState(dir string) (exists bool, err error) {
	fi, err := os.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("pluginhost: plugins directory: %w", err)
	}
	if !fi.IsDir() {
		return false, fmt.Errorf("pluginhost: plugins directory %s is not a directory", dir)
	}
	return true, nil
}
