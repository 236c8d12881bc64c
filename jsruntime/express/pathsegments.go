package express

import "strings"

// pathSegment is one "/"-separated part of a route path: literal text, or a ":name" parameter.
type pathSegment struct {
	literal string // with its leading "/"; empty for a parameter
	param   bool
}

// paramSegments splits a non-strict path-to-regexp 0.1 path made only of literal segments (the
// characters isLiteralPath accepts) and whole-segment ":name" parameters into its segments, or
// returns nil for any other path. path-to-regexp turns such a path into
// `^/lit(?:/([^/]+?))…/?$`, which matchSegments evaluates without a regular expression: each
// parameter captures a whole non-empty segment.
func paramSegments(path string) []pathSegment {
	if len(path) < 2 || path[0] != '/' || path[len(path)-1] == '/' {
		return nil
	}
	var segs []pathSegment
	params := 0
	for _, part := range strings.Split(path[1:], "/") {
		switch {
		case part == "":
			return nil
		case part[0] == ':':
			if !isParamName(part[1:]) {
				return nil
			}
			segs = append(segs, pathSegment{param: true})
			params++
		case isLiteralPath(part):
			if n := len(segs); n > 0 && !segs[n-1].param {
				segs[n-1].literal += "/" + part
			} else {
				segs = append(segs, pathSegment{literal: "/" + part})
			}
		default:
			return nil
		}
	}
	if params == 0 {
		return nil
	}
	return segs
}

// isParamName reports whether s is a whole path-to-regexp 0.1 parameter name (\w+).
func isParamName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// matchSegments matches path against pm.segments as the regular expression would.
func (pm *pathMatcher) matchSegments(path string, caps []capture) (string, []capture, bool) {
	n := 0
	start := len(caps)
	for _, seg := range pm.segments {
		if !seg.param {
			if !pm.hasPrefix(path[n:], seg.literal) {
				return "", caps[:start], false
			}
			n += len(seg.literal)
			continue
		}
		if n >= len(path) || path[n] != '/' {
			return "", caps[:start], false
		}
		end := strings.IndexByte(path[n+1:], '/')
		if end < 0 {
			end = len(path) - n - 1
		}
		if end == 0 {
			return "", caps[:start], false
		}
		caps = append(caps, capture{val: path[n+1 : n+1+end], ok: true})
		n += 1 + end
	}
	matched, caps, ok := pm.matchTail(path, n, caps)
	if !ok {
		return "", caps[:start], false
	}
	return matched, caps, true
}
