package express

import (
	"mime"
	"testing"
)

// TestSetCharsetFastPath checks that the shortcut for simple types gives what parsing and
// formatting give, and that everything else still goes through them.
func TestSetCharsetFastPath(t *testing.T) {
	viaMime := func(typ, charset string) string {
		mt, params, err := mime.ParseMediaType(typ)
		if err != nil {
			return typ
		}
		params["charset"] = charset
		return mime.FormatMediaType(mt, params)
	}
	types := []string{
		"application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
		"text/html; charset=iso-8859-1", "text/plain", "Text/Plain", "text/html ; charset=x",
		"text/html; Charset=x", "text/html; charset=\"x\"", "text/html; charset=x; q=1", "text/html; q=1",
		"text", "text/", "/html", "text/html;", "text/html; charset=", "text/ht ml", "application/vnd.api+json",
		"", "text/html; charset=utf-8 ",
	}
	for _, typ := range types {
		for _, cs := range []string{"utf-8", "UTF-8", "a b"} {
			if got, want := setCharset(typ, cs), viaMime(typ, cs); got != want {
				t.Errorf("setCharset(%q, %q) = %q, want %q", typ, cs, got, want)
			}
		}
	}
	for _, typ := range []string{"application/json", "application/json; charset=utf-8", "text/html;charset=latin1"} {
		if _, ok := charsetOnlyType(typ); !ok {
			t.Errorf("charsetOnlyType(%q) is not the shortcut", typ)
		}
	}
}
