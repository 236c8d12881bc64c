package assert

import (
	"os"
	"strings"

	"github.com/dop251/goja"
)

// falsyMessage is Node's message for assert(value) or assert.ok(value) with a falsy value and no
// message: "The expression evaluated to a falsy value:\n\n  assert(x === 1)\n", the text of the call
// read from the caller's file. fn names the assert function the plugin called ("ok" or "strict").
// It reports false when the caller, its file or the call's text cannot be found; Node then falls
// back to a generated message too. files caches what was read, per runtime.
func falsyMessage(vm *goja.Runtime, fn string, files map[string][]byte) (string, bool) {
	frames := vm.CaptureCallStack(0, nil)
	for i := 0; i+1 < len(frames); i++ {
		if frames[i].FuncName() != fn || !strings.HasPrefix(frames[i].SrcName(), "node:assert") {
			continue
		}
		caller := frames[i+1]
		file := caller.SrcName()
		if file == "" || strings.HasPrefix(file, "<") || strings.HasPrefix(file, "node:") {
			return "", false
		}
		src, ok := files[file]
		if !ok {
			var err error
			if src, err = os.ReadFile(file); err != nil {
				return "", false
			}
			files[file] = src
		}
		pos := caller.Position()
		text, ok := callText(src, pos.Line, pos.Column)
		if !ok {
			return "", false
		}
		return "The expression evaluated to a falsy value:\n\n  " + text + "\n", true
	}
	return "", false
}

// callText returns the source of the call whose opening parenthesis is at line:col (1-based, where
// goja places a call), from the start of its callee to its closing parenthesis, formatted as Node
// does: control characters escaped, and continuation lines stripped of the indentation up to the
// column the call starts at and indented by two spaces.
func callText(src []byte, line, col int) (string, bool) {
	lineStart := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(string(src[lineStart:]), '\n')
		if i < 0 {
			return "", false
		}
		lineStart += i + 1
	}
	open := lineStart + col - 1
	if col < 1 || open >= len(src) || src[open] != '(' {
		return "", false
	}
	// The callee: an identifier or member chain (assert, assert.ok, a.b?.strict), spaces before "(".
	end := open
	for end > lineStart && (src[end-1] == ' ' || src[end-1] == '\t') {
		end--
	}
	start := end
	for start > lineStart && isCalleeByte(src[start-1]) {
		start--
	}
	if start == end || src[start] == '.' || src[start] == '?' || (src[start] >= '0' && src[start] <= '9') {
		return "", false
	}
	closing, ok := matchParen(src, open)
	if !ok {
		return "", false
	}
	lines := strings.Split(escapeControl(string(src[start:closing+1])), "\n")
	column := start - lineStart
	var b strings.Builder
	b.WriteString(lines[0])
	for _, l := range lines[1:] {
		pos := 0
		for pos < column && pos < len(l) && (l[pos] == ' ' || l[pos] == '\t') {
			pos++
		}
		b.WriteString("\n  " + l[pos:])
	}
	return b.String(), true
}

func isCalleeByte(c byte) bool {
	return c == '_' || c == '$' || c == '.' || c == '?' || c >= 0x80 ||
		(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// matchParen finds the parenthesis closing the one at open, skipping strings, template literals
// (with their ${} expressions) and comments. Regular expression literals are not recognised.
func matchParen(src []byte, open int) (int, bool) {
	depth := 0
	// templates holds, for each template literal being read inside ${}, the brace depth at which its
	// expression closes.
	var templates []int
	braces := 0
	for i := open; i < len(src); i++ {
		switch c := src[i]; c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i, true
			}
		case '{':
			braces++
		case '}':
			if n := len(templates); n > 0 && templates[n-1] == braces {
				templates = templates[:n-1]
				j, ok := skipTemplate(src, i+1, &templates, braces)
				if !ok {
					return 0, false
				}
				i = j
				continue
			}
			braces--
		case '\'', '"':
			j := i + 1
			for j < len(src) && src[j] != c && src[j] != '\n' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(src) || src[j] != c {
				return 0, false
			}
			i = j
		case '`':
			j, ok := skipTemplate(src, i+1, &templates, braces)
			if !ok {
				return 0, false
			}
			i = j
		case '/':
			if i+1 < len(src) && src[i+1] == '/' {
				for i < len(src) && src[i] != '\n' {
					i++
				}
			} else if i+1 < len(src) && src[i+1] == '*' {
				j := strings.Index(string(src[i+2:]), "*/")
				if j < 0 {
					return 0, false
				}
				i += j + 3
			}
		}
	}
	return 0, false
}

// skipTemplate reads template literal text from i up to its closing backtick, whose index it
// returns, or up to a "${", where it records the expression's brace depth and returns the index of
// the "{" so that the caller reads the expression.
func skipTemplate(src []byte, i int, templates *[]int, braces int) (int, bool) {
	for ; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '`':
			return i, true
		case '$':
			if i+1 < len(src) && src[i+1] == '{' {
				*templates = append(*templates, braces)
				return i + 1, true
			}
		}
	}
	return 0, false
}

// controlEscapes are how Node shows control characters in the call's text (assert's meta table):
// tab, newline and carriage return stay as they are.
var controlEscapes = [32]string{
	`\u0000`, `\u0001`, `\u0002`, `\u0003`, `\u0004`, `\u0005`, `\u0006`, `\u0007`, `\b`, "\t",
	"\n", `\u000b`, `\f`, "\r", `\u000e`, `\u000f`, `\u0010`, `\u0011`, `\u0012`, `\u0013`,
	`\u0014`, `\u0015`, `\u0016`, `\u0017`, `\u0018`, `\u0019`, `\u001a`, `\u001b`, `\u001c`, `\u001d`,
	`\u001e`, `\u001f`,
}

func escapeControl(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 32 {
			b.WriteString(controlEscapes[c])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
