package unsupported

import (
	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// compile is vm.Script's compilation: compile(code, filename) returns the program as an opaque
// value, or throws a SyntaxError as V8 does when a Script is constructed.
func compile(vm *goja.Runtime, call goja.FunctionCall) goja.Value {
	// A sourceMappingURL comment in plugin-supplied code must not make the parser read files.
	ast, err := goja.Parse(call.Argument(1).String(), call.Argument(0).String(), parser.WithDisableSourceMaps)
	var prog *goja.Program
	if err == nil {
		prog, err = goja.CompileAST(ast, false)
	}
	if err != nil {
		msg := err.Error()
		if se, ok := err.(*goja.CompilerSyntaxError); ok {
			msg = se.Message
		}
		ctor, _ := goja.AssertConstructor(vm.Get("SyntaxError"))
		e, cerr := ctor(nil, vm.ToValue(msg))
		if cerr != nil {
			panic(cerr)
		}
		panic(e)
	}
	return vm.ToValue(prog)
}

// run evaluates a program from compile in the plugin's global scope and returns its completion value;
// what it throws propagates to the caller.
func run(rt *jsruntime.Runtime, call goja.FunctionCall) goja.Value {
	prog, ok := call.Argument(0).Export().(*goja.Program)
	if !ok {
		panic(rt.TypeError("not a compiled script"))
	}
	v, err := rt.VM().RunProgram(prog)
	if err != nil {
		panic(err)
	}
	return v
}

// parses reports whether src is syntactically valid JS (repl.isValidSyntax).
func parses(src string) bool {
	_, err := goja.Parse("", src, parser.WithDisableSourceMaps)
	return err == nil
}
