package buffer_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
)

// nodeCases pairs JS expressions with what Node 20 gives for String(expr).
var nodeCases = [][2]string{
	{"Buffer.from('héllo wörld').toString('hex')", "68c3a96c6c6f2077c3b6726c64"},
	{"Buffer.from('68656c6c6fzz', 'hex').toString()", "hello"},
	{"Buffer.from('aGVsbG8gd29ybGQ=', 'base64').toString()", "hello world"},
	{"Buffer.from('aGVsbG8_-w', 'base64url').toString('hex')", "68656c6c6f3ffb"},
	{"Buffer.from([0xfb, 0xff]).toString('base64')", "+/8="},
	{"Buffer.from([0xfb, 0xff]).toString('base64url')", "-_8"},
	{"Buffer.from('héllo', 'latin1').toString('hex')", "68e96c6c6f"},
	{"Buffer.from([0x68, 0xe9]).toString('latin1')", "hé"},
	{"Buffer.from([0x68, 0xe9]).toString('ascii')", "hi"},
	{"Buffer.from('hé', 'utf16le').toString('hex')", "6800e900"},
	{"Buffer.from('6800e900', 'hex').toString('ucs2')", "hé"},
	{"Buffer.from([0x61, 0xff, 0x62]).toString()", "a�b"},
	{"Buffer.byteLength('héllo')", "6"},
	{"Buffer.byteLength('abcd', 'hex')", "2"},
	{"Buffer.byteLength('aGVsbG8=', 'base64')", "5"},
	{"String(Buffer.isBuffer(Buffer.alloc(1))) + Buffer.isBuffer(new Uint8Array(1)) + Buffer.isBuffer('x')", "truefalsefalse"},
	{"String(Buffer.isEncoding('UTF-8')) + Buffer.isEncoding('nope') + Buffer.isEncoding('binary')", "truefalsetrue"},
	{"Buffer.alloc(5, 'ab').toString()", "ababa"},
	{"Buffer.alloc(4, 0x41).toString()", "AAAA"},
	{"Buffer.alloc(3).toString('hex')", "000000"},
	{"Buffer.concat([Buffer.from('ab'), new Uint8Array([99]), Buffer.from('de')]).toString()", "abcde"},
	{"Buffer.concat([Buffer.from('ab'), Buffer.from('cd')], 3).toString()", "abc"},
	{"Buffer.concat([Buffer.from('ab')], 4).toString('hex')", "61620000"},
	{"JSON.stringify(Buffer.from('hi'))", "{\"type\":\"Buffer\",\"data\":[104,105]}"},
	{"Buffer.from({type: 'Buffer', data: [104, 105]}).toString()", "hi"},
	{"Buffer.from(new String('str')).toString()", "str"},
	{"Buffer.from([256, -1, 1.9, 'x']).toString('hex')", "00ff0100"},
	{"(() => { const b = Buffer.from('hello'); const s = b.slice(1, 3); s[0] = 69; return [s instanceof Buffer, s.toString(), b.toString()].join() })()", "true,El,hEllo"},
	{"(() => { const b = Buffer.from('hello'); const s = b.subarray(-3); return [s instanceof Buffer, s.toString()].join() })()", "true,llo"},
	{"(() => { const b = Buffer.from('hello'); return b.map(x => x + 1) instanceof Buffer })()", "true"},
	{"(() => { const ab = new ArrayBuffer(4); const b = Buffer.from(ab, 1, 2); b[0] = 7; return new Uint8Array(ab).join() })()", "0,7,0,0"},
	{"Buffer.from('hello world').indexOf('o')", "4"},
	{"Buffer.from('hello world').indexOf('o', 5)", "7"},
	{"Buffer.from('hello world').indexOf(Buffer.from('wor'))", "6"},
	{"Buffer.from('hello world').indexOf(111, -3)", "-1"},
	{"Buffer.from('hello world').lastIndexOf('o')", "7"},
	{"Buffer.from('hello world').lastIndexOf('o', 5)", "4"},
	{"Buffer.from('hello world').indexOf('')", "0"},
	{"String(Buffer.from('hello').includes('ell')) + Buffer.from('hello').includes('xyz')", "truefalse"},
	{"String(Buffer.from('abc').equals(Buffer.from('abc'))) + Buffer.from('abc').equals(Buffer.from('abd'))", "truefalse"},
	{"[Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.from('b').compare(Buffer.from('a')), Buffer.from('abc').compare(Buffer.from('xbc'), 1, 3, 1, 3)].join()", "-1,1,0"},
	{"(() => { const a = Buffer.from('hello'); const t = Buffer.alloc(6, '.'); const n = a.copy(t, 1, 1, 4); return n + t.toString() })()", "3.ell.."},
	{"(() => { const b = Buffer.alloc(6); const n = b.write('héllo', 1); return n + ':' + b.toString('hex') })()", "5:0068c3a96c6c"},
	{"(() => { const b = Buffer.alloc(4); const n = b.write('aé€', 'utf8'); return n + ':' + b.toString('hex') })()", "3:61c3a900"},
	{"(() => { const b = Buffer.alloc(4); const n = b.write('ffee', 1, 'hex'); return n + ':' + b.toString('hex') })()", "2:00ffee00"},
	{"Buffer.alloc(6).fill('ab', 1, 5).toString('hex')", "006162616200"},
	{"Buffer.alloc(4).fill(0x41).toString()", "AAAA"},
	{"(() => { const b = Buffer.alloc(16); b.writeUInt32BE(0xdeadbeef, 0); b.writeInt16LE(-2, 4); b.writeDoubleLE(1.5, 6); b.writeUInt8(255, 14); return b.toString('hex') })()", "deadbeeffeff000000000000f83fff00"},
	{"(() => { const b = Buffer.from('deadbeeffffe000000000000f83fff00', 'hex'); return [b.readUInt32BE(0), b.readUint32LE(0), b.readInt16LE(4), b.readInt32BE(0), b.readDoubleLE(6), b.readUInt8(14), b.readInt8(14), b.readUIntBE(0, 3), b.readIntLE(0, 6), b.readFloatBE(0)].join() })()", "3735928559,4022250974,-257,-559038737,1.5,255,-1,14593470,-1099784344098,-6259853398707798000"},
	{"(() => { const b = Buffer.alloc(8); b.writeBigInt64LE(-5n); return b.toString('hex') + ' ' + b.readBigInt64LE() + ' ' + b.readBigUInt64BE() })()", "fbffffffffffffff -5 18158513697557839871"},
	{"(() => { try { Buffer.alloc(1).writeUInt8(256) } catch (e) { return e.code + ' ' + e.name + ' ' + e.message } })()", "ERR_OUT_OF_RANGE RangeError The value of \"value\" is out of range. It must be >= 0 and <= 255. Received 256"},
	{"(() => { try { Buffer.alloc(2).readUInt16LE(1) } catch (e) { return e.code + ' ' + e.message } })()", "ERR_OUT_OF_RANGE The value of \"offset\" is out of range. It must be >= 0 and <= 0. Received 1"},
	{"(() => { try { Buffer.from(5) } catch (e) { return e.code + ' ' + e.name } })()", "ERR_INVALID_ARG_TYPE TypeError"},
	{"(() => { try { Buffer.alloc(1).toString('nope') } catch (e) { return e.code + ' ' + e.message } })()", "ERR_UNKNOWN_ENCODING Unknown encoding: nope"},
	{"Buffer(3).length", "3"},
	{"new Buffer('abc').toString()", "abc"},
}

