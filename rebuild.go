package pluginhost

import (
	"context"
	"fmt"
)

// pluginStopped runs when inst was interrupted: by the watchdog for keeping its loop too long, or by
// the heap limit. An instance that serves its plugin is replaced by a fresh one built from the
// plugin's files; one that is still loading or initialising needs nothing more, as its load fails
// with the interrupt.
func (h *Host) pluginStopped(inst *instance, cause error) {
	ctx, ok := h.tasks.start()
	if !ok {
		return
	}
	defer h.tasks.done()
	p := inst.owner
	p.mu.Lock()
	serving := p.inst == inst && p.loaded && !p.exited && !p.rebuilding
	if serving {
		p.rebuilding = true
	}
	p.mu.Unlock()
	if !serving {
		return
	}
	inst.plat.RT.Logger().Error("[Plugin Loader] "+cause.Error()+"; interrupted it, rebuilding the plugin from its files", "file", p.file)
	h.rebuild(ctx, p, inst, cause)
}

// rebuild replaces p's instance old, which the watchdog stopped, with a fresh runtime running the same
// entry file and a new init. The plugin's dispatcher then serves the new router (mounting it when old
// had no routes); requests still waiting on old get 503 when old closes. When the new instance
// cannot be built, the plugin is marked failed and its requests get 503 JSON saying why. A Close
// that started meanwhile wins, and so does a reload: the new instance is dropped. ctx ends when a
// Close cuts the rebuild short.
func (h *Host) rebuild(ctx context.Context, p *plugin, old *instance, cause error) {
	id := old.exports.info.ID
	log := old.plat.RT.Logger()
	inst, err := h.evaluate(ctx, p, p.file)
	mounted := false
	if err == nil {
		mounted, err = h.initInstance(ctx, p, inst)
		if err == nil && inst.exports.info.ID != id {
			err = fmt.Errorf("its id changed to %q", inst.exports.info.ID)
		}
		if err != nil {
			_ = inst.close(log)
			inst = nil
		}
	}

	p.mu.Lock()
	current := p.inst == old && !p.exited
	p.rebuilding = false
	if current {
		p.inst = inst
		p.rebuilds++
		p.mounted = mounted
		if inst == nil {
			p.loaded, p.mounted = false, false
			p.err = fmt.Errorf("rebuilding after %v failed: %w", cause, err)
		}
	}
	failure := p.err
	p.mu.Unlock()
	if !current {
		if inst != nil {
			_ = inst.close(log)
		}
		return
	}

	switch {
	case inst == nil:
		log.Error("[Plugin Loader] Could not rebuild the plugin; it is unavailable", "file", p.file, "err", err)
		h.answerWith(p, old, failedServing(id, failure))
	case mounted:
		if s := servingOf(id, inst); s != nil {
			h.answerWith(p, old, s)
		}
		log.Info("[Plugin Loader] Plugin rebuilt", "file", p.file)
	default:
		h.unmount(p, old)
		log.Warn("[Plugin Loader] Plugin rebuilt; its router has no routes now, so it is not mounted", "file", p.file)
	}
	_ = old.close(log)
}
