package process

import (
	"github.com/dop251/goja"
)

// callSites makes the CallSite objects handed to Error.prepareStackTrace for one runtime.
type callSites struct {
	proto *goja.Object
	// frame is the symbol under which a call site keeps its Go frame, out of plugins' way.
	frame   *goja.Symbol
	sources sourceLines
}

// newCallSites builds the CallSite prototype with V8's accessor methods. Each method reads the Go
// frame the call site wraps.
func newCallSites(vm *goja.Runtime) *callSites {
	proto := vm.NewObject()
	cs := &callSites{proto: proto, frame: goja.NewSymbol("CallSite frame")}
	method := func(name string, fn func(f *goja.StackFrame) any) {
		_ = proto.Set(name, func(call goja.FunctionCall) goja.Value {
			this, ok := call.This.(*goja.Object)
			if !ok {
				panic(vm.NewTypeError("CallSite method called on a non-CallSite"))
			}
			f, ok := this.GetSymbol(cs.frame).Export().(*goja.StackFrame)
			if !ok {
				panic(vm.NewTypeError("CallSite method called on a non-CallSite"))
			}
			return vm.ToValue(fn(f))
		})
	}
	orNull := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	method("getFileName", func(f *goja.StackFrame) any {
		if isNative(f) {
			return nil
		}
		return orNull(f.Position().Filename)
	})
	method("getScriptNameOrSourceURL", func(f *goja.StackFrame) any { return orNull(f.SrcName()) })
	method("getLineNumber", func(f *goja.StackFrame) any { return position(f, f.Position().Line) })
	method("getColumnNumber", func(f *goja.StackFrame) any { return position(f, cs.sources.column(f)) })
	method("getFunctionName", func(f *goja.StackFrame) any { return orNull(functionName(f)) })
	method("getTypeName", func(*goja.StackFrame) any { return nil })
	method("getMethodName", func(*goja.StackFrame) any { return nil })
	method("getThis", func(*goja.StackFrame) any { return goja.Undefined() })
	method("getFunction", func(*goja.StackFrame) any { return goja.Undefined() })
	method("getEvalOrigin", func(*goja.StackFrame) any { return goja.Undefined() })
	method("isNative", func(f *goja.StackFrame) any { return isNative(f) })
	method("isToplevel", func(f *goja.StackFrame) any { return functionName(f) == "" })
	method("isEval", func(*goja.StackFrame) any { return false })
	method("isConstructor", func(*goja.StackFrame) any { return false })
	method("isAsync", func(*goja.StackFrame) any { return false })
	method("isPromiseAll", func(*goja.StackFrame) any { return false })
	method("toString", func(f *goja.StackFrame) any { return cs.frameString(f) })
	return cs
}

// position is a 1-based line or column, or null for a Go function, which has no source.
func position(f *goja.StackFrame, n int) any {
	if isNative(f) {
		return nil
	}
	return n
}

// wrap makes a CallSite object for frame.
func (cs *callSites) wrap(vm *goja.Runtime, frame *goja.StackFrame) *goja.Object {
	site := vm.NewObject()
	_ = site.SetPrototype(cs.proto)
	_ = site.DefineDataPropertySymbol(cs.frame, vm.ToValue(frame), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return site
}
