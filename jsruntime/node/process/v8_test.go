package process_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/jsruntime/node/process"
)

func TestCaptureStackTrace(t *testing.T) {
	e := newEnv(t, process.Config{})
	got := e.eval(t, `
		function inner() { const o = { message: 'm' }; Error.captureStackTrace(o); return o; }
		function outer() { return inner(); }
		const o = outer();
		const lines = o.stack.split('\n');
		[Error.stackTraceLimit, Object.keys(o), lines[0], lines[1], lines[2]]`)
	expect(t, "stack", got, `[10,["message"],"Error: m","    at inner (test.js:2:73)","    at outer (test.js:3:34)"]`)

	got = e.eval(t, `
		function MyError(msg) { this.name = 'MyError'; this.message = msg; Error.captureStackTrace(this, MyError); }
		function make() { return new MyError('bad'); }
		make().stack.split('\n').slice(0, 2)`)
	expect(t, "ctor frames hidden", got, `["MyError: bad","    at make (test.js:3:28)"]`)

	got = e.eval(t, `
		function deep(n) { if (n === 0) { const o = {}; Error.captureStackTrace(o); return o.stack; } return deep(n - 1); }
		Error.stackTraceLimit = 2;
		const limited = deep(5).split('\n').length;
		Error.stackTraceLimit = 'none';
		const off = {}; Error.captureStackTrace(off);
		Error.stackTraceLimit = 10;
		[limited, 'stack' in off]`)
	expect(t, "stackTraceLimit", got, `[3,false]`)
}

// TestPrepareStackTraceDepdPattern is how depd (body-parser, express) finds its caller.
func TestPrepareStackTraceDepdPattern(t *testing.T) {
	e := newEnv(t, process.Config{})
	got := e.eval(t, `
		function getStack() {
			const limit = Error.stackTraceLimit;
			const obj = {};
			const prep = Error.prepareStackTrace;
			Error.prepareStackTrace = (e, s) => s;
			Error.stackTraceLimit = Math.max(10, limit);
			Error.captureStackTrace(obj);
			const stack = obj.stack.slice(1);
			Error.prepareStackTrace = prep;
			Error.stackTraceLimit = limit;
			return stack;
		}
		function caller() { return getStack(); }
		const s = caller()[0];
		[s.getFunctionName(), s.getFileName(), s.getLineNumber(), s.getColumnNumber(), s.isNative(), s.isEval(),
		 s.isToplevel(), s.isConstructor(), s.getTypeName(), s.getMethodName(), typeof s.getThis(), String(s),
		 Error.prepareStackTrace === undefined]`)
	expect(t, "call site", got, `["caller","test.js",14,38,false,false,false,false,null,null,"undefined","caller (test.js:14:38)",true]`)

	got = e.eval(t, `
		Error.prepareStackTrace = (err, sites) => err.message + ' @ ' + sites.length;
		const o = { message: 'x' };
		(function f() { Error.captureStackTrace(o); })();
		Error.prepareStackTrace = undefined;
		o.stack`)
	expect(t, "prepareStackTrace result becomes stack", got, `"x @ 2"`)
}
