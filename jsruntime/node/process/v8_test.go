package process_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
)

func TestCaptureStackTrace(t *testing.T) {
	rt := newRuntime(t, process.Config{})
	got := jstest.AwaitJSON(t, rt, `
		function inner() { const o = { message: 'm' }; Error.captureStackTrace(o); return o; }
		function outer() { return inner(); }
		const o = outer();
		const lines = o.stack.split('\n');
		[Error.stackTraceLimit, Object.keys(o), lines[0], lines[1], lines[2]]`)
	jstest.Expect(t, "stack", got, `[10,["message"],"Error: m","    at inner (test.js:2:73)","    at outer (test.js:3:34)"]`)

	got = jstest.AwaitJSON(t, rt, `
		function MyError(msg) { this.name = 'MyError'; this.message = msg; Error.captureStackTrace(this, MyError); }
		function make() { return new MyError('bad'); }
		make().stack.split('\n').slice(0, 2)`)
	jstest.Expect(t, "ctor frames hidden", got, `["MyError: bad","    at make (test.js:3:28)"]`)

	got = jstest.AwaitJSON(t, rt, `
		function deep(n) { if (n === 0) { const o = {}; Error.captureStackTrace(o); return o.stack; } return deep(n - 1); }
		Error.stackTraceLimit = 2;
		const limited = deep(5).split('\n').length;
		Error.stackTraceLimit = 'none';
		const off = {}; Error.captureStackTrace(off);
		Error.stackTraceLimit = 10;
		[limited, 'stack' in off]`)
	jstest.Expect(t, "stackTraceLimit", got, `[3,false]`)
}

// TestPrepareStackTraceDepdPattern is how depd (body-parser, express) finds its caller.
func TestPrepareStackTraceDepdPattern(t *testing.T) {
	rt := newRuntime(t, process.Config{})
	got := jstest.AwaitJSON(t, rt, `
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
	jstest.Expect(t, "call site", got, `["caller","test.js",14,38,false,false,false,false,null,null,"undefined","caller (test.js:14:38)",true]`)

	got = jstest.AwaitJSON(t, rt, `
		Error.prepareStackTrace = (err, sites) => err.message + ' @ ' + sites.length;
		const o = { message: 'x' };
		(function f() { Error.captureStackTrace(o); })();
		Error.prepareStackTrace = undefined;
		o.stack`)
	jstest.Expect(t, "prepareStackTrace result becomes stack", got, `"x @ 2"`)
}

// TestPrepareStackTraceForConstructedErrors is the callsites package's pattern (parent-module,
// import-fresh): prepareStackTrace set around `new Error().stack`.
func TestPrepareStackTraceForConstructedErrors(t *testing.T) {
	rt := newRuntime(t, process.Config{})
	got := jstest.AwaitJSON(t, rt, `
		function callsites() {
			const prep = Error.prepareStackTrace;
			Error.prepareStackTrace = (_, stack) => stack;
			const stack = new Error().stack.slice(1);
			Error.prepareStackTrace = prep;
			return stack;
		}
		function caller() { return callsites(); }
		const sites = caller();
		Error.prepareStackTrace = (err, cs) => 'P(' + err.message + ', ' + cs[0].getFunctionName() + ', ' + new Error('inner').stack.split('\n')[0] + ')';
		function make() { return new RangeError('r'); }
		const prepared = make().stack;
		Error.prepareStackTrace = undefined;
		[sites[0].getFunctionName(), sites[0].getFileName(), sites[0].getLineNumber(), prepared, typeof new Error('plain').stack]`)
	jstest.Expect(t, "call sites", got, `["caller","test.js",9,"P(r, make, Error: inner)","string"]`)
}

func TestStackTraceLimitForConstructedErrors(t *testing.T) {
	rt := newRuntime(t, process.Config{})
	got := jstest.AwaitJSON(t, rt, `
		function deep(n, make) { return n === 0 ? make() : deep(n - 1, make); }
		const frames = (err) => err.stack.split('\n').filter((l) => l.startsWith('\tat ')).length;
		class E extends Error { constructor(m) { super(m); this.name = 'E'; } }
		const out = [frames(deep(30, () => new Error('x'))), frames(deep(30, () => new E('x'))), deep(30, () => new E('q')).stack.split('\n')[0]];
		Error.stackTraceLimit = 3;
		out.push(frames(deep(30, () => new TypeError('x'))));
		Error.stackTraceLimit = Infinity;
		out.push(frames(deep(30, () => new Error('x'))) > 30);
		Error.stackTraceLimit = 'off';
		const off = new Error('off');
		out.push('stack' in off, off.stack === undefined);
		Error.stackTraceLimit = 10;
		const s = deep(30, () => new Error('s'));
		s.stack = 'replaced';
		out.push(s.stack);
		out`)
	jstest.Expect(t, "limits", got, `[10,10,"E: q",3,true,true,true,"replaced"]`)
}

func TestWrappedErrorConstructors(t *testing.T) {
	rt := newRuntime(t, process.Config{})
	got := jstest.AwaitJSON(t, rt, `
		function LegacyError(m) { const r = Error.call(this, m); this.message = m; return r instanceof Error; }
		const called = Error('no new');
		[Error.name, Error.length, TypeError.name, Object.getPrototypeOf(TypeError) === Error,
		 Error.prototype.constructor === Error, new TypeError('t') instanceof Error, called instanceof Error,
		 called.stack.includes('native'), new LegacyError('l') instanceof LegacyError, Object.keys(Error),
		 Function.prototype.toString.call(Error), new AggregateError([1], 'a').errors.length,
		 Object.getOwnPropertyDescriptor(Error, 'prototype').writable]`)
	jstest.Expect(t, "constructors", got, `["Error",1,"TypeError",true,true,true,true,false,true,["stackTraceLimit"],"function Error() { [native code] }",1,false]`)
}

// TestCallSitesAsV8 checks, against what Node 20 prints for the same file, the two places where goja's frames differ from V8's and packages notice:
// Function.prototype.call/apply frames (depd counts frames from log.call) and columns, which V8
// places on the callee's name and counts in UTF-16 units.
func TestCallSitesAsV8(t *testing.T) {
	file := filepath.Join(t.TempDir(), "plugin.js")
	src := "function sites() { const p = Error.prepareStackTrace; Error.prepareStackTrace = (_, s) => s;\n" +
		"  const s = {}; Error.captureStackTrace(s); const r = s.stack; Error.prepareStackTrace = p; return r; }\n" +
		"const obj = { method() { return sites(); } };\n" +
		"function viaCall() { return sites.call(null); }\n" +
		"const a = obj.method(), b = obj . method (), c = 'éé' + viaCall.apply(null, []).length;\n" +
		"[a[2].getColumnNumber(), b[2].getColumnNumber(), viaCall.apply(null, []).map((s) => s.getFunctionName()),\n" +
		" (() => { const s = 'éé'; return obj.method()[2].getColumnNumber(); })(), String(a[2])]\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	rt := newRuntime(t, process.Config{})
	got := evalFile(t, rt, file, src)
	jstest.Expect(t, "call sites", got, `[15,35,["sites","viaCall",null],38,"`+file+`:5:15"]`)
}
