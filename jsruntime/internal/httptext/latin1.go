package httptext

import "github.com/pluginhost/pluginhost/jsruntime/node/buffer"

// Latin1 is the bytes Node writes for a string in a request line or header value: one byte per
// UTF-16 unit (its low byte), as Buffer.from(s, 'latin1') makes them, so "naïve" goes out with the
// byte 0xEF rather than UTF-8.
func Latin1(s string) string {
	if isASCII(s) {
		return s
	}
	return string(buffer.Latin1.Decode(s))
}

// FromLatin1 is bytes read from the wire as the string Node makes of them: each byte one character.
func FromLatin1(b string) string {
	if isASCII(b) {
		return b
	}
	return buffer.Latin1.Encode([]byte(b))
}

// isASCII lets the common case skip the conversion and its allocation.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
