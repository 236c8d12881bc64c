package conformance

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

var cookieExpires = regexp.MustCompile(`(?i)(; Expires=)[^;]+`)

// normalise rewrites the values a case declares time-dependent, identically on both sides.
func normalise(r result, c testCase) result {
	if slices.Contains(c.Volatile, "expires") && len(r.Headers["Set-Cookie"]) > 0 {
		cookies := slices.Clone(r.Headers["Set-Cookie"])
		for i, v := range cookies {
			cookies[i] = cookieExpires.ReplaceAllString(v, "${1}<time>")
		}
		r.Headers = cloneHeaders(r.Headers)
		r.Headers["Set-Cookie"] = cookies
	}
	return r
}

func cloneHeaders(h map[string][]string) map[string][]string {
	out := make(map[string][]string, len(h))
	for k, v := range h {
		out[k] = v
	}
	return out
}

// compare lists every difference between the reference (node) and our result, one line each, in a
// fixed order: outcome, status, headers (in comparedHeaders order), body.
func compare(node, ours result) []string {
	var diffs []string
	if node.Outcome != ours.Outcome {
		diffs = append(diffs, fmt.Sprintf("outcome: node %s, ours %s", describeOutcome(node.Outcome), describeOutcome(ours.Outcome)))
	}
	if node.Status != ours.Status {
		diffs = append(diffs, fmt.Sprintf("status: node %d, ours %d", node.Status, ours.Status))
	}
	for _, name := range comparedHeaders {
		a, b := node.Headers[name], ours.Headers[name]
		if !slices.Equal(a, b) {
			diffs = append(diffs, fmt.Sprintf("header %s: node %s, ours %s", name, describeHeader(a), describeHeader(b)))
		}
	}
	if string(node.Body) != string(ours.Body) {
		diffs = append(diffs, "body: "+describeBodies("node", node.Body, ours.Body))
	}
	return diffs
}

func describeOutcome(o string) string {
	if o == "" {
		return "complete response"
	}
	return o
}

func describeHeader(v []string) string {
	if v == nil {
		return "(absent)"
	}
	quoted := make([]string, len(v))
	for i, s := range v {
		quoted[i] = strconv.Quote(s)
	}
	return strings.Join(quoted, " + ")
}

// describeBodies shows the reference body (named ref) and ours around their first difference, so long
// bodies stay readable.
func describeBodies(ref string, a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return fmt.Sprintf("first difference at byte %d of %d/%d: %s %s, ours %s", i, len(a), len(b), ref, excerpt(a, i), excerpt(b, i))
}

// excerpt quotes up to 60 bytes before and 140 after offset i.
func excerpt(body []byte, i int) string {
	const before, after = 60, 140
	start, end := max(0, i-before), min(len(body), i+after)
	s := strconv.Quote(string(body[start:end]))
	if start > 0 {
		s = "…" + s
	}
	if end < len(body) {
		s += "…"
	}
	return s
}
