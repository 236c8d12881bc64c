package express

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/internal/loadtest"
	"github.com/pluginhost/pluginhost/jsruntime/internal/jsjson"
)

// jsonPlain are values the Go writer serialises itself. Each is a JS expression.
var jsonPlain = []string{
	// Literals and numbers.
	`null`, `true`, `false`, `0`, `-0`, `1`, `-1`, `42`, `2**31`, `2**32 + 1`, `2**53`, `2**53 + 2`, `-(2**63)`,
	`2**64`, `1e21`, `-1e21`, `1e20`, `123456789012345680000`, `1e-7`, `1.5e-7`, `1e-6`, `0.000001234`,
	`123e-20`, `0.1 + 0.2`, `12.75`, `-1.5`, `1/3`, `5e-324`, `-5e-324`, `Number.MAX_VALUE`,
	`Number.MIN_VALUE`, `Number.MAX_SAFE_INTEGER`, `Number.EPSILON`, `NaN`, `Infinity`, `-Infinity`,
	`1e300 * 1e10`, `4.35`, `0.5`, `100`, `1e-5 * 3`, `2.5e-8`, `9.007199254740993e15`, `[1.0, 2.50, -0.0]`,
	`JSON.parse('[1e2, 1.5e300, 0.1, 12.75, -0]')`,
	// Strings: every escape, controls, <, > and &, non-ASCII, surrogates.
	`""`, `"plain"`, `"\"\\\b\f\n\r\t"`, `"\0\x01\x07\x0b\x0e\x1b\x1f\x20\x7f"`, `"</script>&amp;<!--"`,
	`"é ï — “ ” naïve café"`, `"é\u0001\n\"<&>\\"`, `"日本語テキスト"`, `"😀"`, `"a😀b🎉"`, `"\ud83d\ude00x"`,
	`"\ud800"`, `"\udc00"`, `"a\ud800b"`, `"\udc00\ud800"`, `"\ud800\ud800\udc00"`, `"x\ud83d"`,
	`"\udbff\udfff"`, `"é\ud800"`, `"\u2028\u2029"`, `"\uffff\ufffd\ufeff"`, `"\u0080\u07ff\u0800"`,
	`"x".repeat(1000) + "é"`, `String.fromCharCode(0xd800, 0x41, 0xdfff)`,
	// Objects and arrays.
	`{}`, `[]`, `{a: 1, b: "x", c: [1, 2, {d: null}], e: {f: {g: []}}}`, `[1, "a", null, true, [], {}]`,
	`{"2": 1, "1": 2, "a": 3}`, `{b: 1, a: 2, 10: 3, "-1": 4, "01": 5, "4294967295": 6, "4294967294": 7, "1.5": 8}`,
	`{u: undefined, f() {}, s: Symbol("x"), k: 1, g: class {}, h: async () => 1}`, `{u: undefined}`,
	`{a: undefined, b: 1, c: undefined}`, `[undefined, function () {}, Symbol(), 1]`,
	`{"a\"b": 1, "\n": 2, "é": 3, "<&>": 4, "😀": 5, "": 6, "\u0001": 7}`,
	`({get a() { return 1 }, b: 2, get c() { return {d: [3]} }, get u() { return undefined }})`,
	`Object.assign(Object.create(null), {x: 1, y: [2, {z: Object.create(null)}]})`,
	`({__proto__: null, a: 1})`, `JSON.parse('{"__proto__": 1, "a": 2}')`,
	`Object.defineProperty({a: 1}, "hidden", {value: 2, enumerable: false})`,
	`({[Symbol("s")]: 1, a: 2})`,
	`(() => { const o = {a: 1, b: 2, c: 3}; delete o.b; o.b = 4; o.a = 5; return o })()`,
	`[1, , 3]`, `(() => { const a = []; a[5] = 1; return a })()`, `(() => { const a = [1, 2]; a.length = 5; return a })()`,
	`(() => { const a = []; a[150] = "x"; a[2] = 1; return a })()`, `(() => { const a = [1]; a.x = 2; return a })()`,
	`Array.from({length: 300}, (_, i) => i * 1.5)`, `[[[[[]]]]]`,
	`Object.defineProperty([1, 2], 0, {get() { return "g" }})`,
	`(() => { const o = {a: 1}; return [o, o, {o}] })()`,
	`(() => { let v = 1; for (let i = 0; i < 1000; i++) v = [v]; return v })()`,
	`(() => { let v = 1; for (let i = 0; i < 1000; i++) v = {v}; return v })()`,
	`JSON.parse(JSON.stringify({s: "é😀\u0001", n: [1, 2.5, -3e-9], o: {"x y": true}}))`,
	`(() => { let v = {a: 1}; for (let i = 0; i < 3000; i++) v = i % 2 ? [v] : {v}; return v })()`,
	`new (class A { constructor() { this.x = 1 } })()`, `Object.create({inherited: 1})`,
	`[new (class B { constructor() { this.y = [1]; this.z = undefined } })(), new Map([[1, 2]]).size]`,
	`Object.setPrototypeOf({a: 1}, Array.prototype)`,
}

