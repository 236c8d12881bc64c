package web_test

import (
	"testing"
	"time"

	"github.com/pluginhost/pluginhost/internal/clocktest"
	"github.com/pluginhost/pluginhost/internal/jstest"
)

// TestGlobals checks the smaller globals against what Node 20 gives for the same expressions.
func TestGlobals(t *testing.T) {
	clock := clocktest.New()
	rt := newRuntime(t, clock)
	cases := [][2]string{
		{`const e = new DOMException('m', 'TimeoutError'); [e.name, e.message, e.code, e instanceof Error].join()`, "TimeoutError,m,23,true"},
		{`new DOMException('x').name + new DOMException('x').code`, "Error0"},
		{`const c = new AbortController(); const seen = []; c.signal.onabort = () => seen.push('on'); c.signal.addEventListener('abort', (e) => seen.push(e.type)); c.abort(); c.abort(); [c.signal.aborted, c.signal.reason.name, seen.join('+')].join()`, "true,AbortError,on+abort"},
		{`const s = AbortSignal.abort('why'); try { s.throwIfAborted() } catch (e) { e }`, "why"},
		{`const a = new AbortController(), b = new AbortController(); const any = AbortSignal.any([a.signal, b.signal]); b.abort('b'); [any.aborted, any.reason].join()`, "true,b"},
		{`try { new AbortSignal() } catch (e) { e.name }`, "TypeError"},
		{`const t = new EventTarget(); let n = 0; const f = () => n++; t.addEventListener('x', f, { once: true }); t.dispatchEvent(new Event('x')); t.dispatchEvent(new Event('x')); n`, "1"},
		{`Array.from(new TextEncoder().encode('hé€')).join()`, "104,195,169,226,130,172"},
		{`new TextEncoder().encode('x') instanceof Uint8Array`, "true"},
		{`const d = new Uint8Array(4); const r = new TextEncoder().encodeInto('aé€', d); [r.read, r.written].join()`, "2,3"},
		{`new TextDecoder().decode(new Uint8Array([0xEF, 0xBB, 0xBF, 104, 0xff, 105]))`, "h\uFFFDi"},
		{`try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])) } catch (e) { e.code }`, "ERR_ENCODING_INVALID_ENCODED_DATA"},
		{`try { new TextDecoder('latin2') } catch (e) { e.name }`, "RangeError"},
		{`[btoa('hello'), atob('aGVsbG8='), atob(' aGVs bG8 '), btoa(String.fromCharCode(255))].join()`, "aGVsbG8=,hello,hello,/w=="},
		{`try { atob('a') } catch (e) { e.name }`, "InvalidCharacterError"},
		{`try { btoa('€') } catch (e) { e.name }`, "InvalidCharacterError"},
		{`const o = { d: new Date(5), m: new Map([[1, { x: [1] }]]), s: new Set([2]), u: new Uint8Array([7]) }; o.self = o; const c = structuredClone(o); [c !== o, c.self === c, c.d.getTime(), c.m.get(1).x[0], c.m.get(1) !== o.m.get(1), c.s.has(2), c.u[0]].join()`, "true,true,5,1,true,true,7"},
		{`try { structuredClone({ f() {} }) } catch (e) { e.name }`, "DataCloneError"},
		{`const h = new Headers({ 'B': '1', 'a': '2' }); h.append('b', '3'); [...h].map(([k, v]) => k + '=' + v).join('&')`, "a=2&b=1, 3"},
		{`try { new Headers({ 'bad name': 'x' }) } catch (e) { e.name }`, "TypeError"},
		{`new Request('http://example.com/a', { method: 'post' }).method`, "POST"},
	}
	for _, c := range cases {
		// Each case gets its own block scope so that its const declarations do not collide.
		if got := jstest.Eval(t, rt, "{"+c[0]+"}"); got != c[1] {
			t.Errorf("%s\n got %q\nwant %q", c[0], got, c[1])
		}
	}
	jstest.Eval(t, rt, `globalThis.ts = AbortSignal.timeout(50); globalThis.seen = ''; ts.addEventListener('abort', () => { seen = ts.reason.name })`)
	clock.Advance(50 * time.Millisecond)
	if got := jstest.Eval(t, rt, `[ts.aborted, seen].join()`); got != "true,TimeoutError" {
		t.Errorf("AbortSignal.timeout: %s", got)
	}
}

// TestLazyClasses: the stream, body and fetch globals are accessors that evaluate the classes on first
// use, as Node's are; an assignment replaces one; the classes keep using the originals of the globals
// they depend on even when a plugin replaced those first.
func TestLazyClasses(t *testing.T) {
	rt := newRuntime(t, clocktest.New())
	cases := [][2]string{
		{`const d = Object.getOwnPropertyDescriptor(globalThis, 'ReadableStream'); [typeof d.get, typeof d.set, d.enumerable, d.configurable].join()`, "function,function,false,true"},
		{`globalThis.AbortController = function () { throw new Error('replaced'); }; globalThis.TextEncoder = null; const w = new WritableStream(); [w.locked, new TextEncoderStream().encoding].join()`, "false,utf-8"},
		{`globalThis.Blob = 5; Blob`, "5"},
		{`typeof require === 'undefined' && typeof Response.json`, "function"},
	}
	for _, c := range cases {
		if got := jstest.Eval(t, rt, "{"+c[0]+"}"); got != c[1] {
			t.Errorf("%s\n got %q\nwant %q", c[0], got, c[1])
		}
	}
}
