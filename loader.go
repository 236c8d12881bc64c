package pluginhost

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/platform"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
)

// plugin is one entry of the plugins directory and, once loaded, its running instance.
type plugin struct {
	entry entry
	cands []candidate
	next  int // index in cands of the next candidate to try

	mu   sync.Mutex
	inst *instance // the candidate loaded (validated, then initialised); nil when none
	file string    // entry file of inst, or the last candidate tried
	err  error     // why the plugin is not loaded
	// loaded is set once init settled; mounted when the router had routes at that moment.
	loaded, mounted bool
	exited          bool
	rebuilding      bool  // the watchdog stopped inst and a replacement is being built
	rebuilds        int   // how many times the watchdog had the plugin rebuilt
	reloadErr       error // why the last reload failed while this version kept serving
}

// instance is one entry file evaluated in its own runtime.
type instance struct {
	owner   *plugin
	plat    *platform.Platform
	exports pluginExports
	router  *goja.Object // loop-only
}

func (p *plugin) status() PluginStatus {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := PluginStatus{Entry: p.entry.name, File: p.file, Loaded: p.loaded, Mounted: p.mounted, Err: p.err, ReloadErr: p.reloadErr, Rebuilds: p.rebuilds}
	if p.inst != nil {
		s.Info = p.inst.exports.info
	}
	return s
}

// loadAll loads the plugins directory in three steps that keep Luker's rules while letting plugins
// start in parallel: evaluate every entry (each in its own runtime, concurrently) and validate its
// exports; refuse duplicate ids in scan order, so the later plugin is skipped before its init runs;
// then run every init concurrently, each bounded by InitTimeout, falling through to the plugin's next
// entry candidate when one fails.
func (h *Host) loadAll(ctx context.Context) error {
	dir := h.opts.PluginsDir
	exists, err := pluginsDirState(dir)
	if err != nil {
		return err
	}
	if !exists {
		h.log.Info("[Plugin Loader] No plugins directory; no plugins loaded", "dir", dir)
		return nil
	}
	entries, problems := scan(dir)
	for _, err := range problems {
		h.log.Error("[Plugin Loader] Skipping entry", "err", err)
	}
	plugins := make([]*plugin, len(entries))
	for i, e := range entries {
		if e.linkTarget != "" {
			h.log.Info("[Plugin Loader] Plugin folder is a link", "entry", e.name, "target", e.linkTarget)
		}
		plugins[i] = &plugin{entry: e, cands: candidates(e)}
	}

	parallel(len(plugins), func(i int) { h.prepare(ctx, plugins[i]) })

	for _, p := range plugins {
		if p.inst != nil && !h.ids.claim(h, p, nil) {
			p.discard(ctx)
		}
	}

	parallel(len(plugins), func(i int) { h.initialise(ctx, plugins[i], nil) })
	servings := make([]*serving, len(plugins))
	parallel(len(plugins), func(i int) { servings[i] = servingFor(plugins[i]) })

	h.mu.Lock()
	h.plugins = plugins
	loaded := 0
	for i, p := range plugins {
		if p.loaded {
			loaded++
			h.mountLocked(p, servings[i])
		}
	}
	h.mu.Unlock()
	if loaded > 0 {
		h.log.Info(fmt.Sprintf("%d server plugin(s) are currently loaded. Make sure you know exactly what they do, and only install plugins from trusted sources!", loaded))
	}
	return nil
}

// servingFor builds what serves loaded plugin p's router, or nil when p is not to be mounted (its
// router had no routes when init settled, or its runtime has stopped). It runs on p's loop, so it
// must not be called with h.mu held.
func servingFor(p *plugin) *serving {
	if !p.loaded || !p.mounted {
		return nil
	}
	return servingOf(p.inst.exports.info.ID, p.inst)
}

