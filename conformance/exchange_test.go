package conformance

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http/httputil"
	"net/textproto"
	"strconv"
	"strings"
	"time"
)

// comparedHeaders are the response headers a plugin's behaviour is judged by (issue 3); headers
// that only Luker's other middleware or the HTTP servers themselves add are out of scope.
var comparedHeaders = []string{
	"Content-Type", "Content-Length", "Etag", "Allow", "Location", "Set-Cookie", "Vary",
	"Cache-Control", "Content-Range", "Content-Disposition",
}

// result is what a client observed for one exchange.
type result struct {
	Status  int
	Headers textproto.MIMEHeader // only comparedHeaders, values in wire order
	Body    []byte
	// Outcome is "" for a complete response, else how the exchange ended: "no response (timeout)",
	// "connection closed without a response", "body incomplete (timeout)" or "body cut short: …",
	// with the body read so far.
	Outcome string
}

// exchange sends raw on a fresh connection to addr and reads one response. The request is written
// concurrently with reading, so a host that answers before consuming the body (413, 415) is seen.
func exchange(addr string, raw []byte, method string, timeout time.Duration) result {
	conn, err := net.DialTimeout("tcp", addr, timeout)
	if err != nil {
		return result{Outcome: "dial: " + err.Error()}
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(timeout))
	go conn.Write(raw) // a write error means the host closed early; the read reports what it said

	br := bufio.NewReader(conn)
	tp := textproto.NewReader(br)
	line, err := tp.ReadLine()
	if err != nil {
		return result{Outcome: failure(err, "no response (timeout)", "connection closed without a response")}
	}
	status, err := parseStatusLine(line)
	if err != nil {
		return result{Outcome: err.Error()}
	}
	hdr, err := tp.ReadMIMEHeader()
	if err != nil && len(hdr) == 0 {
		return result{Status: status, Outcome: "malformed headers: " + err.Error()}
	}
	r := result{Status: status, Headers: textproto.MIMEHeader{}}
	for _, name := range comparedHeaders {
		if v, ok := hdr[name]; ok {
			r.Headers[name] = v
		}
	}
	r.Body, err = readBody(br, hdr, status, method)
	if err != nil {
		r.Outcome = failure(err, "body incomplete (timeout)", "body cut short: "+err.Error())
	}
	return r
}

func parseStatusLine(line string) (int, error) {
	proto, rest, ok := strings.Cut(line, " ")
	if !ok || !strings.HasPrefix(proto, "HTTP/") {
		return 0, fmt.Errorf("malformed status line %q", line)
	}
	code, _, _ := strings.Cut(rest, " ")
	status, err := strconv.Atoi(code)
	if err != nil {
		return 0, fmt.Errorf("malformed status line %q", line)
	}
	return status, nil
}

// readBody reads the body as HTTP/1.1 framing defines it for this response.
func readBody(br *bufio.Reader, hdr textproto.MIMEHeader, status int, method string) ([]byte, error) {
	if method == "HEAD" || status == 204 || status == 304 || status < 200 {
		return nil, nil
	}
	if strings.Contains(strings.ToLower(hdr.Get("Transfer-Encoding")), "chunked") {
		return io.ReadAll(httputil.NewChunkedReader(br))
	}
	if cl := hdr.Get("Content-Length"); cl != "" {
		n, err := strconv.ParseInt(cl, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("bad Content-Length %q", cl)
		}
		body := make([]byte, n)
		read, err := io.ReadFull(br, body)
		return body[:read], err
	}
	return io.ReadAll(br)
}

// failure names a read error: onTimeout when the deadline passed, otherwise the given text.
func failure(err error, onTimeout, otherwise string) string {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return onTimeout
	}
	return otherwise
}
