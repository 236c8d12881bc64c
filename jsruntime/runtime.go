// Package jsruntime runs JavaScript for one plugin: a goja runtime owned by one event-loop goroutine.
//
// Every use of the goja runtime happens on the loop. Other goroutines hand work in with RunOnLoop (fire
// and forget) or Do (wait for the result); blocking Go work started from JS runs off the loop with Go and
// settles its promise back on the loop. Values never leave the runtime that made them.
package jsruntime

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
)

// DefaultMaxCallStackSize bounds JS recursion so that runaway recursion is a catchable RangeError
// instead of unbounded heap growth.
const DefaultMaxCallStackSize = 10000

// ErrClosed is returned when work is handed to a runtime that has been closed.
var ErrClosed = errors.New("jsruntime: runtime closed")

// Options configure a Runtime. The zero value is usable.
type Options struct {
	// Name identifies the runtime in logs (the plugin id).
	Name string
	// Logger receives runtime diagnostics; nil means slog.Default(). A "plugin" attribute is added.
	Logger *slog.Logger
	// Clock drives timers; nil means RealClock.
	Clock Clock
	// MaxCallStackSize limits JS call depth; 0 means DefaultMaxCallStackSize.
	MaxCallStackSize int
}

// Runtime is one goja runtime plus the goroutine that owns it.
type Runtime struct {
	vm     *goja.Runtime
	loop   *loop
	base   *slog.Logger                // Options.Logger, before the plugin attribute
	log    atomic.Pointer[slog.Logger] // base with the plugin attribute; replaced by Rename
	clock  Clock
	ctx    context.Context
	cancel context.CancelFunc

	values  map[any]any // per-runtime singletons of modules; loop-only
	closeMu sync.Mutex
	closed  bool
	onClose []func() // loop-only until Close runs them after the loop stopped

	pendingRejections []*goja.Promise                                     // loop-only
	onUnhandled       func(reason goja.Value, promise *goja.Promise) bool // loop-only
	onUncaught        func(exception goja.Value) bool                     // loop-only
	afterJob          []func()                                            // loop-only: AfterJob's functions for the current job
	async             asyncContext                                        // loop-only: see asynccontext.go

	name     atomic.Value              // string: the name given to New or Rename, for BusyError
	jobStart atomic.Int64              // UnixNano when the job in progress started; 0 when the loop is idle
	cause    atomic.Pointer[stopCause] // the first cause given to Interrupt
}

// New creates a runtime and starts its loop goroutine. Call Close to stop it.
func New(opts Options) *Runtime {
	logger := opts.Logger
	if logger == nil {
		logger = slog.Default()
	}
	clock := opts.Clock
	if clock == nil {
		clock = RealClock
	}
	stack := opts.MaxCallStackSize
	if stack <= 0 {
		stack = DefaultMaxCallStackSize
	}
	ctx, cancel := context.WithCancel(context.Background())
	vm := goja.New()
	vm.SetMaxCallStackSize(stack)
	vm.SetFieldNameMapper(goja.UncapFieldNameMapper())
	defineAsyncIterator(vm)
	r := &Runtime{
		vm:     vm,
		loop:   newLoop(),
		base:   logger,
		clock:  clock,
		ctx:    ctx,
		cancel: cancel,
		values: map[any]any{},
	}
	r.Rename(opts.Name)
	vm.SetPromiseRejectionTracker(r.trackRejection)
	vm.SetAsyncContextTracker(&r.async)
	go r.loop.run(r.runJob)
	return r
}

// defineAsyncIterator gives goja the well-known Symbol.asyncIterator it lacks, as the registered symbol
// esbuild's lowered `for await` and async generators fall back to, so hand-written
// obj[Symbol.asyncIterator] and lowered code agree.
func defineAsyncIterator(vm *goja.Runtime) {
	if _, err := vm.RunString(`if (Symbol.asyncIterator === undefined) {
		Object.defineProperty(Symbol, 'asyncIterator', { value: Symbol.for('Symbol.asyncIterator') });
	}`); err != nil {
		panic(fmt.Errorf("jsruntime: define Symbol.asyncIterator: %w", err))
	}
}

// Logger is the runtime's logger, carrying the plugin attribute. Safe from any goroutine.
func (r *Runtime) Logger() *slog.Logger { return r.log.Load() }

// Rename sets the "plugin" attribute of the runtime's logs: a plugin's id is known only once its
// module has run, so the host starts with the entry name and renames the runtime to the id.
func (r *Runtime) Rename(name string) {
	r.name.Store(name)
	logger := r.base
	if name != "" {
		logger = logger.With("plugin", name)
	}
	r.log.Store(logger)
}

