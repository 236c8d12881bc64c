package express

import (
	"mime"
	"net/http"
	"strings"
	"time"
)

// mediaType returns the lower-cased type/subtype of a Content-Type value, "" if it does not parse.
func mediaType(contentType string) string {
	if contentType == "" {
		return ""
	}
	t, _, err := mime.ParseMediaType(contentType)
	if err != nil || !strings.Contains(t, "/") {
		return ""
	}
	return strings.ToLower(t)
}

// normalizeType is type-is's normalize: the shorthands 'urlencoded', 'multipart' and '+suffix'
// become media types, other bare names are extensions looked up in mime-types ('json'), and ""
// means an unknown extension ('form'), which matches nothing.
func normalizeType(t string) string {
	switch t {
	case "urlencoded":
		return "application/x-www-form-urlencoded"
	case "multipart":
		return "multipart/*"
	}
	if strings.HasPrefix(t, "+") {
		return "*/*" + t
	}
	if !strings.Contains(t, "/") {
		typ, _ := mimeTypesLookup(t)
		return typ
	}
	return t
}

// mimeMatch is type-is's mimeMatch: `*` wildcards for type or subtype and `*+suffix` subtypes.
func mimeMatch(expected, actual string) bool {
	exp := strings.SplitN(strings.ToLower(expected), "/", 2)
	act := strings.SplitN(actual, "/", 2)
	if len(exp) != 2 || len(act) != 2 {
		return false
	}
	if exp[0] != "*" && exp[0] != act[0] {
		return false
	}
	if strings.HasPrefix(exp[1], "*+") {
		return len(exp[1]) <= len(act[1])+1 && strings.HasSuffix(act[1], exp[1][1:])
	}
	return exp[1] == "*" || exp[1] == act[1]
}

// typeIs is type-is's typeis(value, types): the matching argument as given (or the actual type for
// wildcard arguments), "" when nothing matches. With no types it returns the actual type.
func typeIs(actual string, types []string) string {
	if actual == "" {
		return ""
	}
	if len(types) == 0 {
		return actual
	}
	for _, t := range types {
		n := normalizeType(t)
		if n != "" && mimeMatch(n, actual) {
			if strings.HasPrefix(t, "+") || strings.Contains(t, "*") {
				return actual
			}
			return t
		}
	}
	return ""
}

// hasBody is type-is's hasBody: a Transfer-Encoding or a numeric Content-Length header.
func hasBody(r *http.Request) bool {
	if len(r.TransferEncoding) > 0 || r.ContentLength > 0 {
		return true
	}
	cl := r.Header.Get("Content-Length")
	return cl != "" && isAllDigits(cl)
}

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func parseHTTPDate(s string) (time.Time, error) { return http.ParseTime(s) }
