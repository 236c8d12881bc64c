package nodeerr

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// The expectations below come from Node 20 (node --expose-internals: internal/errors'
// determineSpecificType and ERR_INVALID_ARG_VALUE, and the errors path.join(5) and
// Buffer.alloc(1).writeUInt8(256) throw). Where Node's message holds a lone surrogate (a string cut
// inside a surrogate pair) the Go string has U+FFFD.

func TestNew(t *testing.T) {
	vm := goja.New()
	tests := []struct {
		ctor, code, msg string
		want            string // name|code|message|first stack line|own enumerable keys|instanceof ctor
	}{
		{"TypeError", "ERR_INVALID_ARG_TYPE", `The "path" argument must be of type string. Received type number (5)`,
			`TypeError|ERR_INVALID_ARG_TYPE|The "path" argument must be of type string. Received type number (5)|TypeError [ERR_INVALID_ARG_TYPE]: The "path" argument must be of type string. Received type number (5)|code|true`},
		{"RangeError", "ERR_OUT_OF_RANGE", `The value of "value" is out of range. It must be >= 0 and <= 255. Received 256`,
			`RangeError|ERR_OUT_OF_RANGE|The value of "value" is out of range. It must be >= 0 and <= 255. Received 256|RangeError [ERR_OUT_OF_RANGE]: The value of "value" is out of range. It must be >= 0 and <= 255. Received 256|code|true`},
		{"Error", "ERR_HTTP_HEADERS_SENT", "Cannot set headers after they are sent to the client",
			"Error|ERR_HTTP_HEADERS_SENT|Cannot set headers after they are sent to the client|Error [ERR_HTTP_HEADERS_SENT]: Cannot set headers after they are sent to the client|code|true"},
		{"TypeError", "ERR_X", "100% literal", "TypeError|ERR_X|100% literal|TypeError [ERR_X]: 100% literal|code|true"},
	}
	describe, err := vm.RunString(`(e, C) => [e.name, e.code, e.message, e.stack.split('\n')[0], Object.keys(e).join(), e instanceof C].join('|')`)
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := goja.AssertFunction(describe)
	for _, tc := range tests {
		got, err := fn(nil, New(vm, tc.ctor, tc.code, tc.msg), vm.Get(tc.ctor))
		if err != nil {
			t.Fatal(err)
		}
		if got.String() != tc.want {
			t.Errorf("New(%s, %s):\n got %s\nwant %s", tc.ctor, tc.code, got, tc.want)
		}
	}
}

func TestInvalidArg(t *testing.T) {
	vm := goja.New()
	tests := []struct {
		err           *goja.Object
		name, message string
	}{
		{InvalidArgType(vm, "path", "of type string", vm.ToValue(5)), "TypeError",
			`The "path" argument must be of type string. Received type number (5)`},
		{InvalidArgType(vm, "options.flag", "of type string", vm.ToValue(5)), "TypeError",
			`The "options.flag" property must be of type string. Received type number (5)`},
		{InvalidArgType(vm, "first argument", "of type string", vm.ToValue(5)), "TypeError",
			`The first argument must be of type string. Received type number (5)`},
		{InvalidArgValue(vm, "options.flag", vm.ToValue("x"), ""), "TypeError",
			`The property 'options.flag' is invalid. Received 'x'`},
		{InvalidArgValue(vm, "encoding", vm.ToValue("bo'gus"), "is invalid encoding"), "TypeError",
			`The argument 'encoding' is invalid encoding. Received "bo'gus"`},
	}
	for _, tc := range tests {
		if got := tc.err.Get("name").String(); got != tc.name {
			t.Errorf("name %s, want %s", got, tc.name)
		}
		if got := tc.err.Get("message").String(); got != tc.message {
			t.Errorf("message:\n got %s\nwant %s", got, tc.message)
		}
	}
	if code := InvalidArgType(vm, "a", "b", nil).Get("code").String(); code != "ERR_INVALID_ARG_TYPE" {
		t.Errorf("InvalidArgType code %s", code)
	}
	if code := InvalidArgValue(vm, "a", nil, "").Get("code").String(); code != "ERR_INVALID_ARG_VALUE" {
		t.Errorf("InvalidArgValue code %s", code)
	}
}

