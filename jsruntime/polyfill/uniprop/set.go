package uniprop

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// span is the code points lo through hi.
type span struct{ lo, hi rune }

// set is a set of code points: sorted, disjoint, non-adjacent spans.
type set []span

// fromTables is the union of Go's range tables.
func fromTables(tables ...*unicode.RangeTable) set {
	var s set
	for _, t := range tables {
		for _, r := range t.R16 {
			s = appendStrided(s, rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
		for _, r := range t.R32 {
			s = appendStrided(s, rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
	}
	return normalize(s)
}

func appendStrided(s set, lo, hi, stride rune) set {
	if stride == 1 {
		return append(s, span{lo, hi})
	}
	for r := lo; r <= hi; r += stride {
		s = append(s, span{r, r})
	}
	return s
}

// normalize sorts s and merges its overlapping and adjacent spans.
func normalize(s set) set {
	slices.SortFunc(s, func(a, b span) int { return int(a.lo - b.lo) })
	out := s[:0]
	for _, sp := range s {
		if n := len(out); n > 0 && sp.lo <= out[n-1].hi+1 {
			out[n-1].hi = max(out[n-1].hi, sp.hi)
			continue
		}
		out = append(out, sp)
	}
	return out
}

func union(sets ...set) set {
	var s set
	for _, x := range sets {
		s = append(s, x...)
	}
	return normalize(s)
}

// complement is every code point, U+0000 through U+10FFFF, not in s.
func (s set) complement() set {
	var out set
	next := rune(0)
	for _, sp := range s {
		if sp.lo > next {
			out = append(out, span{next, sp.lo - 1})
		}
		next = sp.hi + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, span{next, unicode.MaxRune})
	}
	return out
}

// minus is the code points of s not in any of others.
func (s set) minus(others ...set) set {
	return intersect(s, union(others...).complement())
}

func intersect(a, b set) set {
	var out set
	for i, j := 0, 0; i < len(a) && j < len(b); {
		lo, hi := max(a[i].lo, b[j].lo), min(a[i].hi, b[j].hi)
		if lo <= hi {
			out = append(out, span{lo, hi})
		}
		if a[i].hi < b[j].hi {
			i++
		} else {
			j++
		}
	}
	return out
}

// classBody writes s as the inside of a u-mode character class: \u{…} escapes, which goja's
// translation hands to both of its engines (Go's regexp and regexp2) as code points, astral ones and
// lone surrogates included.
func (s set) classBody() string {
	var b strings.Builder
	b.Grow(len(s) * 18)
	for _, sp := range s {
		writeEscape(&b, sp.lo)
		if sp.hi != sp.lo {
			if sp.hi > sp.lo+1 {
				b.WriteByte('-')
			}
			writeEscape(&b, sp.hi)
		}
	}
	return b.String()
}

func writeEscape(b *strings.Builder, r rune) {
	b.WriteString(`\u{`)
	b.WriteString(strconv.FormatInt(int64(r), 16))
	b.WriteByte('}')
}
