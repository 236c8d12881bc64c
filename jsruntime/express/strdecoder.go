package express

import (
	"unicode/utf8"

	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
)

// chunkDecoder turns a byte stream into text chunk by chunk, as string_decoder does for
// readable.setEncoding: bytes that end a chunk in the middle of a character (a UTF-8 sequence, a
// UTF-16 code unit or surrogate pair, a base64 triplet) are held back for the next chunk.
type chunkDecoder struct {
	enc   buffer.Encoding
	carry []byte
}

// write decodes b with the bytes held back before it, holding back a new incomplete tail.
func (d *chunkDecoder) write(b []byte) string {
	data := append(d.carry, b...)
	keep := d.incompleteTail(data)
	d.carry = append([]byte(nil), data[len(data)-keep:]...)
	return d.enc.Encode(data[:len(data)-keep])
}

// end decodes what is still held back: an incomplete UTF-8 sequence becomes U+FFFD, a lone UTF-16
// byte is dropped, a partial base64 group is encoded with its padding.
func (d *chunkDecoder) end() string {
	rest := d.carry
	d.carry = nil
	if len(rest) == 0 {
		return ""
	}
	switch d.enc {
	case buffer.UTF8:
		return "\uFFFD"
	case buffer.UTF16LE:
		return d.enc.Encode(rest[:len(rest)&^1])
	}
	return d.enc.Encode(rest)
}

// incompleteTail is how many trailing bytes of data cannot be decoded yet.
func (d *chunkDecoder) incompleteTail(data []byte) int {
	switch d.enc {
	case buffer.UTF8:
		// Look back over at most three bytes for the lead byte of a sequence that is cut short.
		for back := 1; back <= 3 && back <= len(data); back++ {
			c := data[len(data)-back]
			if c < 0x80 {
				return 0
			}
			if c >= 0xC0 {
				need := 2
				switch {
				case c >= 0xF0:
					need = 4
				case c >= 0xE0:
					need = 3
				}
				if back < need && !utf8.FullRune(data[len(data)-back:]) {
					return back
				}
				return 0
			}
		}
		return 0
	case buffer.UTF16LE:
		keep := len(data) % 2
		if n := len(data) - keep; n >= 2 {
			if unit := uint16(data[n-2]) | uint16(data[n-1])<<8; unit >= 0xD800 && unit <= 0xDBFF {
				keep += 2
			}
		}
		return keep
	case buffer.Base64, buffer.Base64URL:
		return len(data) % 3
	}
	return 0
}