func TestMatchesNode(t *testing.T) {
	rt := jstest.New(t, buffer.Install)
	for _, c := range nodeCases {
		if got := jstest.Eval(t, rt, c[0]); got != c[1] {
			t.Errorf("%s\n got: %q\nwant: %q", c[0], got, c[1])
		}
	}
}

func TestRequireReturnsGlobal(t *testing.T) {
	rt := jstest.New(t, buffer.Install)
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		mod, err := buffer.Require(rt)
		if err != nil {
			return err
		}
		if !mod.ToObject(vm).Get("Buffer").SameAs(vm.Get("Buffer")) {
			t.Error("require('buffer').Buffer is not the Buffer global")
		}
		return nil
	})
}

func TestNewAndBytes(t *testing.T) {
	rt := jstest.New(t, buffer.Install)
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		data := []byte("shared")
		v := buffer.New(rt, data)
		if err := vm.Set("b", v); err != nil {
			return err
		}
		if _, err := vm.RunString(`b[0] = 83`); err != nil {
			return err
		}
		if string(data) != "Shared" {
			t.Errorf("New does not share memory: %q", data)
		}
		for expr, want := range map[string]string{
			`b`:                          "Shared",
			`new Uint8Array([104, 105])`: "hi",
			`new Uint8Array([0, 104, 105, 0]).subarray(1, 3)`:       "hi",
			`new Uint8Array([104, 105]).buffer`:                     "hi",
			`new DataView(new Uint8Array([0, 104, 105]).buffer, 1)`: "hi",
			`new Uint16Array([0x6968])`:                             "hi",
		} {
			v, err := vm.RunString(expr)
			if err != nil {
				return err
			}
			got, ok := buffer.Bytes(rt, v)
			if !ok || string(got) != want {
				t.Errorf("Bytes(%s) = %q, %v; want %q", expr, got, ok, want)
			}
		}
		for _, expr := range []string{`'str'`, `({length: 2})`, `[1, 2]`, `undefined`} {
			v, err := vm.RunString(expr)
			if err != nil {
				return err
			}
			if _, ok := buffer.Bytes(rt, v); ok {
				t.Errorf("Bytes(%s) reported true", expr)
			}
		}
		return nil
	})
}

