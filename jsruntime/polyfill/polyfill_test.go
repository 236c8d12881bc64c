package polyfill_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/polyfill"
)

func TestPolyfills(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"withResolvers", `(async () => {
			const { promise, resolve } = Promise.withResolvers();
			resolve(5);
			const r = Promise.withResolvers();
			r.reject(new Error('no'));
			return [await promise, await r.promise.catch((e) => e.message), promise instanceof Promise];
		})()`, `[5,"no",true]`},
		{"Object.groupBy", `const g = Object.groupBy([1, 2, 3, 4, 5], (n, i) => (n % 2 ? 'odd' : 'even') + (i > 3 ? '!' : ''));
			[Object.getPrototypeOf(g) === null, Object.keys(g), g.odd, g.even, g['odd!']]`,
			`[true,["odd","even","odd!"],[1,3],[2,4],[5]]`},
		{"Map.groupBy", `const m = Map.groupBy([-0, 0, 1, 'a'], (v) => typeof v === 'number' ? v : 'str');
			[...m.keys()].map((k) => Object.is(k, -0) ? '-0' : String(k)).concat([m.get(0).length])`, `["0","1","str",2]`},
		{"groupBy errors", `const errs = [];
			try { Object.groupBy(null, () => 1) } catch (e) { errs.push(e.name) }
			try { Map.groupBy([1], 'x') } catch (e) { errs.push(e.name) }
			errs`, `["TypeError","TypeError"]`},
		{"Array.fromAsync", `(async () => {
			const asyncIterable = { [Symbol.asyncIterator]() { let i = 0; return { next: async () => ({ done: i >= 3, value: i++ }) }; } };
			const a = await Array.fromAsync(asyncIterable);
			const b = await Array.fromAsync([Promise.resolve(1), 2], (x, i) => x * 10 + i);
			const c = await Array.fromAsync({ length: 2, 0: 'x', 1: Promise.resolve('y') });
			const d = await Array.fromAsync([1], 5).catch((e) => e.name);
			return [a, b, c, d, Array.fromAsync.length];
		})()`, `[[0,1,2],[10,21],["x","y"],"TypeError",1]`},
		{"well-formed strings", `['ab', 'a\uD800b', '\uDC00', '\uD83D\uDE00', 'x\uD83D'].map((s) => [s.isWellFormed(), escape(s.toWellFormed())])`,
			`[[true,"ab"],[false,"a%uFFFDb"],[false,"%uFFFD"],[true,"%uD83D%uDE00"],[false,"x%uFFFD"]]`},
		{"shape", `[Object.keys(Promise), Object.getOwnPropertyDescriptor(Object, 'groupBy').enumerable, Object.groupBy.name,
			Object.groupBy.length, typeof Symbol.dispose, String(Symbol.asyncDispose)]`,
			`[[],false,"groupBy",2,"symbol","Symbol(nodejs.asyncDispose)"]`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := jstest.AwaitJSON(t, jstest.New(t, polyfill.Install), c.src); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

// TestJSONParseDepth: goja's own JSON.parse recursed in Go per level of nesting, so a few MB of "["
// ended the process; the replacement refuses nesting past jsjson.MaxDepth with V8's RangeError, and
// walks a reviver over any depth it accepts (V8 stops at about 10,000 levels with a RangeError).
func TestJSONParseDepth(t *testing.T) {
	src := `const out = [];
		for (const text of ['['.repeat(3e6), '{"a":'.repeat(1e6), '['.repeat(10001) + ']'.repeat(10001)]) {
			try { JSON.parse(text); out.push('parsed') } catch (e) { out.push(e.name + ': ' + e.message) }
		}
		const ok = JSON.parse('['.repeat(10000) + ']'.repeat(10000));
		out.push(Array.isArray(ok));
		let calls = 0;
		const revived = JSON.parse('['.repeat(10000) + ']'.repeat(10000), (k, v) => (calls++, v));
		out.push(Array.isArray(revived), calls);
		out`
	want := `["RangeError: Maximum call stack size exceeded","RangeError: Maximum call stack size exceeded",` +
		`"RangeError: Maximum call stack size exceeded",true,true,10000]`
	if got := jstest.AwaitJSON(t, jstest.New(t, polyfill.Install), src); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestArrayNesting: join (and String of an array) and flat on arrays nested two million deep, which
// exhausted the Go stack in goja's recursion and ended the process: join throws a catchable
// RangeError, flat flattens.
func TestArrayNesting(t *testing.T) {
	src := `let deep = [7];
		for (let i = 0; i < 2e6; i++) deep = [deep];
		const out = [];
		try { out.push(String(deep).length) } catch (e) { out.push(e.name + ': ' + e.message) }
		try { out.push(deep.join('-').length) } catch (e) { out.push(e.name) }
		out.push(deep.flat(Infinity).join(), deep.flat(3).length)
		out`
	want := `["RangeError: Maximum call stack size exceeded","RangeError","7",1]`
	if got := jstest.AwaitJSON(t, jstest.New(t, polyfill.Install), src); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
