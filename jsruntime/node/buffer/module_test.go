package buffer_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
)

// moduleCases are require('buffer')'s members other than Buffer, with what Node 20 gives for
// String(expr). The web members (Blob, atob, resolveObjectURL) are tested in the web package.
var moduleCases = [][2]string{
	{"b.transcode(Buffer.from('a€😀'), 'utf8', 'latin1').toString('hex')", "613f3f"},
	{"b.transcode(Buffer.from([0x61, 0xff]), 'ascii', 'utf8').toString('hex')", "61efbfbd"},
	{"b.transcode(Buffer.from([0x61, 0xff]), 'ascii', 'ucs2').toString('hex')", "6100ff00"},
	{"b.transcode(Buffer.from([0xe2, 0x82, 0x61]), 'utf8', 'ascii').toString('hex')", "3f61"},
	{"b.transcode(Buffer.from('a€😀'), 'utf8', 'ucs2').toString('hex')", "6100ac203dd800de"},
	{"b.transcode(Buffer.from([0x61, 0x00, 0x62]), 'ucs2', 'utf8').toString('hex')", "61"},
	{"b.transcode(Buffer.from([0x61, 0xe9, 0x01]), 'ucs2', 'ucs2').toString('hex')", "61e9fdff"},
	{"b.transcode(Buffer.from([0x00, 0xdc, 0x61, 0x00]), 'ucs2', 'latin1').toString('hex')", "3f61"},
	{"b.transcode(new Uint8Array([0x61]), 'binary', undefined).toString('hex')", "61"},
	{"b.transcode(Buffer.alloc(0), 'nope', 'nope').length", "0"},
	{"catching(() => b.transcode(Buffer.from('a'), 'utf8', 'hex'))", "Error U_ILLEGAL_ARGUMENT_ERROR 1 Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]"},
	{"catching(() => b.transcode(Buffer.from([0x00, 0xd8]), 'ucs2', 'utf8'))", "Error U_INVALID_CHAR_FOUND 10 Unable to transcode Buffer [U_INVALID_CHAR_FOUND]"},
	{"catching(() => b.transcode(Buffer.from([0x61, 0xe9]), 'utf8', 'ucs2'))", "Error U_INVALID_CHAR_FOUND 10 Unable to transcode Buffer [U_INVALID_CHAR_FOUND]"},
	{"catching(() => b.transcode('a', 'utf8', 'latin1'))", "TypeError ERR_INVALID_ARG_TYPE  The \"source\" argument must be an instance of Buffer or Uint8Array. Received type string ('a')"},
	{"[b.isAscii(Buffer.from('abc')), b.isAscii(Buffer.from('é')), b.isAscii(new ArrayBuffer(2)), b.isUtf8(new Uint16Array([0xffff]))].join()", "true,false,true,false"},
	{"catching(() => b.isAscii(new DataView(new ArrayBuffer(1))))", "TypeError ERR_INVALID_ARG_TYPE  The \"input\" argument must be an instance of ArrayBuffer, Buffer, or TypedArray. Received an instance of DataView"},
	{"[b.SlowBuffer(3).toString('hex'), new b.SlowBuffer(2) instanceof Buffer, b.SlowBuffer(1) instanceof b.SlowBuffer, b.SlowBuffer.name, b.SlowBuffer.length].join()", "000000,true,false,SlowBuffer,1"},
	{"catching(() => b.SlowBuffer(-1))", "RangeError ERR_OUT_OF_RANGE  The value of \"size\" is out of range. It must be >= 0 && <= 4294967296. Received -1"},
	{"[b.kMaxLength, b.kStringMaxLength, b.constants.MAX_LENGTH, b.constants.MAX_STRING_LENGTH, Object.getOwnPropertyDescriptor(b, 'constants').writable].join()", "4294967296,536870888,4294967296,536870888,false"},
	{"[b.INSPECT_MAX_BYTES, Buffer.alloc(52).inspect().slice(-20)].join()", "50,00 ... 2 more bytes>"},
	{"(b.INSPECT_MAX_BYTES = 2, Buffer.from('abc').inspect())", "<Buffer 61 62 ... 1 more byte>"},
	{"(b.INSPECT_MAX_BYTES = 1.5, Buffer.from('abc').inspect())", "<Buffer 61 ... 1.5 more bytes>"},
	{"(b.INSPECT_MAX_BYTES = 0, Buffer.from('abc').inspect() + Buffer.alloc(0).inspect())", "<Buffer  ... 3 more bytes><Buffer >"},
	{"catching(() => { b.INSPECT_MAX_BYTES = -1 })", "RangeError ERR_OUT_OF_RANGE  The value of \"INSPECT_MAX_BYTES\" is out of range. It must be >= 0. Received -1"},
	{"catching(() => { b.INSPECT_MAX_BYTES = '3' })", "TypeError ERR_INVALID_ARG_TYPE  The \"INSPECT_MAX_BYTES\" argument must be of type number. Received type string ('3')"},
	{"Buffer.prototype.inspect === Buffer.prototype[Symbol.for('nodejs.util.inspect.custom')]", "true"},
}

func TestModuleMatchesNode(t *testing.T) {
	rt := jstest.New(t, buffer.Install, jstest.Global("b", buffer.Require))
	jstest.Eval(t, rt, `globalThis.catching = (fn) => {
		try { fn(); return 'no error'; } catch (e) { return [e.name, e.code, e.errno, e.message].join(' '); }
	}`)
	for _, c := range moduleCases {
		if got := jstest.Eval(t, rt, c[0]); got != c[1] {
			t.Errorf("%s\n got: %q\nwant: %q", c[0], got, c[1])
		}
	}
}
