package child_process

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"sync"
	"syscall"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
)

// readChunk is how much one read from a child's output asks for: libuv's 64 KiB.
const readChunk = 64 << 10

// spawnOptions is a normalised spawn call (child_process.js normalizeSpawnArguments).
type spawnOptions struct {
	file  string   // the command as given; looked up in the PATH of env
	args  []string // argv, argv[0] included
	cwd   string   // "" for the host's working directory
	env   []string // the whole environment, "KEY=value"
	stdio [3]stdio
}

// launch starts the child o describes, looking its command up in the child's own PATH, and returns
// it with the host's ends of its descriptors. A returned error carries the errno Node reports.
func (o *spawnOptions) launch() (*exec.Cmd, *plumbing, error) {
	path, err := lookPath(o.file, o.env, o.cwd)
	if err != nil {
		return nil, nil, err
	}
	env := append(make([]string, 0, len(o.env)), o.env...) // never nil: nil means the host's environment
	cmd := &exec.Cmd{Path: path, Args: o.args, Env: env, Dir: o.cwd, SysProcAttr: sysProcAttr()}
	p, err := newPlumbing(o.stdio)
	if err != nil {
		return nil, nil, err
	}
	p.attach(cmd)
	if err := cmd.Start(); err != nil {
		p.closeAll()
		return nil, nil, err
	}
	p.closeChildEnds()
	return cmd, p, nil
}

// child is a running (or exited, not yet fully read) process started by spawn. Its JS face is the
// handle object that newHandle builds; child_process.js's ChildProcess wraps that.
type child struct {
	rt   *jsruntime.Runtime
	reg  *registry
	proc *os.Process
	obj  *goja.Object // the handle: JS sets its onexit and onlogged
	logs int          // outputs going to the logger

	mu     sync.Mutex
	open   map[*os.File]bool // the host's ends still open: pipes and logged outputs
	exited bool

	// Loop-only.
	pipes   [3]*os.File
	reading [3]bool
	bufs    [3][]byte
}

// start starts the child described by o. A returned error carries the errno Node reports.
func start(rt *jsruntime.Runtime, reg *registry, o *spawnOptions) (*child, error) {
	cmd, p, err := o.launch()
	if err != nil {
		return nil, err
	}
	c := &child{rt: rt, reg: reg, proc: cmd.Process, logs: len(p.logs), open: map[*os.File]bool{}, pipes: p.parent}
	for _, f := range p.parent {
		if f != nil {
			c.open[f] = true
		}
	}
	for _, l := range p.logs {
		c.open[l.f] = true
	}
	reg.add(c)
	for _, l := range p.logs {
		go func() {
			logLines(rt, l, c.proc.Pid)
			c.closeFile(l.f)
			rt.RunOnLoop(func(*goja.Runtime) { c.call("onlogged") })
		}()
	}
	go c.wait(cmd)
	return c, nil
}

// wait reaps the child and reports its exit on the loop.
func (c *child) wait(cmd *exec.Cmd) {
	err := cmd.Wait()
	code, signal := 1, ""
	if cmd.ProcessState != nil {
		code, signal = exitStatus(cmd.ProcessState)
	} else {
		c.rt.Logger().Error("child_process: waiting for a child failed; reporting exit code 1", "pid", c.proc.Pid, "error", err)
	}
	c.mu.Lock()
	c.exited = true
	done := len(c.open) == 0
	c.mu.Unlock()
	if done {
		c.reg.remove(c)
	}
	c.rt.RunOnLoop(func(vm *goja.Runtime) {
		sig := goja.Null()
		if signal != "" {
			sig = vm.ToValue(signal)
		}
		c.call("onexit", vm.ToValue(code), sig)
	})
}

// call calls the handle's JS callback name, logging what it throws: it runs plugin listeners
// ('exit', 'close'), whose exceptions must not escape into the host.
func (c *child) call(name string, args ...goja.Value) {
	fn, ok := goja.AssertFunction(c.obj.Get(name))
	if !ok {
		return
	}
	if _, err := fn(c.obj, args...); err != nil {
		logListenerError(c.rt, err)
	}
}

