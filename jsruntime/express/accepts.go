package express

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// This file is negotiator 0.6.3 as accepts 1.3.8 uses it for req.accepts, acceptsCharsets,
// acceptsEncodings and acceptsLanguages. Every header kind parses into acceptSpecs; an offer's
// priority is the most specific matching spec (then the higher q, then the earlier spec); offers are
// ordered by q, specificity, spec position and offer position, and q <= 0 (or an unparsable q, NaN in
// JS) means not acceptable.

// acceptSpec is one parsed entry of an Accept-* header.
type acceptSpec struct {
	// typ and sub are a media range's halves; for the other headers typ is the charset, encoding or
	// language prefix and sub the language suffix.
	typ, sub string
	full     string            // a language's prefix-suffix
	params   map[string]string // media range parameters before q
	keys     []string          // params' keys in header order
	q        float64
	i        int
}

// priority is negotiator's {i, o, q, s} for an offer: offer index, spec index, quality, specificity.
type priority struct {
	i, o int
	q    float64
	s    int
}

// better is negotiator's test for replacing the current priority: (p.s - c.s || p.q - c.q || p.o -
// c.o) < 0, where a NaN difference counts as 0 as JS's || does.
func (p priority) better(c priority) bool {
	for _, d := range []float64{float64(p.s - c.s), p.q - c.q, float64(p.o - c.o)} {
		if d != 0 && !math.IsNaN(d) {
			return d < 0
		}
	}
	return false
}

// lessSpec is negotiator's compareSpecs(a, b) < 0: higher q, then higher s, then lower o, then lower i.
func lessSpec(a, b priority) bool {
	switch {
	case a.q != b.q:
		return a.q > b.q
	case a.s != b.s:
		return a.s > b.s
	case a.o != b.o:
		return a.o < b.o
	}
	return a.i < b.i
}

// quoteAwareSplit splits s at sep, rejoining pieces while the current one holds an odd number of
// double quotes (negotiator's splitMediaTypes / splitParameters).
func quoteAwareSplit(s string, sep byte) []string {
	raw := strings.Split(s, string(sep))
	out := raw[:1]
	for _, part := range raw[1:] {
		last := len(out) - 1
		if strings.Count(out[last], `"`)%2 == 0 {
			out = append(out, part)
		} else {
			out[last] += string(sep) + part
		}
	}
	return out
}

var mediaRangeRE = regexp.MustCompile(`^\s*([^\s/;]+)/([^;\s]+)\s*(?:;(.*))?$`)

// parseMediaRange is negotiator's parseMediaType: parameters up to q (keys lower-cased, values
// unquoted); parameters after q are dropped.
func parseMediaRange(s string, i int) (acceptSpec, bool) {
	m := mediaRangeRE.FindStringSubmatch(s)
	if m == nil {
		return acceptSpec{}, false
	}
	spec := acceptSpec{typ: m[1], sub: m[2], q: 1, i: i, params: map[string]string{}}
	if m[3] == "" {
		return spec, true
	}
	for _, p := range quoteAwareSplit(m[3], ';') {
		key, val, _ := strings.Cut(strings.TrimSpace(p), "=")
		key = strings.ToLower(key)
		if len(val) >= 2 && val[0] == '"' && val[len(val)-1] == '"' {
			val = val[1 : len(val)-1]
		}
		if key == "q" {
			spec.q = jsParseFloat(val)
			break
		}
		if _, dup := spec.params[key]; !dup {
			spec.keys = append(spec.keys, key)
		}
		spec.params[key] = val
	}
	return spec, true
}

var (
	tokenRE    = regexp.MustCompile(`^\s*([^\s;]+)\s*(?:;(.*))?$`)
	languageRE = regexp.MustCompile(`^\s*([^\s\-;]+)(?:-([^\s;]+))?\s*(?:;(.*))?$`)
)

// qParam is the q of a charset, encoding or language entry: the first parameter named exactly "q"
// (negotiator compares the name case-sensitively here), 1 when absent.
func qParam(params string) float64 {
	if params == "" {
		return 1
	}
	for _, p := range strings.Split(params, ";") {
		kv := strings.Split(strings.TrimSpace(p), "=")
		if kv[0] == "q" {
			if len(kv) < 2 {
				return math.NaN()
			}
			return jsParseFloat(kv[1])
		}
	}
	return 1
}

