package pluginhost

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
)

// upstreamAPI is the remote API the http-clients plugin calls with axios and node-fetch. It answers
// with what it received, so the test asserts the requests as the server saw them:
//
//	GET  /json     the method, client (User-Agent product), X-Plugin header and query
//	GET  /gzip     a gzip-encoded JSON body (and whether the client accepted gzip)
//	GET  /missing  404 with a JSON error
//	POST /upload   the multipart/form-data body: boundary, fields, parts and the file
func upstreamAPI() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /json", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{
			"method": r.Method,
			"client": userAgentProduct(r),
			"plugin": r.Header.Get("X-Plugin"),
			"query":  r.URL.Query(),
		})
	})
	mux.HandleFunc("GET /gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		_ = json.NewEncoder(zw).Encode(map[string]any{
			"compressed":  true,
			"acceptsGzip": strings.Contains(r.Header.Get("Accept-Encoding"), "gzip"),
			"items":       []int{1, 2, 3},
		})
		_ = zw.Close()
	})
	mux.HandleFunc("GET /missing", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]any{"error": "nope"})
	})
	mux.HandleFunc("POST /upload", func(w http.ResponseWriter, r *http.Request) {
		got, err := readUpload(r)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]any{"error": err.Error()})
			return
		}
		got["client"] = userAgentProduct(r)
		writeJSON(w, http.StatusOK, got)
	})
	return mux
}

// readUpload reads a multipart/form-data request part by part, in the order the client sent them.
func readUpload(r *http.Request) (map[string]any, error) {
	mediaType, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return nil, err
	}
	if mediaType != "multipart/form-data" {
		return nil, fmt.Errorf("content type %q, want multipart/form-data", mediaType)
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, err
	}
	fields := map[string][]string{}
	parts := []map[string]string{}
	file := ""
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, err
		}
		parts = append(parts, map[string]string{
			"name":     p.FormName(),
			"filename": p.FileName(),
			"type":     p.Header.Get("Content-Type"),
		})
		if p.FileName() != "" {
			file = string(data)
		} else {
			fields[p.FormName()] = append(fields[p.FormName()], string(data))
		}
	}
	return map[string]any{
		"boundary":    params["boundary"],
		"lengthKnown": r.ContentLength > 0,
		"fields":      fields,
		"parts":       parts,
		"file":        file,
	}, nil
}

// userAgentProduct is the product token of the User-Agent ("axios" in "axios/1.7.0").
func userAgentProduct(r *http.Request) string {
	product, _, _ := strings.Cut(r.Header.Get("User-Agent"), "/")
	return product
}