func TestReceived(t *testing.T) {
	vm := goja.New()
	for _, tc := range receivedCases {
		v, err := vm.RunString("(" + tc.js + ")")
		if err != nil {
			t.Fatalf("%s: %v", tc.js, err)
		}
		if got := Received(vm, v); got != tc.want {
			t.Errorf("Received(%s):\n got %s\nwant %s", tc.js, got, tc.want)
		}
	}
}

// Node's ERR_INVALID_ARG_VALUE shows the value as util.inspect does.
func TestInvalidArgValueInspects(t *testing.T) {
	vm := goja.New()
	const prefix = "The argument 'filename' must be an absolute path. Received "
	for _, tc := range inspectCases {
		v, err := vm.RunString("(" + tc.js + ")")
		if err != nil {
			t.Fatalf("%s: %v", tc.js, err)
		}
		got := InvalidArgValue(vm, "filename", v, "must be an absolute path").Get("message").String()
		if want := prefix + tc.want; got != want {
			t.Errorf("%s:\n got %s\nwant %s", tc.js, strings.TrimPrefix(got, prefix), tc.want)
		}
	}
}

var receivedCases = []struct{ js, want string }{
	{"5", "type number (5)"},
	{"1.5", "type number (1.5)"},
	{"-0", "type number (-0)"},
	{"0", "type number (0)"},
	{"NaN", "type number (NaN)"},
	{"-Infinity", "type number (-Infinity)"},
	{"1e21", "type number (1e+21)"},
	{"1e-7", "type number (1e-7)"},
	{"0.1 + 0.2", "type number (0.30000000000000004)"},
	{"''", "type string ('')"},
	{"'abc'", "type string ('abc')"},
	{"'a\\nb'", "type string ('a\nb')"},
	{"'x'.repeat(25)", "type string ('xxxxxxxxxxxxxxxxxxxxxxxxx')"},
	{"'x'.repeat(28)", "type string ('xxxxxxxxxxxxxxxxxxxxxxxxxxxx')"},
	{"'x'.repeat(29)", "type string ('xxxxxxxxxxxxxxxxxxxxxxxxx...')"},
	{"'abcdefghijklmnopqrstuvwxyz0123'", "type string ('abcdefghijklmnopqrstuvwxy...')"},
	{"\"it's\"", "type string (\"it's\")"},
	{"\"it's \\\"q\\\" \\\\ and \\t more text to cut\"", "type string (\"it's \\\"q\\\" \\\\ and \\t more tex...\")"},
	{"'\\u{1F600}'.repeat(14)", "type string ('😀😀😀😀😀😀😀😀😀😀😀😀😀😀')"},
	{"'\\u{1F600}'.repeat(15)", "type string ('😀😀😀😀😀😀😀😀😀😀😀😀�...')"},
	{"\"it's\" + '\\u{1F600}'.repeat(14)", "type string (\"it's😀😀😀😀😀😀😀😀😀😀\\ud83d...\")"},
	{"'h\\u00e9llo w\\u00f6rld'", "type string ('héllo wörld')"},
	{"true", "type boolean (true)"},
	{"false", "type boolean (false)"},
	{"null", "null"},
	{"undefined", "undefined"},
	{"function foo() {}", "function foo"},
	{"(function () {})", "function "},
	{"(() => 1)", "function "},
	{"class Foo {}", "function Foo"},
	{"Math.max", "function max"},
	{"new (class Foo {})()", "an instance of Foo"},
	{"({})", "an instance of Object"},
	{"[1, 2]", "an instance of Array"},
	{"new Date(0)", "an instance of Date"},
	{"/re/", "an instance of RegExp"},
	{"new Map()", "an instance of Map"},
	{"Object.create(null)", "[Object: null prototype] {}"},
	{"Object.assign(Object.create(null), {a: 1})", "[Object: null prototype]"},
	{"({constructor: undefined})", "[Object]"},
	{"({constructor: {name: ''}})", "an instance of "},
	{"Symbol('s')", "type symbol (Symbol(s))"},
	{"Symbol()", "type symbol (Symbol())"},
	{"5n", "type bigint (5n)"},
	{"-5n", "type bigint (-5n)"},
}

