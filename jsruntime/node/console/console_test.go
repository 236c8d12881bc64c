package console_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/console"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
)

// formatCases pairs argument lists with what Node 20's util.format(...args) gives.
var formatCases = [][2]string{
	{"['[hello-world] Plugin loaded.']", "[hello-world] Plugin loaded."},
	{"['%s is %d years', 'Bob', 42]", "Bob is 42 years"},
	{"['%s', 'a', 'b', 3]", "a b 3"},
	{"['%d %i %f', '42.5', '42.5', '42.5abc']", "42.5 42 42.5"},
	{"['%i', 3.9]", "3"},
	{"['%d', {}]", "NaN"},
	{"['%d', '0x10']", "16"},
	{"['%i', '0x10']", "16"},
	{"['%j', {a: [1, 'x']}]", "{\"a\":[1,\"x\"]}"},
	{"['%j', undefined]", "undefined"},
	{"['%s', {a: 1}]", "{ a: 1 }"},
	{"['%s', [1, 2]]", "[ 1, 2 ]"},
	{"['%s', null]", "null"},
	{"['%s', undefined]", "undefined"},
	{"['%s', -0]", "-0"},
	{"['%s', 5n]", "5n"},
	{"['%s', Symbol('s')]", "Symbol(s)"},
	{"['100%%', 1]", "100% 1"},
	{"['100%%']", "100%%"},
	{"['%c styled', 'color: red']", " styled"},
	{"['%x %s', 1]", "%x 1"},
	{"['%s']", "%s"},
	{"['a', 'b']", "a b"},
	{"['%O', {a: {b: {c: {d: 1}}}}]", "{ a: { b: { c: [Object] } } }"},
	{"[{a: 1, b: 'x'}]", "{ a: 1, b: 'x' }"},
	{"[[1, 2]]", "[ 1, 2 ]"},
	{"[[]]", "[]"},
	{"[{}]", "{}"},
	{"[{a: {b: {c: {d: 1}}}}]", "{ a: { b: { c: [Object] } } }"},
	{"[{a: [1, {b: [2, {c: 3}]}]}]", "{ a: [ 1, { b: [Array] } ] }"},
	{"['x', {a: 1}, [1, 'y'], 'z']", "x { a: 1 } [ 1, 'y' ] z"},
	{"[1, 2, 3]", "1 2 3"},
	{"[null, undefined, true]", "null undefined true"},
	{"['s', 1.5, -0, NaN, Infinity]", "s 1.5 -0 NaN Infinity"},
	{"[function foo() {}]", "[Function: foo]"},
	{"[() => {}]", "[Function (anonymous)]"},
	{"[class Foo {}]", "[class Foo]"},
	{"[async function bar() {}]", "[AsyncFunction: bar]"},
	{"[Object.assign(function f() {}, {x: 1})]", "[Function: f] { x: 1 }"},
	{"[{f() {}, g: () => 1}]", "{ f: [Function: f], g: [Function: g] }"},
	{"[{'a-b': 1, 'ok_1': 2, '1x': 3, 42: 4}]", "{ '42': 4, 'a-b': 1, ok_1: 2, '1x': 3 }"},
	{"[{s: \"it's\", t: 'say \"hi\"', u: 'both \\' \"', n: 'line\\nbreak'}]", "{ s: \"it's\", t: 'say \"hi\"', u: `both ' \"`, n: 'line\\nbreak' }"},
	{"[[1, 2, 3, 4, 5, 6, 7]]", "[\n  1, 2, 3, 4,\n  5, 6, 7\n]"},
	{"[[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]]", "[\n   1,  2,  3,  4,  5,  6,  7,  8,\n   9, 10, 11, 12, 13, 14, 15, 16,\n  17, 18, 19, 20, 21, 22, 23, 24,\n  25, 26, 27\n]"},
	{"[['a', 'b', 'c', 'd', 'e', 'f', 'g']]", "[\n  'a', 'b', 'c',\n  'd', 'e', 'f',\n  'g'\n]"},
	{"[Array.from({length: 120}, (_, i) => i)]", "[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n  96, 97, 98, 99,\n  ... 20 more items\n]"},
	{"[[1, , 3, , , 6]]", "[ 1, <1 empty item>, 3, <2 empty items>, 6 ]"},
	{"[{veryLongPropertyNameNumberOne: 'some long string value', veryLongPropertyNameNumberTwo: 'another long string'}]", "{\n  veryLongPropertyNameNumberOne: 'some long string value',\n  veryLongPropertyNameNumberTwo: 'another long string'\n}"},
	{"[{a: {b: {c: {}}}}]", "{ a: { b: { c: {} } } }"},
	{"[{a: {b: {c: []}}}]", "{ a: { b: { c: [] } } }"},
	{"[[[[[1]]]]]", "[ [ [ [Array] ] ] ]"},
	{"[new Map([['a', 1], ['b', {c: 2}]])]", "Map(2) { 'a' => 1, 'b' => { c: 2 } }"},
	{"[new Set([1, 'two'])]", "Set(2) { 1, 'two' }"},
	{"[new Map()]", "Map(0) {}"},
	{"[new Date(0)]", "1970-01-01T00:00:00.000Z"},
	{"[/ab+c/gi]", "/ab+c/gi"},
	{"[{d: new Date(86400000)}]", "{ d: 1970-01-02T00:00:00.000Z }"},
	{"[Object.create(null)]", "[Object: null prototype] {}"},
	{"[Object.assign(Object.create(null), {a: 1})]", "[Object: null prototype] { a: 1 }"},
	{"[new (class Foo { constructor() { this.x = 1 } })()]", "Foo { x: 1 }"},
	{"[new (class Bar {})()]", "Bar {}"},
	{"[(() => { const o = {name: 'o'}; o.self = o; return o })()]", "<ref *1> { name: 'o', self: [Circular *1] }"},
	{"[{get a() { return 1 }, set b(v) {}, get c() { return 1 }, set c(v) {}}]", "{ a: [Getter], b: [Setter], c: [Getter/Setter] }"},
	{"[{[Symbol('k')]: 1, v: Symbol('v')}]", "{ v: Symbol(v), [Symbol(k)]: 1 }"},
	{"[Buffer.from('hi there')]", "<Buffer 68 69 20 74 68 65 72 65>"},
	{"[new Uint8Array([1, 2, 3])]", "Uint8Array(3) [ 1, 2, 3 ]"},
	{"[new String('boxed'), new Number(3), new Boolean(false)]", "[String: 'boxed'] [Number: 3] [Boolean: false]"},
	{"[Promise.resolve(4)]", "Promise { 4 }"},
	{"[new Promise(() => {})]", "Promise { <pending> }"},
	{"['%s', new Date(0)]", "1970-01-01T00:00:00.000Z"},
	{"['%s', {toString() { return 'custom' }}]", "custom"},
	{"[{n: null, u: undefined, b: 10n}]", "{ n: null, u: undefined, b: 10n }"},
	{"[[{a: 1, b: 2}, {a: 3, b: 4}]]", "[ { a: 1, b: 2 }, { a: 3, b: 4 } ]"},
	{"[{arr: [[1, 2, [3, 4, [5]]]]}]", "{ arr: [ [ 1, 2, [Array] ] ] }"},
}