// Clock is the runtime's time source for timers.
func (r *Runtime) Clock() Clock { return r.clock }

// Context is cancelled when the runtime closes. Blocking Go work started for JS must honour it.
func (r *Runtime) Context() context.Context { return r.ctx }

// Done is closed once the loop has stopped: no job will run any more, so callers waiting for the
// runtime to answer can give up.
func (r *Runtime) Done() <-chan struct{} { return r.loop.done }

// VM returns the goja runtime. Use it only on the loop goroutine.
func (r *Runtime) VM() *goja.Runtime { return r.vm }

// RunOnLoop queues fn to run on the loop goroutine and returns at once. It is safe from any goroutine
// and reports false (without running fn) when the runtime is closed.
func (r *Runtime) RunOnLoop(fn func(vm *goja.Runtime)) bool {
	return r.loop.enqueue(func() { fn(r.vm) })
}

// Do runs fn on the loop and waits for it to return, or for ctx to end. When ctx ends first, fn may
// still run later; its result is then discarded.
func (r *Runtime) Do(ctx context.Context, fn func(vm *goja.Runtime) error) error {
	done := make(chan error, 1)
	if !r.RunOnLoop(func(vm *goja.Runtime) { done <- r.guard(func() error { return fn(vm) }) }) {
		return ErrClosed
	}
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	case <-r.loop.done:
		return ErrClosed
	}
}

// Await runs fn on the loop; if it returns a thenable, Await waits for it to settle. It returns nil
// when the value (or promise) fulfils, the rejection or exception as an error, or ctx's error.
func (r *Runtime) Await(ctx context.Context, fn func(vm *goja.Runtime) (goja.Value, error)) error {
	return r.AwaitThen(ctx, fn, nil)
}

// AwaitThen is Await, and when the value fulfils it also runs then on the loop in the same turn,
// before any timer or other job, the way code after `await` runs in JS. then's error is returned.
func (r *Runtime) AwaitThen(ctx context.Context, fn func(vm *goja.Runtime) (goja.Value, error), then func(vm *goja.Runtime, v goja.Value) error) error {
	done := make(chan error, 1)
	ok := r.RunOnLoop(func(vm *goja.Runtime) {
		var v goja.Value
		if err := r.guard(func() (err error) { v, err = fn(vm); return err }); err != nil {
			done <- err
			return
		}
		r.WhenSettled(v, func(settled goja.Value, err error) {
			if err == nil && then != nil {
				err = r.guard(func() error { return then(vm, settled) })
			}
			done <- err
		})
	})
	if !ok {
		return ErrClosed
	}
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	case <-r.loop.done:
		return ErrClosed
	}
}

// WhenSettled calls cb on the loop with v's settled value: at once for a non-thenable, after
// settlement for a promise or thenable. Must be called on the loop.
func (r *Runtime) WhenSettled(v goja.Value, cb func(goja.Value, error)) {
	if p, ok := v.Export().(*goja.Promise); ok {
		switch p.State() {
		case goja.PromiseStateFulfilled:
			cb(p.Result(), nil)
			return
		case goja.PromiseStateRejected:
			// Observe it through then() so the rejection tracker sees it as handled.
		}
	}
	obj, isObj := v.(*goja.Object)
	if !isObj {
		cb(v, nil)
		return
	}
	then, isFn := goja.AssertFunction(obj.Get("then"))
	if !isFn {
		cb(v, nil)
		return
	}
	var once sync.Once
	onFul := r.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		once.Do(func() { cb(call.Argument(0), nil) })
		return goja.Undefined()
	})
	onRej := r.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		once.Do(func() { cb(nil, r.JSError(call.Argument(0))) })
		return goja.Undefined()
	})
	if _, err := then(obj, onFul, onRej); err != nil {
		once.Do(func() { cb(nil, err) })
	}
}

// Go runs work on its own goroutine and returns a promise, on the loop, that finish settles: finish
// runs on the loop with work's outcome and returns the fulfilment value or a rejection error. work
// receives the runtime's context. Must be called on the loop.
func (r *Runtime) Go(work func(ctx context.Context) func(vm *goja.Runtime) (goja.Value, error)) *goja.Promise {
	p, resolve, reject := r.vm.NewPromise()
	go func() {
		finish := r.runWork(work)
		r.RunOnLoop(func(vm *goja.Runtime) {
			v, err := finish(vm)
			if err != nil {
				_ = reject(r.ErrorValue(err))
				return
			}
			_ = resolve(v)
		})
	}()
	return p
}

