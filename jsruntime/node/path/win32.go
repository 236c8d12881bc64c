package path

import "strings"

// Win32 implements the part of Node's path.win32 that is useful off Windows: it treats both '/' and
// '\' as separators and understands drive letters ("C:") and UNC roots ("\\server\share").
type Win32 struct{}

func isWinSep(c byte) bool { return c == '/' || c == '\\' }

func isDriveLetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

// winRoot splits off p's root: "C:\", "C:", "\\server\share\", "\" or "". abs reports whether the
// root is absolute (it has a separator).
func winRoot(p string) (root string, abs bool) {
	switch {
	case len(p) >= 2 && isWinSep(p[0]) && isWinSep(p[1]):
		// UNC: \\server\share, needing both names; otherwise just a separator root.
		rest := p[2:]
		i := strings.IndexAny(rest, `/\`)
		if i > 0 {
			j := strings.IndexAny(rest[i+1:], `/\`)
			share := rest[i+1:]
			if j >= 0 {
				share = share[:j]
			}
			if share != "" {
				end := 2 + i + 1 + len(share)
				if end < len(p) {
					end++ // the separator after the share belongs to the root
				}
				return p[:end], true
			}
		}
		return p[:1], true
	case p != "" && isWinSep(p[0]):
		return p[:1], true
	case len(p) >= 2 && isDriveLetter(p[0]) && p[1] == ':':
		if len(p) >= 3 && isWinSep(p[2]) {
			return p[:3], true
		}
		return p[:2], false
	}
	return "", false
}

// canonicalRoot writes a root with backslashes, and with the trailing separator a UNC root implies.
func canonicalRoot(root string) string {
	if d := winDevice(root); len(d) > 2 {
		return d + `\`
	}
	return strings.ReplaceAll(root, "/", `\`)
}

// IsAbsolute reports whether p starts with a separator or with a drive letter and a separator.
func (Win32) IsAbsolute(p string) bool {
	_, abs := winRoot(p)
	return abs
}

// Normalize is path.win32.normalize: backslash separators, "." and ".." applied, trailing separator kept.
func (Win32) Normalize(p string) string {
	if p == "" {
		return "."
	}
	root, abs := winRoot(p)
	rest := p[len(root):]
	tail := normalizeSegments(rest, '\\', isWinSep, !abs)
	if tail == "" && !abs {
		tail = "."
	}
	if tail != "" && isWinSep(p[len(p)-1]) && len(rest) > 0 {
		tail += `\`
	}
	return canonicalRoot(root) + tail
}

// Join joins the non-empty parts with '\' and normalizes the result.
func (w Win32) Join(parts ...string) string {
	nonEmpty := make([]string, 0, len(parts))
	for _, p := range parts {
		if p != "" {
			nonEmpty = append(nonEmpty, p)
		}
	}
	if len(nonEmpty) == 0 {
		return "."
	}
	return w.Normalize(strings.Join(nonEmpty, `\`))
}

// Resolve works back from the last part until it has an absolute path on one device, continuing to
// the process's working directory as Node does; parts on another device than the one found are skipped.
func (w Win32) Resolve(parts ...string) string {
	device, tail, abs := "", "", false
	for i := len(parts) - 1; i >= -1 && !(abs && device != ""); i-- {
		p := cwd()
		if i >= 0 {
			p = parts[i]
		}
		if p == "" {
			continue
		}
		root, rootAbs := winRoot(p)
		d := winDevice(root)
		if d != "" && device != "" && !strings.EqualFold(d, device) {
			continue
		}
		if device == "" {
			device = d
		}
		if !abs {
			tail = p[len(root):] + `\` + tail
			abs = rootAbs
		}
	}
	out := normalizeSegments(tail, '\\', isWinSep, !abs)
	switch {
	case abs:
		return device + `\` + out
	case device+out == "":
		return "."
	}
	return device + out
}

// winDevice is the device part of a root: "C:", "\\server\share", or "" for none.
func winDevice(root string) string {
	switch {
	case len(root) > 2 && isWinSep(root[0]) && isWinSep(root[1]):
		return strings.TrimRight(strings.ReplaceAll(root, "/", `\`), `\`)
	case len(root) >= 2 && root[1] == ':':
		return root[:2]
	}
	return ""
}

// Dirname is path.win32.dirname: the root for a top-level path, "." for a bare name.
func (Win32) Dirname(p string) string {
	if p == "" {
		return "."
	}
	root, _ := winRoot(p)
	rest := p[len(root):]
	end := len(rest)
	for end > 0 && isWinSep(rest[end-1]) {
		end--
	}
	i := strings.LastIndexAny(rest[:end], `/\`)
	switch {
	case i >= 0:
		for i > 0 && isWinSep(rest[i-1]) {
			i--
		}
		if i == 0 {
			return root
		}
		return root + rest[:i]
	case root != "":
		return root
	}
	return "."
}

// Basename is the last segment after the root, minus ext as in the POSIX Basename.
func (Win32) Basename(p, ext string) string {
	root, _ := winRoot(p)
	return trimExt(p, lastSegment(p[len(root):], isWinSep), ext)
}

// Extname is the extension of the last segment after the root.
func (Win32) Extname(p string) string {
	root, _ := winRoot(p)
	return extOf(lastSegment(p[len(root):], isWinSep))
}

// ToNamespacedPath is path.win32.toNamespacedPath: p resolved, as a long path ("\\?\C:\x",
// "\\?\UNC\server\share") when it is on a drive or a UNC share. An empty p stays empty.
func (w Win32) ToNamespacedPath(p string) string {
	if p == "" {
		return p
	}
	r := w.Resolve(p)
	if len(r) <= 2 {
		return p
	}
	switch {
	case r[0] == '\\':
		if r[1] == '\\' && r[2] != '?' && r[2] != '.' {
			return `\\?\UNC\` + r[2:]
		}
	case isDriveLetter(r[0]) && r[1] == ':' && r[2] == '\\':
		return `\\?\` + r
	}
	return r
}
