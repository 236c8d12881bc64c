package express

import (
	"io"
	"net/http"
	"sync"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// opKind is a step of the response, produced on the loop and performed on the HTTP goroutine.
type opKind int

const (
	opHead   opKind = iota // write status and headers
	opData                 // write a body chunk and flush it
	opEnd                  // the response is complete
	opNext                 // the router fell through: hand the request to the next http.Handler
	opAbort                // an error after headers were sent: reset the connection, as Node destroys the socket
	opStream               // copy a body source (sendFile's file) to the client
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

// exchange carries one request's response from the loop to the HTTP goroutine. The ops a loop job
// pushes are published together when the job ends, so the HTTP goroutine is woken once per job and
// takes them in order. Once it has given up (timeout, client gone, done) pushes are dropped.
//
// Publishing per job also gives Node's corking: res.write corks the socket until the tick ends (or
// end() uncorks it), and destroying the socket meanwhile discards the corked bytes, so a handler that
// writes and then throws sends nothing. An abort drops the ops pushed since the cork began.
type exchange struct {
	rt        *jsruntime.Runtime
	mu        sync.Mutex
	ops       []op
	wake      chan struct{}
	abandoned bool
	// unpublished are the current job's ops, corkFrom the index among them where the cork began (-1:
	// not corked), publishing whether publish is registered to run after the job; loop-only.
	unpublished []op
	corkFrom    int
	publishing  bool
	// res is set on the loop by dispatch and read only by loop jobs queued after it.
	res *response

	// Reads of the request body started from the loop (express.text/raw) must end before ServeHTTP
	// returns; bodyDone refuses new ones once it does.
	bodyMu   sync.Mutex
	bodyWG   sync.WaitGroup
	bodyDone bool
}

func newExchange(rt *jsruntime.Runtime) *exchange {
	return &exchange{rt: rt, wake: make(chan struct{}, 1), corkFrom: -1}
}

// push queues o for the HTTP goroutine, which sees it when the current loop job ends; it reports
// false when the HTTP side no longer listens. Must be called on the loop.
func (x *exchange) push(o op) bool {
	x.mu.Lock()
	gone := x.abandoned
	x.mu.Unlock()
	if gone {
		discardOps([]op{o})
		return false
	}
	if !x.publishing {
		x.publishing = true
		x.rt.AfterJob(x.publish)
	}
	if x.unpublished == nil {
		// A response is usually a head and a body, at most a few writes, in one job.
		x.unpublished = make([]op, 0, 4)
	}
	x.unpublished = append(x.unpublished, o)
	return true
}

// mark is the position of the next op the current job pushes, for cork.
func (x *exchange) mark() int { return len(x.unpublished) }

// cork starts Node's cork at the op marked by from, unless the socket is corked already.
func (x *exchange) cork(from int) {
	if x.corkFrom < 0 {
		x.corkFrom = from
	}
}

// uncork ends the cork: what was pushed so far reaches the client even if an abort follows.
func (x *exchange) uncork() { x.corkFrom = -1 }

// dropCorked discards the ops pushed since the cork began, as destroying a corked socket does.
func (x *exchange) dropCorked() {
	if x.corkFrom < 0 {
		return
	}
	discardOps(x.unpublished[x.corkFrom:])
	clear(x.unpublished[x.corkFrom:])
	x.unpublished = x.unpublished[:x.corkFrom]
	x.corkFrom = -1
}

// publish hands the ending job's ops to the HTTP goroutine; the job's end is the tick's end, which
// uncorks. Runs on the loop.
func (x *exchange) publish() {
	ops := x.unpublished
	x.unpublished, x.corkFrom, x.publishing = nil, -1, false
	if len(ops) == 0 {
		return
	}
	x.mu.Lock()
	if x.abandoned {
		x.mu.Unlock()
		discardOps(ops)
		return
	}
	if len(x.ops) == 0 {
		x.ops = ops // the HTTP side took the previous slice: hand this one over instead of copying it
	} else {
		x.ops = append(x.ops, ops...)
	}
	x.mu.Unlock()
	select {
	case x.wake <- struct{}{}:
	default:
	}
}

// discardOps releases the body sources of ops that will not be performed.
func discardOps(ops []op) {
	for _, o := range ops {
		if o.src != nil {
			o.src.discard()
		}
	}
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
	discardOps(left)
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
