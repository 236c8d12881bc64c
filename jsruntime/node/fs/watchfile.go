package fs

import (
	"errors"
	"os"
	"sync"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
)

// statPoller is the Go half of one fs.watchFile StatWatcher: it stats its file every interval of the
// runtime's Clock, off the loop, and reports to the loop the polls that differ from the one before,
// as libuv's fs poll does (the first poll only records, unless the file is missing).
type statPoller struct {
	rt       *jsruntime.Runtime
	path     string
	interval time.Duration
	onChange func(curr, prev fileStat) // on the loop

	mu      sync.Mutex
	timer   jsruntime.Timer
	stopped bool
	prev    fileStat      // the last successful stat, zeroed before there is one
	status  syscall.Errno // the last poll's error, or 0
	polled  bool
}

// start schedules the first poll; it runs at once, on the Clock so that tests control it too.
func (p *statPoller) start() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.prev = zeroStat
	p.timer = p.rt.Clock().AfterFunc(0, p.poll)
}

func (p *statPoller) poll() {
	info, err := os.Stat(p.path)
	p.mu.Lock()
	if p.stopped {
		p.mu.Unlock()
		return
	}
	report := false
	var curr, prev fileStat
	if err != nil {
		var errno syscall.Errno
		if !errors.As(err, &errno) {
			errno = syscall.ENOENT
		}
		// A failure is reported once, with zeroed current stats, until the error changes.
		if !p.polled || p.status != errno {
			report, curr, prev = true, zeroStat, p.prev
		}
		p.status = errno
	} else {
		st := statOf(info)
		if p.polled && (p.status != 0 || !p.prev.same(st)) {
			report, curr, prev = true, st, p.prev
		}
		p.prev, p.status = st, 0
	}
	p.polled = true
	p.timer = p.rt.Clock().AfterFunc(p.interval, p.poll)
	p.mu.Unlock()
	if report {
		p.rt.RunOnLoop(func(*goja.Runtime) {
			if !p.isStopped() {
				p.onChange(curr, prev)
			}
		})
	}
}

func (p *statPoller) isStopped() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stopped
}

// stop ends the polling; a poll in progress reports nothing.
func (p *statPoller) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopped = true
	if p.timer != nil {
		p.timer.Stop()
	}
}
