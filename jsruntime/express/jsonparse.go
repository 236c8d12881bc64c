package express

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// jsonError is a JSON.parse failure with the message V8 (Node 20) gives, which body-parser passes on.
type jsonError struct{ msg string }

func (e *jsonError) Error() string { return e.msg }

// jsonScanner validates JSON text exactly where V8's JSON.parse would fail and builds goja values for
// valid text. Positions in messages are UTF-16 offsets, as in JS.
type jsonScanner struct {
	src string
	pos int
	vm  *goja.Runtime // nil when only validating
}

// validateJSON reports the V8 error for invalid JSON text, or nil.
func validateJSON(src string) error {
	s := &jsonScanner{src: src}
	if _, err := s.parseTop(); err != nil {
		return err
	}
	return nil
}

// parseJSON builds the goja value of src, which must be valid. Key order follows JS (goja orders
// integer keys first, as V8 does). Members are defined as own data properties, as JSON.parse's
// CreateDataProperty does, so "__proto__" is an ordinary key and a setter a plugin put on
// Object.prototype is not called.
func parseJSON(vm *goja.Runtime, src string) (goja.Value, error) {
	s := &jsonScanner{src: src, vm: vm}
	return s.parseTop()
}

func (s *jsonScanner) utf16Pos(bytePos int) int {
	if bytePos > len(s.src) {
		bytePos = len(s.src)
	}
	n := 0
	for _, r := range s.src[:bytePos] {
		n += utf16.RuneLen(r)
	}
	return n
}

func (s *jsonScanner) errAt(format string, bytePos int) error {
	return &jsonError{msg: format + " in JSON at position " + strconv.Itoa(s.utf16Pos(bytePos))}
}

var errJSONEnd = &jsonError{msg: "Unexpected end of JSON input"}

