package web

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
)

// textEncoding is one of the encodings TextDecoder supports, named as TextDecoder.encoding reports it.
type textEncoding string

const (
	encUTF8    textEncoding = "utf-8"
	encUTF16LE textEncoding = "utf-16le"
	// encLatin1 is what the WHATWG labels of windows-1252 decode to in Node 20: ISO-8859-1, one code
	// point per byte, under the name windows-1252.
	encLatin1 textEncoding = "windows-1252"
)

// textEncodingLabels maps the WHATWG Encoding Standard's labels of the supported encodings.
var textEncodingLabels = map[string]textEncoding{}

func init() {
	for enc, labels := range map[textEncoding]string{
		encUTF8:    "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8",
		encUTF16LE: "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
		encLatin1: "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 " +
			"iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252",
	} {
		for _, l := range strings.Fields(labels) {
			textEncodingLabels[l] = enc
		}
	}
}

// textDecoder is the Go half of one TextDecoder: it holds the bytes of a character cut across
// decode(chunk, {stream: true}) calls, and remembers whether the byte order mark was dealt with.
type textDecoder struct {
	enc       textEncoding
	fatal     bool
	ignoreBOM bool
	held      []byte
	started   bool // text has been produced since the stream began, so a BOM is no longer stripped
}

// newTextDecoder is native.textDecoder(label, fatal, ignoreBOM): null for an unsupported label, else
// an object with encoding and decode(input, stream), which returns null when fatal and the input is
// malformed.
func newTextDecoder(rt *jsruntime.Runtime, call goja.FunctionCall) goja.Value {
	vm := rt.VM()
	label := strings.ToLower(strings.Trim(call.Argument(0).String(), "\t\n\f\r "))
	enc, ok := textEncodingLabels[label]
	if !ok {
		return goja.Null()
	}
	d := &textDecoder{enc: enc, fatal: call.Argument(1).ToBoolean(), ignoreBOM: call.Argument(2).ToBoolean()}
	obj := vm.NewObject()
	_ = obj.Set("encoding", string(enc))
	_ = obj.Set("decode", func(call goja.FunctionCall) goja.Value {
		var input []byte
		if v := call.Argument(0); !goja.IsUndefined(v) {
			b, ok := buffer.Bytes(rt, v)
			if !ok {
				panic(rt.TypeError(`The "input" argument must be an instance of ArrayBuffer or ArrayBufferView.`))
			}
			input = b
		}
		s, ok := d.decode(input, call.Argument(1).ToBoolean())
		if !ok {
			return goja.Null()
		}
		return vm.ToValue(s)
	})
	return obj
}

// decode decodes input after the held bytes. Without stream the call ends the stream: what is held is
// decoded (malformed) and the decoder starts afresh. ok is false when fatal and the input is malformed.
func (d *textDecoder) decode(input []byte, stream bool) (s string, ok bool) {
	data := input
	if len(d.held) > 0 {
		data = append(d.held, input...)
	}
	cut := len(data)
	if stream {
		cut -= d.incomplete(data)
	}
	d.held = append([]byte(nil), data[cut:]...)
	s, ok = d.text(data[:cut])
	if !stream {
		d.held = nil
	}
	if ok && !d.started && s != "" {
		if !d.ignoreBOM {
			s = strings.TrimPrefix(s, "\uFEFF")
		}
		d.started = true
	}
	if !stream || !ok {
		d.started = false
		d.held = nil
	}
	return s, ok
}

// text decodes complete input, replacing malformed sequences with U+FFFD unless fatal.
func (d *textDecoder) text(b []byte) (string, bool) {
	switch d.enc {
	case encLatin1:
		return buffer.Latin1.Encode(b), true
	case encUTF16LE:
		units := make([]uint16, len(b)/2)
		for i := range units {
			units[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		odd := len(b)%2 == 1
		if d.fatal && (odd || !validUTF16(units)) {
			return "", false
		}
		s := string(utf16.Decode(units))
		if odd {
			s += "\uFFFD"
		}
		return s, true
	}
	if d.fatal && !utf8.Valid(b) {
		return "", false
	}
	return buffer.DecodeUTF8(b), true
}

// incomplete is the number of trailing bytes of data that may be the start of a character whose
// remaining bytes are still to come.
func (d *textDecoder) incomplete(data []byte) int {
	n := len(data)
	switch d.enc {
	case encUTF16LE:
		odd := n % 2
		if n-odd >= 2 {
			if u := uint16(data[n-odd-2]) | uint16(data[n-odd-1])<<8; u >= 0xD800 && u <= 0xDBFF {
				return odd + 2
			}
		}
		return odd
	case encUTF8:
		for back := 1; back <= 3 && back <= n; back++ {
			c := data[n-back]
			if c < 0x80 {
				return 0
			}
			if c >= 0xC0 {
				if !utf8.FullRune(data[n-back:]) && validPrefix(data[n-back:]) {
					return back
				}
				return 0
			}
		}
	}
	return 0
}

// validPrefix reports whether b (a lead byte and fewer continuation bytes than it needs) can still
// become a valid UTF-8 sequence.
func validPrefix(b []byte) bool {
	lo, hi := byte(0x80), byte(0xBF) // the range of the second byte
	switch c := b[0]; {
	case c >= 0xC2 && c <= 0xDF, c >= 0xE1 && c <= 0xEC, c == 0xEE, c == 0xEF, c >= 0xF1 && c <= 0xF3:
	case c == 0xE0:
		lo = 0xA0
	case c == 0xED:
		hi = 0x9F
	case c == 0xF0:
		lo = 0x90
	case c == 0xF4:
		hi = 0x8F
	default:
		return false
	}
	for i, c := range b[1:] {
		if i == 0 && (c < lo || c > hi) || c < 0x80 || c > 0xBF {
			return false
		}
	}
	return true
}

func validUTF16(units []uint16) bool {
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch {
		case u >= 0xD800 && u <= 0xDBFF:
			if i+1 >= len(units) || units[i+1] < 0xDC00 || units[i+1] > 0xDFFF {
				return false
			}
			i++
		case u >= 0xDC00 && u <= 0xDFFF:
			return false
		}
	}
	return true
}