// newRuntime is a runtime of the plugin "hello-world" with Buffer and console.
func newRuntime(t *testing.T) *jsruntime.Runtime {
	t.Helper()
	return jstest.NewWith(t, jsruntime.Options{Name: "hello-world"}, buffer.Install, console.Install)
}

func TestFormatMatchesNode(t *testing.T) {
	rt := newRuntime(t)
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		for _, c := range formatCases {
			v, err := vm.RunString(c[0])
			if err != nil {
				t.Errorf("%s: %v", c[0], err)
				continue
			}
			var args []goja.Value
			if err := vm.ExportTo(v, &args); err != nil {
				return err
			}
			if got := util.Format(rt, args); got != c[1] {
				t.Errorf("util.format(...%s)\n got: %q\nwant: %q", c[0], got, c[1])
			}
		}
		return nil
	})
}

func TestInspectError(t *testing.T) {
	rt := newRuntime(t)
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		v, err := vm.RunString(`const e = new TypeError('bad'); e.code = 'E_BAD'; e`)
		if err != nil {
			return err
		}
		got := util.Inspect(rt, v)
		if !strings.HasPrefix(got, "TypeError: bad\n") || !strings.HasSuffix(got, "{\n  code: 'E_BAD'\n}") {
			t.Errorf("Inspect(error) = %q", got)
		}
		v, err = vm.RunString(`({ err: new Error('inner') })`)
		if err != nil {
			return err
		}
		// Nested stacks are indented to the property's level.
		if got := util.Inspect(rt, v); !strings.HasPrefix(got, "{\n  err: Error: inner\n  ") || !strings.HasSuffix(got, "\n}") {
			t.Errorf("Inspect(nested error) = %q", got)
		}
		return nil
	})
}

