package path

import "strings"

// Parse is path.win32.parse: root (a drive, a UNC share or a separator), dir, base, ext and name.
func (Win32) Parse(p string) Parsed {
	var r Parsed
	if p == "" {
		return r
	}
	if len(p) == 1 {
		if isWinSep(p[0]) {
			r.Root, r.Dir = p, p
			return r
		}
		r.Base, r.Name = p, p
		return r
	}
	rootEnd := winParseRootEnd(p)
	if rootEnd < 0 {
		// The whole path is a drive root ("C:" or "C:\").
		r.Root, r.Dir = p, p
		return r
	}
	r.Root = p[:rootEnd]
	// The last segment after the root, without trailing separators, and its extension.
	end := len(p)
	for end > rootEnd && isWinSep(p[end-1]) {
		end--
	}
	start := end
	for start > rootEnd && !isWinSep(p[start-1]) {
		start--
	}
	if end > start {
		r.Base = p[start:end]
		r.Ext = extOf(r.Base)
		r.Name = r.Base[:len(r.Base)-len(r.Ext)]
	}
	if start > 0 && start != rootEnd {
		r.Dir = p[:start-1]
	} else {
		r.Dir = r.Root
	}
	return r
}

// winParseRootEnd is where path.win32.parse's root ends, or -1 when p is a whole drive root.
func winParseRootEnd(p string) int {
	switch {
	case isWinSep(p[0]):
		if !isWinSep(p[1]) {
			return 1
		}
		// \\server\share\ : the root only when both names are there.
		j := 2
		for j < len(p) && !isWinSep(p[j]) {
			j++
		}
		if j == len(p) || j == 2 {
			return 1
		}
		last := j
		for j < len(p) && isWinSep(p[j]) {
			j++
		}
		if j == len(p) || j == last {
			return 1
		}
		last = j
		for j < len(p) && !isWinSep(p[j]) {
			j++
		}
		switch {
		case j == len(p):
			return j
		case j != last:
			return j + 1
		}
		return 1
	case isDriveLetter(p[0]) && p[1] == ':':
		if len(p) <= 2 || (isWinSep(p[2]) && len(p) == 3) {
			return -1
		}
		if isWinSep(p[2]) {
			return 3
		}
		return 2
	}
	return 0
}

// Format is path.win32.format: dir (or root) and base (or name and ext) joined with '\'.
func (Win32) Format(f Parsed) string { return formatWith(f, `\`) }

// Relative is path.win32.relative: the path from from to to, both resolved, compared without case;
// to itself when they share no root.
func (w Win32) Relative(from, to string) string {
	if from == to {
		return ""
	}
	fromOrig, toOrig := w.Resolve(from), w.Resolve(to)
	if fromOrig == toOrig {
		return ""
	}
	fromLower, toLower := strings.ToLower(fromOrig), strings.ToLower(toOrig)
	if fromLower == toLower {
		return ""
	}
	if len(fromLower) != len(fromOrig) || len(toLower) != len(toOrig) {
		return relativeBySegments(fromOrig, toOrig)
	}
	from, to = fromLower, toLower
	fromStart, fromEnd := trimBackslashes(from)
	toStart, toEnd := trimBackslashes(to)
	fromLen, toLen := fromEnd-fromStart, toEnd-toStart
	length := min(fromLen, toLen)
	lastCommonSep := -1
	i := 0
	for ; i < length; i++ {
		c := from[fromStart+i]
		if c != to[toStart+i] {
			break
		}
		if c == '\\' {
			lastCommonSep = i
		}
	}
	if i != length {
		if lastCommonSep == -1 {
			return toOrig
		}
	} else {
		if toLen > length {
			if to[toStart+i] == '\\' {
				// from is the exact base of to.
				return toOrig[toStart+i+1:]
			}
			if i == 2 {
				// from is a device root.
				return toOrig[toStart+i:]
			}
		}
		if fromLen > length {
			if from[fromStart+i] == '\\' {
				lastCommonSep = i
			} else if i == 2 {
				lastCommonSep = 3
			}
		}
		if lastCommonSep == -1 {
			lastCommonSep = 0
		}
	}
	out := ""
	for i = fromStart + lastCommonSep + 1; i <= fromEnd; i++ {
		if i == fromEnd || from[i] == '\\' {
			if out == "" {
				out = ".."
			} else {
				out += `\..`
			}
		}
	}
	toStart += lastCommonSep
	if out != "" {
		return out + toOrig[toStart:toEnd]
	}
	if toOrig[toStart] == '\\' {
		toStart++
	}
	return toOrig[toStart:toEnd]
}

// trimBackslashes is s's span without leading backslashes and without trailing ones (which only a
// UNC root keeps), keeping at least one character after the start.
func trimBackslashes(s string) (start, end int) {
	for start < len(s) && s[start] == '\\' {
		start++
	}
	end = len(s)
	for end-1 > start && s[end-1] == '\\' {
		end--
	}
	return start, end
}

// relativeBySegments is Relative for paths whose lower-casing changes their length: it compares the
// segments one by one.
func relativeBySegments(fromOrig, toOrig string) string {
	fromSplit, toSplit := strings.Split(fromOrig, `\`), strings.Split(toOrig, `\`)
	if fromSplit[len(fromSplit)-1] == "" {
		fromSplit = fromSplit[:len(fromSplit)-1]
	}
	if toSplit[len(toSplit)-1] == "" {
		toSplit = toSplit[:len(toSplit)-1]
	}
	length := min(len(fromSplit), len(toSplit))
	i := 0
	for ; i < length; i++ {
		if strings.ToLower(fromSplit[i]) != strings.ToLower(toSplit[i]) {
			break
		}
	}
	switch {
	case i == 0:
		return toOrig
	case i == length:
		if len(toSplit) > length {
			return strings.Join(toSplit[i:], `\`)
		}
		if len(fromSplit) > length {
			return strings.Repeat(`..\`, len(fromSplit)-1-i) + ".."
		}
		return ""
	}
	return strings.Repeat(`..\`, len(fromSplit)-i) + strings.Join(toSplit[i:], `\`)
}
