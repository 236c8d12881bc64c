package pluginhost

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/dop251/goja"
	"github.com/go-chi/chi/v5"

	"github.com/pluginhost/pluginhost/jsruntime/express"
)

// MountPrefix is where plugin routers are served: /api/plugins/<id>.
const MountPrefix = "/api/plugins/"

// dispatch is the stable handler for one plugin id. Its router sits behind an atomic pointer so that a
// reload can swap it without touching the mux it is mounted on.
type dispatch struct {
	id       string
	log      *slog.Logger
	current  atomic.Pointer[http.Handler]
	requests gate
}

func newDispatch(h *Host, p *plugin) *dispatch {
	id := p.inst.exports.info.ID
	d := &dispatch{id: id, log: h.log.With("plugin", id)}
	d.serve(p.inst)
	return d
}

// serve makes inst's router answer the plugin's requests from now on.
func (d *dispatch) serve(inst *instance) {
	var handler http.Handler
	_ = inst.plat.RT.Do(context.Background(), func(_ *goja.Runtime) error {
		handler = inst.plat.App.Handler(inst.router, strings.TrimSuffix(MountPrefix, "/")+"/"+d.id, http.HandlerFunc(fallThrough))
		return nil
	})
	if handler != nil {
		d.current.Store(&handler)
	}
}

// fail makes the plugin's requests get 503 JSON naming why it is unavailable.
func (d *dispatch) fail(reason error) {
	msg := fmt.Sprintf("plugin %s is unavailable: %v", d.id, reason)
	var handler http.Handler = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		writeJSONError(w, http.StatusServiceUnavailable, msg)
	})
	d.current.Store(&handler)
}

// ServeHTTP hands the request to the plugin's router; when the host is closing, it answers 503. A Go
// panic below it (a host bug) is logged with the plugin id and ends the request: with 500 JSON when
// nothing was sent yet, else by cutting the connection.
func (d *dispatch) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !d.requests.enter() {
		writeJSONError(w, http.StatusServiceUnavailable, "plugin host is shutting down")
		return
	}
	defer d.requests.leave()
	h := d.current.Load()
	if h == nil {
		fallThrough(w, r)
		return
	}
	tw := &trackedWriter{ResponseWriter: w}
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
	(*h).ServeHTTP(tw, r)
}

// fallbackKey carries, in the request context, the handler for requests a plugin router passes on.
type fallbackKey struct{}

// withFallback makes next the handler for requests that leave a plugin router unhandled.
func withFallback(next http.Handler, r *http.Request) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), fallbackKey{}, next))
}

// fallThrough continues a request that a plugin router did not handle, as Express continues with the
// app's later middleware: the configured NotFound handler.
func fallThrough(w http.ResponseWriter, r *http.Request) {
	if next, ok := r.Context().Value(fallbackKey{}).(http.Handler); ok && next != nil {
		next.ServeHTTP(w, r)
		return
	}
	express.NotFound(w, r)
}

// Mount serves every mounted plugin at /api/plugins/<id> on r, below r's middleware, so a caller's
// authentication or logging applies to plugin routes. Requests a plugin passes on go to
// Options.NotFound, else r's NotFound handler. Call it once per router: chi refuses a second mount
// of the same path.
//
// chi matches the /api/plugins/<id> prefix case-sensitively; Handler matches it without regard to
// case, as Express does.
func (h *Host) Mount(r chi.Router) {
	fallback := h.fallback(r)
	for _, id := range h.mountedIDs() {
		d := h.dispatcher(id)
		r.Mount(MountPrefix+id, http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			d.ServeHTTP(w, withFallback(fallback, req))
		}))
	}
}

// Handler serves every mounted plugin for callers without chi: requests whose path starts with
// /api/plugins/<id> (case-insensitively, as Express matches) go to that plugin; every other request
// goes to Options.NotFound, else Express's 404 page. Mount it with mux.Handle("/api/plugins/", …).
func (h *Host) Handler() http.Handler {
	fallback := h.fallback(nil)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r = withFallback(fallback, r)
		if d := h.dispatcher(pluginIDFromPath(r.URL.EscapedPath())); d != nil {
			d.ServeHTTP(w, r)
			return
		}
		fallThrough(w, r)
	})
}

// pluginIDFromPath extracts <id> from /api/plugins/<id>[/...], matching the prefix case-insensitively;
// "" when the path is not under the mount prefix. Ids are lower-case by rule, so the segment is too.
func pluginIDFromPath(p string) string {
	if len(p) <= len(MountPrefix) || !strings.EqualFold(p[:len(MountPrefix)], MountPrefix) {
		return ""
	}
	rest := p[len(MountPrefix):]
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		rest = rest[:i]
	}
	return strings.ToLower(rest)
}

// fallback is the handler for requests no plugin handles: Options.NotFound, else the chi mux's own
// NotFound handler (looked up per request, so one set later applies), else nil for Express's 404.
func (h *Host) fallback(r chi.Router) http.Handler {
	if h.opts.NotFound != nil {
		return h.opts.NotFound
	}
	if nf, ok := r.(interface{ NotFoundHandler() http.HandlerFunc }); ok {
		return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) { nf.NotFoundHandler()(w, req) })
	}
	return nil
}

func (h *Host) dispatcher(id string) *dispatch {
	if id == "" {
		return nil
	}
	h.mu.RLock()
	defer h.mu.RUnlock()
	return h.mounted[id]
}

func (h *Host) mountedIDs() []string {
	h.mu.RLock()
	defer h.mu.RUnlock()
	ids := make([]string, 0, len(h.mounted))
	for id := range h.mounted {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// writeJSONError answers with the {error} JSON body plugins and the host use for failures.
func writeJSONError(w http.ResponseWriter, status int, msg string) {
	body, _ := json.Marshal(map[string]string{"error": msg})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
