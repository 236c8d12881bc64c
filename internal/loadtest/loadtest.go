// Package loadtest holds what tests and the bench programs share to put load on plugins: for the root
// package's concurrency and leak tests and bench/soak, the echo routes of testdata/concurrency, the
// upstream server they call, the markers that tie an answer to its request and a goroutine census;
// for bench/suite and the Express shim's JSON tests, the echo workload's document.
package loadtest

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
)

// EchoRoutes are the marker-echoing routes of testdata/concurrency, each through different async work.
var EchoRoutes = []string{
	"/api/plugins/await-echo/echo",
	"/api/plugins/timers-echo/echo",
	"/api/plugins/fetch-echo/fetch",
	"/api/plugins/fetch-echo/http",
	"/api/plugins/stream-echo/echo",
	"/api/plugins/resources/exec",
	"/api/plugins/resources/watch",
	"/api/plugins/spin-echo/echo",
}

// Upstream is the server the testdata/concurrency plugins call (their UPSTREAM). /echo answers the
// markers it received, as the plugins do; /hang holds its request until the client goes away, then
// sends on hung (when hung is not nil).
func Upstream(hung chan<- struct{}) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /echo", func(w http.ResponseWriter, r *http.Request) {
		var body struct{ M string }
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(EchoReply{Query: r.URL.Query().Get("m"), Header: r.Header.Get("X-Marker"), Body: body.M})
	})
	mux.HandleFunc("GET /hang", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
		if hung != nil {
			hung <- struct{}{}
		}
	})
	return mux
}

// EchoReply is what the echo routes answer: the request's marker as each source carried it.
type EchoReply struct {
	Query  string `json:"query"`
	Header string `json:"header"`
	Body   string `json:"body"`
}

// NewMarker returns a marker unique to one request, made only of characters that are safe in a URL,
// a header, a file name and a process argument.
func NewMarker(client, request int) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("c%02d-r%07d-%s", client, request, hex.EncodeToString(b[:]))
}

// CheckEcho reports whether an echo route's answer body carries marker from all three sources.
func CheckEcho(body []byte, marker string) error {
	var got EchoReply
	if err := json.Unmarshal(body, &got); err != nil {
		return fmt.Errorf("%v in %.300s", err, body)
	}
	if want := (EchoReply{marker, marker, marker}); got != want {
		return fmt.Errorf("answer %+v, want marker %s everywhere", got, marker)
	}
	return nil
}

// Goroutines returns the stack of every goroutine, by goroutine id.
func Goroutines() map[int]string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	out := map[int]string{}
	for _, g := range bytes.Split(buf, []byte("\n\n")) {
		var id int
		if _, err := fmt.Sscanf(string(g), "goroutine %d ", &id); err == nil {
			out[id] = string(g)
		}
	}
	return out
}
