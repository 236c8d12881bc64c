package process

import (
	"bytes"
	"fmt"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// errorCtorNames are the constructors whose errors get V8's stack rules.
var errorCtorNames = []string{"Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError", "AggregateError"}

// maxStackTraceLimit is where a larger Error.stackTraceLimit (Infinity, say) stops limiting anything.
const maxStackTraceLimit = 1 << 16

// wireScript puts each wrapper in place of the constructor it wraps: same statics, prototype, name and
// length, the prototype's constructor pointing back at it, TypeError and the others inheriting from the
// wrapped Error, as the originals do.
var wireScript = jsruntime.NewScript("node:process/errorctors", `(function (global, wrappers) {
	'use strict';
	for (const name of Object.keys(wrappers)) {
		const original = global[name], wrapper = wrappers[name];
		for (const key of Reflect.ownKeys(original)) {
			if (key === 'prototype' || key === 'name' || key === 'length') continue;
			Object.defineProperty(wrapper, key, Object.getOwnPropertyDescriptor(original, key));
		}
		Object.defineProperty(wrapper, 'name', { value: name, configurable: true });
		Object.defineProperty(wrapper, 'length', { value: original.length, configurable: true });
		Object.defineProperty(wrapper, 'prototype', { value: original.prototype, writable: false, enumerable: false, configurable: false });
		Object.defineProperty(original.prototype, 'constructor', { value: wrapper, writable: true, enumerable: false, configurable: true });
		if (name !== 'Error') Object.setPrototypeOf(wrapper, wrappers.Error);
		Object.defineProperty(global, name, { value: wrapper, writable: true, enumerable: false, configurable: true });
	}
})`)

// errorStacks applies V8's stack rules to the errors JS code constructs (new Error(), Error(),
// subclasses, TypeError...): goja records every frame and formats the stack its own way on first read,
// while V8 keeps Error.stackTraceLimit frames and lets Error.prepareStackTrace build the stack.
type errorStacks struct {
	vm        *goja.Runtime
	errorCtor *goja.Object // the global Error, where plugins set stackTraceLimit and prepareStackTrace
	sites     *callSites
	preparing bool // inside prepareStackTrace, errors get the default format, as in V8
}

// wrapErrorConstructors replaces the global error constructors with wrappers that construct through
// the originals and then apply errorStacks' rules, and returns the wrapped Error.
func wrapErrorConstructors(rt *jsruntime.Runtime, sites *callSites) (*goja.Object, error) {
	vm := rt.VM()
	s := &errorStacks{vm: vm, sites: sites}
	wrappers := vm.NewObject()
	for _, name := range errorCtorNames {
		original, ok := vm.Get(name).(*goja.Object)
		if !ok {
			return nil, fmt.Errorf("process: no %s constructor", name)
		}
		construct, ok := goja.AssertConstructor(original)
		if !ok {
			return nil, fmt.Errorf("process: %s is not a constructor", name)
		}
		var wrapper *goja.Object
		wrapper = vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
			// Called without new (or from Go), NewTarget is nil: construct as `new Error()` does.
			target := call.NewTarget
			if target == nil {
				target = wrapper
			}
			e, err := construct(target, call.Arguments...)
			if err != nil {
				panic(err)
			}
			s.apply(e, name)
			return e
		}).(*goja.Object)
		if err := wrappers.Set(name, wrapper); err != nil {
			return nil, err
		}
	}
	if _, err := wireScript.Call(rt, vm.GlobalObject(), wrappers); err != nil {
		return nil, err
	}
	s.errorCtor = wrappers.Get("Error").(*goja.Object)
	return s.errorCtor, nil
}

// apply gives e V8's stack when it differs from goja's: when the stack is longer than
// Error.stackTraceLimit, when Error.prepareStackTrace is set, or when the wrapper itself is on the stack
// (Error() called without new). Otherwise goja's own lazily formatted stack is left alone, so an error
// costs little more than before.
func (s *errorStacks) apply(e *goja.Object, ctorName string) {
	limit := s.errorCtor.Get("stackTraceLimit")
	if limit == nil || !isNumber(limit) {
		// V8 records no stack when the limit is not a number.
		_ = e.DefineDataProperty("stack", goja.Undefined(), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
		return
	}
	n := max(limit.ToInteger(), 0)
	unlimited := n >= maxStackTraceLimit
	depth := 0
	if !unlimited {
		// One frame more than the limit shows whether the stack is longer, one more for the wrapper.
		depth = int(n) + 2
	}
	frames := s.vm.CaptureCallStack(depth, nil)
	skip := 0
	if len(frames) > 0 && isNative(&frames[0]) && frames[0].FuncName() == ctorName {
		skip = 1
	}
	frames = v8Frames(frames[skip:])
	_, prepare := goja.AssertFunction(s.errorCtor.Get("prepareStackTrace"))
	long := !unlimited && int64(len(frames)) > n
	if !long && !prepare && skip == 0 {
		return
	}
	if long {
		frames = frames[:n]
	}
	s.defineLazyStack(e, frames)
}

// defineLazyStack makes e.stack an accessor that renders the stack on first read and then becomes a
// plain data property, as V8 formats a stack only when it is read.
func (s *errorStacks) defineLazyStack(e *goja.Object, frames []goja.StackFrame) {
	vm := s.vm
	settle := func(v goja.Value) {
		_ = e.DefineDataProperty("stack", v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	get := vm.ToValue(func(goja.FunctionCall) goja.Value {
		v := s.render(e, frames)
		settle(v)
		return v
	})
	set := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		settle(call.Argument(0))
		return goja.Undefined()
	})
	_ = e.DefineAccessorProperty("stack", get, set, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// render is Error.prepareStackTrace(e, callSites) when a plugin set it, else goja's stack format.
func (s *errorStacks) render(e *goja.Object, frames []goja.StackFrame) goja.Value {
	if prepare, ok := goja.AssertFunction(s.errorCtor.Get("prepareStackTrace")); ok && !s.preparing {
		s.preparing = true
		defer func() { s.preparing = false }()
		sites := make([]any, len(frames))
		for i := range frames {
			sites[i] = s.sites.wrap(s.vm, &frames[i])
		}
		v, err := prepare(s.errorCtor, e, s.vm.NewArray(sites...))
		if err != nil {
			panic(err)
		}
		return v
	}
	return s.vm.ToValue(gojaStack(e, frames))
}

// gojaStack is the stack as goja writes it, so that limited and unlimited stacks look alike: the
// header, then a tab-indented "at" line per frame, each line ending in a newline.
func gojaStack(e *goja.Object, frames []goja.StackFrame) string {
	var b bytes.Buffer
	b.WriteString(header(e))
	b.WriteByte('\n')
	for i := range frames {
		b.WriteString("\tat ")
		frames[i].Write(&b)
		b.WriteByte('\n')
	}
	return b.String()
}
