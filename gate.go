package pluginhost

import (
	"context"
	"net/http"
	"sync"
)

// gate counts a dispatcher's requests in flight, so that Close can refuse new ones and wait for the
// rest. The zero value is open.
type gate struct {
	mu     sync.Mutex
	n      int
	closed bool
	idle   chan struct{} // made by close; closed when n reaches 0
}

// enter admits a request, or reports false once the gate is closed.
func (g *gate) enter() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return false
	}
	g.n++
	return true
}

// leave ends a request admitted by enter.
func (g *gate) leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.n--
	if g.n == 0 && g.idle != nil {
		close(g.idle)
		g.idle = nil
	}
}

// close refuses new requests and waits until those in flight have left or ctx ends.
func (g *gate) close(ctx context.Context) {
	g.mu.Lock()
	g.closed = true
	if g.n == 0 {
		g.mu.Unlock()
		return
	}
	if g.idle == nil {
		g.idle = make(chan struct{})
	}
	idle := g.idle
	g.mu.Unlock()
	select {
	case <-idle:
	case <-ctx.Done():
	}
}

// trackedWriter records whether anything was sent, so a failure can still answer with an error when
// nothing was. It passes Flush on (plugins stream) and unwraps for http.ResponseController.
type trackedWriter struct {
	http.ResponseWriter
	wrote    bool
	fallback http.Handler // for requests the plugin passes on (see fallThrough); nil: Express's 404
}

func (w *trackedWriter) WriteHeader(code int) {
	w.wrote = true
	w.ResponseWriter.WriteHeader(code)
}

func (w *trackedWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

func (w *trackedWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *trackedWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
