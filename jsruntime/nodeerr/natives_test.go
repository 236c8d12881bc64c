package nodeerr

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// TestNatives drives the natives object from JS as a built-in's JS half does. The expected lines are
// Node 20's (node --expose-internals: new codes.ERR_INVALID_ARG_TYPE(...), ERR_OUT_OF_RANGE,
// ERR_INVALID_ARG_VALUE, with the same arguments).
func TestNatives(t *testing.T) {
	vm := goja.New()
	vm.Set("natives", Natives(vm))
	v, err := vm.RunString(`
		const show = (e) => [e.name, e.code, e.message].join('|');
		[
			show(natives.error('RangeError', 'ERR_X', 'bad')),
			show(natives.argType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], 5)),
			show(natives.argType('options', ['object', 'Buffer'], 5)),
			show(natives.argType('x', ['number', 'boolean', 'string'], 5)),
			show(natives.argType('x', ['string', 'null'], 'a'.repeat(30))),
			show(natives.argType('x', 'of type function', null)),
			show(natives.argValue('mode', 'x')),
			show(natives.argValue('mode', 'x', 'must be short')),
			show(natives.outOfRange('size', '>= 0', 2 ** 40)),
			show(natives.outOfRange('size', '>= 0', -(2 ** 40))),
			show(natives.outOfRange('size', '>= 0', 2n ** 40n)),
			show(natives.outOfRange('size', '>= 0', 4294967296)),
			show(natives.outOfRange('size', 'an integer', 1.5)),
			show(natives.outOfRange('size', '>= 0', 'abc')),
			show(natives.outOfRange('size', '>= 0', 1e21)),
			show(natives.notSupported('net.createServer')),
			natives.received(5),
		].join('\n');
	`)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"RangeError|ERR_X|bad",
		`TypeError|ERR_INVALID_ARG_TYPE|The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received type number (5)`,
		`TypeError|ERR_INVALID_ARG_TYPE|The "options" argument must be an instance of Buffer or Object. Received type number (5)`,
		`TypeError|ERR_INVALID_ARG_TYPE|The "x" argument must be one of type number, boolean, or string. Received type number (5)`,
		`TypeError|ERR_INVALID_ARG_TYPE|The "x" argument must be of type string or null. Received type string ('aaaaaaaaaaaaaaaaaaaaaaaaa...')`,
		`TypeError|ERR_INVALID_ARG_TYPE|The "x" argument must be of type function. Received null`,
		"TypeError|ERR_INVALID_ARG_VALUE|The argument 'mode' is invalid. Received 'x'",
		"TypeError|ERR_INVALID_ARG_VALUE|The argument 'mode' must be short. Received 'x'",
		`RangeError|ERR_OUT_OF_RANGE|The value of "size" is out of range. It must be >= 0. Received 1_099_511_627_776`,
		`RangeError|ERR_OUT_OF_RANGE|The value of "size" is out of range. It must be >= 0. Received -1_099_511_627_776`,
		`RangeError|ERR_OUT_OF_RANGE|The value of "size" is out of range. It must be >= 0. Received 1_099_511_627_776n`,
		`RangeError|ERR_OUT_OF_RANGE|The value of "size" is out of range. It must be >= 0. Received 4294967296`,
		`RangeError|ERR_OUT_OF_RANGE|The value of "size" is out of range. It must be an integer. Received 1.5`,
		`RangeError|ERR_OUT_OF_RANGE|The value of "size" is out of range. It must be >= 0. Received 'abc'`,
		`RangeError|ERR_OUT_OF_RANGE|The value of "size" is out of range. It must be >= 0. Received 1e_+21`,
		"Error|ERR_NOT_SUPPORTED_IN_PLUGINHOST|net.createServer is not supported in pluginhost",
		"type number (5)",
	}, "\n")
	if got := v.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
