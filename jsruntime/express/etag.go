package express

import (
	"crypto/sha1"
	"encoding/base64"
	"strconv"
	"strings"
)

// weakETag is the etag package's weak tag for a body: W/"<length hex>-<27 chars of base64 SHA-1>".
func weakETag(body []byte) string {
	if len(body) == 0 {
		return `W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"`
	}
	sum := sha1.Sum(body)
	var enc [28]byte
	base64.StdEncoding.Encode(enc[:], sum[:])
	var buf [48]byte
	b := append(buf[:0], `W/"`...)
	b = strconv.AppendInt(b, int64(len(body)), 16)
	b = append(b, '-')
	b = append(b, enc[:27]...)
	b = append(b, '"')
	return string(b)
}

// isFresh is the fresh package: whether a response with etag and lastModified satisfies the
// request's conditional headers.
func isFresh(ifNoneMatch, ifModifiedSince, cacheControl, etag, lastModified string) bool {
	if ifNoneMatch == "" && ifModifiedSince == "" {
		return false
	}
	if cacheControl != "" && hasNoCache(cacheControl) {
		return false
	}
	if ifNoneMatch != "" && ifNoneMatch != "*" {
		if etag == "" {
			return false
		}
		matched := false
		for _, tag := range strings.Split(ifNoneMatch, ",") {
			tag = strings.TrimSpace(tag)
			if tag == etag || tag == "W/"+etag || "W/"+tag == etag {
				matched = true
				break
			}
		}
		if !matched {
			return false
		}
	}
	if ifModifiedSince != "" {
		if lastModified == "" {
			return false
		}
		lm, err1 := parseHTTPDate(lastModified)
		ims, err2 := parseHTTPDate(ifModifiedSince)
		if err1 != nil || err2 != nil || lm.After(ims) {
			return false
		}
	}
	return true
}

// hasNoCache matches fresh's /(?:^|,)\s*?no-cache\s*?(?:,|$)/.
func hasNoCache(cc string) bool {
	for _, part := range strings.Split(cc, ",") {
		if strings.TrimSpace(part) == "no-cache" {
			return true
		}
	}
	return false
}
