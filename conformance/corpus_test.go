package conformance

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// defaultHost is the Host header of every case that does not set its own, so that hostname,
// subdomains and absolute URLs are identical on both hosts whatever their ports.
const defaultHost = "api.example.test:3000"

// defaultTimeout bounds one exchange; a host that has not answered by then "did not respond".
const defaultTimeout = 3 * time.Second

// testCase is one request of the corpus, replayed byte for byte against both hosts.
type testCase struct {
	// Name is unique: "<fixture>/<what>".
	Name string `json:"name"`
	// Method and Path form the request line as given (Path is the raw request-target, never escaped).
	Method string `json:"method"`
	Path   string `json:"path"`
	// Headers are sent in order; duplicates are allowed. Host, Connection: close and Content-Length
	// are added unless the case sets them (or sets Transfer-Encoding, or NoLength).
	Headers [][2]string `json:"headers"`
	// Body is the request body; Base64Body replaces it for binary input.
	Body       string `json:"body"`
	Base64Body string `json:"base64Body"`
	// Repeat appends Text Count times to the path or the body, for huge inputs.
	Repeat *repeat `json:"repeat"`
	// Encode compresses the body: "gzip" or "deflate" (the Content-Encoding header is the case's).
	Encode string `json:"encode"`
	// Chunked sends the body with Transfer-Encoding: chunked.
	Chunked bool `json:"chunked"`
	// NoLength suppresses the automatic Content-Length.
	NoLength bool `json:"noLength"`
	// Volatile names time-dependent values to normalise: "expires" (Set-Cookie Expires dates).
	Volatile []string `json:"volatile"`
	// TimeoutMS overrides defaultTimeout.
	TimeoutMS int `json:"timeoutMs"`
	// Note says what the case checks, for readers of the corpus.
	Note string `json:"note"`
}

type repeat struct {
	Into  string `json:"into"` // "path" or "body"
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// loadCorpus reads and validates the corpus file.
func loadCorpus(file string) ([]testCase, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var cases []testCase
	if err := dec.Decode(&cases); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	seen := map[string]bool{}
	for i, c := range cases {
		switch {
		case c.Name == "" || c.Path == "":
			return nil, fmt.Errorf("%s: case %d needs a name and a path", file, i)
		case seen[c.Name]:
			return nil, fmt.Errorf("%s: duplicate case name %q", file, c.Name)
		case c.Repeat != nil && c.Repeat.Into != "path" && c.Repeat.Into != "body":
			return nil, fmt.Errorf("%s: %s: repeat.into must be path or body", file, c.Name)
		}
		seen[c.Name] = true
		if cases[i].Method == "" {
			cases[i].Method = "GET"
		}
	}
	return cases, nil
}

func (c testCase) timeout() time.Duration {
	if c.TimeoutMS > 0 {
		return time.Duration(c.TimeoutMS) * time.Millisecond
	}
	return defaultTimeout
}

func (c testCase) target() string {
	if c.Repeat != nil && c.Repeat.Into == "path" {
		return c.Path + strings.Repeat(c.Repeat.Text, c.Repeat.Count)
	}
	return c.Path
}

// body returns the encoded request body.
func (c testCase) body() ([]byte, error) {
	body := []byte(c.Body)
	if c.Base64Body != "" {
		var err error
		if body, err = base64.StdEncoding.DecodeString(c.Base64Body); err != nil {
			return nil, fmt.Errorf("%s: base64Body: %w", c.Name, err)
		}
	}
	if c.Repeat != nil && c.Repeat.Into == "body" {
		body = append(body, strings.Repeat(c.Repeat.Text, c.Repeat.Count)...)
	}
	var buf bytes.Buffer
	switch c.Encode {
	case "":
		return body, nil
	case "gzip":
		w := gzip.NewWriter(&buf)
		w.Write(body)
		w.Close()
	case "deflate":
		w, _ := flate.NewWriter(&buf, flate.DefaultCompression)
		w.Write(body)
		w.Close()
	default:
		return nil, fmt.Errorf("%s: unknown encode %q", c.Name, c.Encode)
	}
	return buf.Bytes(), nil
}

func (c testCase) has(header string) bool {
	for _, h := range c.Headers {
		if strings.EqualFold(h[0], header) {
			return true
		}
	}
	return false
}

// request renders the case as the exact bytes sent on the wire.
func (c testCase) request() ([]byte, error) {
	body, err := c.body()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\n", c.Method, c.target())
	if !c.has("Host") {
		fmt.Fprintf(&b, "Host: %s\r\n", defaultHost)
	}
	for _, h := range c.Headers {
		fmt.Fprintf(&b, "%s: %s\r\n", h[0], h[1])
	}
	if !c.has("Connection") {
		b.WriteString("Connection: close\r\n")
	}
	if c.Chunked {
		b.WriteString("Transfer-Encoding: chunked\r\n\r\n")
		if len(body) > 0 {
			fmt.Fprintf(&b, "%x\r\n%s\r\n", len(body), body)
		}
		b.WriteString("0\r\n\r\n")
		return b.Bytes(), nil
	}
	if !c.NoLength && !c.has("Content-Length") && !c.has("Transfer-Encoding") && (len(body) > 0 || bodyMethod(c.Method)) {
		b.WriteString("Content-Length: " + strconv.Itoa(len(body)) + "\r\n")
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes(), nil
}

// bodyMethod reports methods whose requests carry a Content-Length even when empty, as clients send.
func bodyMethod(method string) bool {
	return method == "POST" || method == "PUT" || method == "PATCH"
}