// unexpected is V8's message for an unexpected character where a value or literal was expected.
func (s *jsonScanner) unexpected(bytePos int) error {
	if bytePos >= len(s.src) {
		return errJSONEnd
	}
	switch s.src {
	case "NaN", "Infinity", "undefined", "[object Object]":
		return &jsonError{msg: `"` + s.src + `" is not valid JSON`}
	}
	c := s.src[bytePos]
	if c == '"' {
		return s.errAt("Unexpected string", bytePos)
	}
	if c == '-' || c >= '0' && c <= '9' {
		return s.errAt("Unexpected number", bytePos)
	}
	units := utf16.Encode([]rune(s.src))
	pos := s.utf16Pos(bytePos)
	r, _ := utf8.DecodeRuneInString(s.src[bytePos:])
	tok := string(r)
	const ctx = 10
	var context string
	switch {
	case len(units) <= 2*ctx:
		context = `"` + string(utf16.Decode(units)) + `"`
	case pos < ctx:
		context = `"` + string(utf16.Decode(units[:pos+ctx])) + `"...`
	case pos+ctx >= len(units):
		context = `..."` + string(utf16.Decode(units[pos-ctx:])) + `"`
	default:
		context = `..."` + string(utf16.Decode(units[pos-ctx:pos+ctx])) + `"...`
	}
	return &jsonError{msg: "Unexpected token '" + tok + "', " + context + " is not valid JSON"}
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (s *jsonScanner) skipSpace() {
	for s.pos < len(s.src) && isJSONSpace(s.src[s.pos]) {
		s.pos++
	}
}

func (s *jsonScanner) parseTop() (goja.Value, error) {
	v, err := s.parseValue()
	if err != nil {
		return nil, err
	}
	s.skipSpace()
	if s.pos < len(s.src) {
		return nil, &jsonError{msg: "Unexpected non-whitespace character after JSON at position " + strconv.Itoa(s.utf16Pos(s.pos))}
	}
	return v, nil
}

func (s *jsonScanner) parseValue() (goja.Value, error) {
	s.skipSpace()
	if s.pos >= len(s.src) {
		return nil, errJSONEnd
	}
	switch c := s.src[s.pos]; {
	case c == '{':
		return s.parseObject()
	case c == '[':
		return s.parseArray()
	case c == '"':
		str, err := s.parseString()
		if err != nil || s.vm == nil {
			return nil, err
		}
		return s.vm.ToValue(str), nil
	case c == '-' || c >= '0' && c <= '9':
		return s.parseNumber()
	case c == 't':
		return s.parseLiteral("true", true)
	case c == 'f':
		return s.parseLiteral("false", false)
	case c == 'n':
		return s.parseLiteral("null", nil)
	}
	return nil, s.unexpected(s.pos)
}

func (s *jsonScanner) parseLiteral(word string, v any) (goja.Value, error) {
	for i := 0; i < len(word); i++ {
		if s.pos+i >= len(s.src) {
			return nil, errJSONEnd
		}
		if s.src[s.pos+i] != word[i] {
			return nil, s.unexpected(s.pos + i)
		}
	}
	s.pos += len(word)
	if s.vm == nil {
		return nil, nil
	}
	if v == nil {
		return goja.Null(), nil
	}
	return s.vm.ToValue(v), nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (s *jsonScanner) parseNumber() (goja.Value, error) {
	start := s.pos
	if s.src[s.pos] == '-' {
		s.pos++
		if s.pos >= len(s.src) || !isDigit(s.src[s.pos]) {
			return nil, s.errAt("No number after minus sign", s.pos)
		}
	}
	if s.src[s.pos] == '0' {
		s.pos++
		if s.pos < len(s.src) && isDigit(s.src[s.pos]) {
			return nil, s.errAt("Unexpected number", s.pos)
		}
	} else {
		for s.pos < len(s.src) && isDigit(s.src[s.pos]) {
			s.pos++
		}
	}
	if s.pos < len(s.src) && s.src[s.pos] == '.' {
		s.pos++
		if s.pos >= len(s.src) || !isDigit(s.src[s.pos]) {
			return nil, s.errAt("Unterminated fractional number", s.pos)
		}
		for s.pos < len(s.src) && isDigit(s.src[s.pos]) {
			s.pos++
		}
	}
	if s.pos < len(s.src) && (s.src[s.pos] == 'e' || s.src[s.pos] == 'E') {
		s.pos++
		if s.pos < len(s.src) && (s.src[s.pos] == '+' || s.src[s.pos] == '-') {
			s.pos++
		}
		if s.pos >= len(s.src) || !isDigit(s.src[s.pos]) {
			return nil, s.errAt("Exponent part is missing a number", s.pos)
		}
		for s.pos < len(s.src) && isDigit(s.src[s.pos]) {
			s.pos++
		}
	}
	if s.vm == nil {
		return nil, nil
	}
	text := s.src[start:s.pos]
	if n, err := strconv.ParseInt(text, 10, 64); err == nil && n >= -(1<<53) && n <= 1<<53 && text != "-0" {
		return s.vm.ToValue(n), nil
	}
	f, _ := strconv.ParseFloat(text, 64)
	return s.vm.ToValue(f), nil
}

// parseString reads a string token starting at the opening quote.
func (s *jsonScanner) parseString() (string, error) {
	s.pos++ // opening quote
	start := s.pos
	var b *strings.Builder
	for {
		if s.pos >= len(s.src) {
			return "", s.errAt("Unterminated string", s.pos)
		}
		c := s.src[s.pos]
		switch {
		case c == '"':
			var out string
			if b == nil {
				out = s.src[start:s.pos]
			} else {
				b.WriteString(s.src[start:s.pos])
				out = b.String()
			}
			s.pos++
			return out, nil
		case c < 0x20:
			return "", s.errAt("Bad control character in string literal", s.pos)
		case c == '\\':
			if b == nil {
				b = &strings.Builder{}
			}
			b.WriteString(s.src[start:s.pos])
			s.pos++
			if s.pos >= len(s.src) {
				return "", errJSONEnd
			}
			switch e := s.src[s.pos]; e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r, err := s.hex4(s.pos + 1)
				if err != nil {
					return "", err
				}
				s.pos += 4
				if utf16.IsSurrogate(r) {
					if r2, err := s.hex4(s.pos + 3); err == nil && s.pos+2 < len(s.src) && s.src[s.pos+1] == '\\' && s.src[s.pos+2] == 'u' {
						if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
							r = dec
							s.pos += 6
						}
					}
				}
				b.WriteRune(r)
			default:
				return "", s.errAt("Bad escaped character", s.pos)
			}
			s.pos++
			start = s.pos
		default:
			s.pos++
		}
	}
}