// mountLocked logs p's successful load and serves s (from servingFor) under p's id, as Luker does
// only when the router has routes. h.mu must be held for writing.
func (h *Host) mountLocked(p *plugin, s *serving) {
	info := p.inst.exports.info
	h.log.Info(fmt.Sprintf("[Plugin Loader] Loaded plugin: %s (%s)", info.Name, info.ID), "plugin", info.ID, "file", p.file)
	if !p.mounted {
		h.log.Warn("[Plugin Loader] Plugin registered no routes by the time init settled; its router is not mounted, and routes it adds later are not served",
			"plugin", info.ID, "file", p.file)
		return
	}
	if s != nil {
		h.mounted[info.ID] = newDispatch(h.log, info.ID, s)
	}
}

// parallel runs fn(0..n-1) concurrently, one goroutine each, and waits for all. It is not bounded:
// a plugin stuck in its module code or its init must not delay any other plugin, and each plugin
// has its own runtime anyway.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { fn(i) })
	}
	wg.Wait()
}

// idRegistry hands out plugin ids: the first plugin (in scan order) to claim an id keeps it, until it
// is removed or fails. The zero value is ready.
type idRegistry struct {
	mu     sync.Mutex
	owners map[string]*plugin
}

// claim records p as the owner of its id, or logs and refuses it when another plugin has it. A plugin
// p replaces (a reload of the same entry) does not count as another; the claim then only checks, and
// the caller hands the id over with transfer once p has loaded.
func (r *idRegistry) claim(h *Host, p, replaces *plugin) bool {
	id := p.inst.exports.info.ID
	r.mu.Lock()
	defer r.mu.Unlock()
	owner, taken := r.owners[id]
	if taken && owner != p && (replaces == nil || owner != replaces) {
		err := fmt.Errorf("Failed to load plugin module; plugin ID '%s' is already in use", id)
		h.log.Warn("[Plugin Loader] "+err.Error(), "plugin", id, "file", p.file, "kept", owner.file)
		p.fail(fmt.Errorf("%w (by %s)", err, owner.file))
		return false
	}
	if replaces == nil {
		if r.owners == nil {
			r.owners = map[string]*plugin{}
		}
		r.owners[id] = p
	}
	return true
}

// release frees p's id after p failed or was removed, so that nothing holds an id no plugin serves.
func (r *idRegistry) release(p *plugin) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if p.inst != nil && r.owners[p.inst.exports.info.ID] == p {
		delete(r.owners, p.inst.exports.info.ID)
	}
}

// transfer makes p, which has loaded in place of old, the owner of p's id, and frees old's id when
// it differs.
func (r *idRegistry) transfer(old, p *plugin) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if old != nil {
		for id, owner := range r.owners {
			if owner == old {
				delete(r.owners, id)
			}
		}
	}
	if r.owners == nil {
		r.owners = map[string]*plugin{}
	}
	r.owners[p.inst.exports.info.ID] = p
}

// owner returns the plugin holding id, or nil.
func (r *idRegistry) owner(id string) *plugin {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.owners[id]
}

// prepare evaluates p's candidates in priority order until one loads and validates, logging why each
// failed. On success p.inst holds the instance, not yet initialised.
func (h *Host) prepare(ctx context.Context, p *plugin) {
	for p.next < len(p.cands) {
		c := p.cands[p.next]
		p.next++
		if c.file != "" {
			p.file = c.file
		}
		if c.err != nil {
			p.fail(c.err)
			h.log.Error(fmt.Sprintf("Failed to load plugin from %s: %v", p.entry.path, c.err), "entry", p.entry.name, "candidate", c.via)
			continue
		}
		inst, err := h.evaluate(ctx, p, c.file)
		if err != nil {
			p.fail(err)
			h.log.Error(fmt.Sprintf("Failed to load plugin from %s: %v", c.file, err), "entry", p.entry.name, "candidate", c.via)
			continue
		}
		p.mu.Lock()
		p.inst, p.err = inst, nil
		p.mu.Unlock()
		return
	}
	if len(p.cands) == 0 {
		p.fail(errors.New("no entry point: no package.json main, index.js, index.cjs or index.mjs"))
		h.log.Warn("[Plugin Loader] No entry point found; skipped", "entry", p.entry.name, "dir", p.entry.path)
	}
}

