package express

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync"
	"time"
)

// reqBodyDrain bounds how long a finished exchange keeps reading a body that req's stream is still
// consuming, so the stream can reach its end as it would in Node, which keeps reading the socket.
const reqBodyDrain = 2 * time.Second

// errBodyCut is what req's stream gets when the exchange ended before the body was read.
var errBodyCut = errors.New("request body no longer readable")

// reqBodyChunk bounds one read of the request body: Node's socket high-water mark, so memory per
// request stays small whatever the body's size.
const reqBodyChunk = 16 << 10

// reqBodyState says who reads a request body that the host's parsers left alone.
type reqBodyState int

const (
	bodyIdle      reqBodyState = iota // nobody has asked for it yet
	bodyStreaming                     // req's stream reads it, chunk by chunk
	bodyParser                        // a plugin body parser (express.text/raw) reads it whole
	bodyStopped                       // ServeHTTP is returning: the body is no longer readable
)

// reqBody is the HTTP side of req's stream: a goroutine that reads one bounded chunk each time the
// loop asks (req._read) and hands it to the loop, so the body is never held whole and a slow
// consumer slows the client down. It is created by ServeHTTP, which stops it before returning.
type reqBody struct {
	r  *http.Request
	rc *http.ResponseController

	mu      sync.Mutex
	state   reqBodyState
	claimed bool // the stream or a parser has taken the body (state may since be bodyStopped)
	reading bool // a Read of r.Body is in progress

	want chan struct{} // the loop wants one more chunk
	// settled is closed once the loop has seen the response end and decided what becomes of the
	// stream (responseDone); until then the loop may still start reading.
	settled    chan struct{}
	settleOnce sync.Once
	quit       chan struct{}
	done       chan struct{} // the reading goroutine has exited
	broken     chan struct{} // a read failed: the client went away mid-body
}

func newReqBody(w http.ResponseWriter, r *http.Request) *reqBody {
	return &reqBody{
		r:       r,
		rc:      http.NewResponseController(w),
		want:    make(chan struct{}, 1),
		settled: make(chan struct{}),
		quit:    make(chan struct{}),
		done:    make(chan struct{}),
		broken:  make(chan struct{}),
	}
}

// brokenC is closed when reading the body failed; nil (never ready) without a body.
func (b *reqBody) brokenC() <-chan struct{} {
	if b == nil {
		return nil
	}
	return b.broken
}

// next asks for one more chunk, starting the reading goroutine on first use; deliver is called on
// that goroutine with the chunk and the read's error (io.EOF at the end). It reports the body's
// state: only bodyStreaming means a chunk will come.
func (b *reqBody) next(deliver func([]byte, error)) reqBodyState {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch b.state {
	case bodyIdle:
		b.state = bodyStreaming
		b.claimed = true
		go b.run(deliver)
	case bodyStreaming:
	default:
		return b.state
	}
	select {
	case b.want <- struct{}{}:
	default:
	}
	return bodyStreaming
}

// settle records that the loop has handled the end of the response.
func (b *reqBody) settle() {
	if b != nil {
		b.settleOnce.Do(func() { close(b.settled) })
	}
}

// untouched reports whether nobody has started reading the body.
func (b *reqBody) untouched() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return !b.claimed
}

// claimForParser hands the whole body to a body parser; false when the stream has started reading
// it or the exchange is over.
func (b *reqBody) claimForParser() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.state != bodyIdle {
		return false
	}
	b.state = bodyParser
	b.claimed = true
	return true
}

func (b *reqBody) run(deliver func([]byte, error)) {
	defer close(b.done)
	for {
		select {
		case <-b.want:
		case <-b.quit:
			deliver(nil, errBodyCut)
			return
		}
		b.mu.Lock()
		if b.state == bodyStopped {
			b.mu.Unlock()
			deliver(nil, errBodyCut)
			return
		}
		b.reading = true
		b.mu.Unlock()

		buf := make([]byte, reqBodyChunk)
		n, err := b.r.Body.Read(buf)
		for n == 0 && err == nil {
			n, err = b.r.Body.Read(buf)
		}
		b.mu.Lock()
		b.reading = false
		b.mu.Unlock()
		if err != nil && !errors.Is(err, io.EOF) {
			close(b.broken)
		}
		deliver(buf[:n], err)
		if err != nil {
			return
		}
	}
}

// stop makes the body unreadable and waits for the reading goroutine, which must not touch r.Body
// once ServeHTTP returns. It first lets the loop handle the end of the response (which may start or
// keep reading the body), then gives a body the stream is reading up to reqBodyDrain in all to reach
// its end; a read blocked on a silent client is then cut short with a read deadline (the connection
// is closed instead of reused). loopDone is the runtime's Done: a stopped loop decides nothing.
func (b *reqBody) stop(loopDone <-chan struct{}) {
	if b == nil {
		return
	}
	drain, cancel := context.WithTimeout(context.Background(), reqBodyDrain)
	defer cancel()
	select {
	case <-b.settled:
	case <-loopDone:
	case <-drain.Done():
	}
	b.mu.Lock()
	started := b.state == bodyStreaming
	b.mu.Unlock()
	if started {
		select {
		case <-b.done:
		case <-loopDone:
		case <-drain.Done():
		}
	}
	b.mu.Lock()
	b.state = bodyStopped
	close(b.quit)
	if b.reading {
		_ = b.rc.SetReadDeadline(time.Now())
	}
	b.mu.Unlock()
	if started {
		<-b.done
	}
}