func (s *jsonScanner) hex4(at int) (rune, error) {
	var r rune
	for i := 0; i < 4; i++ {
		if at+i >= len(s.src) {
			return 0, s.errAt("Bad Unicode escape", at+i)
		}
		d, ok := unhex(s.src[at+i])
		if !ok {
			return 0, s.errAt("Bad Unicode escape", at+i)
		}
		r = r<<4 | rune(d)
	}
	return r, nil
}

func (s *jsonScanner) parseArray() (goja.Value, error) {
	s.pos++ // [
	var items []any
	s.skipSpace()
	if s.pos < len(s.src) && s.src[s.pos] == ']' {
		s.pos++
		return s.array(items), nil
	}
	for {
		v, err := s.parseValue()
		if err != nil {
			return nil, err
		}
		if s.vm != nil {
			items = append(items, v)
		}
		s.skipSpace()
		if s.pos < len(s.src) && s.src[s.pos] == ',' {
			s.pos++
			continue
		}
		if s.pos < len(s.src) && s.src[s.pos] == ']' {
			s.pos++
			return s.array(items), nil
		}
		return nil, s.errAt("Expected ',' or ']' after array element", s.pos)
	}
}

func (s *jsonScanner) array(items []any) goja.Value {
	if s.vm == nil {
		return nil
	}
	return s.vm.NewArray(items...)
}

func (s *jsonScanner) parseObject() (goja.Value, error) {
	s.pos++ // {
	var obj *goja.Object
	if s.vm != nil {
		obj = s.vm.NewObject()
	}
	first := true
	for {
		s.skipSpace()
		if s.pos >= len(s.src) || s.src[s.pos] != '"' {
			if first && s.pos < len(s.src) && s.src[s.pos] == '}' {
				s.pos++
				return objValue(obj), nil
			}
			if first {
				return nil, s.errAt("Expected property name or '}'", s.pos)
			}
			return nil, s.errAt("Expected double-quoted property name", s.pos)
		}
		first = false
		key, err := s.parseString()
		if err != nil {
			return nil, err
		}
		s.skipSpace()
		if s.pos >= len(s.src) || s.src[s.pos] != ':' {
			return nil, s.errAt("Expected ':' after property name", s.pos)
		}
		s.pos++
		v, err := s.parseValue()
		if err != nil {
			return nil, err
		}
		if obj != nil {
			_ = obj.DefineDataProperty(key, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
		}
		s.skipSpace()
		if s.pos < len(s.src) && s.src[s.pos] == ',' {
			s.pos++
			continue
		}
		if s.pos < len(s.src) && s.src[s.pos] == '}' {
			s.pos++
			return objValue(obj), nil
		}
		return nil, s.errAt("Expected ',' or '}' after property value", s.pos)
	}
}

func objValue(obj *goja.Object) goja.Value {
	if obj == nil {
		return nil
	}
	return obj
}

// strictJSONError is body-parser's message for a strict-mode violation: V8's message for the body
// with the first non-whitespace character and everything after it masked by '#', with the masked
// runs replaced by the original text.
func strictJSONError(body string, first int) error {
	partial := ""
	if first >= 0 {
		partial = body[:first] + strings.Repeat("#", utf8.RuneCountInString(body[first:]))
	}
	err := validateJSON(partial)
	if err == nil {
		return &jsonError{msg: "strict violation"}
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
	return &jsonError{msg: out.String()}
}
