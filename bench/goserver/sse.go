package main

import (
	"fmt"
	"net/http"
	"time"
)

// sseStream is an LLM API's streamed answer: events evenly spaced over duration, each a chunk of
// the completion, then "data: [DONE]". Every stream has the same bytes, so clients can check them.
type sseStream struct {
	duration time.Duration
	events   int
}

func (s *sseStream) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	flusher.Flush()
	tick := time.NewTicker(s.duration / time.Duration(max(s.events, 1)))
	defer tick.Stop()
	for i := range s.events {
		select {
		case <-r.Context().Done():
			return
		case <-tick.C:
		}
		fmt.Fprintf(w, "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\","+
			"\"choices\":[{\"index\":0,\"delta\":{\"content\":\"token %03d \"}}]}\n\n", i)
		flusher.Flush()
	}
	fmt.Fprint(w, "data: [DONE]\n\n")
}
