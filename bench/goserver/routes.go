package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"time"
)

// The resources of bench/plugins/routes, five routes each, registered in the same order.
var resources = []string{
	"characters", "chats", "groups", "worlds", "presets",
	"backgrounds", "avatars", "themes", "extensions", "settings",
}

// routes registers the plugins' routes under their /api/plugins/<id>/ paths.
func routes(mux *http.ServeMux, files, upstream string) {
	// hello-world and its twenty copies hello-00..hello-19; the start-up plugins s00..s48 and bundle.
	mux.HandleFunc("GET /api/plugins/hello-world/hello", hello)
	for i := range 50 {
		if i < 20 {
			mux.HandleFunc(fmt.Sprintf("GET /api/plugins/hello-%02d/hello", i), hello)
		}
		id := fmt.Sprintf("s%02d", i)
		if i == 49 {
			id = "bundle"
		}
		mux.HandleFunc("GET /api/plugins/"+id+"/ok", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, map[string]any{"id": id, "ok": true})
		})
	}
	mux.HandleFunc("POST /api/plugins/echo/echo", echo)
	for _, res := range resources {
		base := "/api/plugins/routes/" + res
		mux.HandleFunc("GET "+base, func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, map[string]any{"resource": res, "items": []any{}})
		})
		mux.HandleFunc("GET "+base+"/{id}", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, map[string]any{"resource": res, "id": r.PathValue("id")})
		})
		mux.HandleFunc("POST "+base, func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusCreated, map[string]any{"resource": res})
		})
		mux.HandleFunc("GET "+base+"/{id}/{field}", func(w http.ResponseWriter, r *http.Request) {
			field(w, r, res)
		})
		mux.HandleFunc("PUT "+base+"/{id}", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, map[string]any{"resource": res, "id": r.PathValue("id")})
		})
	}
	mux.HandleFunc("GET /api/plugins/relay/relay", func(w http.ResponseWriter, r *http.Request) {
		relay(w, r, upstream)
	})
	mux.HandleFunc("GET /api/plugins/static/large", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, filepath.Join(files, "large.bin"))
	})
	mux.HandleFunc("GET /api/plugins/static/small", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, filepath.Join(files, "small.css"))
	})
}

func hello(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, struct {
		Message string `json:"message"`
		Time    string `json:"time"`
	}{"Hello from server plugin!", time.Now().UTC().Format("2006-01-02T15:04:05.000Z")})
}

// echo parses the JSON body and serialises it again, as res.json(req.body) does. The benchmark's
// body has its keys in sorted order, which is the order a Go map serialises in.
func echo(w http.ResponseWriter, r *http.Request) {
	dec := json.NewDecoder(io.LimitReader(r.Body, 500<<20))
	dec.UseNumber()
	var body any
	if err := dec.Decode(&body); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, body)
}

// field answers the routes plugin's GET /<resource>/:id/:field: the path parameters and the parsed
// query, keys in the order they came (as qs does), repeated keys as arrays.
func field(w http.ResponseWriter, r *http.Request, resource string) {
	type pair struct {
		key    string
		values []string
	}
	var query []pair
	for part := range strings.SplitSeq(r.URL.RawQuery, "&") {
		k, v, _ := strings.Cut(part, "=")
		if k, err := url.QueryUnescape(k); err == nil && k != "" {
			v, _ = url.QueryUnescape(v)
			found := false
			for i := range query {
				if query[i].key == k {
					query[i].values = append(query[i].values, v)
					found = true
				}
			}
			if !found {
				query = append(query, pair{k, []string{v}})
			}
		}
	}
	var b bytes.Buffer
	b.WriteString(`{"resource":`)
	writeString(&b, resource)
	b.WriteString(`,"params":{"id":`)
	writeString(&b, r.PathValue("id"))
	b.WriteString(`,"field":`)
	writeString(&b, r.PathValue("field"))
	b.WriteString(`},"query":{`)
	for i, p := range query {
		if i > 0 {
			b.WriteByte(',')
		}
		writeString(&b, p.key)
		b.WriteByte(':')
		if len(p.values) == 1 {
			writeString(&b, p.values[0])
			continue
		}
		b.WriteByte('[')
		for j, v := range p.values {
			if j > 0 {
				b.WriteByte(',')
			}
			writeString(&b, v)
		}
		b.WriteByte(']')
	}
	b.WriteString("}}")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(b.Bytes())
}

func writeString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	b.Truncate(b.Len() - 1) // Encode's newline
}

// relay pipes the upstream's event stream to the client, flushing every chunk as it arrives.
func relay(w http.ResponseWriter, r *http.Request, upstream string) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, upstream, nil)
	if err != nil {
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": err.Error()})
		return
	}
	req.Header.Set("Accept", "text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": err.Error()})
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	flusher := w.(http.Flusher)
	flusher.Flush()
	buf := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(buf)
		if n > 0 {
			if _, werr := w.Write(buf[:n]); werr != nil {
				return
			}
			flusher.Flush()
		}
		if err != nil {
			return
		}
	}
}

// writeJSON answers v as compact JSON without HTML escaping, as JSON.stringify writes it.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	b.Truncate(b.Len() - 1)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}