// jsonGoja are values the Go writer leaves to goja's JSON.stringify: they come out of res.json as
// they did before it, or throw the same error.
var jsonGoja = []string{
	`undefined`, `function () {}`, `Symbol("x")`,
	`new Date(0)`, `{d: new Date(0)}`, `{toJSON() { return 1 }}`, `{a: {toJSON(k) { return "key " + k }}}`,
	`[{toJSON: () => [1]}]`, `Object.defineProperty({}, "toJSON", {value: () => "hidden"})`,
	`Object.assign(function () {}, {toJSON: () => "fn"})`, `{f: Object.assign(() => 1, {toJSON: () => "fn"})}`,
	`new String("s")`, `new Number(1)`, `new Boolean(false)`, `Object(Symbol())`, `[new String("x")]`,
	`new Proxy({a: 1}, {})`, `new Proxy([1], {})`, `{p: new Proxy(() => 1, {})}`,
	`new Uint8Array([1, 2])`, `new ArrayBuffer(2)`, `new Map([[1, 2]])`, `new Set([1])`, `/re/g`,
	`new Error("x")`, `(function () { return arguments })(1, 2)`, `Promise.resolve(1)`,
	`JSON.rawJSON("1e1000")`, `{r: JSON.rawJSON("12")}`,
	`10n`, `{a: 1n}`,
	`{"\ud800": 1}`, `{"\ufffd": 1}`, `[1, {"a\udc00": 2}]`,
	`{get a() { throw new Error("getter boom") }}`,
	`(() => { const a = [1]; Object.setPrototypeOf(a, Object.prototype); return a })()`,
}

// gojaJSON is the serialisation res.json used before the Go writer: JSON.stringify, then the
// string's UTF-8 with Express's json escape.
func gojaJSON(a *App, v goja.Value, escape bool) (out string, defined bool, err error) {
	res, err := jsjson.GojaStringify(a.rt)(goja.Undefined(), v)
	if err != nil || goja.IsUndefined(res) {
		return "", false, err
	}
	out = res.String()
	if escape {
		out = jsonHTMLEscaper.Replace(out)
	}
	return out, true, nil
}

// evalJSONCases evaluates each expression on the loop and calls check with its value.
func evalJSONCases(t *testing.T, f *fixture, exprs []string, check func(vm *goja.Runtime, expr string, v goja.Value)) {
	t.Helper()
	jstest.Do(t, f.rt, func(vm *goja.Runtime) error {
		for _, expr := range exprs {
			v, err := vm.RunString("(" + expr + "\n)")
			if err != nil {
				return fmt.Errorf("%s: %w", expr, err)
			}
			check(vm, expr, v)
		}
		return nil
	})
}

