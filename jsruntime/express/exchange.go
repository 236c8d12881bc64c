package express

import (
	"io"
	"net/http"
	"sync"
)

// opKind is a step of the response, produced on the loop and performed on the HTTP goroutine.
type opKind int

const (
	opHead  opKind = iota // write status and headers
	opData                // write a body chunk and flush it
	opEnd                 // the response is complete
	opNext                // the router fell through: hand the request to the next http.Handler
	opAbort               // an error after headers were sent: reset the connection, as Node destroys the socket
	opStream              // copy a body source (sendFile's file) to the client
)

type op struct {
	kind   opKind
	status int
	header http.Header
	data   []byte
	// flushed, when set on an opData, is called on the HTTP goroutine once the chunk was written and
	// flushed (write's backpressure accounting).
	flushed func()
	src     bodySource // opStream
}

// bodySource is a response body produced on the HTTP goroutine, so a large file never passes through
// the loop or memory. Exactly one of stream and discard is called.
type bodySource interface {
	// stream copies the body to w. A non-nil error means the response cannot be completed.
	stream(w io.Writer) error
	// discard releases the source when the response ends without performing it.
	discard()
}

// exchange carries one request's response from the loop to the HTTP goroutine: the loop appends ops
// under a mutex and signals; the HTTP goroutine takes them in order. Once the HTTP side has given up
// (timeout, client gone, done) pushes are dropped.
type exchange struct {
	mu        sync.Mutex
	ops       []op
	wake      chan struct{}
	abandoned bool
	// res is set on the loop by dispatch and read only by loop jobs queued after it.
	res *response

	// Reads of the request body started from the loop (express.text/raw) must end before ServeHTTP
	// returns; bodyDone refuses new ones once it does.
	bodyMu   sync.Mutex
	bodyWG   sync.WaitGroup
	bodyDone bool
}

func newExchange() *exchange {
	return &exchange{wake: make(chan struct{}, 1)}
}

// push queues o for the HTTP goroutine; it reports false when the HTTP side no longer listens.
func (x *exchange) push(o op) bool {
	x.mu.Lock()
	if x.abandoned {
		x.mu.Unlock()
		if o.src != nil {
			o.src.discard()
		}
		return false
	}
	x.ops = append(x.ops, o)
	x.mu.Unlock()
	select {
	case x.wake <- struct{}{}:
	default:
	}
	return true
}

// take returns the queued ops.
func (x *exchange) take() []op {
	x.mu.Lock()
	ops := x.ops
	x.ops = nil
	x.mu.Unlock()
	return ops
}

// abandon makes later pushes fail and releases the body sources still queued. It reports whether
// this call abandoned the exchange.
func (x *exchange) abandon() bool {
	x.mu.Lock()
	was := x.abandoned
	x.abandoned = true
	left := x.ops
	x.ops = nil
	x.mu.Unlock()
	for _, o := range left {
		if o.src != nil {
			o.src.discard()
		}
	}
	return !was
}

// startBodyRead registers a body read; false means ServeHTTP has returned and the body is gone.
func (x *exchange) startBodyRead() bool {
	x.bodyMu.Lock()
	defer x.bodyMu.Unlock()
	if x.bodyDone {
		return false
	}
	x.bodyWG.Add(1)
	return true
}

// finishBodyReads waits for body reads in flight and refuses new ones.
func (x *exchange) finishBodyReads() {
	x.bodyMu.Lock()
	x.bodyDone = true
	x.bodyMu.Unlock()
	x.bodyWG.Wait()
}
