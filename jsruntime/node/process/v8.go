package process

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// defaultStackTraceLimit is V8's default number of frames in a captured stack.
const defaultStackTraceLimit = 10

// InstallV8 adds the V8-only Error API that npm packages use (depd, body-parser, http-errors,
// callsites, source-map-support): Error.stackTraceLimit, Error.captureStackTrace(obj[, ctor]), and
// Error.prepareStackTrace(err, callSites), which both captureStackTrace and the errors JS constructs
// (new Error(), Error(), subclasses, TypeError and the other native errors) consult. It is the one
// place these shims live; Install calls it.
//
// To reach errors JS constructs, the global error constructors are wrappers around goja's (same
// prototypes, statics, names and instanceof results) that limit the stack to Error.stackTraceLimit
// frames and build it with prepareStackTrace. When prepareStackTrace is unset and the stack is within
// the limit, goja's own stack is kept, so an error costs little more than before; an error created
// deeper than the limit costs about as much as reading a goja stack (goja formats its whole stack
// when the property is redefined).
//
// Differences from V8, which goja's stack API imposes: stacks keep goja's format ("\tat f
// (file:line:col(pc))") except captureStackTrace's, which uses V8's; prepareStackTrace is consulted
// when the stack is first read only if it was already set when the error was constructed, whereas V8
// consults it on first read; errors goja creates itself (a TypeError from reading a property of
// undefined, Runtime.NewTypeError, NewGoError) keep goja's full stack; ctor is recognised by its name, as goja
// frames carry no function object; call sites report no receiver or type (getThis, getTypeName and
// getMethodName return undefined or null). Call sites and captureStackTrace's stacks leave out the
// Function.prototype.call and apply frames goja records and V8 does not, and give columns as V8 does
// (the callee's name, in UTF-16 units) by reading the plugin's source line back (columns.go); code
// without a source file keeps goja's column, at the call's opening parenthesis.
func InstallV8(rt *jsruntime.Runtime) error {
	vm := rt.VM()
	sites := newCallSites(vm)
	errorCtor, err := wrapErrorConstructors(rt, sites)
	if err != nil {
		return err
	}
	if v := errorCtor.Get("stackTraceLimit"); v == nil || goja.IsUndefined(v) {
		if err := errorCtor.Set("stackTraceLimit", defaultStackTraceLimit); err != nil {
			return err
		}
	}
	capture := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		captureStackTrace(vm, errorCtor, sites, call)
		return goja.Undefined()
	})
	return errorCtor.DefineDataProperty("captureStackTrace", capture, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// captureStackTrace sets target.stack to the current call stack, below ctor's frame when given.
func captureStackTrace(vm *goja.Runtime, errorCtor *goja.Object, cs *callSites, call goja.FunctionCall) {
	target, ok := call.Argument(0).(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("Invalid argument"))
	}
	limit := errorCtor.Get("stackTraceLimit")
	if limit == nil || !isNumber(limit) {
		// V8 captures nothing when the limit is not a number.
		return
	}
	// The first frame is captureStackTrace itself.
	frames := v8Frames(vm.CaptureCallStack(0, nil)[1:])
	if name := ctorName(call.Argument(1)); name != "" {
		frames = after(frames, name)
	}
	if n := limit.ToInteger(); n < int64(len(frames)) {
		frames = frames[:max(n, 0)]
	}
	var stack goja.Value
	if prepare, ok := goja.AssertFunction(errorCtor.Get("prepareStackTrace")); ok {
		sites := make([]any, len(frames))
		for i := range frames {
			sites[i] = cs.wrap(vm, &frames[i])
		}
		v, err := prepare(errorCtor, target, vm.NewArray(sites...))
		if err != nil {
			panic(err)
		}
		stack = v
	} else {
		stack = vm.ToValue(cs.formatStack(target, frames))
	}
	if err := target.DefineDataProperty("stack", stack, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
}

func isNumber(v goja.Value) bool {
	_, isInt := v.Export().(int64)
	_, isFloat := v.Export().(float64)
	return isInt || isFloat
}

func ctorName(v goja.Value) string {
	fn, ok := v.(*goja.Object)
	if !ok {
		return ""
	}
	if _, callable := goja.AssertFunction(fn); !callable {
		return ""
	}
	return fn.Get("name").String()
}

// after drops the frames above and including the topmost call of the function named name; V8 leaves
// the stack empty when that function is not on it.
func after(frames []goja.StackFrame, name string) []goja.StackFrame {
	for i := range frames {
		if frames[i].FuncName() == name {
			return frames[i+1:]
		}
	}
	return nil
}

// formatStack renders V8's format: the error's "name: message" header, then one "    at " line per
// frame.
func (cs *callSites) formatStack(target *goja.Object, frames []goja.StackFrame) string {
	var b strings.Builder
	b.WriteString(header(target))
	for i := range frames {
		b.WriteString("\n    at ")
		b.WriteString(cs.frameString(&frames[i]))
	}
	return b.String()
}

// header is what Error.prototype.toString gives for target, as V8 uses for the first stack line.
func header(target *goja.Object) string {
	name, msg := "Error", ""
	if v := target.Get("name"); v != nil && !goja.IsUndefined(v) {
		name = v.String()
	}
	if v := target.Get("message"); v != nil && !goja.IsUndefined(v) {
		msg = v.String()
	}
	switch {
	case name == "":
		return msg
	case msg == "":
		return name
	}
	return name + ": " + msg
}

// functionName is the frame's function name, or "" for anonymous and top-level code.
func functionName(f *goja.StackFrame) string {
	switch n := f.FuncName(); n {
	case "<anonymous>", "<native>":
		return ""
	default:
		return n
	}
}

func isNative(f *goja.StackFrame) bool { return f.SrcName() == "<native>" }

// v8Frames drops the frames V8 does not show: Function.prototype.call and apply, through which goja
// calls a function (depd counts frames from its log.call(...)).
func v8Frames(frames []goja.StackFrame) []goja.StackFrame {
	kept := frames[:0:0]
	for i := range frames {
		if isNative(&frames[i]) {
			if n := frames[i].FuncName(); n == "call" || n == "apply" {
				continue
			}
		}
		kept = append(kept, frames[i])
	}
	return kept
}

// location is "file:line:column", or "native" for a Go function, as V8 writes them.
func (cs *callSites) location(f *goja.StackFrame) string {
	if isNative(f) {
		return "native"
	}
	p := f.Position()
	file := p.Filename
	if file == "" {
		file = "<anonymous>"
	}
	return file + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(cs.sources.column(f))
}

// frameString is one frame as V8 prints it: "name (location)" or the bare location.
func (cs *callSites) frameString(f *goja.StackFrame) string {
	if name := functionName(f); name != "" {
		return name + " (" + cs.location(f) + ")"
	}
	return cs.location(f)
}