// TestWriteJSONPlainMatchesStringify: the Go writer takes every plain value and writes goja's
// bytes for it, with and without the json escape.
func TestWriteJSONPlainMatchesStringify(t *testing.T) {
	f := setup(t, Config{}, ``)
	evalJSONCases(t, f, jsonPlain, func(_ *goja.Runtime, expr string, v goja.Value) {
		for _, escape := range []bool{false, true} {
			want, defined, err := gojaJSON(f.app, v, escape)
			if err != nil || !defined {
				t.Errorf("%s: goja gives %v (defined %v)", expr, err, defined)
				continue
			}
			got, ok := f.app.writeJSON(v, escape)
			if !ok {
				t.Errorf("%s (escape %v): the Go writer left a plain value to goja", expr, escape)
				continue
			}
			if string(got) != want {
				t.Errorf("%s (escape %v):\n got %q\nwant %q", expr, escape, got, want)
			}
		}
	})
}

// TestWriteJSONLeavesOthersToGoja: the Go writer declines the other values, and stringify gives
// goja's bytes or error for them.
func TestWriteJSONLeavesOthersToGoja(t *testing.T) {
	f := setup(t, Config{}, ``)
	evalJSONCases(t, f, jsonGoja, func(vm *goja.Runtime, expr string, v goja.Value) {
		// A throwing getter throws from the Go writer as it does from goja (compared below).
		_ = vm.Try(func() {
			if got, ok := f.app.writeJSON(v, false); ok {
				t.Errorf("%s: the Go writer took it, writing %q", expr, got)
			}
		})
		want, wantDefined, wantErr := gojaJSON(f.app, v, false)
		var got []byte
		var gotDefined bool
		gotErr := vm.Try(func() { got, gotDefined = f.app.stringify(v) })
		switch {
		case (wantErr == nil) != (gotErr == nil):
			t.Errorf("%s: error %v, want %v", expr, gotErr, wantErr)
		case wantErr != nil:
			var ex *goja.Exception
			if errors.As(wantErr, &ex) && ex.Value().String() != gotErr.Value().String() {
				t.Errorf("%s: error %q, want %q", expr, gotErr.Value(), ex.Value())
			}
		case gotDefined != wantDefined || string(got) != want:
			t.Errorf("%s: %q (defined %v), want %q (defined %v)", expr, got, gotDefined, want, wantDefined)
		}
	})
}

// TestWriteJSONStrings compares the Go writer's strings with goja's on random UTF-16 sequences of
// escapes, controls, <, > and &, non-ASCII, surrogate pairs and lone surrogates, as values and (those
// that can be property names for Keys) as keys.
func TestWriteJSONStrings(t *testing.T) {
	f := setup(t, Config{}, ``)
	units := []uint16{'a', 'Z', '"', '\\', '\n', '\b', 0, 0x1f, 0x7f, '<', '>', '&', '/', 0xe9, 0x2028, 0x4e2d,
		0xfffd, 0xffff, 0xd83d, 0xde00, 0xd800, 0xdbff, 0xdc00, 0xdfff}
	rnd := rand.New(rand.NewPCG(3, 4))
	var values, keys []any
	for range 5000 {
		s := make([]uint16, rnd.IntN(12))
		for i := range s {
			s[i] = units[rnd.IntN(len(units))]
		}
		str := goja.StringFromUTF16(s)
		values = append(values, str)
		if !strings.ContainsRune(str.String(), utf8.RuneError) {
			keys = append(keys, str)
		}
	}
	jstest.Do(t, f.rt, func(vm *goja.Runtime) error {
		fn, err := vm.RunString(`(keys) => Object.fromEntries(keys.map((k, i) => [k, i]))`)
		if err != nil {
			return err
		}
		fromKeys, _ := goja.AssertFunction(fn)
		obj, err := fromKeys(goja.Undefined(), vm.NewArray(keys...))
		if err != nil {
			return err
		}
		for _, v := range []goja.Value{vm.NewArray(values...), obj} {
			for _, escape := range []bool{false, true} {
				want, _, err := gojaJSON(f.app, v, escape)
				if err != nil {
					return err
				}
				if got, ok := f.app.writeJSON(v, escape); !ok || string(got) != want {
					t.Errorf("escape %v: Go writer %v:\n got %.300q\nwant %.300q", escape, ok, got, want)
				}
			}
		}
		return nil
	})
}

