package child_process

import (
	"context"
	"errors"
	"io"
	"os"
	"sync"
	"syscall"
	"time"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// syncOptions is a normalised spawnSync call.
type syncOptions struct {
	spawnOptions
	input      []byte        // written to stdin when it is a pipe, which is then closed
	timeout    time.Duration // 0: none
	killSignal syscall.Signal
	maxBuffer  float64 // bytes of output, stdout and stderr together; +Inf: no limit
}

// syncResult is what spawnSync reports. errno is 0 or the negative errno of result.error; output is
// nil when the process never started, and holds nil for a descriptor that was not a pipe; signal is
// the name of the signal that ended the child, "" when it exited with status.
type syncResult struct {
	pid    int
	output [][]byte
	status int
	signal string
	errno  int
}

// spawnSync runs a child to completion, blocking the caller (the loop, as in Node). A timeout or
// output beyond maxBuffer kills the child with killSignal, sets ETIMEDOUT or ENOBUFS and, like Node,
// stops reading its outputs, so that what the child started cannot hold the call; the end of ctx
// (the plugin stopping) kills its whole process group and closes its pipes, so Close never waits for
// it.
func spawnSync(ctx context.Context, rt *jsruntime.Runtime, o *syncOptions) syncResult {
	cmd, p, err := o.launch()
	if err != nil {
		return syncResult{errno: negErrno(err)}
	}
	run := &syncRun{proc: cmd.Process, opts: o, pipes: p}
	res := syncResult{pid: cmd.Process.Pid, output: make([][]byte, 3)}
	var pumps sync.WaitGroup
	if f := p.parent[0]; f != nil {
		pumps.Go(func() {
			_, _ = f.Write(o.input) // a child that does not read its input is not an error, as in Node
			_ = f.Close()
		})
	}
	for fd := 1; fd <= 2; fd++ {
		if f := p.parent[fd]; f != nil {
			pumps.Go(func() { res.output[fd] = run.collect(f) })
		}
	}
	for _, l := range p.logs {
		pumps.Go(func() {
			logLines(rt, l, cmd.Process.Pid)
			_ = l.f.Close()
		})
	}
	var timer *time.Timer
	if o.timeout > 0 {
		timer = time.AfterFunc(o.timeout, func() { run.fail(syscall.ETIMEDOUT) })
	}
	// Like Node, wait for the child and for its outputs to end (whatever inherited them may keep them
	// open); the end of ctx cuts both short.
	var waitErr error
	done := make(chan struct{})
	go func() {
		waitErr = cmd.Wait()
		pumps.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
		killGroup(cmd.Process)
		p.closeAll()
		<-done
	}
	if timer != nil {
		timer.Stop()
	}
	if cmd.ProcessState == nil {
		return syncResult{pid: res.pid, errno: negErrno(waitErr)}
	}
	res.status, res.signal = exitStatus(cmd.ProcessState)
	res.errno = run.errno()
	return res
}

// syncRun is the state a spawnSync's goroutines share.
type syncRun struct {
	proc  *os.Process
	opts  *syncOptions
	pipes *plumbing

	mu       sync.Mutex
	buffered float64
	err      syscall.Errno // the first failure: ETIMEDOUT or ENOBUFS
}

// fail records err, unless a failure came first, kills the child with killSignal and closes the
// host's ends of its pipes.
func (r *syncRun) fail(err syscall.Errno) {
	r.mu.Lock()
	first := r.err == 0
	if first {
		r.err = err
	}
	r.mu.Unlock()
	if first {
		_ = r.proc.Signal(r.opts.killSignal)
		r.pipes.closeAll()
	}
}

func (r *syncRun) errno() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return -int(r.err)
}

// collect reads f to its end. Past maxBuffer (counted over all outputs, as Node does) the child is
// killed; the chunk that crossed the limit is kept and the rest discarded.
func (r *syncRun) collect(f *os.File) []byte {
	defer f.Close()
	out := []byte{}
	buf := make([]byte, readChunk)
	for {
		n, err := f.Read(buf)
		if n > 0 {
			r.mu.Lock()
			over := r.buffered > r.opts.maxBuffer
			r.buffered += float64(n)
			crossed := !over && r.buffered > r.opts.maxBuffer
			r.mu.Unlock()
			if !over {
				out = append(out, buf[:n]...)
			}
			if crossed {
				r.fail(syscall.ENOBUFS)
			}
		}
		if err != nil {
			if !errors.Is(err, io.EOF) && !errors.Is(err, os.ErrClosed) {
				r.fail(syscall.Errno(-negErrno(err)))
			}
			return out
		}
	}
}
