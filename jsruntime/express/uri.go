package express

import (
	"strings"
	"unicode/utf8"
)

func unhex(c byte) (byte, bool) {
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

// decodeURIComponent is JS decodeURIComponent: every %XX run must decode to well-formed UTF-8 (no
// surrogates), `+` stays `+`; ok is false where JS throws URIError.
func decodeURIComponent(s string) (string, bool) {
	i := strings.IndexByte(s, '%')
	if i < 0 {
		return s, true
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c != '%' {
			b.WriteByte(c)
			i++
			continue
		}
		// Collect the bytes of one UTF-8 sequence written as %XX triplets.
		first, ok := pctByte(s, i)
		if !ok {
			return "", false
		}
		n := utf8SeqLen(first)
		if n == 0 {
			return "", false
		}
		var seq [4]byte
		seq[0] = first
		for k := 1; k < n; k++ {
			cb, ok := pctByte(s, i+3*k)
			if !ok || cb&0xC0 != 0x80 {
				return "", false
			}
			seq[k] = cb
		}
		r, size := utf8.DecodeRune(seq[:n])
		if r == utf8.RuneError && size <= 1 && n > 1 || size != n {
			return "", false
		}
		b.Write(seq[:n])
		i += 3 * n
	}
	return b.String(), true
}

func pctByte(s string, i int) (byte, bool) {
	if i+2 >= len(s) || s[i] != '%' {
		return 0, false
	}
	hi, ok1 := unhex(s[i+1])
	lo, ok2 := unhex(s[i+2])
	if !ok1 || !ok2 {
		return 0, false
	}
	return hi<<4 | lo, true
}

func utf8SeqLen(b byte) int {
	switch {
	case b < 0x80:
		return 1
	case b&0xE0 == 0xC0:
		return 2
	case b&0xF0 == 0xE0:
		return 3
	case b&0xF8 == 0xF0:
		return 4
	}
	return 0
}

// encodeURL is the encodeurl package: characters outside the URL grammar are percent-encoded as UTF-8,
// existing escapes are kept and unpaired surrogates (already U+FFFD in Go strings) become %EF%BF%BD.
func encodeURL(s string) string {
	const allowed = "!#$&'()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyz~"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(c)
		case c < 0x80 && strings.IndexByte(allowed, c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte("0123456789ABCDEF"[c>>4])
			b.WriteByte("0123456789ABCDEF"[c&15])
		}
	}
	return b.String()
}

func isHex(c byte) bool { _, ok := unhex(c); return ok }

// escapeHTML is the escape-html package: & < > " ' become entities.
func escapeHTML(s string) string {
	if strings.IndexAny(s, `&<>"'`) < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
