package jsruntime

import (
	"fmt"
	"time"
)

// BusyError is why the watchdog interrupted a runtime: one job (a request handler, a timer callback,
// a promise chain, module code, init or exit) kept the loop for longer than the limit given to Watch
// without returning to it. JS that was interrupted does not resume, so the runtime's state is left as the
// interrupted code left it; the host replaces such a runtime.
type BusyError struct {
	Name  string        // the runtime's name (the plugin id)
	Limit time.Duration // the limit given to Watch
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("plugin %s ran JavaScript for more than %s without yielding to its event loop", e.Name, e.Limit)
}

// minWatchPeriod keeps the watchdog from spinning for tiny limits (tests use tens of milliseconds).
const minWatchPeriod = 5 * time.Millisecond

// Watch starts the watchdog: a job that keeps the loop for longer than limit (JS that never returns
// to the event loop: a busy loop, or a synchronous call that never ends) is interrupted with a
// *BusyError, and onBusy, when not nil, is called on a goroutine of its own. Checks are a quarter of
// limit apart, so a job is stopped between limit and 1.25×limit after it started. The host starts it
// once its own setup of the runtime is done, so only plugin code is held to the limit. Call it once.
func (r *Runtime) Watch(limit time.Duration, onBusy func(*BusyError)) {
	go r.watch(limit, onBusy)
}

// watch is the watchdog's goroutine; it returns when the loop stops.
//
// A job that ends just as the watchdog fires leaves the interrupt pending, and the next job is
// stopped at once instead: either way the runtime had a job over the limit and is to be replaced.
func (r *Runtime) watch(limit time.Duration, onBusy func(*BusyError)) {
	tick := time.NewTicker(max(limit/4, minWatchPeriod))
	defer tick.Stop()
	var interrupted int64 // the start time of the job already interrupted
	for {
		select {
		case <-r.loop.done:
			return
		case now := <-tick.C:
			start := r.jobStart.Load()
			if start == 0 || start == interrupted || now.UnixNano()-start <= int64(limit) {
				continue
			}
			interrupted = start
			err := &BusyError{Name: r.name.Load().(string), Limit: limit}
			r.Interrupt(err)
			if onBusy != nil {
				go r.contain(func() { onBusy(err) })
			}
		}
	}
}

// stopCause boxes an error for an atomic pointer.
type stopCause struct{ err error }

// Interrupt stops the JS running now with cause (an *goja.InterruptedError carrying it comes out of
// the call that ran it); when no JS runs, the next job stops at once instead. The host uses it for
// runtimes it replaces: the watchdog's BusyError, the heap limit. Safe from any goroutine.
func (r *Runtime) Interrupt(cause error) {
	r.cause.CompareAndSwap(nil, &stopCause{cause})
	r.vm.Interrupt(cause)
}

// Cause returns the first cause given to Interrupt, or nil. Safe from any goroutine.
func (r *Runtime) Cause() error {
	if c := r.cause.Load(); c != nil {
		return c.err
	}
	return nil
}

// JobTime is how long the job in progress has been running, 0 when the loop is idle. Safe from any
// goroutine.
func (r *Runtime) JobTime() time.Duration {
	start := r.jobStart.Load()
	if start == 0 {
		return 0
	}
	return time.Duration(time.Now().UnixNano() - start)
}