// read asks for the next chunk of fd's output; cb receives a Buffer, null at end-of-file, or a
// negative errno. One read per descriptor is outstanding at a time, so nothing is read before the
// stream wants it: a plugin that stops reading stops the child at a full pipe, as in Node.
func (c *child) read(fd int, cb goja.Callable) {
	f := c.pipes[fd]
	if f == nil || c.reading[fd] {
		return
	}
	c.reading[fd] = true
	if c.bufs[fd] == nil {
		c.bufs[fd] = make([]byte, readChunk)
	}
	buf := c.bufs[fd]
	go func() {
		n, err := f.Read(buf)
		data := bytes.Clone(buf[:n])
		c.rt.RunOnLoop(func(vm *goja.Runtime) {
			c.reading[fd] = false
			var arg goja.Value
			switch {
			case n > 0:
				arg = buffer.New(c.rt, data)
			case err == nil:
				c.read(fd, cb)
				return
			case errors.Is(err, io.EOF):
				arg = goja.Null()
			case errors.Is(err, os.ErrClosed):
				return // the stream was destroyed; nobody waits for this read
			default:
				arg = vm.ToValue(negErrno(err))
			}
			if _, err := cb(goja.Undefined(), arg); err != nil {
				logListenerError(c.rt, err)
			}
		})
	}()
}

// write writes data to the child's stdin off the loop; cb receives 0 or a negative errno. The
// Writable above calls it once at a time, so writes keep their order.
func (c *child) write(data []byte, cb goja.Callable) {
	f := c.pipes[0]
	go func() {
		var err error = syscall.EPIPE
		if f != nil {
			_, err = f.Write(data)
		}
		c.rt.RunOnLoop(func(vm *goja.Runtime) {
			code := 0
			if err != nil {
				code = negErrno(err)
			}
			if _, err := cb(goja.Undefined(), vm.ToValue(code)); err != nil {
				logListenerError(c.rt, err)
			}
		})
	}()
}

// closePipe closes the host's end of fd: stdin's end, or an output the plugin stopped reading.
func (c *child) closePipe(fd int) {
	if f := c.pipes[fd]; f != nil {
		c.pipes[fd] = nil
		c.closeFile(f)
	}
}

// kill sends sig to the child and returns 0 or a negative errno (ESRCH once it has been reaped).
func (c *child) kill(sig syscall.Signal) int {
	err := c.proc.Signal(sig)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, os.ErrProcessDone):
		return -int(syscall.ESRCH)
	default:
		return negErrno(err)
	}
}

// closeFile closes one of the host's ends; the child leaves the registry once it has exited and
// nothing of it is open.
func (c *child) closeFile(f *os.File) {
	c.mu.Lock()
	if !c.open[f] {
		c.mu.Unlock()
		return
	}
	delete(c.open, f)
	done := c.exited && len(c.open) == 0
	c.mu.Unlock()
	_ = f.Close()
	if done {
		c.reg.remove(c)
	}
}

// shutdown kills the child's process group and closes every end the host holds: the plugin is
// stopping. Readers and loggers blocked on the pipes return.
func (c *child) shutdown() {
	c.mu.Lock()
	files := make([]*os.File, 0, len(c.open))
	for f := range c.open {
		files = append(files, f)
	}
	clear(c.open)
	c.mu.Unlock()
	killGroup(c.proc)
	for _, f := range files {
		_ = f.Close()
	}
}

// registry is one runtime's children that may still be running or hold pipes open. The runtime's
// OnClose hook shuts them all down.
type registry struct {
	mu       sync.Mutex
	children map[*child]bool
}

func newRegistry() *registry { return &registry{children: map[*child]bool{}} }

func (r *registry) add(c *child) {
	r.mu.Lock()
	r.children[c] = true
	r.mu.Unlock()
}

func (r *registry) remove(c *child) {
	r.mu.Lock()
	delete(r.children, c)
	r.mu.Unlock()
}

// shutdown shuts every child down. It runs once the loop has stopped.
func (r *registry) shutdown() {
	r.mu.Lock()
	all := make([]*child, 0, len(r.children))
	for c := range r.children {
		all = append(all, c)
	}
	clear(r.children)
	r.mu.Unlock()
	for _, c := range all {
		c.shutdown()
	}
}

// logListenerError reports an exception thrown by a plugin's listener; an interrupt (the runtime is
// closing) is not one.
func logListenerError(rt *jsruntime.Runtime, err error) {
	var intr *goja.InterruptedError
	if !errors.As(err, &intr) {
		rt.Logger().Error("child_process: exception in an event listener", "error", rt.Describe(err).Error())
	}
}
