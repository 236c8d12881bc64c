package path

import (
	"regexp"
	"strings"
	"unicode"
)

// MatchesGlob reports whether path matches the glob pattern as Node 20's path.matchesGlob does: with
// minimatch's rules and Node's options (case-sensitive, dot files matched only by a literal dot, no
// negation or comments, backslashes as separators rather than escapes, optimisation level 2). The
// pattern may use braces ({a,b}, {1..3}), *, ?, ** for any number of directories, classes ([a-z],
// [!x], [[:alpha:]]) and extglobs (@(a|b), ?(..), *(..), +(..), !(..)). windows selects
// path.win32.matchesGlob, for which backslashes in path separate too and drive letters compare
// without case.
func MatchesGlob(path, pattern string, windows bool) bool {
	pattern = strings.ReplaceAll(pattern, `\`, "/")
	if pattern == "" {
		return path == ""
	}
	if windows {
		path = strings.ReplaceAll(path, `\`, "/")
	}
	var sets [][]string
	for _, p := range braceExpand(pattern) {
		sets = append(sets, slashSplit(p, windows))
	}
	file := optimizeFile(slashSplit(path, windows))
	for _, parts := range preprocess(sets) {
		segments := make([]segment, len(parts))
		for i, p := range parts {
			// A drive ("C:") stays a literal.
			if windows && i == 0 && isDrive(p) {
				segments[i] = segment{literal: p}
				continue
			}
			segments[i] = compileSegment(p)
		}
		if matchOne(file, segments, windows) {
			return true
		}
	}
	return false
}

var driveRE = regexp.MustCompile(`^[a-zA-Z]:$`)

func isDrive(s string) bool { return driveRE.MatchString(s) }

// slashSplit splits at runs of slashes; on Windows a leading "//host" keeps its empty first parts.
func slashSplit(p string, windows bool) []string {
	parts := regexp.MustCompile(`/+`).Split(p, -1)
	if windows && strings.HasPrefix(p, "//") && len(p) > 2 && p[2] != '/' {
		return append([]string{""}, parts...)
	}
	return parts
}

// optimizeFile drops the "." and empty segments inside a path (not its first or last) and folds
// "dir/..", as minimatch does to the path it matches.
func optimizeFile(parts []string) []string {
	for changed := true; changed; {
		changed = false
		for i := 1; i < len(parts)-1; i++ {
			if i == 1 && parts[i] == "" && parts[0] == "" {
				continue
			}
			if parts[i] == "." || parts[i] == "" {
				parts = append(parts[:i], parts[i+1:]...)
				i--
				changed = true
			}
		}
		if len(parts) == 2 && parts[0] == "." && (parts[1] == "." || parts[1] == "") {
			parts = parts[:1]
			changed = true
		}
		for dd := indexFrom(parts, "..", 1); dd != -1; dd = indexFrom(parts, "..", dd+1) {
			if p := parts[dd-1]; p != "" && p != "." && p != ".." && p != "**" {
				parts = append(parts[:dd-1], parts[dd+1:]...)
				dd -= 2
				changed = true
			}
		}
	}
	if len(parts) == 0 {
		return []string{""}
	}
	return parts
}

// preprocess is minimatch's first-phase optimisation of the split patterns: "**/**" becomes "**",
// "**/../p/q" also tries "../p/q", "." and empty inner segments go, and "p/.." folds away.
func preprocess(sets [][]string) [][]string {
	for changed := true; changed; {
		changed = false
		for si := 0; si < len(sets); si++ {
			parts := sets[si]
			for gs := indexFrom(parts, "**", 0); gs != -1; gs = indexFrom(parts, "**", gs+1) {
				gss := gs
				for gss+1 < len(parts) && parts[gss+1] == "**" {
					gss++
				}
				if gss > gs {
					parts = append(parts[:gs+1], parts[gss+1:]...)
				}
				if at(parts, gs+1) != ".." {
					continue
				}
				p, p2 := at(parts, gs+2), at(parts, gs+3)
				if p == "" || p == "." || p == ".." || p2 == "" || p2 == "." || p2 == ".." {
					continue
				}
				changed = true
				parts = append(parts[:gs], parts[gs+1:]...)
				other := append([]string(nil), parts...)
				other[gs] = "**"
				sets = append(sets, other)
				gs--
			}
			for i := 1; i < len(parts)-1; i++ {
				if i == 1 && parts[i] == "" && parts[0] == "" {
					continue
				}
				if parts[i] == "." || parts[i] == "" {
					changed = true
					parts = append(parts[:i], parts[i+1:]...)
					i--
				}
			}
			if len(parts) == 2 && parts[0] == "." && (parts[1] == "." || parts[1] == "") {
				changed = true
				parts = parts[:1]
			}
			for dd := indexFrom(parts, "..", 1); dd != -1; dd = indexFrom(parts, "..", dd+1) {
				p := parts[dd-1]
				if p == "" || p == "." || p == ".." || p == "**" {
					continue
				}
				changed = true
				var keep []string
				if dd == 1 && at(parts, dd+1) == "**" {
					keep = []string{"."}
				}
				parts = append(append(append([]string(nil), parts[:dd-1]...), keep...), parts[dd+1:]...)
				if len(parts) == 0 {
					parts = []string{""}
				}
				dd -= 2
			}
			sets[si] = parts
		}
	}
	return sets
}

func at(parts []string, i int) string {
	if i < len(parts) {
		return parts[i]
	}
	return ""
}

func indexFrom(parts []string, s string, from int) int {
	for i := max(from, 0); i < len(parts); i++ {
		if parts[i] == s {
			return i
		}
	}
	return -1
}

// matchOne matches a path's segments against a pattern's, as minimatch's matchOne does: "**"
// takes any number of segments but never one starting with a dot, and a path ending in a slash
// matches a pattern without it.
func matchOne(file []string, pattern []segment, windows bool) bool {
	if windows && len(file) > 0 && len(pattern) > 0 && isDrive(file[0]) && pattern[0].literal != "" &&
		isDrive(pattern[0].literal) && strings.EqualFold(file[0], pattern[0].literal) {
		pattern = append([]segment{{literal: file[0]}}, pattern[1:]...)
	}
	fi, pi := 0, 0
	for ; fi < len(file) && pi < len(pattern); fi, pi = fi+1, pi+1 {
		p, f := pattern[pi], file[fi]
		if p.globstar {
			if pi+1 == len(pattern) {
				for ; fi < len(file); fi++ {
					if strings.HasPrefix(file[fi], ".") {
						return false
					}
				}
				return true
			}
			for fr := fi; fr < len(file); fr++ {
				if matchOne(file[fr:], pattern[pi+1:], false) {
					return true
				}
				if strings.HasPrefix(file[fr], ".") {
					break
				}
			}
			return false
		}
		if !p.match(f) {
			return false
		}
	}
	switch {
	case fi == len(file) && pi == len(pattern):
		return true
	case fi == len(file):
		return false
	default:
		return fi == len(file)-1 && file[fi] == ""
	}
}

// segment is one compiled segment of a pattern: "**", a literal, or glob nodes.
type segment struct {
	globstar bool
	literal  string // when the segment has no glob characters
	nodes    []node
	// nonEmpty: the segment is only stars, which match at least one character.
	nonEmpty bool
	// noTraversal: the segment starts with "." or ".." and a wildcard, which do not match "." or "..".
	noTraversal bool
}

func (s segment) match(f string) bool {
	if s.nodes == nil {
		return f == s.literal
	}
	if s.noTraversal && (f == "." || f == "..") {
		return false
	}
	if s.nonEmpty && f == "" {
		return false
	}
	return matchNodes(s.nodes, []rune(f), 0, nil)
}

type nodeKind int

const (
	literalNode nodeKind = iota
	anyNode              // ?
	starNode             // *
	classNode            // [...]
	extNode              // @(..) ?(..) *(..) +(..) !(..)
	endNode              // matches at the index r only: the end of a repetition
)

type node struct {
	kind  nodeKind
	r     rune
	class func(rune) bool
	ext   byte
	alts  [][]node
	// noDot: the node starts the segment and, being a wildcard, does not match a leading dot.
	noDot bool
	// leading: a negated extglob with only negated extglobs before it in its segment.
	leading bool
	// plus: a star that matches at least one character.
	plus bool
}

func compileSegment(p string) segment {
	if p == "**" {
		return segment{globstar: true}
	}
	nodes, magic := parseGlob([]rune(p))
	if !magic {
		literal := make([]rune, len(nodes))
		for i, n := range nodes {
			literal[i] = n.r
		}
		return segment{literal: string(literal)}
	}
	// An extglob that is the whole segment: minimatch makes a first alternative of stars alone
	// match at least one character.
	if len(nodes) == 1 && nodes[0].kind == extNode && len(nodes[0].alts) > 0 {
		if alt := nodes[0].alts[0]; len(alt) == 1 && alt[0].kind == starNode {
			alt[0].plus = true
		}
	}
	markStart(nodes)
	for i := 0; i < len(nodes) && nodes[i].kind == extNode && nodes[i].ext == '!'; i++ {
		nodes[i].leading = true
	}
	return segment{nodes: nodes, nonEmpty: strings.Trim(p, "*") == "", noTraversal: dotsThenWildcard(nodes)}
}

// dotsThenWildcard reports whether nodes start with one or two literal dots and then a wildcard.
func dotsThenWildcard(nodes []node) bool {
	isDot := func(i int) bool { return i < len(nodes) && nodes[i].kind == literalNode && nodes[i].r == '.' }
	isWild := func(i int) bool {
		return i < len(nodes) && (nodes[i].kind == anyNode || nodes[i].kind == starNode || nodes[i].kind == classNode)
	}
	return isDot(0) && (isWild(1) || (isDot(1) && isWild(2)))
}

// markStart marks the wildcards that can start a segment, which do not match a leading dot: the
// first node, or the first nodes of the alternatives of an extglob that starts it. A negated
// extglob there does not match a leading dot at all.
func markStart(nodes []node) {
	if len(nodes) == 0 {
		return
	}
	switch n := &nodes[0]; n.kind {
	case anyNode, starNode, classNode:
		n.noDot = true
	case extNode:
		if n.ext == '!' {
			n.noDot = true
			return
		}
		for _, alt := range n.alts {
			markStart(alt)
		}
	}
}

// parseGlob parses a segment into nodes and reports whether it has any glob syntax.
func parseGlob(p []rune) ([]node, bool) {
	nodes, _, magic := parseNodes(p, 0, false)
	return nodes, magic
}

// parseNodes parses from i until the end or, inside an extglob, its '|' or ')'.
func parseNodes(p []rune, i int, inExt bool) ([]node, int, bool) {
	var nodes []node
	magic := false
	for i < len(p) {
		c := p[i]
		if inExt && (c == '|' || c == ')') {
			return nodes, i, magic
		}
		if strings.ContainsRune("@?*+!", c) && i+1 < len(p) && p[i+1] == '(' {
			if alts, end, ok := parseExt(p, i+2); ok {
				nodes = append(nodes, node{kind: extNode, ext: byte(c), alts: alts})
				magic = true
				i = end
				continue
			}
		}
		switch c {
		case '?':
			nodes = append(nodes, node{kind: anyNode})
			magic = true
		case '*':
			if len(nodes) == 0 || nodes[len(nodes)-1].kind != starNode {
				nodes = append(nodes, node{kind: starNode})
			}
			magic = true
		case '[':
			if class, end, ok := parseClass(p, i); ok {
				if r, single := singleMember(p[i+1:end-1], false); single && p[i+1] != '!' && p[i+1] != '^' {
					nodes = append(nodes, node{kind: literalNode, r: r})
				} else {
					nodes = append(nodes, node{kind: classNode, class: class})
					magic = true
				}
				i = end
				continue
			}
			nodes = append(nodes, node{kind: literalNode, r: c})
		default:
			nodes = append(nodes, node{kind: literalNode, r: c})
		}
		i++
	}
	return nodes, i, magic
}

// parseExt parses an extglob's alternatives from i (after its '('); ok is false when it is not
// closed, in which case it is literal text.
func parseExt(p []rune, i int) ([][]node, int, bool) {
	var alts [][]node
	for {
		nodes, end, _ := parseNodes(p, i, true)
		if end >= len(p) {
			return nil, 0, false
		}
		alts = append(alts, nodes)
		if p[end] == ')' {
			return alts, end + 1, true
		}
		i = end + 1
	}
}

var posixClasses = map[string]func(rune) bool{
	"alnum":  func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) },
	"alpha":  unicode.IsLetter,
	"ascii":  func(r rune) bool { return r < 0x80 },
	"blank":  func(r rune) bool { return r == ' ' || r == '\t' || unicode.In(r, unicode.Zs) },
	"cntrl":  unicode.IsControl,
	"digit":  unicode.IsDigit,
	"graph":  func(r rune) bool { return unicode.IsGraphic(r) && !unicode.IsSpace(r) },
	"lower":  unicode.IsLower,
	"print":  unicode.IsPrint,
	"punct":  unicode.IsPunct,
	"space":  unicode.IsSpace,
	"upper":  unicode.IsUpper,
	"word":   func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_' },
	"xdigit": func(r rune) bool { return strings.ContainsRune("0123456789abcdefABCDEF", r) },
}

// parseClass parses a bracket expression at i ('['): ranges, negation with '!' or '^', a leading
// ']' as a member, POSIX classes; ok is false when it is not closed.
func parseClass(p []rune, i int) (func(rune) bool, int, bool) {
	j := i + 1
	negate := false
	if j < len(p) && (p[j] == '!' || p[j] == '^') {
		negate = true
		j++
	}
	var tests []func(rune) bool
	first := true
	for ; j < len(p); j++ {
		c := p[j]
		if c == ']' && !first {
			if single, ok := singleMember(p[i+1:j], negate); ok {
				only := single
				return func(r rune) bool { return r == only }, j + 1, true
			}
			test := func(r rune) bool {
				for _, t := range tests {
					if t(r) {
						return !negate
					}
				}
				return negate
			}
			return test, j + 1, true
		}
		first = false
		if c == '[' && j+1 < len(p) && p[j+1] == ':' {
			if end := strings.Index(string(p[j+2:]), ":]"); end >= 0 {
				name := string(p[j+2:])[:end]
				if class, ok := posixClasses[name]; ok {
					tests = append(tests, class)
					j += 2 + len([]rune(name)) + 1
					continue
				}
			}
		}
		if j+2 < len(p) && p[j+1] == '-' && p[j+2] != ']' {
			lo, hi := c, p[j+2]
			tests = append(tests, func(r rune) bool { return lo <= r && r <= hi })
			j += 2
			continue
		}
		tests = append(tests, func(r rune) bool { return r == c })
	}
	return nil, 0, false
}

// singleMember is the one character of a class like "[.]", which minimatch takes as that literal
// character (so a leading "[.]" matches a leading dot).
func singleMember(body []rune, negate bool) (rune, bool) {
	if negate || len(body) != 1 {
		return 0, false
	}
	return body[0], true
}

// matchNodes matches s[i:] against nodes followed by rest (the nodes after an enclosing extglob).
func matchNodes(nodes []node, s []rune, i int, rest *continuation) bool {
	if len(nodes) == 0 {
		if rest == nil {
			return i == len(s)
		}
		return matchNodes(rest.nodes, s, i, rest.next)
	}
	n, tail := nodes[0], nodes[1:]
	if n.noDot && i == 0 && len(s) > 0 && s[0] == '.' {
		return false
	}
	switch n.kind {
	case literalNode:
		return i < len(s) && s[i] == n.r && matchNodes(tail, s, i+1, rest)
	case anyNode:
		return i < len(s) && matchNodes(tail, s, i+1, rest)
	case classNode:
		return i < len(s) && n.class(s[i]) && matchNodes(tail, s, i+1, rest)
	case endNode:
		return i == int(n.r)
	case starNode:
		from := i
		if n.plus {
			from++
		}
		for j := from; j <= len(s); j++ {
			if matchNodes(tail, s, j, rest) {
				return true
			}
		}
		return false
	default:
		after := &continuation{nodes: tail, next: rest}
		return matchExt(n, s, i, after)
	}
}

// continuation is what must match after the current nodes.
type continuation struct {
	nodes []node
	next  *continuation
}

func matchExt(n node, s []rune, i int, after *continuation) bool {
	anyAlt := func(i int, then *continuation) bool {
		for _, alt := range n.alts {
			if matchNodes(alt, s, i, then) {
				return true
			}
		}
		return false
	}
	switch n.ext {
	case '@':
		return anyAlt(i, after)
	case '?':
		return matchNodes(nil, s, i, after) || anyAlt(i, after)
	case '+', '*':
		// One (or, for *, zero) or more repetitions, each taking at least one character; an
		// alternative that matches nothing makes + like *.
		optional := n.ext == '*' || matchesExactlyAt(n, s, i, i)
		var repeat func(i int, count int) bool
		repeat = func(i int, count int) bool {
			if (count > 0 || optional) && matchNodes(nil, s, i, after) {
				return true
			}
			for j := i + 1; j <= len(s); j++ {
				if matchesExactlyAt(n, s, i, j) && repeat(j, count+1) {
					return true
				}
			}
			return false
		}
		return repeat(i, 0)
	default: // '!': anything, unless an alternative followed by the rest matches here.
		// For a negation that leads its segment, minimatch's lookahead takes a rest of stars alone
		// as at least one character.
		if n.leading && onlyStars(after) {
			for _, alt := range n.alts {
				for k := i; k < len(s); k++ {
					if matchNodes(alt, s, i, &continuation{nodes: []node{{kind: endNode, r: rune(k)}}}) {
						return false
					}
				}
			}
		} else if anyAlt(i, after) {
			return false
		}
		for j := i; j <= len(s); j++ {
			if matchNodes(nil, s, j, after) {
				return true
			}
		}
		return false
	}
}

// onlyStars reports whether what follows is stars only, up to the segment's end.
func onlyStars(c *continuation) bool {
	if c == nil {
		return false
	}
	stars := 0
	for ; c != nil; c = c.next {
		for _, n := range c.nodes {
			if n.kind != starNode {
				return false
			}
			stars++
		}
	}
	return stars > 0
}

// matchesExactly reports whether some alternative of n matches all of s.
func matchesExactly(n node, s []rune) bool { return matchesExactlyAt(n, s, 0, len(s)) }

// matchesExactlyAt reports whether some alternative of n matches s[i:j], where i is the position in
// the segment (so that a start-of-segment wildcard sees it).
func matchesExactlyAt(n node, s []rune, i, j int) bool {
	end := &continuation{nodes: []node{{kind: endNode, r: rune(j)}}}
	for _, alt := range n.alts {
		if matchNodes(alt, s, i, end) {
			return true
		}
	}
	return false
}
