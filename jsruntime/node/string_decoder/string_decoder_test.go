package stringdecoder_test

import (
	"context"
	"testing"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	stringdecoder "github.com/pluginhost/pluginhost/jsruntime/node/string_decoder"
)

// script's result is JSON of the list it builds; want is what Node 20 prints for it.
const script = `
const r = [];
let d = new StringDecoder('utf8');
r.push(d.encoding, d.write(Buffer.from([0xe2, 0x82])), d.write(Buffer.from([0xac])), d.write(Buffer.from([0xe2])), d.end());
d = new StringDecoder('ucs2');
r.push(d.encoding, d.write(Buffer.from([0x61])), d.end(Buffer.from([0, 0x62])));
d = new StringDecoder('base64');
r.push(d.write(Buffer.from('abcd')), d.end());
d = new StringDecoder();
r.push(d.write('str'), d.text(Buffer.from('héllo'), 2), d.end());
d = new StringDecoder('hex');
r.push(d.write(Buffer.from([1, 255])));
try { new StringDecoder('nope') } catch (e) { r.push(e.code + ': ' + e.message) }
JSON.stringify(r)`

const want = `["utf8","","€","","�","utf16le","","a","YWJj","ZA==","str","�llo","","01ff","ERR_UNKNOWN_ENCODING: Unknown encoding: nope"]`

func TestMatchesNode(t *testing.T) {
	rt := jsruntime.New(jsruntime.Options{})
	t.Cleanup(func() { _ = rt.Close(context.Background()) })
	err := rt.Do(context.Background(), func(vm *goja.Runtime) error {
		if err := buffer.Install(rt); err != nil {
			return err
		}
		mod, err := stringdecoder.Require(rt)
		if err != nil {
			return err
		}
		if err := vm.Set("StringDecoder", mod.ToObject(vm).Get("StringDecoder")); err != nil {
			return err
		}
		got, err := vm.RunString(script)
		if err != nil {
			return err
		}
		if got.String() != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
