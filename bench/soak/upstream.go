package main

import (
	"encoding/json"
	"net/http"
)

// upstream is the server the testdata/concurrency plugins call (their UPSTREAM): /echo answers the
// markers it received, as the plugins do; /hang holds its request until the client goes away. It is
// the soak's copy of the concurrency test's echoUpstream.
func upstream() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /echo", func(w http.ResponseWriter, r *http.Request) {
		var body struct{ M string }
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(echoReply{Query: r.URL.Query().Get("m"), Header: r.Header.Get("X-Marker"), Body: body.M})
	})
	mux.HandleFunc("GET /hang", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	return mux
}

// echoReply is what the echo routes answer: the request's marker as each source carried it.
type echoReply struct {
	Query  string `json:"query"`
	Header string `json:"header"`
	Body   string `json:"body"`
}
