package process

import (
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// maxSourceSize bounds the files read to place columns; larger ones keep goja's columns.
const maxSourceSize = 8 << 20

// sourceLines places call-site columns where V8 does. goja's column for a call points at its
// opening parenthesis and counts bytes; V8 points at the callee's name (`obj.method(` at `method`,
// `foo (` at `foo`) and counts UTF-16 units. Packages compare and print these columns (depd tells call
// sites apart by them), so the plugin's source line is read back, once per file and runtime. Used
// only on the loop.
type sourceLines struct {
	files map[string][]string // nil for a file that cannot be read
}

// column is f's 1-based column as V8 reports it, or goja's when the source is not at hand.
func (s *sourceLines) column(f *goja.StackFrame) int {
	p := f.Position()
	line, ok := s.line(p.Filename, p.Line)
	i := p.Column - 1
	if !ok || i < 0 || i >= len(line) {
		return p.Column
	}
	if line[i] == '(' {
		j := i
		for j > 0 && (line[j-1] == ' ' || line[j-1] == '\t') {
			j--
		}
		k := j
		for k > 0 && isIdentByte(line[k-1]) {
			k--
		}
		if k < j {
			i = k
		}
	}
	if !utf8.ValidString(line[:i]) {
		return p.Column
	}
	return len(utf16.Encode([]rune(line[:i]))) + 1
}

// isIdentByte reports whether b can be part of an identifier; bytes of multi-byte characters count,
// as they can only be identifier characters right before a call's parenthesis.
func isIdentByte(b byte) bool {
	return b == '_' || b == '$' || b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
}

// line returns the 1-based line n of file, which must be an absolute path to a plugin's source.
func (s *sourceLines) line(file string, n int) (string, bool) {
	if !filepath.IsAbs(file) || n < 1 {
		return "", false
	}
	lines, cached := s.files[file]
	if !cached {
		lines = readLines(file)
		if s.files == nil {
			s.files = map[string][]string{}
		}
		s.files[file] = lines
	}
	if n > len(lines) {
		return "", false
	}
	return lines[n-1], true
}

func readLines(file string) []string {
	info, err := os.Stat(file)
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxSourceSize {
		return nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	return strings.Split(string(data), "\n")
}
