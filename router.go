package pluginhost

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/pluginhost/pluginhost/jsruntime/express"
)

// MountPrefix is where plugin routers are served: /api/plugins/<id>.
const MountPrefix = "/api/plugins/"

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
		req = withFallback(fallback, req)
		if d := h.dispatcher(pluginIDFromPath(req.URL.EscapedPath())); d != nil {
			d.ServeHTTP(w, req)
			return
		}
		fallThrough(w, req)
	}))
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

// writeJSONError answers with the {error} JSON body plugins and the host use for failures.
func writeJSONError(w http.ResponseWriter, status int, msg string) {
	body, _ := json.Marshal(map[string]string{"error": msg})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
