package pluginhost

import (
	"context"
	"fmt"
	"sync"
)

// pluginStopped runs when inst was interrupted: by the watchdog for keeping its loop too long, or by
// the heap limit. An instance that serves its plugin is replaced by a fresh one built from the
// plugin's files; one that is still loading or initialising needs nothing more, as its load fails
// with the interrupt.
func (h *Host) pluginStopped(inst *instance, cause error) {
	ctx, ok := h.rebuilds.start()
	if !ok {
		return
	}
	defer h.rebuilds.done()
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
// entry file and a new init. The plugin's dispatcher then serves the new router; requests still
// waiting on old get 503 when old closes. When the new instance cannot be built, the plugin is marked
// failed and its requests get 503 JSON saying why. A Close that started meanwhile wins: the new
// instance is dropped. ctx ends when a Close cuts the rebuild short.
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

	d := h.dispatcher(id)
	switch {
	case inst == nil:
		log.Error("[Plugin Loader] Could not rebuild the plugin; it is unavailable", "file", p.file, "err", err)
		if d != nil {
			d.fail(failure)
		}
	case d != nil:
		d.serve(inst)
		log.Info("[Plugin Loader] Plugin rebuilt", "file", p.file)
	case mounted:
		log.Warn("[Plugin Loader] Plugin rebuilt; it now has routes, but its router was never mounted, so they are not served until the host restarts", "file", p.file)
	default:
		log.Info("[Plugin Loader] Plugin rebuilt", "file", p.file)
	}
	_ = old.close(log)
}

// rebuildSet tracks the rebuilds in progress, so that Close can wait for them: a runtime a rebuild
// builds must not outlive Close (its init would run after Close returned). The zero value is ready.
type rebuildSet struct {
	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
	ctx    context.Context // the rebuilds' context, made by the first start; cancel cuts them short
	cancel context.CancelFunc
}

// start registers a rebuild and returns its context, or reports false once close has been called.
func (s *rebuildSet) start() (context.Context, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, false
	}
	if s.ctx == nil {
		s.ctx, s.cancel = context.WithCancel(context.Background())
	}
	s.wg.Add(1)
	return s.ctx, true
}

// done ends a rebuild registered by start.
func (s *rebuildSet) done() { s.wg.Done() }

// close refuses new rebuilds and waits for those in progress. When ctx ends first they are cut short,
// which closes the runtimes they were building, and still awaited.
func (s *rebuildSet) close(ctx context.Context) {
	s.mu.Lock()
	s.closed = true
	cancel := s.cancel
	s.mu.Unlock()
	if cancel == nil {
		return
	}
	stop := context.AfterFunc(ctx, cancel)
	s.wg.Wait()
	stop()
	cancel()
}
