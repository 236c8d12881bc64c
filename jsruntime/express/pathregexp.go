package express

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dlclark/regexp2/v2"
)

// pathKey is one capture of a compiled path: a named parameter (`:id`) or a numbered one (`*`, an
// unnamed group). Express exposes them as layer.keys: {name, optional, offset}.
type pathKey struct {
	name     string // the property name in req.params: the parameter name or the decimal index
	numbered bool   // name is a number in JS (layer.keys[i].name === 0)
	optional bool
	offset   int
}

// pathOptions are path-to-regexp's options: sensitive (case), strict (trailing slash), end (anchor).
type pathOptions struct {
	sensitive bool
	strict    bool
	end       bool
}

// pathSpec is what the application passed as a path: a string, a RegExp (source and flags), or an
// array of those.
type pathSpec struct {
	kind   pathKind
	str    string
	source string // RegExp source
	flags  string // RegExp flags
	items  []pathSpec
}

type pathKind int

const (
	pathString pathKind = iota
	pathRegExp
	pathArray
)

// errPathType is path-to-regexp's complaint about a path that is neither string, RegExp nor array.
const errPathType = "path must be a string, array of strings, or regular expression"

// compilePath reproduces path-to-regexp 0.1.13 (Luker's lock): it returns the JS regular expression
// source and flags Express would build, and appends the capture keys to keys.
func compilePath(spec pathSpec, keys *[]pathKey, opts pathOptions) (source, flags string) {
	flags = "i"
	if opts.sensitive {
		flags = ""
	}
	switch spec.kind {
	case pathRegExp:
		counter := 0
		scanGroups(spec.source, func(index int, name string) {
			k := pathKey{offset: index}
			if name != "" {
				k.name = name
			} else {
				k.name, k.numbered = strconv.Itoa(counter), true
				counter++
			}
			*keys = append(*keys, k)
		})
		return spec.source, spec.flags
	case pathArray:
		parts := make([]string, len(spec.items))
		for i, item := range spec.items {
			parts[i], _ = compilePath(item, keys, opts)
		}
		return strings.Join(parts, "|"), flags
	}
	return compileString(spec.str, keys, opts), flags
}

// compileString translates an Express 4 path string. Besides `:name`, `:name?`, `:name(re)`, `:name*`,
// `*` and a literal `.`, every character keeps its regular-expression meaning, as in Express 4.
func compileString(path string, keys *[]pathKey, opts pathOptions) string {
	var out strings.Builder
	keysOffset := len(*keys)
	backtrack := ""
	pos := 0 // end of the text already accounted for in backtrack
	i := 0
	for i < len(path) {
		m, ok := matchToken(path, i)
		if !ok {
			out.WriteByte(path[i])
			i++
			continue
		}
		text := path[i:m.end]
		switch {
		case text[0] == '\\':
			backtrack += text
			pos += 2
			out.WriteString(text)
		case text == ".":
			backtrack += `\.`
			pos++
			out.WriteString(`\.`)
		default:
			if m.slash || m.format {
				backtrack = ""
			} else {
				backtrack += sliceClamp(path, pos, i)
			}
			pos = m.end
			switch {
			case text == "*":
				backtrack = ""
				out.WriteString("(.*)")
			case text == "/(":
				backtrack += "/"
				out.WriteString("/(?:")
			default:
				format := ""
				if m.format {
					format = `\.`
				}
				slash := ""
				if m.slash {
					slash = "/"
				}
				var capture string
				switch {
				case m.capture != "":
					capture = rewriteFirstStar(m.capture)
				case backtrack != "":
					capture = "((?:(?!/|" + backtrack + ").)+?)"
				default:
					capture = "([^/" + format + "]+?)"
				}
				*keys = append(*keys, pathKey{name: m.key, optional: m.optional, offset: out.Len()})
				out.WriteString("(?:" + format + slash + capture)
				if m.star {
					out.WriteString("((?:[/" + format + "].+?)?)")
				}
				out.WriteString(")")
				if m.optional {
					out.WriteString("?")
				}
				// 0.1.13: the text before the next parameter starts after this one.
				backtrack = ""
			}
		}
		i = m.end
	}
	result := out.String()

	// Every capturing group that is not a named key becomes a numbered key, in order.
	counter, idx := 0, 0
	scanGroups(result, func(index int, _ string) {
		at := keysOffset + idx
		if at == len(*keys) || (*keys)[at].offset > index {
			k := pathKey{name: strconv.Itoa(counter), numbered: true, offset: index}
			counter++
			*keys = append(*keys, pathKey{})
			copy((*keys)[at+1:], (*keys)[at:])
			(*keys)[at] = k
		}
		idx++
	})

	if !opts.strict {
		if strings.HasSuffix(result, "/") {
			result += "?"
		} else {
			result += "/?"
		}
	}
	if opts.end {
		result += "$"
	} else if !strings.HasSuffix(result, "/") {
		result += "(?=/|$)"
	}
	return "^" + result
}

