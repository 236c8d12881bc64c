package pluginhost

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/pluginhost/pluginhost/jsruntime/express"
)

// MountPrefix is where plugin routers are served: /api/plugins/<id>.
const MountPrefix = "/api/plugins/"

// fallThrough continues a request that a plugin router did not handle, as Express continues with the
// app's later middleware: the fallback handler the dispatcher was given (Options.NotFound or the
// mux's NotFound), else Express's 404 page. It travels with the response writer rather than the
// request's context, which would cost a copy of every request.
func fallThrough(w http.ResponseWriter, r *http.Request) {
	if tw, ok := w.(*trackedWriter); ok {
		notFound(tw.fallback, tw, r)
		return
	}
	express.NotFound(w, r)
}

// notFound answers with fallback, or Express's 404 page when it is nil.
func notFound(fallback http.Handler, w http.ResponseWriter, r *http.Request) {
	if fallback != nil {
		fallback.ServeHTTP(w, r)
		return
	}
	express.NotFound(w, r)
}

// Mount serves the plugins at /api/plugins/<id> on r, below r's middleware, so a caller's
// authentication or logging applies to plugin routes. It registers one handler for /api/plugins/*
// which finds the plugin by id, so that plugins installed, reloaded or removed later are served (or
// not) without touching r. Requests for no plugin, and those a plugin passes on, go to
// Options.NotFound, else r's NotFound handler. Call it once per router: chi refuses a second mount
// of the same path.
//
// chi matches the /api/plugins prefix case-sensitively; the id, as in Express, is matched without
// regard to case. Handler matches the whole prefix without regard to case.
func (h *Host) Mount(r chi.Router) {
	fallback := h.fallback(r)
	r.Mount(strings.TrimSuffix(MountPrefix, "/"), http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if d := h.dispatcher(pluginIDFromPath(req.URL.EscapedPath())); d != nil {
			d.serve(w, req, fallback)
			return
		}
		notFound(fallback, w, req)
	}))
}

// Handler serves every mounted plugin for callers without chi: requests whose path starts with
// /api/plugins/<id> (case-insensitively, as Express matches) go to that plugin; every other request
// goes to Options.NotFound, else Express's 404 page. Mount it with mux.Handle("/api/plugins/", …).
func (h *Host) Handler() http.Handler {
	fallback := h.fallback(nil)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if d := h.dispatcher(pluginIDFromPath(r.URL.EscapedPath())); d != nil {
			d.serve(w, r, fallback)
			return
		}
		notFound(fallback, w, r)
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

// writeJSONError answers with the {error} JSON body plugins and the host use for failures.
func writeJSONError(w http.ResponseWriter, status int, msg string) {
	body, _ := json.Marshal(map[string]string{"error": msg})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
