package stringdecoder_test

import (
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
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
	rt := jstest.New(t, buffer.Install, jstest.Global("stringDecoder", stringdecoder.Require))
	got := jstest.Eval(t, rt, `const { StringDecoder } = stringDecoder;`+script)
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