// evaluate runs file as the main module of a fresh runtime for p and validates its exports.
func (h *Host) evaluate(ctx context.Context, p *plugin, file string) (*instance, error) {
	e := p.entry
	inst := &instance{owner: p}
	plat, err := platform.New(platform.Config{
		Name:            strings.TrimSuffix(e.name, filepath.Ext(e.name)),
		Root:            h.pluginsRoot(e),
		Logger:          h.log,
		Clock:           h.opts.clock,
		Cache:           h.cache,
		BodyLimit:       h.opts.BodyLimit,
		Env:             h.opts.Env,
		PluginEnv:       h.opts.PluginEnv,
		SharedModules:   h.opts.SharedModules,
		ResponseTimeout: h.opts.ResponseTimeout,
		RequestTimeout:  h.opts.RequestTimeout,
		MaxBufferSize:   h.opts.MaxBufferSize,
		Policy:          h.policySetup(ownPath(e, file)),
		Extensions:      h.extensions(),
	})
	if err != nil {
		return nil, err
	}
	inst.plat = plat
	loadCtx, cancel := context.WithTimeout(ctx, h.opts.InitTimeout)
	defer cancel()
	err = plat.RT.Do(loadCtx, func(vm *goja.Runtime) error {
		exports, err := plat.LoadMain(file)
		if err != nil {
			return err
		}
		inst.exports, err = validateExports(exports)
		if err == nil {
			plat.RT.Rename(inst.exports.info.ID)
			// In the job that ran the module code, so that nothing of the plugin runs in between.
			policy.For(plat.RT).Decide(h.policyOf(inst.exports.info.ID))
		}
		return err
	})
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("module evaluation did not finish within %s", h.opts.InitTimeout)
		}
		inst.close(h.log)
		return nil, err
	}
	return inst, nil
}

// ownPath is what a plugin may always read whatever its policy: its folder, or the file of a
// single-file plugin (never the whole plugins directory, which holds the other plugins).
func ownPath(e entry, file string) string {
	if e.dir {
		return e.root
	}
	return file
}

// pluginsRoot is the folder the module system treats as the top of the plugin's world: package.json
// "type" and node_modules lookups stop there.
func (h *Host) pluginsRoot(e entry) string {
	if e.linkTarget != "" {
		return e.root
	}
	if real, err := filepath.EvalSymlinks(h.opts.PluginsDir); err == nil {
		return real
	}
	return h.opts.PluginsDir
}

// runtimeStopGrace is how long closing a runtime waits for interrupted JS to unwind.
const runtimeStopGrace = 5 * time.Second

// initialise calls init(router) on p's prepared instance, waits for it within InitTimeout, and falls
// through to the next candidate when it throws, rejects or never settles. replaces is the plugin p
// is to take the place of (a reload), nil at start-up.
func (h *Host) initialise(ctx context.Context, p, replaces *plugin) {
	for p.inst != nil {
		err := h.runInit(ctx, p)
		if err == nil {
			return
		}
		id := p.inst.exports.info.ID
		h.log.Error(fmt.Sprintf("Failed to load plugin from %s: %v", p.file, err), "plugin", id)
		h.ids.release(p)
		p.discard(ctx)
		p.fail(err)
		h.prepare(ctx, p)
		if p.inst != nil && !h.ids.claim(h, p, replaces) {
			p.discard(ctx)
		}
	}
}

// runInit initialises p's prepared instance and records whether its router is to be mounted.
func (h *Host) runInit(ctx context.Context, p *plugin) error {
	mounted, err := h.initInstance(ctx, p, p.inst)
	if err != nil {
		return err
	}
	p.mu.Lock()
	p.loaded, p.mounted, p.err = true, mounted, nil
	p.mu.Unlock()
	return nil
}

