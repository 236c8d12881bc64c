package buffer

import (
	"encoding/base64"
	"encoding/hex"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Encoding is one of the character encodings Node's Buffer understands.
type Encoding uint8

// The encodings, with Node's names in ParseEncoding.
const (
	UTF8 Encoding = iota
	Hex
	Base64
	Base64URL
	Latin1
	ASCII
	UTF16LE
)

// ParseEncoding maps a Node encoding name (any case, with aliases such as "binary" and "ucs2") to an
// Encoding. The empty name is UTF-8, as in Node.
func ParseEncoding(name string) (Encoding, bool) {
	switch name {
	case "", "utf8", "utf-8":
		return UTF8, true
	}
	switch strings.ToLower(name) {
	case "utf8", "utf-8":
		return UTF8, true
	case "hex":
		return Hex, true
	case "base64":
		return Base64, true
	case "base64url":
		return Base64URL, true
	case "latin1", "binary":
		return Latin1, true
	case "ascii":
		return ASCII, true
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		return UTF16LE, true
	}
	return 0, false
}

// Name is the encoding's normalised name, as Node reports it (readableEncoding, string_decoder).
func (e Encoding) Name() string {
	switch e {
	case Hex:
		return "hex"
	case Base64:
		return "base64"
	case Base64URL:
		return "base64url"
	case Latin1:
		return "latin1"
	case ASCII:
		return "ascii"
	case UTF16LE:
		return "utf16le"
	}
	return "utf8"
}

// Encode turns bytes into a string the way buf.toString(enc) does.
func (e Encoding) Encode(b []byte) string {
	switch e {
	case Hex:
		return hex.EncodeToString(b)
	case Base64:
		return base64.StdEncoding.EncodeToString(b)
	case Base64URL:
		return base64.RawURLEncoding.EncodeToString(b)
	case Latin1:
		return latin1String(b, 0xff)
	case ASCII:
		return latin1String(b, 0x7f)
	case UTF16LE:
		units := make([]uint16, len(b)/2)
		for i := range units {
			units[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return string(utf16.Decode(units))
	}
	return DecodeUTF8(b)
}

// Decode turns a string into bytes the way Buffer.from(s, enc) does: leniently, ignoring what Node
// ignores (invalid hex stops the decoding, invalid base64 characters are skipped).
func (e Encoding) Decode(s string) []byte {
	switch e {
	case Hex:
		return decodeHex(s)
	case Base64, Base64URL:
		return decodeBase64(s)
	case Latin1, ASCII:
		out := make([]byte, 0, len(s))
		for _, u := range utf16.Encode([]rune(s)) {
			out = append(out, byte(u))
		}
		return out
	case UTF16LE:
		units := utf16.Encode([]rune(s))
		out := make([]byte, 2*len(units))
		for i, u := range units {
			out[2*i], out[2*i+1] = byte(u), byte(u>>8)
		}
		return out
	}
	return []byte(s)
}

// ByteLength is len(e.Decode(s)) without building the bytes where that is cheap.
func (e Encoding) ByteLength(s string) int {
	switch e {
	case UTF8:
		return len(s)
	case Hex:
		return len(s) / 2
	case UTF16LE:
		return 2 * len(utf16.Encode([]rune(s)))
	}
	return len(e.Decode(s))
}

// DecodeUTF8 converts bytes to a string the way Node (and the WHATWG Encoding Standard) decode UTF-8:
// each maximal ill-formed subsequence becomes one U+FFFD, so a truncated "\xe4\xbd" is one
// replacement, not two.
func DecodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 8)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			sb.WriteRune(utf8.RuneError)
			b = b[invalidPrefix(b):]
			continue
		}
		sb.Write(b[:n])
		b = b[n:]
	}
	return sb.String()
}

// invalidPrefix is the length of the maximal subpart of an ill-formed sequence at the start of b: the
// lead byte plus the continuation bytes that could still have completed it.
func invalidPrefix(b []byte) int {
	lo, hi := byte(0x80), byte(0xbf)
	need := 0
	switch lead := b[0]; {
	case lead >= 0xc2 && lead <= 0xdf:
		need = 2
	case lead >= 0xe0 && lead <= 0xef:
		need = 3
		if lead == 0xe0 {
			lo = 0xa0
		} else if lead == 0xed {
			hi = 0x9f
		}
	case lead >= 0xf0 && lead <= 0xf4:
		need = 4
		if lead == 0xf0 {
			lo = 0x90
		} else if lead == 0xf4 {
			hi = 0x8f
		}
	default:
		return 1
	}
	n := 1
	for n < need && n < len(b) && b[n] >= lo && b[n] <= hi {
		lo, hi = 0x80, 0xbf
		n++
	}
	return n
}

func latin1String(b []byte, mask byte) string {
	runes := make([]rune, len(b))
	for i, c := range b {
		runes[i] = rune(c & mask)
	}
	return string(runes)
}

// decodeHex decodes pairs of hex digits up to the first invalid pair, like Node.
func decodeHex(s string) []byte {
	out := make([]byte, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		hi, ok1 := fromHexChar(s[i])
		lo, ok2 := fromHexChar(s[i+1])
		if !ok1 || !ok2 {
			break
		}
		out = append(out, hi<<4|lo)
	}
	return out
}

func fromHexChar(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// decodeBase64 accepts both the standard and URL-safe alphabets, with or without padding, skipping
// characters outside the alphabet and stopping at the first '=', as Node does.
func decodeBase64(s string) []byte {
	clean := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '=':
			i = len(s)
		case c == '-':
			clean = append(clean, '+')
		case c == '_':
			clean = append(clean, '/')
		case c == '+' || c == '/' || ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z'):
			clean = append(clean, c)
		}
	}
	if len(clean)%4 == 1 {
		clean = clean[:len(clean)-1]
	}
	out := make([]byte, base64.RawStdEncoding.DecodedLen(len(clean)))
	n, _ := base64.RawStdEncoding.Decode(out, clean)
	return out[:n]
}