// TestWriteJSONGoStrings compares the Go writer with goja on strings the host makes of Go text,
// short and long, including text that is not valid UTF-8 (goja reads each bad byte as U+FFFD).
func TestWriteJSONGoStrings(t *testing.T) {
	f := setup(t, Config{}, ``)
	pieces := []string{"a", "Z", `"`, `\`, "\n", "\x00", "\x1f", "<", "&", "é", "—", "😀", "\ufffd",
		"\xed\xa0\x80", "\xff", "\xc3", "\xe2\x80", "\xf0\x9f\x98", "\u2028"}
	rnd := rand.New(rand.NewPCG(5, 6))
	var values []any
	keys := map[string]any{}
	for range 5000 {
		var b strings.Builder
		for range rnd.IntN(24) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		values = append(values, b.String())
		if utf8.ValidString(b.String()) && !strings.ContainsRune(b.String(), utf8.RuneError) {
			keys[b.String()] = 1
		}
	}
	jstest.Do(t, f.rt, func(vm *goja.Runtime) error {
		obj := vm.NewObject()
		for k := range keys {
			_ = obj.Set(k, 1)
		}
		for _, v := range []goja.Value{vm.NewArray(values...), obj} {
			want, _, err := gojaJSON(f.app, v, false)
			if err != nil {
				return err
			}
			if got, ok := f.app.writeJSON(v, false); !ok || string(got) != want {
				t.Errorf("Go writer %v:\n got %.300q\nwant %.300q", ok, got, want)
			}
		}
		return nil
	})
}

// TestWriteJSONPrototypeToJSON: a toJSON on Object.prototype or Array.prototype applies to every
// plain object or array, so the Go writer leaves them to goja.
func TestWriteJSONPrototypeToJSON(t *testing.T) {
	f := setup(t, Config{}, ``)
	for _, proto := range []string{"Object", "Array"} {
		jstest.Do(t, f.rt, func(vm *goja.Runtime) error {
			v, err := vm.RunString(proto + `.prototype.toJSON = function () { return "P" }; [{a: [1]}]`)
			if err != nil {
				return err
			}
			defer func() { _, _ = vm.RunString("delete " + proto + ".prototype.toJSON") }()
			if got, ok := f.app.writeJSON(v, false); ok {
				t.Errorf("%s.prototype.toJSON: the Go writer took the value, writing %q", proto, got)
			}
			want, _, _ := gojaJSON(f.app, v, false)
			if got, _ := f.app.stringify(v); string(got) != want {
				t.Errorf("%s.prototype.toJSON: %q, want %q", proto, got, want)
			}
			return nil
		})
	}
}

// TestWriteJSONGoValues: a Go map or slice the host put into JS serialises like a plain one; other
// Go values are goja's.
func TestWriteJSONGoValues(t *testing.T) {
	f := setup(t, Config{}, ``)
	type point struct{ X, Y int }
	jstest.Do(t, f.rt, func(vm *goja.Runtime) error {
		for _, c := range []struct {
			v    any
			fast bool
		}{
			{map[string]any{"a": 1}, true},
			{[]any{1, "é", nil, map[string]any{"b": []any{true}}}, true},
			{point{1, 2}, false},
			{&point{3, 4}, false},
			{[]int{1, 2}, false},
			{map[string]int{"n": 1}, false},
		} {
			v := vm.ToValue(c.v)
			want, _, err := gojaJSON(f.app, v, false)
			if err != nil {
				return err
			}
			got, ok := f.app.writeJSON(v, false)
			if ok != c.fast || (ok && string(got) != want) {
				t.Errorf("%#v: %q (Go writer %v), want %q (Go writer %v)", c.v, got, ok, want, c.fast)
			}
			if got, _ := f.app.stringify(v); string(got) != want {
				t.Errorf("%#v: stringify %q, want %q", c.v, got, want)
			}
		}
		return nil
	})
}

// TestWriteJSONGetterCalls: the Go writer reads each property once, in JSON.stringify's order.
func TestWriteJSONGetterCalls(t *testing.T) {
	f := setup(t, Config{}, ``)
	jstest.Do(t, f.rt, func(vm *goja.Runtime) error {
		v, err := vm.RunString(`globalThis.reads = [];
			const track = (name, val) => ({get() { reads.push(name); return val }, enumerable: true});
			const inner = Object.defineProperties({}, {x: track("x", 1), toJSON: track("toJSON", undefined)});
			Object.defineProperties({}, {a: track("a", inner), b: track("b", [1])})`)
		if err != nil {
			return err
		}
		got, ok := f.app.writeJSON(v, false)
		jstest.Expect(t, "fast", ok, true)
		jstest.Expect(t, "body", string(got), `{"a":{"x":1},"b":[1]}`)
		jstest.Expect(t, "reads", vm.Get("reads").String(), "a,toJSON,x,toJSON,b")
		if _, err := vm.RunString(`reads.length = 0; JSON.stringify(Object.defineProperties({}, {a: track("a", inner), b: track("b", [1])}))`); err != nil {
			return err
		}
		jstest.Expect(t, "JSON.stringify reads", vm.Get("reads").String(), "a,toJSON,x,toJSON,b")
		return nil
	})
}

// TestWriteJSONCycleStopsAtOnce: the Go writer throws V8's TypeError for a cycle when it first comes
// back to an object, after running each getter once, rather than following the cycle down.
func TestWriteJSONCycleStopsAtOnce(t *testing.T) {
	f := setup(t, Config{}, ``)
	jstest.Do(t, f.rt, func(vm *goja.Runtime) error {
		v, err := vm.RunString(`globalThis.reads = 0; const o = {get a() { reads++; return 1 }}; o.self = {o}; o`)
		if err != nil {
			return err
		}
		ex := vm.Try(func() {
			got, _ := f.app.writeJSON(v, false)
			t.Errorf("the Go writer wrote a cycle: %q", got)
		})
		if ex == nil {
			return nil
		}
		jstest.Expect(t, "error", ex.Value().String(), "TypeError: Converting circular structure to JSON\n"+
			"    --> starting at object with constructor 'Object'\n"+
			"    |     property 'self' -> object with constructor 'Object'\n"+
			"    --- property 'o' closes the circle")
		jstest.Expect(t, "getter reads", vm.Get("reads").String(), "1")
		return nil
	})
}

// jsonCycles are circular structures whose TypeError describes where the circle closes, as V8's does.
var jsonCycles = []string{
	`(() => { const o = {}; o.self = o; return o })()`,
	`(() => { const a = []; a.push(a); return a })()`,
	`(() => { const o = {a: {}}; o.a.b = [o]; return o })()`,
	`(() => { const o = {x: {y: {z: {}}}}; o.x.y.z.back = o.x; return {root: o} })()`,
	`(() => { const o = {x: {y: {z: {w: {}}}}}; o.x.y.z.w.back = o.x; return {root: o} })()`,
	`(() => { let o = {}, c = o; for (let i = 0; i < 10; i++) { c.n = {}; c = c.n } c.back = o; return o })()`,
	`(() => { const o = {}; o[1] = o; return o })()`,
	`(() => { const o = Object.create(null); o["it's"] = [0, o]; return o })()`,
	`(() => { const a = [0, [1, {}]]; a[1][1].q = a; return [a] })()`,
	`(() => { class Node2 { constructor() { this.kids = [] } }; const n = new Node2(); n.kids.push({parent: n}); return n })()`,
}

// TestWriteJSONCyclesAgainstNode compares the Go writer's TypeError for each cycle with V8's.
func TestWriteJSONCyclesAgainstNode(t *testing.T) {
	want := nodeResults(t, jsonCycles, func(e string) string {
		return "try { JSON.stringify((" + e + "\n)); out.push(null) } catch (err) { out.push(String(err)) }"
	})
	f := setup(t, Config{}, ``)
	i := 0
	evalJSONCases(t, f, jsonCycles, func(vm *goja.Runtime, expr string, v goja.Value) {
		ex := vm.Try(func() { f.app.writeJSON(v, false) })
		if w := want[i]; ex == nil || w == nil || ex.Value().String() != *w {
			t.Errorf("%s:\n got %v\nnode %v", expr, ex, w)
		}
		i++
	})
}

// TestWriteJSONReentrant: a getter that serialises another response body while the writer is busy
// gets its own writer.
func TestWriteJSONReentrant(t *testing.T) {
	f := setup(t, Config{}, ``)
	jstest.Do(t, f.rt, func(vm *goja.Runtime) error {
		var inner []byte
		_ = vm.Set("nested", func(call goja.FunctionCall) goja.Value {
			inner, _ = f.app.writeJSON(call.Argument(0), false)
			return call.Argument(0)
		})
		v, err := vm.RunString(`({a: "outer", get b() { return nested({c: "inner é"}) }, d: [1]})`)
		if err != nil {
			return err
		}
		got, ok := f.app.writeJSON(v, false)
		jstest.Expect(t, "fast", ok, true)
		jstest.Expect(t, "outer", string(got), `{"a":"outer","b":{"c":"inner é"},"d":[1]}`)
		jstest.Expect(t, "inner", string(inner), `{"c":"inner é"}`)
		return nil
	})
}

// nodeResults runs one statement per expression under Node, each pushing a string or null onto out,
// and returns out. It skips the test when node is not installed.
func nodeResults(t *testing.T, exprs []string, statement func(expr string) string) []*string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	script := "const out = [];\n"
	for _, e := range exprs {
		script += statement(e) + "\n"
	}
	script += "process.stdout.write(JSON.stringify(out));\n"
	raw, err := exec.Command(node, "-e", script).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var out []*string
	if err := json.Unmarshal(raw, &out); err != nil || len(out) != len(exprs) {
		t.Fatalf("node output %q: %v", raw, err)
	}
	return out
}

// TestWriteJSONAgainstNode compares the Go writer with V8's JSON.stringify on the plain values.
// They agree on all of them: this goja orders integer-like keys first as V8 does, and formats
// numbers as V8 does. (Where goja and V8 do differ, the Go writer follows goja: an int64 beyond 2^53
// that the host puts into JS is written exactly, V8 having no such number.)
func TestWriteJSONAgainstNode(t *testing.T) {
	want := nodeResults(t, jsonPlain, func(e string) string { return "out.push(JSON.stringify((" + e + "\n)) ?? null);" })
	f := setup(t, Config{}, ``)
	i := 0
	evalJSONCases(t, f, jsonPlain, func(_ *goja.Runtime, expr string, v goja.Value) {
		got, ok := f.app.writeJSON(v, false)
		if w := want[i]; w == nil || !ok || string(got) != *w {
			t.Errorf("%s:\n got %q (%v)\nnode %v", expr, got, ok, w)
		}
		i++
	})
}

// TestWriteJSONNumbers compares the Go writer's numbers with goja's on random doubles of every
// magnitude, short decimals and integers.
func TestWriteJSONNumbers(t *testing.T) {
	f := setup(t, Config{}, ``)
	rnd := rand.New(rand.NewPCG(1, 2))
	var nums []any
	for range 20000 {
		nums = append(nums, math.Float64frombits(rnd.Uint64()), float64(rnd.IntN(1e6))/100,
			float64(rnd.Int64()>>rnd.IntN(64)), rnd.NormFloat64()*math.Pow(10, float64(rnd.IntN(60)-30)))
	}
	jstest.Do(t, f.rt, func(vm *goja.Runtime) error {
		v := vm.NewArray(nums...)
		want, _, err := gojaJSON(f.app, v, false)
		if err != nil {
			return err
		}
		got, ok := f.app.writeJSON(v, false)
		if !ok || string(got) != want {
			g, w := strings.Split(string(got), ","), strings.Split(want, ",")
			for i := range min(len(g), len(w)) {
				if g[i] != w[i] {
					t.Errorf("number %d: %s, want %s", i, g[i], w[i])
					break
				}
			}
			t.Errorf("numbers differ (Go writer %v)", ok)
		}
		return nil
	})
}

// TestResJSONFastPathEndToEnd: res.json, res.send(object) and res.jsonp with the Go writer keep
// their bodies and headers (type, length, ETag, 304, HEAD), and the settings that need goja still
// take effect.
func TestResJSONFastPathEndToEnd(t *testing.T) {
	f := setup(t, Config{}, `
		router.post('/echo', express.json({limit: '1mb'}), (req, res) => res.json(req.body));
		router.post('/send', express.json({limit: '1mb'}), (req, res) => res.send(req.body));
		router.get('/doc', (req, res) => res.json(globalThis.doc));
		router.post('/status', express.json(), (req, res) => res.status(201).json(req.body));
		router.get('/typed', (req, res) => res.type('text/plain').json({a: "é"}));
		router.get('/escape', (req, res) => { req.app.set('json escape', true); res.json({h: "<b>&</b>"}); req.app.set('json escape', false) });
		router.get('/spaces', (req, res) => { req.app.set('json spaces', 2); res.json({a: [1]}); req.app.set('json spaces', undefined) });
		router.get('/replacer', (req, res) => { req.app.set('json replacer', (k, v) => typeof v === 'number' ? v + 1 : v); res.json({a: 1}); req.app.set('json replacer', undefined) });
		router.get('/getter', (req, res) => { let n = 0; res.json({get a() { n++; return 1 }}); globalThis.getterCalls = n });
		router.get('/cycle', (req, res) => { const o = {}; o.o = o; try { res.json(o) } catch (e) { res.status(500).send(String(e)) } });
		router.get('/date', (req, res) => res.json({d: new Date(0)}));
		router.get('/throws', (req, res) => { try { res.json({a: 1, get b() { throw new TypeError('boom') }}) } catch (e) { res.status(500).send(e.name + ': ' + e.message + ' ' + (e instanceof TypeError) + ' ' + res.headersSent) } });
		router.get('/jsonp', (req, res) => res.jsonp({a: "\u2028é<"}));
		router.get('/jsonp-undef', (req, res) => res.jsonp(undefined));
	`)
	doc := loadtest.EchoDocument(10 << 10)
	for _, path := range []string{"/echo", "/send"} {
		r := f.do("POST", "/api/plugins/test"+path, string(doc), "Content-Type", "application/json")
		jstest.Expect(t, path+" status", r.status, 200)
		if r.body != string(doc) {
			t.Errorf("%s: the echoed document differs:\n got %.200q\nwant %.200q", path, r.body, doc)
		}
		jstest.Expect(t, path+" type", r.header.Get("Content-Type"), "application/json; charset=utf-8")
		jstest.Expect(t, path+" length", r.header.Get("Content-Length"), fmt.Sprint(len(doc)))
		jstest.Expect(t, path+" etag", r.header.Get("ETag"), weakETag(doc))
	}
	quoted, _ := json.Marshal(string(doc))
	f.eval("globalThis.doc = JSON.parse(" + string(quoted) + ")")
	r := f.get("/api/plugins/test/doc")
	jstest.Expect(t, "doc", r.body, string(doc))
	r = f.get("/api/plugins/test/doc", "If-None-Match", weakETag(doc))
	jstest.Expect(t, "fresh status", r.status, 304)
	jstest.Expect(t, "fresh body", r.body, "")
	jstest.Expect(t, "fresh type", r.header.Get("Content-Type"), "")
	r = f.do("POST", "/api/plugins/test/status", `{"x":"é"}`, "Content-Type", "application/json")
	jstest.Expect(t, "status", r.status, 201)
	jstest.Expect(t, "status body", r.body, `{"x":"é"}`)

	r = f.get("/api/plugins/test/typed")
	jstest.Expect(t, "typed", r.header.Get("Content-Type"), "text/plain; charset=utf-8")
	jstest.Expect(t, "typed body", r.body, `{"a":"é"}`)
	r = f.do("HEAD", "/api/plugins/test/typed", "")
	jstest.Expect(t, "head body", r.body, "")
	jstest.Expect(t, "head length", r.header.Get("Content-Length"), "10")
	r = f.get("/api/plugins/test/escape")
	jstest.Expect(t, "escape", r.body, `{"h":"\u003cb\u003e\u0026\u003c/b\u003e"}`)
	r = f.get("/api/plugins/test/spaces")
	jstest.Expect(t, "spaces", r.body, "{\n  \"a\": [\n    1\n  ]\n}")
	r = f.get("/api/plugins/test/replacer")
	jstest.Expect(t, "replacer", r.body, `{"a":2}`)
	r = f.get("/api/plugins/test/getter")
	jstest.Expect(t, "getter body", r.body, `{"a":1}`)
	jstest.Expect(t, "getter calls", f.eval(`getterCalls`), "1")
	r = f.get("/api/plugins/test/cycle")
	jstest.Expect(t, "cycle", r.body, "TypeError: Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    --- property 'o' closes the circle")
	r = f.get("/api/plugins/test/throws")
	jstest.Expect(t, "getter throws", r.body, "TypeError: boom true false")
	r = f.get("/api/plugins/test/date")
	jstest.Expect(t, "date", r.body, `{"d":"1970-01-01T00:00:00.000Z"}`)
	r = f.get("/api/plugins/test/jsonp?callback=cb")
	jstest.Expect(t, "jsonp", r.body, `/**/ typeof cb === 'function' && cb({"a":"\u2028é<"});`)
	jstest.Expect(t, "jsonp type", r.header.Get("Content-Type"), "text/javascript; charset=utf-8")
	r = f.get("/api/plugins/test/jsonp")
	jstest.Expect(t, "jsonp plain", r.body, `{"a":"`+"\u2028"+`é<"}`)
	r = f.get("/api/plugins/test/jsonp-undef?callback=cb")
	jstest.Expect(t, "jsonp undefined", r.body, `/**/ typeof cb === 'function' && cb();`)
}

// BenchmarkJSONEcho serialises the echo document, freshly parsed as a request body is (goja scans
// a string imported from Go once, on first use), the way res.json did before the Go writer (goja)
// and with it (go). Parsing is outside the timer.
func BenchmarkJSONEcho(b *testing.B) {
	f := setup(b, Config{}, ``)
	doc := loadtest.EchoDocument(10 << 10)
	for _, c := range []struct {
		name  string
		write func(goja.Value) (int, error)
	}{
		{"goja", func(v goja.Value) (int, error) {
			out, _, err := gojaJSON(f.app, v, false)
			return len(out), err
		}},
		{"go", func(v goja.Value) (int, error) {
			out, _ := f.app.writeJSON(v, false)
			return len(out), nil
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			jstest.Do(b, f.rt, func(vm *goja.Runtime) error {
				b.ReportAllocs()
				for b.Loop() {
					b.StopTimer()
					tape, err := jsjson.Scan(string(doc))
					if err != nil {
						return err
					}
					v := tape.Value(vm)
					b.StartTimer()
					if n, err := c.write(v); err != nil || n != len(doc) {
						return fmt.Errorf("%s: %d bytes, %v", c.name, n, err)
					}
				}
				return nil
			})
		})
	}
}

// BenchmarkJSONEchoRequest is the benchmark suite's echo workload through the handler: POST the
// 10 KB document, res.json(req.body).
func BenchmarkJSONEchoRequest(b *testing.B) {
	f := setup(b, Config{}, `router.post('/echo', express.json(), (req, res) => res.json(req.body))`)
	doc := string(loadtest.EchoDocument(10 << 10))
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/api/plugins/test/echo", strings.NewReader(doc))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		f.h.ServeHTTP(rec, req)
		if rec.Code != 200 || rec.Body.Len() != len(doc) {
			b.Fatalf("status %d, %d bytes", rec.Code, rec.Body.Len())
		}
	}
}

// TestWriteJSONTooDeep: nesting past jsjson.MaxDepth is V8's RangeError for an exhausted stack, not
// handed to goja's JSON.stringify, whose recursion in Go could exhaust the Go stack and end the process.
func TestWriteJSONTooDeep(t *testing.T) {
	f := setup(t, Config{}, `
		router.get('/deep', (req, res) => { let v = 1; for (let i = 0; i < 2e6; i++) v = [v]; res.json(v); });
		router.use((err, req, res, next) => res.status(500).json({ name: err.name, message: err.message }));
	`)
	r := f.get("/api/plugins/test/deep")
	jstest.Expect(t, "deep", r.body, `{"name":"RangeError","message":"Maximum call stack size exceeded"}`)
}