// initInstance creates inst's router, calls init(router) and waits for its promise within InitTimeout.
// It reports whether the router had entries when init settled: only then is it mounted, as in Luker.
func (h *Host) initInstance(ctx context.Context, p *plugin, inst *instance) (mounted bool, err error) {
	h.log.Info("Initializing plugin from "+p.file, "plugin", inst.exports.info.ID)
	initCtx, cancel := context.WithTimeout(ctx, h.opts.InitTimeout)
	defer cancel()
	var stackLen int
	err = inst.plat.RT.AwaitThen(initCtx, func(vm *goja.Runtime) (goja.Value, error) {
		inst.router = inst.plat.App.NewRouter()
		return inst.exports.init(goja.Undefined(), inst.router)
	}, func(*goja.Runtime, goja.Value) error {
		// Luker reads router.stack.length right after `await init(router)`: here, before any timer
		// the plugin started can add routes.
		stackLen = inst.plat.App.StackLen(inst.router)
		if stackLen == 0 {
			log := inst.plat.RT.Logger()
			inst.plat.App.OnLayerAdded(inst.router, func() {
				log.Warn("[Plugin Loader] Route added after init settled to a router that was empty then; it is not served (register routes before init returns)",
					"plugin", inst.exports.info.ID, "file", p.file)
			})
		}
		return nil
	})
	if errors.Is(err, context.DeadlineExceeded) {
		return false, fmt.Errorf("init did not settle within %s", h.opts.InitTimeout)
	}
	if err != nil {
		return false, fmt.Errorf("init failed: %w", inst.plat.RT.Describe(err))
	}
	h.watch(inst)
	return stackLen > 0, nil
}

// watch starts inst's watchdog once its init has settled. Module evaluation and init are bounded by
// InitTimeout instead, so a large bundle that evaluates slowly on a busy machine is not taken for a
// stuck plugin; from then on, BusyLimit holds.
func (h *Host) watch(inst *instance) {
	if h.opts.BusyLimit > 0 {
		inst.plat.RT.Watch(h.opts.BusyLimit, func(err *jsruntime.BusyError) { h.pluginStopped(inst, err) })
	}
}

// id is the id of p's instance, "" when it has none (never loaded, or failed). p may be nil.
func (p *plugin) id() string {
	if p == nil {
		return ""
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.inst == nil {
		return ""
	}
	return p.inst.exports.info.ID
}

func (p *plugin) fail(err error) {
	p.mu.Lock()
	p.err = err
	p.mu.Unlock()
}

// discard closes p's current instance without calling exit (its init never completed).
func (p *plugin) discard(ctx context.Context) {
	p.mu.Lock()
	inst := p.inst
	p.inst = nil
	p.mu.Unlock()
	if inst != nil {
		inst.close(inst.plat.RT.Logger())
	}
}

// shutdown calls exit() once on a loaded plugin, waits for it within ctx, then stops the runtime.
func (p *plugin) shutdown(ctx context.Context) error {
	p.mu.Lock()
	inst, loaded, exited := p.inst, p.loaded, p.exited
	p.exited = true
	p.mu.Unlock()
	if inst == nil || exited {
		return nil
	}
	log := inst.plat.RT.Logger()
	var exitErr error
	if loaded && inst.exports.exit != nil {
		exitErr = inst.plat.RT.Await(ctx, func(*goja.Runtime) (goja.Value, error) {
			return inst.exports.exit(goja.Undefined())
		})
		if exitErr != nil {
			exitErr = fmt.Errorf("plugin %s: exit: %w", inst.exports.info.ID, inst.plat.RT.Describe(exitErr))
			log.Error("[Plugin Loader] Plugin exit failed", "err", exitErr)
		}
	}
	return errors.Join(exitErr, inst.close(log))
}

// close stops the instance's runtime, giving running JS a moment to unwind after the interrupt.
func (inst *instance) close(log *slog.Logger) error {
	ctx, cancel := context.WithTimeout(context.Background(), runtimeStopGrace)
	defer cancel()
	if err := inst.plat.RT.Close(ctx); err != nil {
		log.Error("[Plugin Loader] Runtime did not stop", "err", err)
		return err
	}
	return nil
}
