package express

import "strings"

// lowerName is strings.ToLower for header names and methods. The names responses set on every request
// are mixed-case, and lowering them allocated each time.
func lowerName(s string) string {
	if l, ok := lowerNames[s]; ok {
		return l
	}
	return strings.ToLower(s)
}

var lowerNames = func() map[string]string {
	m := map[string]string{}
	for _, s := range []string{
		"Content-Type", "Content-Length", "ETag", "X-Powered-By", "Cache-Control", "Content-Disposition",
		"Content-Encoding", "Content-Range", "Accept-Ranges", "Last-Modified", "Location", "Vary",
		"Set-Cookie", "Link", "Allow", "Expires", "Date", "Connection", "Transfer-Encoding",
		"Access-Control-Allow-Origin", "Access-Control-Allow-Headers", "Access-Control-Allow-Methods",
		"X-Content-Type-Options",
		"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
	} {
		m[s] = strings.ToLower(s)
	}
	return m
}()
