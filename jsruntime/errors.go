package jsruntime

import (
	"errors"
	"fmt"

	"github.com/dop251/goja"
)

// Error is a JavaScript value thrown or used as a rejection reason, seen from Go. Its message is the
// JS stack when there is one (already mapped to the plugin's original source lines), else the value's
// string form.
type Error struct {
	Value   goja.Value // valid only on the runtime's loop
	Message string
}

func (e *Error) Error() string { return e.Message }

// JSError wraps a thrown JS value as a Go error. Must be called on the loop.
func (r *Runtime) JSError(v goja.Value) error {
	return &Error{Value: v, Message: describe(v)}
}

// describe renders a thrown value the way Node prints an uncaught error: the stack for Error objects.
func describe(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) {
		return "undefined"
	}
	if obj, ok := v.(*goja.Object); ok {
		if stack := obj.Get("stack"); stack != nil && !goja.IsUndefined(stack) && !goja.IsNull(stack) {
			if s := stack.String(); s != "" {
				return s
			}
		}
	}
	return v.String()
}

// ErrorValue converts a Go error into the JS value to throw or reject with: the original JS value for
// errors that came from JS, otherwise a new Error carrying err's message. Must be called on the loop.
func (r *Runtime) ErrorValue(err error) goja.Value {
	var jsErr *Error
	if errors.As(err, &jsErr) && jsErr.Value != nil {
		return jsErr.Value
	}
	var exc *goja.Exception
	if errors.As(err, &exc) {
		return exc.Value()
	}
	var overflow *goja.StackOverflowError
	if errors.As(err, &overflow) {
		// goja unwinds every JS frame on a stack overflow (no try/catch sees it); where it comes out,
		// it becomes the RangeError V8 throws, for the error handlers that get it.
		rangeError, _ := goja.AssertConstructor(r.vm.Get("RangeError"))
		if e, cerr := rangeError(nil, r.vm.ToValue("Maximum call stack size exceeded")); cerr == nil {
			return e
		}
	}
	var val interface {
		JSValue(vm *goja.Runtime) goja.Value
	}
	if errors.As(err, &val) {
		return val.JSValue(r.vm)
	}
	return r.vm.NewGoError(err)
}

// Describe converts an error returned by goja (an exception, an interrupt) into a Go error whose
// message carries the JS stack. Must be called on the loop when err holds a JS value.
func (r *Runtime) Describe(err error) error {
	var exc *goja.Exception
	if errors.As(err, &exc) {
		return &Error{Value: exc.Value(), Message: describe(exc.Value())}
	}
	return err
}

// IsInterrupt reports whether err is goja's interrupt: the runtime is stopping (or was stopped), so
// the JS that was running did not fail on its own.
func IsInterrupt(err error) bool {
	var intr *goja.InterruptedError
	return errors.As(err, &intr)
}

// ReportUncaught logs an exception no JS code can catch, such as one thrown by a timer callback or an
// event listener; where says whose ("timer callback", "http callback"), unless the handler installed
// with SetUncaughtExceptionHandler takes it. The plugin keeps running, and an interrupt is not
// reported: it is the runtime stopping. Must be called on the loop.
func (r *Runtime) ReportUncaught(where string, err error) {
	if err == nil || IsInterrupt(err) {
		return
	}
	if r.onUncaught != nil && r.onUncaught(r.ErrorValue(err)) {
		return
	}
	r.Logger().Error("uncaught exception in "+where, "error", r.Describe(err).Error())
}

// SetUncaughtExceptionHandler installs fn to see the exceptions ReportUncaught reports first
// (process.setUncaughtExceptionCaptureCallback, 'uncaughtException' listeners); returning true marks
// the exception as handled, so it is not logged. Must be called on the loop.
func (r *Runtime) SetUncaughtExceptionHandler(fn func(exception goja.Value) bool) {
	r.onUncaught = fn
}

// Throw panics with a JS exception built from err, for use inside native functions called by JS.
func (r *Runtime) Throw(err error) {
	panic(r.ErrorValue(err))
}

// trackRejection records promises rejected with no handler; after the current job (and its
// microtasks) those still unhandled are reported, as Node reports 'unhandledRejection'.
func (r *Runtime) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	switch op {
	case goja.PromiseRejectionReject:
		r.pendingRejections = append(r.pendingRejections, p)
	case goja.PromiseRejectionHandle:
		for i, q := range r.pendingRejections {
			if q == p {
				r.pendingRejections = append(r.pendingRejections[:i], r.pendingRejections[i+1:]...)
				break
			}
		}
	}
}

// reportRejections logs the promises left unhandled by the job that just ran. The plugin keeps running,
// as in Luker, which logs unhandled rejections instead of exiting.
func (r *Runtime) reportRejections() {
	if len(r.pendingRejections) == 0 {
		return
	}
	pending := r.pendingRejections
	r.pendingRejections = nil
	for _, p := range pending {
		reason := describe(p.Result())
		if r.onUnhandled != nil && r.onUnhandled(p.Result(), p) {
			continue
		}
		r.Logger().Error("unhandled promise rejection", "reason", reason)
	}
}

// SetUnhandledRejectionHandler installs fn to see unhandled rejections first (process.on
// 'unhandledRejection') with the rejected promise; returning true marks the rejection as handled. Must
// be called on the loop.
func (r *Runtime) SetUnhandledRejectionHandler(fn func(reason goja.Value, promise *goja.Promise) bool) {
	r.onUnhandled = fn
}

// TypeError returns a JS TypeError value with the formatted message.
func (r *Runtime) TypeError(format string, args ...any) *goja.Object {
	return r.vm.NewTypeError(fmt.Sprintf(format, args...))
}
