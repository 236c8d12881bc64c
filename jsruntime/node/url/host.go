package url

import (
	"strings"

	"golang.org/x/net/idna"
)

// parseHost is the URL Standard's host parser. It returns the serialised host: a bracketed IPv6
// address, a dotted IPv4 address, a lower-case ASCII domain, or for non-special schemes (opaque) the
// percent-encoded input.
func parseHost(input string, opaque bool) (string, bool) {
	if strings.HasPrefix(input, "[") {
		if len(input) < 2 || !strings.HasSuffix(input, "]") {
			return "", false
		}
		addr, ok := parseIPv6(input[1 : len(input)-1])
		if !ok {
			return "", false
		}
		return "[" + addr.String() + "]", true
	}
	if opaque {
		return parseOpaqueHost(input)
	}
	domain := decodeUTF8(percentDecode(input))
	ascii, ok := domainToASCII(domain)
	if !ok || strings.ContainsFunc(ascii, isForbiddenDomainRune) {
		return "", false
	}
	if endsInNumber(ascii) {
		v, ok := parseIPv4(ascii)
		if !ok {
			return "", false
		}
		return formatIPv4(v), true
	}
	return ascii, true
}

// parseOpaqueHost accepts any host of a non-special URL that has no forbidden host code point.
func parseOpaqueHost(input string) (string, bool) {
	if strings.ContainsFunc(input, isForbiddenHostRune) {
		return "", false
	}
	return encode(input, c0ControlSet), true
}

func isForbiddenHostRune(r rune) bool {
	switch r {
	case 0, '\t', '\n', '\r', ' ', '#', '/', ':', '<', '>', '?', '@', '[', '\\', ']', '^', '|':
		return true
	}
	return false
}

func isForbiddenDomainRune(r rune) bool {
	return isForbiddenHostRune(r) || r < 0x20 || r == '%' || r == 0x7f
}

// lookup is UTS #46 processing with the URL Standard's parameters: non-transitional, joiners and
// bidi checked, hyphens, STD3 rules and DNS lengths not checked (so "_srv" and "ab--c" are valid hosts).
var lookup = idna.New(
	idna.MapForLookup(),
	idna.BidiRule(),
	idna.Transitional(false),
	idna.StrictDomainName(false),
	idna.CheckHyphens(false),
	idna.VerifyDNSLength(false),
)

// domainToASCII is the URL Standard's "domain to ASCII" with beStrict false.
func domainToASCII(domain string) (string, bool) {
	if isPlainASCIIDomain(domain) {
		// For ASCII without punycode labels UTS #46 processing is exactly lower-casing.
		return strings.ToLower(domain), domain != ""
	}
	ascii, err := lookup.ToASCII(domain)
	if err != nil || ascii == "" {
		return "", false
	}
	return ascii, true
}

func isPlainASCIIDomain(domain string) bool {
	for i := 0; i < len(domain); i++ {
		if domain[i] >= 0x80 {
			return false
		}
	}
	for label := range strings.SplitSeq(domain, ".") {
		if len(label) >= 4 && strings.EqualFold(label[:4], "xn--") {
			return false
		}
	}
	return true
}

// domainToUnicode turns the punycode labels of an already valid ASCII host back into Unicode.
func domainToUnicode(host string) string {
	labels := strings.Split(host, ".")
	for i, label := range labels {
		if len(label) >= 4 && strings.EqualFold(label[:4], "xn--") {
			if u, err := idna.Punycode.ToUnicode(label); err == nil {
				labels[i] = u
			}
		}
	}
	return strings.Join(labels, ".")
}

// endsInNumber reports whether the last label (ignoring one trailing dot) is a number, which makes
// the whole host an IPv4 address or invalid.
func endsInNumber(host string) bool {
	parts := strings.Split(host, ".")
	if parts[len(parts)-1] == "" {
		if len(parts) == 1 {
			return false
		}
		parts = parts[:len(parts)-1]
	}
	last := parts[len(parts)-1]
	if last != "" && strings.Trim(last, "0123456789") == "" {
		return true
	}
	_, ok := parseIPv4Number(last)
	return ok
}
