package jsruntime

import "github.com/dop251/goja"

// asyncContext is the runtime's async context: the value AsyncLocalStorage keeps its stores in, carried
// from the code that schedules a callback to the callback, as Node carries it across await, promise
// reactions, timers, process.nextTick and queueMicrotask. nil is the root context, in which every loop
// job starts.
//
// goja carries it across promise reactions (await included) through this AsyncContextTracker; the
// schedulers that run callbacks from their own queues (timers, nextTick) capture it with AsyncContext
// when a callback is scheduled and restore it with WithAsyncContext when it runs. Used only on the loop.
type asyncContext struct {
	current goja.Value
	// saved is the context a promise reaction interrupted; reactions never nest, so one slot is enough.
	saved goja.Value
}

// Grab is called when a promise reaction is registered (then, await): the reaction will run in the
// context current now.
func (c *asyncContext) Grab() any { return c.current }

// Resumed is called before a promise reaction runs with what Grab returned for it.
func (c *asyncContext) Resumed(ctx any) {
	c.saved = c.current
	c.current, _ = ctx.(goja.Value)
}

// Exited is called after a promise reaction ran.
func (c *asyncContext) Exited() {
	c.current, c.saved = c.saved, nil
}

// reset starts a loop job in the root context, so a context entered (AsyncLocalStorage.enterWith) by
// one job never leaks into an unrelated one.
func (c *asyncContext) reset() {
	c.current, c.saved = nil, nil
}

// AsyncContext returns the current async context (nil for the root), for a scheduler to capture when
// a callback is scheduled. Must be called on the loop.
func (r *Runtime) AsyncContext() goja.Value { return r.async.current }

// SetAsyncContext makes ctx the current async context and returns the previous one. It is how
// AsyncLocalStorage enters a context; a scheduler restores with WithAsyncContext instead. Must be called
// on the loop.
func (r *Runtime) SetAsyncContext(ctx goja.Value) (previous goja.Value) {
	if ctx != nil && goja.IsUndefined(ctx) {
		ctx = nil
	}
	previous, r.async.current = r.async.current, ctx
	return previous
}

// WithAsyncContext runs fn with ctx as the current async context, then restores the previous one, even
// when fn panics: how a scheduler runs a callback in the context captured when it was scheduled. Must
// be called on the loop.
func (r *Runtime) WithAsyncContext(ctx goja.Value, fn func()) {
	previous := r.SetAsyncContext(ctx)
	defer r.SetAsyncContext(previous)
	fn()
}

// AsyncContextNatives are AsyncContext and SetAsyncContext as JS functions, for the JS halves of
// built-ins (AsyncLocalStorage, process.nextTick): current() returns the context (undefined for the
// root), enter(ctx) makes ctx current and returns the previous one. Must be called on the loop.
func (r *Runtime) AsyncContextNatives() (current, enter func(goja.FunctionCall) goja.Value) {
	orUndefined := func(c goja.Value) goja.Value {
		if c == nil {
			return goja.Undefined()
		}
		return c
	}
	current = func(goja.FunctionCall) goja.Value { return orUndefined(r.async.current) }
	enter = func(call goja.FunctionCall) goja.Value { return orUndefined(r.SetAsyncContext(call.Argument(0))) }
	return current, enter
}
