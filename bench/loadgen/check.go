package main

import (
	"bytes"
	"fmt"
	"strconv"
)

// bodyCheck is what a 2xx response body must be; the zero value with length
// -1 accepts any body.
type bodyCheck struct {
	body     []byte // exact content, nil: any
	contains []byte // a substring, nil: any
	length   int64  // exact length, -1: any
}

func (c *bodyCheck) needsBody() bool { return c.body != nil || c.contains != nil }

// problem describes how a body of length n (content in got when needsBody)
// fails the check, or returns "" when it passes.
func (c *bodyCheck) problem(n int64, got []byte) string {
	switch {
	case c.length >= 0 && n != c.length:
		return fmt.Sprintf("body is %d bytes, want %d", n, c.length)
	case c.body != nil && !bytes.Equal(got, c.body):
		at := 0
		for at < len(got) && at < len(c.body) && got[at] == c.body[at] {
			at++
		}
		return fmt.Sprintf("body (%d bytes) differs from the expected one (%d bytes) at byte %d: got %s",
			len(got), len(c.body), at, excerpt(got[at:]))
	case c.contains != nil && !bytes.Contains(got, c.contains):
		return fmt.Sprintf("body lacks %q: got %s", c.contains, excerpt(got))
	}
	return ""
}

// excerpt quotes the start of a body for a failure message.
func excerpt(b []byte) string {
	const max = 200
	if len(b) > max {
		return strconv.Quote(string(b[:max])) + "..."
	}
	return strconv.Quote(string(b))
}