// runWork calls work, turning a Go panic into a rejection so that it never escapes the goroutine.
func (r *Runtime) runWork(work func(ctx context.Context) func(vm *goja.Runtime) (goja.Value, error)) (finish func(vm *goja.Runtime) (goja.Value, error)) {
	defer func() {
		if p := recover(); p != nil {
			r.Logger().Error("panic in background work", "panic", p, "stack", string(debug.Stack()))
			err := fmt.Errorf("internal error: %v", p)
			finish = func(*goja.Runtime) (goja.Value, error) { return nil, err }
		}
	}()
	return work(r.ctx)
}

// OnClose registers fn to run when the runtime closes, after its loop has stopped (timers and
// watchers use it to release Go resources). Must be called on the loop.
func (r *Runtime) OnClose(fn func()) {
	r.closeMu.Lock()
	r.onClose = append(r.onClose, fn)
	r.closeMu.Unlock()
}

// Value returns the per-runtime value stored under key, creating it with mk on first use. Modules keep
// their per-runtime state (prototypes, caches) here. Must be called on the loop.
func (r *Runtime) Value(key any, mk func() any) any {
	if v, ok := r.values[key]; ok {
		return v
	}
	v := mk()
	r.values[key] = v
	return v
}

// Close stops the loop, interrupting any JS that is running, cancels the runtime context and runs the
// OnClose hooks. Jobs still queued are dropped. It waits for the loop goroutine to exit or ctx to end.
// Calling it again is safe.
func (r *Runtime) Close(ctx context.Context) error {
	r.closeMu.Lock()
	if r.closed {
		r.closeMu.Unlock()
		return nil
	}
	r.closed = true
	r.closeMu.Unlock()

	r.loop.stop()
	r.vm.Interrupt(ErrClosed)
	r.cancel()
	select {
	case <-r.loop.done:
	case <-ctx.Done():
		return fmt.Errorf("jsruntime: loop still busy: %w", ctx.Err())
	}
	r.closeMu.Lock()
	hooks := r.onClose
	r.onClose = nil
	r.closeMu.Unlock()
	for _, fn := range hooks {
		fn()
	}
	return nil
}

// Closed reports whether Close has been called.
func (r *Runtime) Closed() bool {
	r.closeMu.Lock()
	defer r.closeMu.Unlock()
	return r.closed
}

// guard calls fn, turning a panic into an error so that a caller waiting for fn's result is always
// answered: a JS value thrown through goja's API becomes an *Error, anything else is logged as a Go
// panic.
func (r *Runtime) guard(fn func() error) (err error) {
	defer func() {
		p := recover()
		if p == nil {
			return
		}
		switch v := p.(type) {
		case goja.Value:
			err = r.JSError(v)
		case *goja.Exception:
			err = r.Describe(v)
		case *goja.InterruptedError:
			err = v
		default:
			r.Logger().Error("panic on event loop", "panic", p, "stack", string(debug.Stack()))
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	return fn()
}

// AfterJob runs fn on the loop once the current job has returned, promise jobs included, and before
// the next job starts; fn may register further functions. It lets a module batch what one job hands
// to other goroutines, as Node releases what a tick wrote only when the tick ends. Must be called on
// the loop.
func (r *Runtime) AfterJob(fn func()) {
	r.afterJob = append(r.afterJob, fn)
}

// runJob runs one loop job, then the functions it registered with AfterJob, even when it panicked.
func (r *Runtime) runJob(job func()) {
	r.jobStart.Store(time.Now().UnixNano())
	defer r.jobStart.Store(0)
	r.async.reset()
	r.contain(func() {
		job()
		r.reportRejections()
	})
	// The length is read on each pass: functions may register more.
	for i := 0; i < len(r.afterJob); i++ {
		r.contain(r.afterJob[i])
	}
	clear(r.afterJob)
	r.afterJob = r.afterJob[:0]
}

// contain calls fn, logging and containing a Go panic: it must never kill the process. An interrupt
// that unwinds through Go code (a property read that ran JS while the runtime was being stopped) is
// the runtime stopping, not a failure, and is not logged.
func (r *Runtime) contain(fn func()) {
	defer func() {
		if p := recover(); p != nil {
			if _, stopping := p.(*goja.InterruptedError); stopping {
				return
			}
			r.Logger().Error("panic on event loop", "panic", p, "stack", string(debug.Stack()))
		}
	}()
	fn()
}
