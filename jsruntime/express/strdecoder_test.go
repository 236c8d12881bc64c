package express

import (
	"encoding/json"
	"testing"

	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
)

// TestChunkDecoderMatchesStringDecoder compares with Node 20's string_decoder on the same chunks.
func TestChunkDecoderMatchesStringDecoder(t *testing.T) {
	cases := []struct {
		enc    string
		chunks [][]byte
		want   string
	}{
		{"utf8", [][]byte{{0xe2}, {0x82}, {0xac, 0x41}}, `["","","€A",""]`},
		{"utf8", [][]byte{{0x41, 0xe2, 0x82}}, `["A","�"]`},
		{"utf16le", [][]byte{{0x41}, {0x00, 0x3d, 0xd8}, {0x00, 0xde}}, `["","A","😀",""]`},
		{"base64", [][]byte{{1, 2, 3, 4}, {5}, {6, 7}}, `["AQID","","BAUG","Bw=="]`},
		{"hex", [][]byte{{0xab}, {0xcd}}, `["ab","cd",""]`},
		{"latin1", [][]byte{{0xe9}, {0x41}}, `["é","A",""]`},
	}
	for _, c := range cases {
		enc, _ := buffer.ParseEncoding(c.enc)
		d := &chunkDecoder{enc: enc}
		var out []string
		for _, ch := range c.chunks {
			out = append(out, d.write(ch))
		}
		out = append(out, d.end())
		got, _ := json.Marshal(out)
		var want []string
		_ = json.Unmarshal([]byte(c.want), &want)
		wantJSON, _ := json.Marshal(want)
		expect(t, c.enc, string(got), string(wantJSON))
	}
}
