package pluginhost

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"sync/atomic"

	"github.com/dop251/goja"
)

// dispatch is the stable handler for one plugin id. What answers sits behind an atomic pointer, so
// that a reload or a rebuild swaps it without touching the mux, and requests already in flight finish
// on what they started with.
type dispatch struct {
	id      string
	log     *slog.Logger
	current atomic.Pointer[serving]
	// closed is set by Close: requests get 503. retired is set when the plugin is unmounted (removed,
	// its id changed, or it no longer has routes): requests fall through as unmatched.
	closed, retired atomic.Bool
}

// serving is one thing a dispatcher answers with: an instance's router, or an error answer when the
// plugin is unavailable. Its gate counts the requests it is serving, so that a replaced instance can
// finish them before its exit() runs.
type serving struct {
	inst     *instance // nil for an error answer
	handler  http.Handler
	requests gate
}

// newDispatch makes the dispatcher for id, answering with s.
func newDispatch(log *slog.Logger, id string, s *serving) *dispatch {
	d := &dispatch{id: id, log: log.With("plugin", id)}
	d.current.Store(s)
	return d
}

// servingOf builds what serves inst's router under /api/plugins/<id>. It runs on inst's loop; nil
// when the runtime has stopped.
func servingOf(id string, inst *instance) *serving {
	var handler http.Handler
	_ = inst.plat.RT.Do(context.Background(), func(_ *goja.Runtime) error {
		handler = inst.plat.App.Handler(inst.router, strings.TrimSuffix(MountPrefix, "/")+"/"+id, http.HandlerFunc(fallThrough))
		return nil
	})
	if handler == nil {
		return nil
	}
	return &serving{inst: inst, handler: handler}
}

// failedServing answers every request with 503 JSON naming why the plugin is unavailable.
func failedServing(id string, reason error) *serving {
	msg := fmt.Sprintf("plugin %s is unavailable: %v", id, reason)
	return &serving{handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		writeJSONError(w, http.StatusServiceUnavailable, msg)
	})}
}

// replace makes next answer from now on, provided old still does (so that of two swaps racing, the
// one that started from a stale state loses). It reports whether the swap happened; old's requests in
// flight carry on.
func (d *dispatch) replace(old, next *serving) bool {
	return d.current.CompareAndSwap(old, next)
}

// servingInst returns what currently answers when it is inst's router, else nil.
func (d *dispatch) servingInst(inst *instance) *serving {
	if s := d.current.Load(); s.inst == inst {
		return s
	}
	return nil
}

// ServeHTTP is serve with Express's 404 page for requests the plugin passes on.
func (d *dispatch) ServeHTTP(w http.ResponseWriter, r *http.Request) { d.serve(w, r, nil) }

// serve hands the request to what currently answers for the plugin: 503 once the host is closing,
// an unmatched route (fallback, else Express's 404 page) once the plugin is unmounted or when its
// router passes the request on. A Go panic below it (a host bug) is logged with the plugin id and
// ends the request: with 500 JSON when nothing was sent yet, else by cutting the connection.
func (d *dispatch) serve(w http.ResponseWriter, r *http.Request, fallback http.Handler) {
	var s *serving
	for {
		if d.closed.Load() {
			writeJSONError(w, http.StatusServiceUnavailable, "plugin host is shutting down")
			return
		}
		if d.retired.Load() {
			notFound(fallback, w, r)
			return
		}
		s = d.current.Load()
		if s.requests.enter() {
			break
		}
		// s was replaced (or the plugin retired) between the load and enter: look again.
	}
	defer s.requests.leave()
	tw := &trackedWriter{ResponseWriter: w, fallback: fallback}
	defer func() {
		p := recover()
		if p == nil || p == http.ErrAbortHandler {
			if p != nil {
				panic(p)
			}
			return
		}
		d.log.Error("panic while serving a plugin request", "panic", p, "url", r.URL.String(), "stack", string(debug.Stack()))
		if tw.wrote {
			panic(http.ErrAbortHandler)
		}
		writeJSONError(w, http.StatusInternalServerError, "internal error in the plugin host")
	}()
	s.handler.ServeHTTP(tw, r)
}

// drain waits until the requests s was serving have finished, or ctx ends. s must no longer be
// current: requests that still find it are sent on to whatever is.
func (s *serving) drain(ctx context.Context) { s.requests.close(ctx) }
