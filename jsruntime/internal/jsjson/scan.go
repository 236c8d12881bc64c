package jsjson

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// Error is a JSON.parse or JSON.stringify failure with V8's message, which body-parser passes on.
type Error struct {
	// Name is the JS error's: SyntaxError for text that is not JSON, RangeError for nesting deeper
	// than MaxDepth, TypeError for a circular structure.
	Name string
	msg  string
}

func (e *Error) Error() string { return e.msg }

// JSValue is the error as JS sees it (jsruntime.Runtime.ErrorValue uses it).
func (e *Error) JSValue(vm *goja.Runtime) goja.Value {
	if ctor, ok := goja.AssertConstructor(vm.Get(e.Name)); ok {
		if v, err := ctor(nil, vm.ToValue(e.msg)); err == nil {
			return v
		}
	}
	return vm.NewGoError(e)
}

// MaxDepth is the deepest nesting of arrays and objects accepted. V8 parses any depth, but in Node
// JSON.stringify already fails at about 5,000 levels; Go's encoding/json stops at 10,000 too.
const MaxDepth = 10000

// errTooDeep is V8's message for a stack exhausted by nesting.
var errTooDeep = &Error{Name: "RangeError", msg: "Maximum call stack size exceeded"}

// jsonScanner validates JSON text exactly where V8's JSON.parse would fail and, when recording,
// writes the Tape of valid text. Positions in messages are UTF-16 offsets, as in JS. It keeps its own
// stack of open arrays and objects, as V8's parser does, so that no nesting depth can exhaust the Go
// stack: a body of a few MB of "[" would otherwise end the process.
type jsonScanner struct {
	src    string
	pos    int
	record bool
	tape   Tape
}

// Validate reports the V8 error for invalid JSON text, or nil.
func Validate(src string) error {
	s := &jsonScanner{src: src}
	return s.scan()
}

// Scan validates src and returns its tape, or the V8 error for invalid text. It needs no runtime.
func Scan(src string) (Tape, error) {
	s := &jsonScanner{src: src, record: true, tape: make(Tape, 0, len(src)/8+1)}
	if err := s.scan(); err != nil {
		return nil, err
	}
	return s.tape, nil
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
	return &Error{Name: "SyntaxError", msg: format + " in JSON at position " + strconv.Itoa(s.utf16Pos(bytePos))}
}

var errJSONEnd = &Error{Name: "SyntaxError", msg: "Unexpected end of JSON input"}

