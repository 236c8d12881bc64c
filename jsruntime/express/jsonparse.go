package express

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/pluginhost/pluginhost/jsruntime/internal/jsjson"
)

// strictJSONError is body-parser's message for a strict-mode violation: V8's message for the body
// with the first non-whitespace character and everything after it masked by '#', with the masked
// runs replaced by the original text.
func strictJSONError(body string, first int) error {
	partial := ""
	if first >= 0 {
		partial = body[:first] + strings.Repeat("#", utf8.RuneCountInString(body[first:]))
	}
	err := jsjson.Validate(partial)
	if err == nil {
		return errors.New("strict violation")
	}
	msg := err.Error()
	orig := []rune(body[max(first, 0):])
	var out strings.Builder
	for i := 0; i < len(msg); {
		if msg[i] != '#' {
			out.WriteByte(msg[i])
			i++
			continue
		}
		j := i
		for j < len(msg) && msg[j] == '#' {
			j++
		}
		n := min(j-i, len(orig))
		out.WriteString(string(orig[:n]))
		i = j
	}
	return errors.New(out.String())
}
