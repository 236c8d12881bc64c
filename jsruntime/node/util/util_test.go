package util_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// syncCases pair an expression using util with String() of its value under Node 20.
var syncCases = [][2]string{
	{"util.format('%s=%d', 'a', 1, {b: 2})", "a=1 { b: 2 }"},
	{"util.formatWithOptions({depth: 0}, {a: {b: 1}})", "{ a: [Object] }"},
	{"util.inspect({a: {b: {c: {d: 1}}}}, {depth: null})", "{\n  a: { b: { c: { d: 1 } } }\n}"},
	{"util.inspect({a: {b: {c: 1}}}, false, 0)", "{ a: [Object] }"},
	{"String(util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'))", "true"},
	{"[util.types.isPromise(Promise.resolve()), util.types.isPromise({then(){}}), util.types.isDate(new Date()), util.types.isDate(Object.create(Date.prototype)), util.types.isRegExp(/a/), util.types.isAsyncFunction(async () => {}), util.types.isAsyncFunction(() => {}), util.types.isGeneratorFunction(function* () {}), util.types.isUint8Array(new Uint8Array(1)), util.types.isUint8Array(new Int8Array(1)), util.types.isArrayBuffer(new ArrayBuffer(1)), util.types.isTypedArray(new DataView(new ArrayBuffer(1))), util.types.isMap(new Map()), util.types.isSet(new Map()), util.types.isNativeError(new TypeError()), util.types.isNativeError({name: 'Error', message: ''}), util.types.isBoxedPrimitive(Object(1n)), util.types.isBoxedPrimitive(1)].join()", "true,false,true,false,true,true,false,true,true,false,true,false,true,false,true,false,true,false"},
	{"[util.isDeepStrictEqual({a: [1, 2]}, {a: [1, 2]}), util.isDeepStrictEqual({a: 1}, {a: '1'}), util.isDeepStrictEqual([1], {0: 1, length: 1}), util.isDeepStrictEqual(new Map([[1, {a: 1}]]), new Map([[1, {a: 1}]])), util.isDeepStrictEqual(new Set([{}]), new Set([{}])), util.isDeepStrictEqual(NaN, NaN), util.isDeepStrictEqual(0, -0), util.isDeepStrictEqual(new Date(1), new Date(2)), util.isDeepStrictEqual(new Uint8Array([1]), new Uint8Array([1]))].join()", "true,false,false,true,true,true,false,false,true"},
	{"[util.isArray([]), util.isString(''), util.isObject(null), util.isPrimitive(Symbol()), util.isFunction(class {})].join()", "true,true,false,true,true"},
	{"(function(){ function A(){} function B(){} util.inherits(A, B); return [new A() instanceof B, A.super_ === B].join(); })()", "true,true"},
	{"String(util.TextEncoder === TextEncoder && util.TextDecoder === TextDecoder)", "true"},
	{"(function(){ const l = util.debuglog('x'); l('hi'); return typeof l + ' ' + l.enabled; })()", "function false"},
	{"(function(){ try { util.promisify(1) } catch (e) { return e.code + ': ' + e.message } })()", "ERR_INVALID_ARG_TYPE: The \"original\" argument must be of type function. Received type number (1)"},
}

// asyncCases pair an expression giving a promise with String() of what it resolves to under Node 20.
var asyncCases = [][2]string{
	{"util.promisify((a, cb) => cb(null, a + 1))(1).then(String)", "2"},
	{"util.promisify((cb) => cb(new Error('boom')))().catch((e) => 'rejected ' + e.message)", "rejected boom"},
	{"(function(){ const f = (cb) => cb(null, 1); f[util.promisify.custom] = () => Promise.resolve('custom'); return util.promisify(f)(); })()", "custom"},
	{"new Promise((res) => util.callbackify(async (x) => x * 2)(21, (err, v) => res(err + ' ' + v)))", "null 42"},
	{"new Promise((res) => util.callbackify(() => Promise.reject(null))((err) => res(err.code + ' ' + err.reason)))", "ERR_FALSY_VALUE_REJECTION null"},
}

// newRuntime returns a runtime with the web globals (TextEncoder, queueMicrotask) and util bound to
// the global "util".
func newRuntime(t *testing.T) *jsruntime.Runtime {
	t.Helper()
	return jstest.New(t, web.Install, jstest.Global("util", util.Require))
}

func TestMatchesNode(t *testing.T) {
	rt := newRuntime(t)
	for _, c := range syncCases {
		if got := jstest.Eval(t, rt, c[0]); got != c[1] {
			t.Errorf("%s\n got: %q\nwant: %q", c[0], got, c[1])
		}
	}
}

func TestAsyncMatchesNode(t *testing.T) {
	rt := newRuntime(t)
	for _, c := range asyncCases {
		if got := jstest.Await(t, rt, c[0]); got != c[1] {
			t.Errorf("%s\n got: %q\nwant: %q", c[0], got, c[1])
		}
	}
}
