package path

import (
	"os"
	"strings"
)

// Posix implements Node's path.posix. Every function takes and returns plain strings; JS argument
// validation happens in the module binding.

// Join joins the non-empty parts with '/' and normalizes the result; with no non-empty part it is ".".
func Join(parts ...string) string {
	var sb strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteByte('/')
		}
		sb.WriteString(p)
	}
	if sb.Len() == 0 {
		return "."
	}
	return Normalize(sb.String())
}

// Normalize resolves "." and ".." segments and repeated slashes, keeping a trailing slash. ".." segments
// that climb above the start of a relative path are kept; above the root they are dropped.
func Normalize(p string) string {
	if p == "" {
		return "."
	}
	abs := p[0] == '/'
	trailing := p[len(p)-1] == '/'
	out := normalizeSegments(p, '/', isPosixSep, !abs)
	if out == "" {
		if abs {
			return "/"
		}
		if trailing {
			return "./"
		}
		return "."
	}
	if trailing {
		out += "/"
	}
	if abs {
		return "/" + out
	}
	return out
}

// Resolve works from the last argument back until it has an absolute path, prefixing the process's
// working directory if none is, and returns it normalized without a trailing slash.
func Resolve(parts ...string) string {
	resolved, abs := "", false
	for i := len(parts) - 1; i >= 0 && !abs; i-- {
		p := parts[i]
		if p == "" {
			continue
		}
		resolved = p + "/" + resolved
		abs = p[0] == '/'
	}
	if !abs {
		resolved = cwd() + "/" + resolved
	}
	return "/" + normalizeSegments(resolved, '/', isPosixSep, false)
}

// cwd is the process's working directory, as Node's process.cwd().
func cwd() string {
	dir, err := os.Getwd()
	if err != nil {
		// Node would throw; "/" keeps resolve total and matches a deleted working directory's effect.
		return "/"
	}
	return dir
}

// Relative returns the path from 'from' to 'to' after resolving both.
func Relative(from, to string) string {
	if from == to {
		return ""
	}
	f, t := splitResolved(Resolve(from)), splitResolved(Resolve(to))
	common := 0
	for common < len(f) && common < len(t) && f[common] == t[common] {
		common++
	}
	up := make([]string, 0, len(f)-common+len(t)-common)
	for range f[common:] {
		up = append(up, "..")
	}
	return strings.Join(append(up, t[common:]...), "/")
}

func splitResolved(p string) []string {
	if p == "/" {
		return nil
	}
	return strings.Split(p[1:], "/")
}

// IsAbsolute reports whether p starts with '/'.
func IsAbsolute(p string) bool { return p != "" && p[0] == '/' }

// Dirname returns p up to (not including) the separator before its last segment, ignoring trailing
// slashes: "." for a bare name, "/" for a top-level path.
func Dirname(p string) string {
	if p == "" {
		return "."
	}
	abs := p[0] == '/'
	end := trimSeps(p, isPosixSep)
	i := strings.LastIndexByte(p[:end], '/')
	switch {
	case i < 1:
		if abs {
			return "/"
		}
		return "."
	case i == 1 && abs:
		// "//a": Node keeps both slashes, since a leading "//" may be significant.
		return "//"
	}
	return p[:i]
}

// Basename returns the last segment of p (trailing slashes ignored), minus ext when it ends with ext.
// A segment equal to ext is kept, except when it is all of p: basename('a.js', 'a.js') is "" in Node.
func Basename(p, ext string) string {
	return trimExt(p, lastSegment(p, isPosixSep), ext)
}

func trimExt(p, base, ext string) string {
	if ext == "" || !strings.HasSuffix(base, ext) || (base == ext && !strings.HasPrefix(p, base)) {
		return base
	}
	return base[:len(base)-len(ext)]
}

// Extname returns the extension of the last segment: from its last '.' to the end, or "" when the
// segment has no '.' other than a leading one, or is "..".
func Extname(p string) string { return extOf(lastSegment(p, isPosixSep)) }

func extOf(base string) string {
	dot := strings.LastIndexByte(base, '.')
	if dot <= 0 || base == ".." {
		return ""
	}
	return base[dot:]
}

// Parsed is the result of Parse and the input of Format.
type Parsed struct {
	Root, Dir, Base, Ext, Name string
}

// Parse splits p into root, dir, base, ext and name as path.parse does.
func Parse(p string) Parsed {
	var r Parsed
	if p == "" {
		return r
	}
	if p[0] == '/' {
		r.Root = "/"
	}
	end := trimSeps(p, isPosixSep)
	start := strings.LastIndexByte(p[:end], '/') + 1
	r.Base = p[start:end]
	if end == 0 {
		// Only slashes: everything is root.
		r.Base = ""
	}
	r.Ext = extOf(r.Base)
	r.Name = r.Base[:len(r.Base)-len(r.Ext)]
	switch {
	case start > 1:
		r.Dir = p[:start-1]
	case r.Root != "":
		r.Dir = "/"
	}
	return r
}

// Format is the inverse of Parse: dir (or root) joined with base (or name + ext).
func Format(f Parsed) string { return formatWith(f, "/") }

// formatWith is Format for both flavours: dir (or root) and base (or name + ext), joined with sep,
// or put together as they are when dir is the root.
func formatWith(f Parsed, sep string) string {
	dir := f.Dir
	if dir == "" {
		dir = f.Root
	}
	base := f.Base
	if base == "" {
		base = f.Name
		if f.Ext != "" && f.Ext[0] != '.' {
			base += "."
		}
		base += f.Ext
	}
	switch {
	case dir == "":
		return base
	case dir == f.Root:
		return dir + base
	}
	return dir + sep + base
}

func isPosixSep(c byte) bool { return c == '/' }

// trimSeps returns the end of p with trailing separators removed, keeping at least one character.
func trimSeps(p string, isSep func(byte) bool) int {
	end := len(p)
	for end > 1 && isSep(p[end-1]) {
		end--
	}
	if end == 1 && isSep(p[0]) {
		return 0
	}
	return end
}

// lastSegment is the final segment of p, ignoring trailing separators.
func lastSegment(p string, isSep func(byte) bool) string {
	end := trimSeps(p, isSep)
	start := end
	for start > 0 && !isSep(p[start-1]) {
		start--
	}
	return p[start:end]
}

// normalizeSegments joins p's segments with sep, dropping empty and "." segments and applying "..";
// a ".." with nothing to remove is kept when aboveRoot (relative paths) and dropped otherwise.
func normalizeSegments(p string, sep byte, isSep func(byte) bool, aboveRoot bool) string {
	segs := make([]string, 0, 8)
	for i := 0; i < len(p); {
		j := i
		for j < len(p) && !isSep(p[j]) {
			j++
		}
		switch seg := p[i:j]; seg {
		case "", ".":
		case "..":
			if len(segs) > 0 && segs[len(segs)-1] != ".." {
				segs = segs[:len(segs)-1]
			} else if aboveRoot {
				segs = append(segs, "..")
			}
		default:
			segs = append(segs, seg)
		}
		i = j + 1
	}
	return strings.Join(segs, string(sep))
}
