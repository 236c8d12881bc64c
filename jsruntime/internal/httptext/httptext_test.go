package httptext

import "testing"

func TestLatin1(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"naïve", "na\xefve"},
		{"\u00ff\u0100", "\xff\x00"}, // above U+00FF only the low byte survives
		{"a\U0001F600", "a\x3d\x00"}, // an astral character is two UTF-16 units: D83D DE00
	} {
		if got := Latin1(c.in); got != c.want {
			t.Errorf("Latin1(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFromLatin1(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"na\xefve", "naïve"},
		{"\xe2\x82\xac", "\u00e2\u0082\u00ac"}, // UTF-8 bytes are not decoded: each is one character
	} {
		if got := FromLatin1(c.in); got != c.want {
			t.Errorf("FromLatin1(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
