package pluginhost

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"
)

// manageBodyLimit caps the JSON bodies the management handler reads.
const manageBodyLimit = 64 << 10

// ManagementHandler serves the management API as JSON, for an admin panel. It has no authentication
// of its own: mount it behind the application's, e.g. r.With(adminOnly).Mount("/admin/plugins",
// host.ManagementHandler()). Paths are relative to where it is mounted:
//
//	GET    /                       List
//	POST   /                       Install; body {"url": "..."}; 201 with the plugin
//	GET    /{folder}               one plugin, as List describes it
//	DELETE /{folder}               Remove; 204
//	POST   /{folder}/update        Update; the UpdateResult
//	POST   /{folder}/reload        reload from disk; the plugin, or 422 when it did not load
//	GET    /{folder}/dependencies  DependencyStatus
//	POST   /{folder}/dependencies  InstallDependencies; then the plugin
//
// Failures answer {"error": "..."}: 400 for a malformed body, URL or folder name, 404 for an unknown
// plugin, 409 when the folder exists or plugins are disabled, 503 when the host is closing or npm is
// missing, 504 when the request's context ended, 500 otherwise (a git or npm failure among them).
func (h *Host) ManagementHandler() http.Handler {
	r := chi.NewRouter()
	r.Get("/", func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, http.StatusOK, h.List()) })
	r.Post("/", func(w http.ResponseWriter, req *http.Request) {
		var body struct {
			URL string `json:"url"`
		}
		if !readJSON(w, req, &body) {
			return
		}
		if body.URL == "" {
			writeJSONError(w, http.StatusBadRequest, `body must be {"url": "<git repository URL>"}`)
			return
		}
		p, err := h.Install(req.Context(), body.URL)
		answer(w, http.StatusCreated, p, err)
	})
	r.Route("/{folder}", func(r chi.Router) {
		r.Get("/", func(w http.ResponseWriter, req *http.Request) {
			p, err := h.Plugin(chi.URLParam(req, "folder"))
			answer(w, http.StatusOK, p, err)
		})
		r.Delete("/", func(w http.ResponseWriter, req *http.Request) {
			if err := h.Remove(req.Context(), chi.URLParam(req, "folder")); err != nil {
				answer(w, 0, nil, err)
				return
			}
			w.WriteHeader(http.StatusNoContent)
		})
		r.Post("/update", func(w http.ResponseWriter, req *http.Request) {
			res, err := h.Update(req.Context(), chi.URLParam(req, "folder"))
			answer(w, http.StatusOK, res, err)
		})
		r.Post("/reload", func(w http.ResponseWriter, req *http.Request) {
			folder := chi.URLParam(req, "folder")
			if err := checkFolder(folder); err != nil {
				answer(w, 0, nil, err)
				return
			}
			if err := h.refresh(req.Context(), folder); err != nil && !isLoadFailure(err) {
				answer(w, 0, nil, err)
				return
			}
			p, err := h.Plugin(folder)
			status := http.StatusOK
			if err == nil && (!p.Loaded || p.ReloadError != "") {
				status = http.StatusUnprocessableEntity
			}
			answer(w, status, p, err)
		})
		r.Get("/dependencies", func(w http.ResponseWriter, req *http.Request) {
			deps, err := h.DependencyStatus(chi.URLParam(req, "folder"))
			answer(w, http.StatusOK, deps, err)
		})
		r.Post("/dependencies", func(w http.ResponseWriter, req *http.Request) {
			folder := chi.URLParam(req, "folder")
			if err := h.InstallDependencies(req.Context(), folder); err != nil && !isLoadFailure(err) {
				answer(w, 0, nil, err)
				return
			}
			p, err := h.Plugin(folder)
			answer(w, http.StatusOK, p, err)
		})
	})
	return r
}

// isLoadFailure reports whether err is a plugin failing to load after a management call changed
// it: the call itself worked, and the plugin's description says why it did not load.
func isLoadFailure(err error) bool {
	var le *LoadError
	return errors.As(err, &le)
}

// answer writes v with status, or err as {"error"} with the status its kind calls for.
func answer(w http.ResponseWriter, status int, v any, err error) {
	if err == nil {
		writeJSON(w, status, v)
		return
	}
	code := http.StatusInternalServerError
	switch {
	case errors.Is(err, ErrInvalidFolder), errors.Is(err, ErrInvalidURL):
		code = http.StatusBadRequest
	case errors.Is(err, ErrUnknownPlugin):
		code = http.StatusNotFound
	case errors.Is(err, ErrExists), errors.Is(err, ErrDisabled):
		code = http.StatusConflict
	case errors.Is(err, ErrClosed), errors.Is(err, ErrNoNPM):
		code = http.StatusServiceUnavailable
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		code = http.StatusGatewayTimeout
	}
	writeJSONError(w, code, err.Error())
}

// readJSON decodes the request's JSON body into v, answering 400 when it cannot.
func readJSON(w http.ResponseWriter, req *http.Request, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, req.Body, manageBodyLimit))
	if err := dec.Decode(v); err != nil {
		writeJSONError(w, http.StatusBadRequest, "malformed JSON body: "+err.Error())
		return false
	}
	return true
}

// writeJSON answers v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		writeJSONError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