var inspectCases = []struct{ js, want string }{
	{"5", "5"},
	{"1.5", "1.5"},
	{"-0", "-0"},
	{"0", "0"},
	{"NaN", "NaN"},
	{"-Infinity", "-Infinity"},
	{"1e21", "1e+21"},
	{"1e-7", "1e-7"},
	{"0.1 + 0.2", "0.30000000000000004"},
	{"''", "''"},
	{"'abc'", "'abc'"},
	{"'a\\nb'", "'a\\nb'"},
	{"'x'.repeat(25)", "'xxxxxxxxxxxxxxxxxxxxxxxxx'"},
	{"'x'.repeat(28)", "'xxxxxxxxxxxxxxxxxxxxxxxxxxxx'"},
	{"'x'.repeat(29)", "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxx'"},
	{"'abcdefghijklmnopqrstuvwxyz0123'", "'abcdefghijklmnopqrstuvwxyz0123'"},
	{"\"it's\"", "\"it's\""},
	{"\"it's \\\"q\\\" \\\\ and \\t more text to cut\"", "`it's \"q\" \\\\ and \\t more text to cut`"},
	{"'\\u{1F600}'.repeat(14)", "'😀😀😀😀😀😀😀😀😀😀😀😀😀😀'"},
	{"'\\u{1F600}'.repeat(15)", "'😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀'"},
	{"\"it's\" + '\\u{1F600}'.repeat(14)", "\"it's😀😀😀😀😀😀😀😀😀😀😀😀😀😀\""},
	{"'h\\u00e9llo w\\u00f6rld'", "'héllo wörld'"},
	{"true", "true"},
	{"false", "false"},
	{"null", "null"},
	{"undefined", "undefined"},
	{"function foo() {}", "[Function: foo]"},
	{"(function () {})", "[Function (anonymous)]"},
	{"(() => 1)", "[Function (anonymous)]"},
	{"Math.max", "[Function: max]"},
	{"new (class Foo {})()", "Foo {}"},
	{"({})", "{}"},
	{"[1, 2]", "[ 1, 2 ]"},
	{"new Date(0)", "1970-01-01T00:00:00.000Z"},
	{"/re/", "/re/"},
	{"Object.create(null)", "[Object: null prototype] {}"},
	{"Object.assign(Object.create(null), {a: 1})", "[Object: null prototype] { a: 1 }"},
	{"({constructor: undefined})", "{ constructor: undefined }"},
	{"({constructor: {name: ''}})", "{ constructor: { name: '' } }"},
	{"Symbol('s')", "Symbol(s)"},
	{"Symbol()", "Symbol()"},
	{"5n", "5n"},
	{"-5n", "-5n"},
	{"({a: 1, 'b-c': 'x', d: {e: {f: {g: 1}}}, h: [1, [2]]})", "{ a: 1, 'b-c': 'x', d: { e: { f: [Object] } }, h: [ 1, [ 2 ] ] }"},
	{"({i() {}, 0: 1})", "{ '0': 1, i: [Function: i] }"},
	{"'y'.repeat(200)", "'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy..."},
	{"[undefined, null, 'it\\'s']", "[ undefined, null, \"it's\" ]"},
	{"'tab\\tq\\'uote\\\\'", "\"tab\\tq'uote\\\\\""},
	{"'ctl\\x01\\x7f'", "'ctl\\x01\\x7F'"},
}

func TestNotSupported(t *testing.T) {
	vm := goja.New()
	e := NotSupported(vm, "net.createServer")
	if got := e.Get("code").String(); got != NotSupportedCode {
		t.Errorf("code = %q", got)
	}
	if got := e.Get("message").String(); got != "net.createServer is not supported in pluginhost" {
		t.Errorf("message = %q", got)
	}
	if got := e.Get("name").String(); got != "Error" {
		t.Errorf("name = %q", got)
	}
}