func TestEncodingRoundTrip(t *testing.T) {
	data := []byte{0, 1, 2, 0x7f, 0x80, 0xfe, 0xff, 'a', 'b'}
	for _, name := range []string{"hex", "base64", "base64url", "latin1", "utf16le"} {
		enc, ok := buffer.ParseEncoding(name)
		if !ok {
			t.Fatalf("ParseEncoding(%q) failed", name)
		}
		in := data
		if name == "utf16le" {
			in = data[:8]
		}
		if got := enc.Decode(enc.Encode(in)); string(got) != string(in) {
			t.Errorf("%s round trip: got %x, want %x", name, got, in)
		}
	}
}

// Node decodes each maximal ill-formed UTF-8 subsequence to one U+FFFD (checked with Node 20:
// Buffer.from([0xe4,0xbd,0x41,0xff,0xf0,0x9f,0x98]).toString() is "\ufffdA\ufffd\ufffd").
func TestDecodeUTF8MaximalSubparts(t *testing.T) {
	got := buffer.DecodeUTF8([]byte{0xe4, 0xbd, 0x41, 0xff, 0xf0, 0x9f, 0x98})
	if want := "\ufffdA\ufffd\ufffd"; got != want {
		t.Errorf("DecodeUTF8 = %q, want %q", got, want)
	}
}

// An empty view at the end of its buffer is empty bytes, and exporting it must not make a pointer past
// the allocation (go test -race's pointer checks abort on that).
func TestBytesOfEmptyTailView(t *testing.T) {
	rt := jstest.New(t, buffer.Install)
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		for _, src := range []string{"Buffer.alloc(8).subarray(8)", "new Uint8Array(new ArrayBuffer(4), 4)", "new DataView(new ArrayBuffer(2), 2)", "new ArrayBuffer(0)"} {
			v, err := vm.RunString(src)
			if err != nil {
				return err
			}
			b, ok := buffer.Bytes(rt, v)
			if !ok || b == nil || len(b) != 0 {
				t.Errorf("Bytes(%s) = %v, %v; want empty bytes", src, b, ok)
			}
		}
		v, _ := vm.RunString("({byteLength: 0})")
		if _, ok := buffer.Bytes(rt, v); ok {
			t.Error("a plain object with byteLength 0 counted as bytes")
		}
		return nil
	})
}
