package path

import (
	"regexp"
	"strconv"
	"strings"
)

// braceExpand expands a pattern's braces as minimatch's brace-expansion does: comma lists (nested),
// numeric and alphabetic sequences with an optional step and zero padding; an unbalanced or
// single-element brace stays literal.
func braceExpand(str string) []string {
	if strings.HasPrefix(str, "{}") {
		str = "\x00{\x00}" + str[2:]
	}
	out := expandBraces(str, true)
	for i, s := range out {
		out[i] = strings.NewReplacer("\x00{", "{", "\x00}", "}", "\x00,", ",").Replace(s)
	}
	return out
}

var (
	numericSeq = regexp.MustCompile(`^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$`)
	alphaSeq   = regexp.MustCompile(`^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$`)
	padded     = regexp.MustCompile(`^-?0\d`)
	lateComma  = regexp.MustCompile(`,.*\}`)
)

func expandBraces(str string, top bool) []string {
	start, end, ok := balanced(str)
	if !ok {
		return []string{str}
	}
	pre, body, postRaw := str[:start], str[start+1:end], str[end+1:]
	post := []string{""}
	if postRaw != "" {
		post = expandBraces(postRaw, false)
	}
	if strings.HasSuffix(pre, "$") {
		out := make([]string, 0, len(post))
		for _, p := range post {
			out = append(out, pre+"{"+body+"}"+p)
		}
		return out
	}
	isNumeric, isAlpha := numericSeq.MatchString(body), alphaSeq.MatchString(body)
	isSeq := isNumeric || isAlpha
	if !isSeq && !strings.Contains(body, ",") {
		// "{a}" is literal; a later comma may still belong to a brace that opened here.
		if m := lateComma.FindStringIndex(postRaw); m != nil && !strings.HasPrefix(postRaw[m[0]:], ",,") {
			return expandBraces(pre+"{"+body+"\x00}"+postRaw, true)
		}
		return []string{str}
	}
	var items []string
	if isSeq {
		items = sequence(strings.Split(body, ".."), isAlpha)
	} else {
		parts := commaParts(body)
		if len(parts) == 1 {
			inner := expandBraces(parts[0], false)
			if len(inner) == 1 {
				out := make([]string, 0, len(post))
				for _, p := range post {
					out = append(out, pre+"{"+inner[0]+"}"+p)
				}
				return out
			}
			for i := range inner {
				inner[i] = "{" + inner[i] + "}"
			}
			items = inner
		} else {
			for _, part := range parts {
				items = append(items, expandBraces(part, false)...)
			}
		}
	}
	var out []string
	for _, item := range items {
		for _, p := range post {
			if e := pre + item + p; !top || isSeq || e != "" {
				out = append(out, e)
			}
		}
	}
	return out
}

// balanced finds the first balanced {...} pair, as balanced-match does.
func balanced(s string) (start, end int, ok bool) {
	ai := strings.IndexByte(s, '{')
	if ai < 0 {
		return 0, 0, false
	}
	bi := strings.IndexByte(s[ai+1:], '}')
	if bi < 0 {
		return 0, 0, false
	}
	bi += ai + 1
	var begs []int
	left, right := len(s), -1
	i := ai
	for i >= 0 {
		if i == ai {
			begs = append(begs, i)
			ai = nextIndex(s, '{', i+1)
		} else if len(begs) == 1 {
			return begs[0], bi, true
		} else {
			beg := begs[len(begs)-1]
			begs = begs[:len(begs)-1]
			if beg < left {
				left, right = beg, bi
			}
			bi = nextIndex(s, '}', i+1)
		}
		if ai < bi && ai >= 0 {
			i = ai
		} else {
			i = bi
		}
	}
	if len(begs) > 0 && right >= 0 {
		return left, right, true
	}
	return 0, 0, false
}

func nextIndex(s string, c byte, from int) int {
	if from > len(s) {
		return -1
	}
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return i + from
	}
	return -1
}

// commaParts splits a brace body at its top-level commas.
func commaParts(str string) []string {
	if str == "" {
		return []string{""}
	}
	start, end, ok := balanced(str)
	if !ok {
		return strings.Split(str, ",")
	}
	pre, body, post := str[:start], str[start+1:end], str[end+1:]
	p := strings.Split(pre, ",")
	p[len(p)-1] += "{" + body + "}"
	if post != "" {
		postParts := commaParts(post)
		p[len(p)-1] += postParts[0]
		p = append(p, postParts[1:]...)
	}
	return p
}

// sequence expands the parts of x..y[..step].
func sequence(n []string, alpha bool) []string {
	num := func(s string) int {
		if v, err := strconv.Atoi(s); err == nil {
			return v
		}
		return int([]rune(s)[0])
	}
	x, y := num(n[0]), num(n[1])
	width := max(len(n[0]), len(n[1]))
	incr := 1
	if len(n) == 3 {
		incr = max(num(n[2]), -num(n[2]))
		if incr == 0 {
			incr = 1
		}
	}
	reverse := y < x
	if reverse {
		incr = -incr
	}
	pad := padded.MatchString(n[0]) || padded.MatchString(n[1]) || (len(n) == 3 && padded.MatchString(n[2]))
	var out []string
	for i := x; (!reverse && i <= y) || (reverse && i >= y); i += incr {
		if alpha {
			c := string(rune(i))
			if c == `\` {
				c = ""
			}
			out = append(out, c)
			continue
		}
		c := strconv.Itoa(i)
		if pad {
			if need := width - len(c); need > 0 {
				z := strings.Repeat("0", need)
				if i < 0 {
					c = "-" + z + c[1:]
				} else {
					c = z + c
				}
			}
		}
		out = append(out, c)
	}
	return out
}