// unexpected is V8's message for an unexpected character where a value or literal was expected.
func (s *jsonScanner) unexpected(bytePos int) error {
	if bytePos >= len(s.src) {
		return errJSONEnd
	}
	switch s.src {
	case "NaN", "Infinity", "undefined", "[object Object]":
		return &Error{Name: "SyntaxError", msg: `"` + s.src + `" is not valid JSON`}
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
	return &Error{Name: "SyntaxError", msg: "Unexpected token '" + tok + "', " + context + " is not valid JSON"}
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (s *jsonScanner) skipSpace() {
	for s.pos < len(s.src) && isJSONSpace(s.src[s.pos]) {
		s.pos++
	}
}

// openValue is an array or object whose members are being scanned.
type openValue struct {
	object bool
	tok    int // its token on the tape, when recording
	n      int // members or elements so far
}

// scan reads one JSON text: a value and nothing after it but white space.
func (s *jsonScanner) scan() error {
	var stack []openValue
	for {
		// A value starts here: at the top, after "[" or "," in an array, or after ":" in an object.
		s.skipSpace()
		if s.pos >= len(s.src) {
			return errJSONEnd
		}
		switch c := s.src[s.pos]; {
		case c == '{' || c == '[':
			object := c == '{'
			kind, end := jsonArray, byte(']')
			if object {
				kind, end = jsonObject, '}'
			}
			if len(stack) == MaxDepth {
				return errTooDeep
			}
			s.pos++
			tok := s.emit(jsonToken{kind: kind})
			s.skipSpace()
			if s.pos < len(s.src) && s.src[s.pos] == end {
				s.pos++ // empty: a complete value
				break
			}
			stack = append(stack, openValue{object: object, tok: tok})
			if object {
				if err := s.memberName(true); err != nil {
					return err
				}
			}
			continue
		case c == '"':
			str, err := s.parseString()
			if err != nil {
				return err
			}
			s.emit(jsonToken{kind: jsonString, str: str})
		case c == '-' || c >= '0' && c <= '9':
			if err := s.scanNumber(); err != nil {
				return err
			}
		case c == 't':
			if err := s.scanLiteral("true", jsonTrue); err != nil {
				return err
			}
		case c == 'f':
			if err := s.scanLiteral("false", jsonFalse); err != nil {
				return err
			}
		case c == 'n':
			if err := s.scanLiteral("null", jsonNull); err != nil {
				return err
			}
		default:
			return s.unexpected(s.pos)
		}
		// A value ended: it is a member of the innermost open value, which it may complete, and so on
		// outwards.
		for {
			if len(stack) == 0 {
				s.skipSpace()
				if s.pos < len(s.src) {
					return &Error{Name: "SyntaxError", msg: "Unexpected non-whitespace character after JSON at position " + strconv.Itoa(s.utf16Pos(s.pos))}
				}
				return nil
			}
			top := &stack[len(stack)-1]
			top.n++
			s.skipSpace()
			end := byte(']')
			if top.object {
				end = '}'
			}
			if s.pos < len(s.src) && s.src[s.pos] == ',' {
				s.pos++
				if top.object {
					if err := s.memberName(false); err != nil {
						return err
					}
				}
				break
			}
			if s.pos < len(s.src) && s.src[s.pos] == end {
				s.pos++
				if s.record {
					s.tape[top.tok].n = top.n
				}
				stack = stack[:len(stack)-1]
				continue
			}
			if top.object {
				return s.errAt("Expected ',' or '}' after property value", s.pos)
			}
			return s.errAt("Expected ',' or ']' after array element", s.pos)
		}
	}
}

// memberName reads an object member's name and the ":" after it.
func (s *jsonScanner) memberName(first bool) error {
	s.skipSpace()
	if s.pos >= len(s.src) || s.src[s.pos] != '"' {
		if first {
			return s.errAt("Expected property name or '}'", s.pos)
		}
		return s.errAt("Expected double-quoted property name", s.pos)
	}
	name, err := s.parseString()
	if err != nil {
		return err
	}
	s.emit(jsonToken{kind: jsonString, str: name})
	s.skipSpace()
	if s.pos >= len(s.src) || s.src[s.pos] != ':' {
		return s.errAt("Expected ':' after property name", s.pos)
	}
	s.pos++
	return nil
}

// emit records tok when recording and returns its index on the tape.
func (s *jsonScanner) emit(tok jsonToken) int {
	if !s.record {
		return -1
	}
	s.tape = append(s.tape, tok)
	return len(s.tape) - 1
}

func (s *jsonScanner) scanLiteral(word string, kind jsonKind) error {
	for i := 0; i < len(word); i++ {
		if s.pos+i >= len(s.src) {
			return errJSONEnd
		}
		if s.src[s.pos+i] != word[i] {
			return s.unexpected(s.pos + i)
		}
	}
	s.pos += len(word)
	s.emit(jsonToken{kind: kind})
	return nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (s *jsonScanner) scanNumber() error {
	start := s.pos
	if s.src[s.pos] == '-' {
		s.pos++
		if s.pos >= len(s.src) || !isDigit(s.src[s.pos]) {
			return s.errAt("No number after minus sign", s.pos)
		}
	}
	if s.src[s.pos] == '0' {
		s.pos++
		if s.pos < len(s.src) && isDigit(s.src[s.pos]) {
			return s.errAt("Unexpected number", s.pos)
		}
	} else {
		for s.pos < len(s.src) && isDigit(s.src[s.pos]) {
			s.pos++
		}
	}
	if s.pos < len(s.src) && s.src[s.pos] == '.' {
		s.pos++
		if s.pos >= len(s.src) || !isDigit(s.src[s.pos]) {
			return s.errAt("Unterminated fractional number", s.pos)
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
			return s.errAt("Exponent part is missing a number", s.pos)
		}
		for s.pos < len(s.src) && isDigit(s.src[s.pos]) {
			s.pos++
		}
	}
	if !s.record {
		return nil
	}
	// As goja's JSON.parse: an integer that a double holds exactly is an integer value.
	text := s.src[start:s.pos]
	if n, err := strconv.ParseInt(text, 10, 64); err == nil && n >= -(1<<53) && n <= 1<<53 && text != "-0" {
		s.emit(jsonToken{kind: jsonInt, num: float64(n)})
		return nil
	}
	f, _ := strconv.ParseFloat(text, 64)
	s.emit(jsonToken{kind: jsonFloat, num: f})
	return nil
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
		d, ok := unhexDigit(s.src[at+i])
		if !ok {
			return 0, s.errAt("Bad Unicode escape", at+i)
		}
		r = r<<4 | rune(d)
	}
	return r, nil
}

func unhexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
