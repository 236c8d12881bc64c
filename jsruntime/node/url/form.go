package url

import (
	"slices"
	"strings"
	"unicode/utf16"
)

// pair is one name-value entry of a URLSearchParams list.
type pair struct{ name, value string }

// parseForm is the application/x-www-form-urlencoded parser: '&'-separated entries, split at the
// first '=', '+' read as space, percent-escapes decoded as UTF-8 with U+FFFD for malformed bytes.
func parseForm(s string) []pair {
	var list []pair
	for entry := range strings.SplitSeq(s, "&") {
		if entry == "" {
			continue
		}
		name, value, _ := strings.Cut(entry, "=")
		list = append(list, pair{formDecode(name), formDecode(value)})
	}
	return list
}

func formDecode(s string) string {
	if !strings.ContainsAny(s, "+%") {
		return s
	}
	return decodeUTF8(percentDecode(strings.ReplaceAll(s, "+", " ")))
}

// serializeForm is the application/x-www-form-urlencoded serialiser.
func serializeForm(list []pair) string {
	var b []byte
	for i, p := range list {
		if i > 0 {
			b = append(b, '&')
		}
		b = appendEncoded(b, p.name, formSet, true)
		b = append(b, '=')
		b = appendEncoded(b, p.value, formSet, true)
	}
	return string(b)
}

// sortForm stably sorts by name in UTF-16 code unit order, the order JS string comparison uses
// (which puts U+1F600 before U+FFFD, unlike Go's byte order).
func sortForm(list []pair) {
	slices.SortStableFunc(list, func(a, b pair) int {
		return slices.Compare(utf16.Encode([]rune(a.name)), utf16.Encode([]rune(b.name)))
	})
}
