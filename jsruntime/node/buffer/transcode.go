package buffer

import (
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// ICU's error numbers, which Node's transcode reports as the error's errno (with the name as code).
const (
	icuIllegalArgument = 1  // U_ILLEGAL_ARGUMENT_ERROR: an encoding transcode does not convert
	icuInvalidChar     = 10 // U_INVALID_CHAR_FOUND: input the strict UTF-8/UTF-16 paths reject
)

// transcodeError is the plain Error Node's transcode throws, with code and errno own properties.
type transcodeError int

func (e transcodeError) name() string {
	if e == icuInvalidChar {
		return "U_INVALID_CHAR_FOUND"
	}
	return "U_ILLEGAL_ARGUMENT_ERROR"
}

// transcode is require('buffer').transcode(source, fromEnc, toEnc): it converts between utf8, ucs2
// (utf16le), latin1 (binary) and ascii as Node's ICU-based converter does. Characters the target
// cannot hold become '?', undecodable input becomes U+FFFD, except on the paths Node runs through
// ICU's strict UTF converters (utf8 to ucs2, ucs2 to utf8), where it is an error.
func (s *state) transcode(call goja.FunctionCall) goja.Value {
	src := s.requireBytes(call.Argument(0), "source")
	if len(src) == 0 {
		return s.wrap([]byte{})
	}
	out, err := transcodeBytes(src, transcodeEncoding(call.Argument(1)), transcodeEncoding(call.Argument(2)))
	if err != 0 {
		ctor, _ := goja.AssertConstructor(s.vm.Get("Error"))
		e, _ := ctor(nil, s.vm.ToValue("Unable to transcode Buffer ["+err.name()+"]"))
		must(e.Set("code", err.name()))
		must(e.Set("errno", int(err)))
		panic(e)
	}
	return s.wrap(out)
}

// transcodeEncoding normalises an encoding argument as Node's normalizeEncoding does (undefined and
// null are utf8); anything transcode does not convert is reported as false.
func transcodeEncoding(v goja.Value) encodingArg {
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return encodingArg{UTF8, true}
	}
	if !goja.IsString(v) {
		return encodingArg{}
	}
	e, ok := ParseEncoding(v.String())
	if !ok {
		return encodingArg{}
	}
	switch e {
	case UTF8, UTF16LE, Latin1, ASCII:
		return encodingArg{e, true}
	}
	return encodingArg{}
}

// transcodeBytes picks the conversion path Node's node_i18n.cc picks for the pair of encodings.
func transcodeBytes(src []byte, from, to encodingArg) ([]byte, transcodeError) {
	if !from.ok || !to.ok {
		return nil, icuIllegalArgument
	}
	switch {
	case (from.enc == Latin1 || from.enc == ASCII) && to.enc == UTF16LE:
		// ICU's converter to UTF-16 maps every byte to the same code unit, ascii included.
		units := make([]uint16, len(src))
		for i, c := range src {
			units[i] = uint16(c)
		}
		return utf16LE(units), 0
	case from.enc == UTF8 && to.enc == UTF16LE:
		if !utf8.Valid(src) {
			return nil, icuInvalidChar
		}
		return utf16LE(utf16.Encode([]rune(string(src)))), 0
	case from.enc == UTF16LE && to.enc == UTF8:
		units := unitsOf(src)
		if len(units) == 0 || hasLoneSurrogate(units) {
			return nil, icuInvalidChar
		}
		return []byte(string(utf16.Decode(units))), 0
	case from.enc == UTF16LE && to.enc != UTF16LE:
		// The odd trailing byte is dropped on this path, where ICU's generic converter would make it
		// U+FFFD.
		return encodeRunes(utf16.Decode(unitsOf(src)), to.enc), 0
	}
	return encodeRunes(decodeRunes(src, from.enc), to.enc), 0
}

// encodingArg is an encoding argument of transcode, ok false when transcode cannot convert it.
type encodingArg struct {
	enc Encoding
	ok  bool
}

func unitsOf(b []byte) []uint16 {
	units := make([]uint16, len(b)/2)
	for i := range units {
		units[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
	}
	return units
}

func hasLoneSurrogate(units []uint16) bool {
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch {
		case u >= 0xd800 && u < 0xdc00:
			if i+1 >= len(units) || units[i+1] < 0xdc00 || units[i+1] > 0xdfff {
				return true
			}
			i++
		case u >= 0xdc00 && u <= 0xdfff:
			return true
		}
	}
	return false
}

func utf16LE(units []uint16) []byte {
	out := make([]byte, 2*len(units))
	for i, u := range units {
		out[2*i], out[2*i+1] = byte(u), byte(u>>8)
	}
	return out
}

// decodeRunes is ICU's lenient decoding: anything undecodable becomes U+FFFD.
func decodeRunes(b []byte, enc Encoding) []rune {
	switch enc {
	case UTF8:
		return []rune(DecodeUTF8(b))
	case UTF16LE:
		runes := utf16.Decode(unitsOf(b))
		if len(b)%2 == 1 {
			runes = append(runes, utf8.RuneError)
		}
		return runes
	}
	runes := make([]rune, len(b))
	for i, c := range b {
		runes[i] = rune(c)
		if enc == ASCII && c > 0x7f {
			runes[i] = utf8.RuneError
		}
	}
	return runes
}

// encodeRunes writes runes in enc; latin1 and ascii write '?' for what they cannot hold, as ICU's
// substitution character.
func encodeRunes(runes []rune, enc Encoding) []byte {
	switch enc {
	case UTF8:
		return []byte(string(runes))
	case UTF16LE:
		return utf16LE(utf16.Encode(runes))
	}
	limit := rune(0xff)
	if enc == ASCII {
		limit = 0x7f
	}
	out := make([]byte, len(runes))
	for i, r := range runes {
		out[i] = '?'
		if r <= limit {
			out[i] = byte(r)
		}
	}
	return out
}