// parseMediaRanges parses an Accept header; a missing header is */*.
func parseMediaRanges(header string, present bool) []acceptSpec {
	if !present {
		header = "*/*"
	}
	var specs []acceptSpec
	for i, part := range quoteAwareSplit(header, ',') {
		if spec, ok := parseMediaRange(strings.TrimSpace(part), i); ok {
			specs = append(specs, spec)
		}
	}
	return specs
}

// parseTokens parses Accept-Charset (a missing header is *) or Accept-Encoding (a missing header is
// empty, and identity is added at the lowest quality seen unless some entry matches it).
func parseTokens(header string, present, encoding bool) []acceptSpec {
	if !present && !encoding {
		header = "*"
	}
	parts := strings.Split(header, ",")
	var specs []acceptSpec
	hasIdentity, minQ := false, 1.0
	for i, part := range parts {
		m := tokenRE.FindStringSubmatch(strings.TrimSpace(part))
		if m == nil {
			continue
		}
		spec := acceptSpec{typ: m[1], q: qParam(m[2]), i: i}
		specs = append(specs, spec)
		if encoding {
			hasIdentity = hasIdentity || strings.EqualFold(spec.typ, "identity") || spec.typ == "*"
			q := spec.q
			if q == 0 || math.IsNaN(q) {
				q = 1 // negotiator's `encoding.q || 1`
			}
			minQ = math.Min(minQ, q)
		}
	}
	if encoding && !hasIdentity {
		specs = append(specs, acceptSpec{typ: "identity", q: minQ, i: len(parts)})
	}
	return specs
}

// parseLanguages parses Accept-Language; a missing header is *.
func parseLanguages(header string, present bool) []acceptSpec {
	if !present {
		header = "*"
	}
	var specs []acceptSpec
	for i, part := range strings.Split(header, ",") {
		if spec, ok := parseLanguage(strings.TrimSpace(part), i); ok {
			specs = append(specs, spec)
		}
	}
	return specs
}

func parseLanguage(s string, i int) (acceptSpec, bool) {
	m := languageRE.FindStringSubmatch(s)
	if m == nil {
		return acceptSpec{}, false
	}
	spec := acceptSpec{typ: m[1], sub: m[2], full: m[1], q: qParam(m[3]), i: i}
	if m[2] != "" {
		spec.full += "-" + m[2]
	}
	return spec, true
}

// negotiation is one Accept-* header kind: how it parses and how a spec matches an offer.
type negotiation struct {
	specs []acceptSpec
	// specify returns the specificity of spec for offer, or false when spec does not match it.
	specify func(offer string, spec acceptSpec) (int, bool)
	// name is what the no-argument form lists for a spec.
	name func(spec acceptSpec) string
}

// preferred is negotiator's preferred*(): with no offers, the acceptable header entries by
// preference; with offers, the acceptable offers by preference.
func (n negotiation) preferred(offers []string, listAll bool) []string {
	if listAll {
		// compareSpecs on parsed entries, which have no s or o: the quality, then header order.
		var specs []acceptSpec
		for _, spec := range n.specs {
			if spec.q > 0 {
				specs = append(specs, spec)
			}
		}
		sort.SliceStable(specs, func(x, y int) bool { return specs[x].q > specs[y].q })
		out := make([]string, len(specs))
		for k, spec := range specs {
			out[k] = n.name(spec)
		}
		return out
	}
	type ranked struct {
		p     priority
		offer string
	}
	var acceptable []ranked
	for oi, offer := range offers {
		best := priority{o: -1}
		for _, spec := range n.specs {
			s, ok := n.specify(offer, spec)
			if !ok {
				continue
			}
			cand := priority{i: oi, o: spec.i, q: spec.q, s: s}
			if best.better(cand) {
				best = cand
			}
		}
		if best.q > 0 {
			acceptable = append(acceptable, ranked{best, offer})
		}
	}
	sort.SliceStable(acceptable, func(x, y int) bool { return lessSpec(acceptable[x].p, acceptable[y].p) })
	out := make([]string, len(acceptable))
	for k, r := range acceptable {
		out[k] = r.offer
	}
	return out
}

