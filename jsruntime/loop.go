package jsruntime

import (
	"sync"
)

// loop is a FIFO job queue drained by one goroutine. Jobs may be added from any goroutine; they run one
// at a time, so everything a job does to the goja runtime is single-threaded.
type loop struct {
	mu      sync.Mutex
	queue   []func()
	spare   []func()
	wake    chan struct{}
	stopped bool
	done    chan struct{}
}

func newLoop() *loop {
	return &loop{wake: make(chan struct{}, 1), done: make(chan struct{})}
}

// enqueue adds job to the queue. It reports false, dropping the job, once the loop is stopped.
func (l *loop) enqueue(job func()) bool {
	l.mu.Lock()
	if l.stopped {
		l.mu.Unlock()
		return false
	}
	l.queue = append(l.queue, job)
	first := len(l.queue) == 1
	l.mu.Unlock()
	if first {
		select {
		case l.wake <- struct{}{}:
		default:
		}
	}
	return true
}

// run drains the queue until stop is called. runJob wraps each job (panic recovery, interrupt checks).
// The queue and a spare slice swap roles each round, so a steady stream of jobs allocates nothing.
func (l *loop) run(runJob func(func())) {
	defer close(l.done)
	for {
		l.mu.Lock()
		for len(l.queue) == 0 && !l.stopped {
			l.mu.Unlock()
			<-l.wake
			l.mu.Lock()
		}
		if l.stopped {
			l.queue = nil
			l.mu.Unlock()
			return
		}
		batch := l.queue
		l.queue = l.spare[:0]
		l.spare = nil
		l.mu.Unlock()
		for i, job := range batch {
			batch[i] = nil
			runJob(job)
		}
		l.mu.Lock()
		l.spare = batch[:0]
		l.mu.Unlock()
	}
}

// stop makes run return after the job in progress and refuses further jobs. It does not wait.
func (l *loop) stop() {
	l.mu.Lock()
	already := l.stopped
	l.stopped = true
	l.mu.Unlock()
	if !already {
		select {
		case l.wake <- struct{}{}:
		default:
		}
	}
}
