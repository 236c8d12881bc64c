package buffer

import (
	"unicode/utf8"
)

// NewStringDecoder returns a decoder producing text in enc.
func NewStringDecoder(enc Encoding) *StringDecoder { return &StringDecoder{enc: enc} }

// StringDecoder turns a byte stream into text chunk by chunk, as Node's string_decoder does (and
// readable.setEncoding through it): the bytes of a character split across chunks (a UTF-8 sequence, a UTF-16
// code unit or surrogate pair, a base64 group of three) are held back until the rest arrives.
type StringDecoder struct {
	enc  Encoding
	held []byte
}

// Encoding is the encoding the decoder produces.
func (d *StringDecoder) Encoding() Encoding { return d.enc }

// Write decodes b after the bytes held back from earlier chunks and holds back a new incomplete tail.
func (d *StringDecoder) Write(b []byte) string {
	data := b
	if len(d.held) > 0 {
		data = append(d.held, b...)
	}
	cut := len(data) - d.incomplete(data)
	d.held = append([]byte(nil), data[cut:]...)
	return d.enc.Encode(data[:cut])
}

// End flushes what is held back, as string_decoder's end(): a cut UTF-8 sequence becomes one U+FFFD,
// an odd UTF-16 byte is dropped, a partial base64 group is encoded with padding.
func (d *StringDecoder) End() string {
	rest := d.held
	d.held = nil
	switch {
	case len(rest) == 0:
		return ""
	case d.enc == UTF8:
		return "\uFFFD"
	case d.enc == UTF16LE:
		return d.enc.Encode(rest[:len(rest)&^1])
	}
	return d.enc.Encode(rest)
}

// incomplete is the number of trailing bytes of data that cannot be decoded yet.
func (d *StringDecoder) incomplete(data []byte) int {
	n := len(data)
	switch d.enc {
	case UTF8:
		// A sequence is at most four bytes, so its lead byte is among the last three if it is cut.
		for back := 1; back <= 3 && back <= n; back++ {
			c := data[n-back]
			if c < 0x80 {
				return 0
			}
			if c >= 0xC0 {
				if !utf8.FullRune(data[n-back:]) {
					return back
				}
				return 0
			}
		}
		return 0
	case UTF16LE:
		keep := n % 2
		// A high surrogate at the end waits for its low half.
		if even := n - keep; even >= 2 {
			if unit := uint16(data[even-2]) | uint16(data[even-1])<<8; unit >= 0xD800 && unit <= 0xDBFF {
				keep += 2
			}
		}
		return keep
	case Base64, Base64URL:
		return n % 3
	}
	return 0
}
