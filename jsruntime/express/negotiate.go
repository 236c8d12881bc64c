package express

import (
	"strconv"
	"strings"
)

// negotiate picks among offered media types by the Accept header, as negotiator does for
// res.format: highest quality, then specificity, then offer order. No Accept header accepts the
// first offer; no acceptable offer gives "".
func negotiate(accept []string, offers []string) string {
	header := strings.Join(accept, ",")
	if strings.TrimSpace(header) == "" {
		return offers[0]
	}
	type rng struct {
		typ, sub string
		q        float64
		idx      int
	}
	var ranges []rng
	for i, part := range strings.Split(header, ",") {
		fields := strings.Split(part, ";")
		mt := strings.ToLower(strings.TrimSpace(fields[0]))
		typ, sub, ok := strings.Cut(mt, "/")
		if !ok {
			continue
		}
		q := 1.0
		for _, p := range fields[1:] {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(k, "q") {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					q = f
				}
			}
		}
		ranges = append(ranges, rng{typ, sub, q, i})
	}
	best, bestQ, bestS, bestI := "", 0.0, -1, 0
	for oi, offer := range offers {
		typ, sub, _ := strings.Cut(offer, "/")
		q, s, idx := -1.0, -1, 0
		for _, r := range ranges {
			spec := 0
			switch {
			case r.typ == typ && r.sub == sub:
				spec = 2
			case r.typ == typ && r.sub == "*":
				spec = 1
			case r.typ == "*" && r.sub == "*":
				spec = 0
			default:
				continue
			}
			if spec > s || spec == s && r.q > q {
				q, s, idx = r.q, spec, r.idx
			}
		}
		if q <= 0 {
			continue
		}
		if best == "" || q > bestQ || q == bestQ && (s > bestS || s == bestS && idx < bestI) {
			best, bestQ, bestS, bestI = offers[oi], q, s, idx
		}
	}
	return best
}