func mediaNegotiation(header string, present bool) negotiation {
	return negotiation{
		specs: parseMediaRanges(header, present),
		specify: func(offer string, spec acceptSpec) (int, bool) {
			p, ok := parseMediaRange(offer, 0)
			if !ok {
				return 0, false
			}
			s := 0
			switch {
			case strings.EqualFold(spec.typ, p.typ):
				s |= 4
			case spec.typ != "*":
				return 0, false
			}
			switch {
			case strings.EqualFold(spec.sub, p.sub):
				s |= 2
			case spec.sub != "*":
				return 0, false
			}
			if len(spec.keys) > 0 {
				for _, k := range spec.keys {
					v := spec.params[k]
					if v != "*" && !strings.EqualFold(v, p.params[k]) {
						return 0, false
					}
				}
				s |= 1
			}
			return s, true
		},
		name: func(spec acceptSpec) string { return spec.typ + "/" + spec.sub },
	}
}

// tokenNegotiation serves charsets and encodings: exact (case-insensitive) or *.
func tokenNegotiation(specs []acceptSpec) negotiation {
	return negotiation{
		specs: specs,
		specify: func(offer string, spec acceptSpec) (int, bool) {
			switch {
			case strings.EqualFold(spec.typ, offer):
				return 1, true
			case spec.typ == "*":
				return 0, true
			}
			return 0, false
		},
		name: func(spec acceptSpec) string { return spec.typ },
	}
}

func languageNegotiation(header string, present bool) negotiation {
	return negotiation{
		specs: parseLanguages(header, present),
		specify: func(offer string, spec acceptSpec) (int, bool) {
			p, ok := parseLanguage(offer, 0)
			if !ok {
				return 0, false
			}
			switch {
			case strings.EqualFold(spec.full, p.full):
				return 4, true
			case strings.EqualFold(spec.typ, p.full):
				return 2, true
			case strings.EqualFold(spec.full, p.typ):
				return 1, true
			case spec.full == "*":
				return 0, true
			}
			return 0, false
		},
		name: func(spec acceptSpec) string { return spec.full },
	}
}

// mimeTypesLookup is mime-types 2.1's lookup, which accepts uses for extension offers ('json',
// '.html'): mime-db's type, or false for an unknown extension. It differs from mime 1.6 (res.type)
// for a few extensions.
func mimeTypesLookup(name string) (string, bool) {
	ext := strings.ToLower(name)
	i := strings.LastIndexByte(ext, '.')
	if i >= 0 {
		ext = ext[i+1:]
	}
	if t, ok := mimeDBOverrides[ext]; ok {
		return t, t != ""
	}
	t, ok := mimeTypes[ext]
	return t, ok
}

// mimeDBOverrides are the entries of mimeTypes whose mime-db answer differs; "" means unknown.
var mimeDBOverrides = map[string]string{
	"ico": "image/vnd.microsoft.icon", "wav": "audio/wave", "exe": "application/x-msdos-program",
}

// jsParseFloat is JS parseFloat: the longest decimal prefix after leading white space (Infinity
// included), NaN when there is none.
func jsParseFloat(s string) float64 {
	s = strings.TrimLeft(s, " \t\n\r\f\v\u00a0\ufeff")
	sign := 1.0
	rest := s
	if rest != "" && (rest[0] == '+' || rest[0] == '-') {
		if rest[0] == '-' {
			sign = -1
		}
		rest = rest[1:]
	}
	if strings.HasPrefix(rest, "Infinity") {
		return sign * math.Inf(1)
	}
	m := floatPrefixRE.FindString(rest)
	if m == "" || m == "." {
		return math.NaN()
	}
	// The prefix is a valid literal; out-of-range values come back as ±Inf or 0, as in JS.
	f, _ := strconv.ParseFloat(m, 64)
	return sign * f
}

var floatPrefixRE = regexp.MustCompile(`^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`)
