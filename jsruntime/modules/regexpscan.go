package modules

import (
	"encoding/base64"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	"github.com/go-sourcemap/sourcemap"

	"github.com/pluginhost/pluginhost/jsruntime/polyfill/uniprop"
)

// goja's regular expressions differ from V8's in ways that do not fail at load: the flags d and v
// throw a SyntaxError only when the expression is created, and so does a Unicode property escape
// (\p{Emoji}) naming a property V8 knows and pluginhost's RegExp cannot translate (it translates the
// others: jsruntime/polyfill). A plugin using them loads and then fails far from the cause, so each
// file that has them gets one load-time warning naming the lines. esbuild finds the literals: with a
// feature they use marked unsupported it rewrites each into new RegExp(pattern, flags), which this
// file looks for in its output and maps back to the source through the source map (transform rewrites
// every literal with the u flag of a file with property escapes). Strings, comments and other regexps
// never show up there; explicit new RegExp calls with literal arguments do, and are as affected.

// regexpIssue is one regular expression goja cannot run as V8 does, at a position of the source file.
type regexpIssue struct {
	line, col int    // 1-based
	what      string // e.g. `\p{Lu} never matches`
}

// maxRegexpIssues bounds the warning of one file: a bundle may hold hundreds.
const maxRegexpIssues = 8

// scanSource lists the regular expressions of a plugin file that goja cannot run as V8 does. code is
// transform's output for it, or "" when goja compiled the source as is: the flags d and v make goja's
// compiler fail, and property escapes skip goja's compiler (compile), so they always reach esbuild.
func scanSource(code string) []regexpIssue {
	if code == "" {
		return nil
	}
	code, sourceMap := splitInlineMap(code)
	return scanRegexps(code, sourceMap)
}

// splitInlineMap separates transform's output from its inline source map.
func splitInlineMap(code string) (string, []byte) {
	i := strings.LastIndex(code, sourceMapPrefix)
	if i < 0 {
		return code, nil
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(code[i+len(sourceMapPrefix):]))
	if err != nil {
		return code[:i], nil
	}
	return code[:i], raw
}

// scanRegexps lists the new RegExp(pattern, flags) calls with literal arguments in esbuild's output
// that goja cannot run as V8 does, at their positions in the original source (through sourceMap, when
// there is one).
func scanRegexps(code string, sourceMap []byte) []regexpIssue {
	const call = "new RegExp("
	if !strings.Contains(code, call) {
		return nil
	}
	// The map is parsed only once there is something to place: most code has no issue, and a
	// bundle's map is megabytes.
	var smap *sourcemap.Consumer
	parsed := false
	var issues []regexpIssue
	for off := 0; ; {
		i := strings.Index(code[off:], call)
		if i < 0 {
			break
		}
		start := off + i
		off = start + len(call)
		pattern, n, ok := jsStringAt(code, off)
		if !ok || !strings.HasPrefix(code[off+n:], ", ") {
			continue
		}
		flags, _, ok := jsStringAt(code, off+n+2)
		if !ok {
			continue
		}
		whats := regexpProblems(pattern, flags)
		if len(whats) == 0 {
			continue
		}
		line, col := generatedPosition(code, start)
		if !parsed && sourceMap != nil {
			smap, _ = sourcemap.Parse("", sourceMap)
			parsed = true
		}
		if smap != nil {
			if _, _, l, c, ok := smap.Source(line, col); ok {
				line, col = l, c
			}
		}
		for _, what := range whats {
			issues = append(issues, regexpIssue{line: line, col: col + 1, what: what})
		}
	}
	return issues
}

// regexpProblems says what goja does differently with pattern and flags.
func regexpProblems(pattern, flags string) []string {
	var out []string
	for _, f := range "dv" {
		if strings.ContainsRune(flags, f) {
			out = append(out, fmt.Sprintf("flag '%c' throws SyntaxError (goja lacks it)", f))
		}
	}
	if !strings.ContainsAny(flags, "uv") {
		// Without u, \p is an identity escape: it matches "p", in goja as in V8.
		return out
	}
	for i := 0; i+1 < len(pattern); i++ {
		if pattern[i] != '\\' {
			continue
		}
		i++
		if c := pattern[i]; (c == 'p' || c == 'P') && i+1 < len(pattern) && pattern[i+1] == '{' {
			end := strings.IndexByte(pattern[i:], '}')
			if end < 0 {
				continue
			}
			if uniprop.Lookup(pattern[i+2:i+end]) == uniprop.Lacking {
				out = append(out, pattern[i-1:i+end+1]+" throws SyntaxError (pluginhost lacks this Unicode property)")
			}
		}
	}
	return out
}

// generatedPosition is the 1-based line and 0-based column of offset in code.
func generatedPosition(code string, offset int) (line, col int) {
	before := code[:offset]
	line = strings.Count(before, "\n") + 1
	return line, offset - (strings.LastIndexByte(before, '\n') + 1)
}

// jsStringAt reads the string literal esbuild printed at code[off:] (”, "" or a template without
// substitutions) and returns its value and length in code.
func jsStringAt(code string, off int) (value string, n int, ok bool) {
	if off >= len(code) {
		return "", 0, false
	}
	quote := code[off]
	if quote != '"' && quote != '\'' && quote != '`' {
		return "", 0, false
	}
	var b strings.Builder
	for i := off + 1; i < len(code); i++ {
		c := code[i]
		switch {
		case c == quote:
			return b.String(), i + 1 - off, true
		case quote == '`' && c == '$' && i+1 < len(code) && code[i+1] == '{':
			return "", 0, false // a template with substitutions is not a literal
		case c != '\\':
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(code) {
			break
		}
		switch e := code[i]; e {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case '\n':
			// A line continuation adds nothing.
		case 'x', 'u':
			r, size := hexEscape(code[i:])
			if size == 0 {
				return "", 0, false
			}
			b.WriteRune(r)
			i += size - 1
		default:
			// \\, \", \', \`, \$ and the other single-character escapes stand for the character
			// (the control characters they may name do not matter here).
			b.WriteByte(e)
		}
	}
	return "", 0, false
}

// hexEscape decodes the \x or \u escape whose letter starts s (xHH, uHHHH, u{H…}) and returns its
// length from that letter, 0 when malformed.
func hexEscape(s string) (rune, int) {
	var digits string
	switch {
	case s[0] == 'x' && len(s) >= 3:
		digits = s[1:3]
	case s[0] == 'u' && len(s) >= 2 && s[1] == '{':
		end := strings.IndexByte(s, '}')
		if end < 0 {
			return 0, 0
		}
		digits = s[2:end]
		v, err := strconv.ParseUint(digits, 16, 32)
		if err != nil {
			return 0, 0
		}
		return rune(v), end + 1
	case s[0] == 'u' && len(s) >= 5:
		digits = s[1:5]
	default:
		return 0, 0
	}
	v, err := strconv.ParseUint(digits, 16, 32)
	if err != nil {
		return 0, 0
	}
	return rune(v), len(digits) + 1
}

// warnRegexps logs, once per evaluation of filename, the regular expressions goja cannot run as V8
// does: a plugin author sees where, before the first request misbehaves.
func warnRegexps(log *slog.Logger, filename string, issues []regexpIssue) {
	if len(issues) == 0 {
		return
	}
	var b strings.Builder
	for i, is := range issues {
		if i == maxRegexpIssues {
			fmt.Fprintf(&b, "; and %d more", len(issues)-i)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s", filename, is.line, is.col, is.what)
	}
	log.Warn("[Plugin Loader] Regular expressions pluginhost's JavaScript engine cannot run as Node does: "+b.String(),
		"file", filename)
}
