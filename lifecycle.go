package pluginhost

import (
	"context"
	"errors"
	"fmt"
	"sort"
)

var (
	// ErrUnknownPlugin is returned for an id or folder no plugin has.
	ErrUnknownPlugin = errors.New("pluginhost: no such plugin")
	// ErrClosed is returned by lifecycle calls made once Close has started.
	ErrClosed = errors.New("pluginhost: host is closed")
	// ErrDisabled is returned by lifecycle calls when server plugins are disabled
	// (Options.EnableServerPlugins is false).
	ErrDisabled = errors.New("pluginhost: server plugins are disabled")
)

// LoadError is returned by the calls that load a plugin from its files (Reload, and the management
// calls) when the files were read but the plugin did not load: its module failed, its exports were
// refused, or its init failed. When it was a reload, the previous version keeps serving.
type LoadError struct {
	// Entry is the plugin's entry in the plugins directory.
	Entry string
	// Reload is true when a previous version was serving, and still is.
	Reload bool
	// Err is why, as the log says it.
	Err error
}

func (e *LoadError) Error() string {
	if e.Reload {
		return fmt.Sprintf("pluginhost: reload %s: %v", e.Entry, e.Err)
	}
	return fmt.Sprintf("pluginhost: load %s: %v", e.Entry, e.Err)
}

func (e *LoadError) Unwrap() error { return e.Err }

// Reload rebuilds the plugin with the given id from its files, without a restart: its entry file is
// resolved again, evaluated in a fresh runtime and initialised. Only when that succeeds does the new
// router replace the old one; requests in flight finish on the old runtime, new requests go to the new
// one, then the old one's exit() runs (Reload does not wait for that). When the reload fails, the old
// version keeps serving, the failure is logged and returned as a *LoadError, and
// PluginStatus.ReloadErr reports it. A
// changed id is handled as a removal and an addition; a router that now has no routes is unmounted,
// and one that has routes now is mounted. ctx bounds the build.
func (h *Host) Reload(ctx context.Context, id string) error {
	p := h.ids.owner(id)
	if p == nil {
		return fmt.Errorf("%w: %q", ErrUnknownPlugin, id)
	}
	return h.refresh(ctx, p.entry.name)
}

// refresh brings the plugins-directory entry name in line with what is on disk: it loads a new
// entry, reloads a known one, and unloads one that is gone. Changes are made one at a time.
func (h *Host) refresh(ctx context.Context, name string) error {
	if !h.opts.EnableServerPlugins {
		return ErrDisabled
	}
	taskCtx, ok := h.tasks.start()
	if !ok {
		return ErrClosed
	}
	defer h.tasks.done()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(taskCtx, cancel)()

	h.changes.Lock()
	defer h.changes.Unlock()
	old := h.pluginByEntry(name)
	e, found, err := scanEntry(h.opts.PluginsDir, name)
	if err != nil {
		h.log.Error("[Plugin Loader] Cannot read plugin entry", "entry", name, "err", err)
		return fmt.Errorf("pluginhost: %s: %w", name, err)
	}
	if !found {
		if old == nil {
			return fmt.Errorf("%w: %q", ErrUnknownPlugin, name)
		}
		<-h.unload(taskCtx, old)
		return nil
	}
	return h.load(ctx, taskCtx, e, old)
}

// load builds the plugin of entry e and, when it loads, puts it in the place of old (nil for a new
// entry). ctx bounds the build; taskCtx, the retirement of old.
func (h *Host) load(ctx, taskCtx context.Context, e entry, old *plugin) error {
	p := &plugin{entry: e, cands: candidates(e)}
	h.prepare(ctx, p)
	if p.inst != nil && !h.ids.claim(h, p, old) {
		p.discard(ctx)
	}
	h.initialise(ctx, p, old)
	if !p.loaded {
		err := p.status().Err
		if old != nil && old.status().Loaded {
			h.log.Error("[Plugin Loader] Reload failed; the running version keeps serving", "plugin", old.status().Info.ID, "entry", e.name, "err", err)
			old.mu.Lock()
			old.reloadErr = err
			old.mu.Unlock()
			return &LoadError{Entry: e.name, Reload: true, Err: err}
		}
		h.mu.Lock()
		h.setPluginLocked(p)
		h.mu.Unlock()
		return &LoadError{Entry: e.name, Err: err}
	}

	s := servingFor(p)
	id := p.inst.exports.info.ID
	h.mu.Lock()
	if h.isClosing() {
		h.mu.Unlock()
		_ = p.shutdown(taskCtx)
		return ErrClosed
	}
	h.ids.transfer(old, p)
	h.setPluginLocked(p)
	var retired []*serving
	if oldID := old.id(); oldID != "" && oldID != id {
		retired = append(retired, h.unmountLocked(oldID)...)
	}
	if d := h.mounted[id]; d != nil && s != nil {
		retired = append(retired, d.current.Swap(s))
		h.log.Info(fmt.Sprintf("[Plugin Loader] Reloaded plugin: %s (%s)", p.inst.exports.info.Name, id), "plugin", id, "file", p.file)
	} else {
		retired = append(retired, h.unmountLocked(id)...)
		h.mountLocked(p, s)
	}
	h.mu.Unlock()
	if old != nil {
		h.retire(taskCtx, old, retired)
	}
	return nil
}

