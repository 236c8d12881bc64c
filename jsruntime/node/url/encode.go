package url

import "github.com/pluginhost/pluginhost/jsruntime/node/buffer"

// encodeSet is a percent-encode set of the URL Standard: the bytes that must be written as %XX. Every
// set includes the C0 controls and all bytes above 0x7E, so non-ASCII text is always UTF-8 encoded.
type encodeSet [256]bool

// extend returns a copy of s that also encodes the ASCII characters in extra.
func (s *encodeSet) extend(extra string) *encodeSet {
	n := *s
	for i := 0; i < len(extra); i++ {
		n[extra[i]] = true
	}
	return &n
}

// The standard's percent-encode sets, each built on the one before as the standard defines them.
var (
	c0ControlSet    = newC0ControlSet()
	fragmentSet     = c0ControlSet.extend(" \"<>`")
	querySet        = c0ControlSet.extend(" \"#<>")
	specialQuerySet = querySet.extend("'")
	// Node 20 (Ada) follows the edition of the standard that leaves ^ out of the path set.
	pathSet      = querySet.extend("?`{}")
	userinfoSet  = pathSet.extend("/:;=@[\\]^|")
	componentSet = userinfoSet.extend("$%&+,")
	formSet      = componentSet.extend("!'()~")
)

func newC0ControlSet() *encodeSet {
	var s encodeSet
	for b := 0; b < 256; b++ {
		s[b] = b < 0x20 || b > 0x7e
	}
	return &s
}

const upperHex = "0123456789ABCDEF"

// appendEncoded appends s to dst with the bytes in set percent-encoded. When form is set, spaces
// become '+', as application/x-www-form-urlencoded serialisation requires.
func appendEncoded(dst []byte, s string, set *encodeSet, form bool) []byte {
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case form && b == ' ':
			dst = append(dst, '+')
		case set[b]:
			dst = append(dst, '%', upperHex[b>>4], upperHex[b&15])
		default:
			dst = append(dst, b)
		}
	}
	return dst
}

// encode percent-encodes s with set.
func encode(s string, set *encodeSet) string {
	for i := 0; i < len(s); i++ {
		if set[s[i]] {
			return string(appendEncoded(make([]byte, 0, len(s)+8), s, set, false))
		}
	}
	return s
}

// percentDecode turns each %XX with two hex digits into its byte and leaves everything else,
// including malformed escapes, as it is.
func percentDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}

// decodeUTF8 is the Encoding Standard's "UTF-8 decode without BOM", which is what Node yields for
// malformed percent-encoded text.
func decodeUTF8(b []byte) string { return buffer.DecodeUTF8(trimBOM(b)) }

func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf {
		return b[3:]
	}
	return b
}

func isHex(b byte) bool {
	return '0' <= b && b <= '9' || 'a' <= b && b <= 'f' || 'A' <= b && b <= 'F'
}

func unhex(b byte) byte {
	switch {
	case b <= '9':
		return b - '0'
	case b >= 'a':
		return b - 'a' + 10
	default:
		return b - 'A' + 10
	}
}
