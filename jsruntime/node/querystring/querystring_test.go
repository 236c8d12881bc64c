package querystring_test

import (
	"encoding/json"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/querystring"
)

// cases pair an expression using qs with what show() makes of its value under Node 20: JSON, prefixed
// "null:" for a null-prototype object, or the name, code and message of what it threw.
var cases = [][2]string{
	{"qs.parse('a=1&b=2&a=3&a=4')", `null:{"a":["1","3","4"],"b":"2"}`},
	{"qs.parse('a+b=c+d&e')", `null:{"a b":"c d","e":""}`},
	{"qs.parse('=x&&y=&z==1')", `null:{"":"x","y":"","z":"=1"}`},
	{"qs.parse('a=%zz%41%e4%bd%a0&b=%E4%BD')", "null:{\"a\":\"%zzA你\",\"b\":\"\ufffd\"}"},
	{"qs.parse('a=%')", `null:{"a":"%"}`},
	{"qs.parse('a:1;b:2;a:3', ';', ':')", `null:{"a":["1","3"],"b":"2"}`},
	{"qs.parse('a=>1<>b=>2', '<>', '=>')", `null:{"a":"1","b":"2"}`},
	{"qs.parse('a=1&b=2&c=3', null, null, {maxKeys: 2})", `null:{"a":"1","b":"2"}`},
	{"qs.parse('a=1&b=2&c=3', null, null, {maxKeys: 0})", `null:{"a":"1","b":"2","c":"3"}`},
	{"qs.parse('a=1&&b=2&c=3', null, null, {maxKeys: 2})", `null:{"a":"1"}`},
	{"qs.parse('a=1&b=2', '', '')", `null:{"a":"1","b":"2"}`},
	{"qs.parse('a=%41+b&c', null, null, {decodeURIComponent: (s) => '<' + s + '>'})", `null:{"<a>":"<%41%20b>","<c>":""}`},
	{"qs.parse('a=%41+b', null, null, {decodeURIComponent: () => { throw new Error('x') }})", `null:{"a":"A b"}`},
	{"qs.parse('a=1', null, null, {decodeURIComponent: 5})", `null:{"a":"1"}`},
	{"qs.parse('__proto__=1&constructor=2')", `null:{"__proto__":"1","constructor":"2"}`},
	{"qs.parse('')", `null:{}`},
	{"qs.parse(5)", `null:{}`},
	{"qs.parse(undefined)", `null:{}`},
	{"qs.parse('a=1&&&b=2&')", `null:{"a":"1","b":"2"}`},
	{"qs.parse('a=b=c')", `null:{"a":"b=c"}`},
	{"qs.parse('%20a%20=%2B')", `null:{" a ":"+"}`},
	{"qs.stringify({a: [1, 2], b: 'x y', c: true, d: 1n, e: null, f: undefined, g: {}, h: NaN, i: Infinity, j: -0, k: () => 1, l: Symbol('s')})", `"a=1&a=2&b=x%20y&c=true&d=1&e=&f=&g=&h=&i=&j=0&k=&l="`},
	{"qs.stringify({a: 1, b: 2}, ';', ':')", `"a:1;b:2"`},
	{`qs.stringify({'a b': 'é~!*()\'-._/?&=#'})`, `"a%20b=%C3%A9~!*()'-._%2F%3F%26%3D%23"`},
	{"qs.stringify({a: []})", `""`},
	{"qs.stringify({a: [[1], {}, 'x']})", `"a=&a=&a=x"`},
	{"qs.stringify('abc')", `""`},
	{"qs.stringify(null)", `""`},
	{"qs.stringify([1, 2])", `"0=1&1=2"`},
	{"qs.stringify({a: 'b'}, null, null, {encodeURIComponent: (s) => s.toUpperCase()})", `"A=B"`},
	{`qs.stringify({a: '\ud800'})`, "throw URIError ERR_INVALID_URI URI malformed"},
	{"qs.stringify({a: '😀'})", `"a=%F0%9F%98%80"`},
	{"qs.escape('a b&c/ü')", `"a%20b%26c%2F%C3%BC"`},
	{"qs.escape(12)", `"12"`},
	{"qs.escape({toString() { return 'x y' }})", `"x%20y"`},
	{`qs.escape('\udc00')`, "throw URIError ERR_INVALID_URI URI malformed"},
	{"qs.unescape('a%20b+c')", `"a b+c"`},
	{"qs.unescape('a%zz%41+b', true)", `"a%zzA b"`},
	{"qs.unescape('%E4%BD')", "\"\ufffd\""},
	{"qs.unescapeBuffer('a%41+%zz%', true).toString('hex')", `"614120257a7a25"`},
	{"qs.unescapeBuffer('a%41+b').toString()", `"aA+b"`},
	{"Buffer.isBuffer(qs.unescapeBuffer('x'))", "true"},
	{"[qs.decode === qs.parse, qs.encode === qs.stringify]", "[true,true]"},
	{"Object.keys(qs).sort()", `["decode","encode","escape","parse","stringify","unescape","unescapeBuffer"]`},
}

const show = `(function (e) {
	try {
		const v = (0, eval)(e);
		const s = JSON.stringify(v);
		return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === null ? 'null:' + s : s;
	} catch (err) {
		return 'throw ' + err.name + ' ' + err.code + ' ' + err.message;
	}
})`

func TestMatchesNode(t *testing.T) {
	rt := jstest.New(t, buffer.Install, jstest.Global("qs", querystring.Require))
	jstest.Eval(t, rt, "globalThis.show = "+show)
	for _, c := range cases {
		expr, _ := json.Marshal(c[0])
		if got := jstest.Eval(t, rt, "show("+string(expr)+")"); got != c[1] {
			t.Errorf("%s\n got: %q\nwant: %q", c[0], got, c[1])
		}
	}
}

func TestRequireOncePerRuntime(t *testing.T) {
	rt := jstest.New(t)
	jstest.Do(t, rt, func(*goja.Runtime) error {
		a, err := querystring.Require(rt)
		if err != nil {
			return err
		}
		b, _ := querystring.Require(rt)
		if a != b {
			t.Error("Require built the module twice")
		}
		return nil
	})
}

// Each truncated or invalid sequence is one U+FFFD, as Node 20 decodes it.
func TestUnescapeInvalidUTF8(t *testing.T) {
	rt := jstest.New(t, jstest.Global("qs", querystring.Require))
	got := jstest.Eval(t, rt, `JSON.stringify([qs.unescape('%F0%9F%98'), qs.unescape('%E0%80%80'), qs.unescape('a%FFb%C3'), qs.unescape('%ED%A0%80')])`)
	if want := "[\"\ufffd\",\"\ufffd\ufffd\ufffd\",\"a\ufffdb\ufffd\",\"\ufffd\ufffd\ufffd\"]"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