// unload removes plugin p: its path answers as an unmatched route from now on, and once its requests
// in flight have finished, its exit() runs and its runtime stops. The channel is closed then.
func (h *Host) unload(taskCtx context.Context, p *plugin) <-chan struct{} {
	h.mu.Lock()
	for i, q := range h.plugins {
		if q == p {
			h.plugins = append(h.plugins[:i:i], h.plugins[i+1:]...)
			break
		}
	}
	var retired []*serving
	if id := p.id(); id != "" && h.ids.owner(id) == p {
		retired = h.unmountLocked(id)
	}
	h.ids.release(p)
	h.mu.Unlock()
	h.log.Info("[Plugin Loader] Plugin removed", "entry", p.entry.name, "plugin", p.id())
	return h.retire(taskCtx, p, retired)
}

// retire lets the requests the servings had in flight finish (for at most ResponseTimeout, by which
// time the host has answered them), then runs p's exit() (bounded by InitTimeout) and stops its
// runtime, in the background. It must be called from a running task, whose registration it extends.
// The channel is closed when p has stopped.
func (h *Host) retire(taskCtx context.Context, p *plugin, servings []*serving) <-chan struct{} {
	done := make(chan struct{})
	h.tasks.fork()
	go func() {
		defer h.tasks.done()
		defer close(done)
		drainCtx, cancel := context.WithTimeout(taskCtx, h.opts.ResponseTimeout)
		for _, s := range servings {
			s.drain(drainCtx)
		}
		cancel()
		exitCtx, cancel := context.WithTimeout(taskCtx, h.opts.InitTimeout)
		defer cancel()
		_ = p.shutdown(exitCtx)
	}()
	return done
}

// unmountLocked stops serving id: its dispatcher is retired, so requests fall through as unmatched.
// It returns what the dispatcher was answering with, for draining. h.mu must be held for writing.
func (h *Host) unmountLocked(id string) []*serving {
	d := h.mounted[id]
	if d == nil {
		return nil
	}
	delete(h.mounted, id)
	d.retired.Store(true)
	return []*serving{d.current.Load()}
}

// answerWith makes s answer for p's id in place of p's instance old, which the watchdog stopped:
// through p's dispatcher, or a new one when old was not mounted. Nothing changes when p no longer
// owns its id, or another instance answers by now (a reload won), or the host is closing.
func (h *Host) answerWith(p *plugin, old *instance, s *serving) {
	h.mu.Lock()
	defer h.mu.Unlock()
	id := old.exports.info.ID
	if h.isClosing() || h.ids.owner(id) != p {
		return
	}
	d := h.mounted[id]
	if d == nil {
		if s.inst != nil {
			h.mounted[id] = newDispatch(h.log, id, s)
		}
		return
	}
	if cur := d.servingInst(old); cur != nil {
		d.replace(cur, s)
	}
}

// unmount stops serving p's id after p's rebuilt instance registered no routes, unless something
// else than old answers for it by now.
func (h *Host) unmount(p *plugin, old *instance) {
	h.mu.Lock()
	defer h.mu.Unlock()
	id := old.exports.info.ID
	if d := h.mounted[id]; d != nil && h.ids.owner(id) == p && d.servingInst(old) != nil {
		h.unmountLocked(id)
	}
}

// pluginByEntry returns the plugin of the plugins-directory entry name, or nil.
func (h *Host) pluginByEntry(name string) *plugin {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for _, p := range h.plugins {
		if p.entry.name == name {
			return p
		}
	}
	return nil
}

// setPluginLocked records p as its entry's plugin, in place of the one there was, keeping h.plugins
// in scan (name) order. h.mu must be held for writing.
func (h *Host) setPluginLocked(p *plugin) {
	i := sort.Search(len(h.plugins), func(i int) bool { return h.plugins[i].entry.name >= p.entry.name })
	if i < len(h.plugins) && h.plugins[i].entry.name == p.entry.name {
		plugins := append([]*plugin(nil), h.plugins...)
		plugins[i] = p
		h.plugins = plugins
		return
	}
	plugins := make([]*plugin, 0, len(h.plugins)+1)
	plugins = append(append(append(plugins, h.plugins[:i]...), p), h.plugins[i:]...)
	h.plugins = plugins
}

// isClosing reports whether Close has started.
func (h *Host) isClosing() bool {
	select {
	case <-h.closing:
		return true
	default:
		return false
	}
}