// sliceClamp is JS String.prototype.slice for non-negative indexes.
func sliceClamp(s string, from, to int) string {
	if from > len(s) {
		from = len(s)
	}
	if to > len(s) {
		to = len(s)
	}
	if from >= to {
		return ""
	}
	return s[from:to]
}

// rewriteFirstStar turns the first `*` of a custom group into `(.*)`, unless an escape comes first:
// path-to-regexp replaces only the first match of /\\.|\*/.
func rewriteFirstStar(capture string) string {
	for i := 0; i < len(capture); i++ {
		switch capture[i] {
		case '\\':
			if i+1 < len(capture) && capture[i+1] != '\n' && capture[i+1] != '\r' {
				return capture
			}
		case '*':
			return capture[:i] + "(.*)" + capture[i+1:]
		}
	}
	return capture
}

// token is one match of path-to-regexp's tokenizer at a position.
type token struct {
	end      int
	slash    bool
	format   bool
	key      string
	capture  string
	star     bool
	optional bool
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isLineTerminator(c byte) bool { return c == '\n' || c == '\r' }

// matchToken tries, at i, the alternatives of /\\.|(\/)?(\.)?:(\w+)(\(.*?\))?(\*)?(\?)?|[.*]|\/\(/ in
// order, the way a backtracking engine would.
func matchToken(p string, i int) (token, bool) {
	if p[i] == '\\' {
		if i+1 < len(p) && !isLineTerminator(p[i+1]) {
			return token{end: i + 2}, true
		}
	}
	// Parameter: the optional slash and dot are tried greedily, then dropped if ':' does not follow.
	for _, skip := range [][2]bool{{true, true}, {true, false}, {false, true}, {false, false}} {
		j := i
		t := token{}
		if skip[0] {
			if j >= len(p) || p[j] != '/' {
				continue
			}
			t.slash = true
			j++
		}
		if skip[1] {
			if j >= len(p) || p[j] != '.' {
				continue
			}
			t.format = true
			j++
		}
		if j >= len(p) || p[j] != ':' {
			continue
		}
		j++
		start := j
		for j < len(p) && isWordByte(p[j]) {
			j++
		}
		if j == start {
			continue
		}
		t.key = p[start:j]
		if j < len(p) && p[j] == '(' {
			for k := j + 1; k < len(p) && !isLineTerminator(p[k]); k++ {
				if p[k] == ')' {
					t.capture = p[j : k+1]
					j = k + 1
					break
				}
			}
		}
		if j < len(p) && p[j] == '*' {
			t.star = true
			j++
		}
		if j < len(p) && p[j] == '?' {
			t.optional = true
			j++
		}
		t.end = j
		return t, true
	}
	if p[i] == '.' || p[i] == '*' {
		return token{end: i + 1}, true
	}
	if p[i] == '/' && i+1 < len(p) && p[i+1] == '(' {
		return token{end: i + 2}, true
	}
	return token{}, false
}

// scanGroups reports the capturing groups of a regular expression source the way path-to-regexp finds
// them with /\\.|\((?:\?<(.*?)>)?(?!\?)/g: escapes are skipped, `(` not followed by `?` is a group,
// and `(?<name>` is a named one.
func scanGroups(src string, fn func(index int, name string)) {
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\\':
			if i+1 < len(src) && !isLineTerminator(src[i+1]) {
				i++
			}
		case '(':
			if i+1 < len(src) && src[i+1] != '?' {
				fn(i, "")
				continue
			}
			if i+2 < len(src) && src[i+1] == '?' && src[i+2] == '<' {
				for k := i + 3; k < len(src) && !isLineTerminator(src[k]); k++ {
					if src[k] == '>' && (k+1 >= len(src) || src[k+1] != '?') {
						fn(i, src[i+3:k])
						break
					}
				}
			}
		}
	}
}

// compileRegexp compiles a JS regular expression source with regexp2's ECMAScript mode, the engine
// goja itself uses for patterns RE2 cannot express (lookaheads are everywhere in Express paths).
func compileRegexp(source, flags string) (*regexp2.Regexp, error) {
	opts := regexp2.ECMAScript
	for _, f := range flags {
		switch f {
		case 'i':
			opts |= regexp2.IgnoreCase
		case 'm':
			opts |= regexp2.Multiline
		case 's':
			opts |= regexp2.Singleline
		case 'u':
			opts |= regexp2.Unicode
		}
	}
	// JS numbers named and unnamed groups together, in pattern order; .NET (regexp2's model) does not.
	re, err := regexp2.Compile(source, opts, regexp2.OptionMaintainCaptureOrder())
	if err != nil {
		return nil, fmt.Errorf("compile path pattern %q: %w", source, err)
	}
	return re, nil
}