func TestConsoleWritesToLogger(t *testing.T) {
	rt := newRuntime(t)
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		_, err := vm.RunString(`
			const info = { id: 'hello-world' };
			console.log(` + "`[${info.id}] Plugin loaded.`" + `);
			console.info('n=%d', 3);
			console.debug('dbg');
			console.warn('careful', { a: 1 });
			console.error('[x] Failed to load config:', 'ENOENT');
			console.assert(1 === 2, 'math');
			console.assert(true, 'never');
			console.count(); console.count('k'); console.count();
			console.group('outer'); console.log('inner'); console.groupEnd(); console.log('after');
			console.dir({ d: [1] });
		`)
		return err
	})
	want := []string{
		`level=INFO msg="[hello-world] Plugin loaded." plugin=hello-world`,
		`level=INFO msg="n=3" plugin=hello-world`,
		`level=DEBUG msg=dbg plugin=hello-world`,
		`level=WARN msg="careful { a: 1 }" plugin=hello-world`,
		`level=ERROR msg="[x] Failed to load config: ENOENT" plugin=hello-world`,
		`level=ERROR msg="Assertion failed: math" plugin=hello-world`,
		`level=INFO msg="default: 1" plugin=hello-world`,
		`level=INFO msg="k: 1" plugin=hello-world`,
		`level=INFO msg="default: 2" plugin=hello-world`,
		`level=INFO msg=outer plugin=hello-world`,
		`level=INFO msg="  inner" plugin=hello-world`,
		`level=INFO msg=after plugin=hello-world`,
		`level=INFO msg="{ d: [ 1 ] }" plugin=hello-world`,
	}
	got := strings.Split(strings.TrimSpace(jstest.LogsOf(rt).String()), "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("log output:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestTimeUsesRuntimeClock(t *testing.T) {
	clock := &stepClock{now: time.Unix(0, 0)}
	rt := jstest.NewWith(t, jsruntime.Options{Clock: clock}, console.Install)
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		if _, err := vm.RunString(`console.time('t')`); err != nil {
			return err
		}
		clock.now = clock.now.Add(1500 * time.Microsecond)
		_, err := vm.RunString(`console.timeEnd('t')`)
		return err
	})
	if out := jstest.LogsOf(rt).String(); !strings.Contains(out, `msg="t: 1.5ms"`) {
		t.Errorf("timeEnd output: %s", out)
	}
}

// stepClock is a Clock whose time only moves when the test sets it.
type stepClock struct{ now time.Time }

func (c *stepClock) Now() time.Time { return c.now }

func (c *stepClock) AfterFunc(d time.Duration, f func()) jsruntime.Timer { return time.AfterFunc(d, f) }
