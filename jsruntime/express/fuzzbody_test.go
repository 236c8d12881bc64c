package express

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// The body parser targets send fuzzed bodies through a runtime's handler, as the host serves them:
// the host's global JSON and urlencoded parsers (limit fuzzGlobalLimit) for their media types, and
// the route's express.json/urlencoded/text/raw (limit fuzzParserLimit) for the others. Bodies go
// plain, gzipped, deflated (valid, repeated into large inflated sizes, truncated, or not compressed at
// all), or with an unsupported encoding; with a Content-Length or chunked. Nothing may panic or hang,
// every request gets a response, and where a parser reads the body:
//   - a body over the limit, counted after decompression, is 413 entity.too.large, and one within it
//     is not;
//   - decompression stops within one zlib chunk after the limit (received ≤ limit + 16 KiB);
//   - a text body comes back as its UTF-8 text, a raw body with its length, and a JSON body is
//     accepted exactly when it is valid JSON starting with { or [ (strict), or empty.

const (
	fuzzGlobalLimit = 3000
	fuzzParserLimit = 1000
)

const bodyRoutes = `
	const report = (req, res) => {
		const b = req.body;
		const bytes = b instanceof Uint8Array;
		res.json({ok: true, kind: bytes ? 'bytes' : typeof b, length: bytes || typeof b === 'string' ? b.length : -1,
			text: typeof b === 'string' ? b : undefined});
	};
	const onErr = (e, req, res, next) => res.status(e.status || 500).json({ok: false, status: e.status, type: e.type, received: e.received});
	router.post('/json', express.json({limit: 1000, type: ['application/*+json', 'text/x-json']}), report, onErr);
	router.post('/urlencoded', express.urlencoded({limit: 1000, type: 'text/x-form', parameterLimit: 50, depth: 4}), report, onErr);
	router.post('/text', express.text({limit: 1000, type: 'text/*'}), report, onErr);
	router.post('/raw', express.raw({limit: 1000, type: ['application/octet-stream', 'image/*']}), report, onErr);
`

// bodyRoute is one parser route: its path, kind, and the media types it reads (besides the two the
// host's parsers take first).
type bodyRoute struct {
	path  string
	kind  parserKind
	types []string // content types to send, the route's own first
	reads func(mt string) bool
}

var bodyContentTypes = []string{"application/json", "application/x-www-form-urlencoded", ""}

var bodyCharsets = []string{"", "utf-8", "UTF-8", "utf-16le", "utf-16be", "latin1", "koi8-r", "utf-7"}

func fuzzBody(f *testing.F, route bodyRoute, seeds []string) {
	for _, s := range seeds {
		for enc := uint8(0); enc < 10; enc += 3 {
			f.Add(uint8(0), uint8(0), enc, []byte(s), uint16(0), false)
		}
		f.Add(uint8(1), uint8(1), uint8(2), []byte(s), uint16(400), false)
		f.Add(uint8(len(route.types)), uint8(0), uint8(0), []byte(s), uint16(0), true)
	}
	f.Add(uint8(0), uint8(1), uint8(2), bytes.Repeat([]byte("a"), 1001), uint16(0), false)
	f.Add(uint8(0), uint8(0), uint8(3), []byte("0123456789"), uint16(4095), true)
	ff := newFuzzFixture(f, Config{BodyLimit: fuzzGlobalLimit}, bodyRoutes)
	f.Fuzz(func(t *testing.T, ctIndex, charsetIndex, encoding uint8, data []byte, repeat uint16, chunked bool) {
		defer noHang()()
		if len(data) > 64<<10 {
			return
		}
		types := append(append([]string(nil), route.types...), bodyContentTypes...)
		ct := types[int(ctIndex)%len(types)]
		charset := bodyCharsets[int(charsetIndex)%len(bodyCharsets)]
		plain := data
		if n := int(repeat%4096) + 1; n > 1 && len(data) > 0 {
			plain = bytes.Repeat(data, min(n, (1<<20)/len(data)+1))
		}
		sent, encHeader, inflated := encodeBody(plain, data, encoding%10)

		req := httptest.NewRequest("POST", "/api/plugins/test"+route.path, bytes.NewReader(sent))
		if ct != "" {
			if charset != "" {
				ct += "; charset=" + charset
			}
			req.Header.Set("Content-Type", ct)
		}
		if encHeader != "" {
			req.Header.Set("Content-Encoding", encHeader)
		}
		if chunked {
			req.ContentLength, req.TransferEncoding = -1, []string{"chunked"}
		} else {
			req.Header.Set("Content-Length", strconv.Itoa(len(sent)))
		}
		fx := ff.get(t)
		before := ff.panics.Load()
		rec := fx.fuzzServe(req)
		ff.checkNoPanic(t, before)

		got := bodyOutcome{status: rec.Code}
		if strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatalf("response %d %q: %v", rec.Code, rec.Body.String(), err)
			}
		}
		want := expectBody(route, ct, charset, encHeader, inflated)
		if msg := want.check(got); msg != "" {
			t.Fatalf("%s, Content-Type %q, encoding %q, %d bytes sent (%d inflated), chunked %v: %s\nresponse %d %s",
				route.path, ct, encHeader, len(sent), len(inflated), chunked, msg, rec.Code, truncate(rec.Body.String(), 300))
		}
	})
}

// encodeBody returns the bytes sent, the Content-Encoding header and, when the sent bytes are
// valid for that encoding, what they inflate to (nil when they are not).
func encodeBody(plain, data []byte, mode uint8) (sent []byte, encoding string, inflated []byte) {
	switch mode {
	case 0:
		return data, "", data
	case 1:
		return data, "identity", data
	case 2:
		return gzipBytes(plain), "gzip", plain
	case 3:
		return zlibBytes(plain), "deflate", plain
	case 4:
		return gzipBytes(plain), "GZip", plain
	case 5:
		return data, "gzip", nil // rarely valid gzip: its outcome is not predicted
	case 6:
		return data, "deflate", nil
	case 7:
		return data, "br", data
	case 8:
		z := gzipBytes(plain)
		return z[:len(z)/2], "gzip", nil
	}
	return append(gzipBytes(data), gzipBytes(plain)...), "gzip", append(append([]byte(nil), data...), plain...)
}

func gzipBytes(p []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, _ = w.Write(p)
	_ = w.Close()
	return b.Bytes()
}

func zlibBytes(p []byte) []byte {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	_, _ = w.Write(p)
	_ = w.Close()
	return b.Bytes()
}

// bodyOutcome is the JSON the test routes answer with, plus the status.
type bodyOutcome struct {
	status   int
	OK       bool   `json:"ok"`
	Kind     string `json:"kind"`
	Length   int    `json:"length"`
	Text     string `json:"text"`
	Type     string `json:"type"`
	Received int64  `json:"received"`
}

// bodyExpectation is what a request's response may be.
type bodyExpectation struct {
	statuses  []int  // allowed statuses (any when empty)
	errType   string // the error's type for a 413 from a route parser ("" when the host answered)
	limit     int64  // for a 413 entity.too.large: received stays within limit + one chunk
	kind      string // for a 200 from a route: the body's kind
	text      *string
	length    int
	jsonCheck bool // 200 exactly when the text is valid strict JSON
	jsonValid bool
}

func (w bodyExpectation) check(got bodyOutcome) string {
	if got.status == 500 || got.status == 504 {
		return "internal error or timeout"
	}
	if len(w.statuses) > 0 && !containsInt(w.statuses, got.status) {
		return fmt.Sprintf("status %d, want one of %v", got.status, w.statuses)
	}
	if got.status == 413 && got.Type == "entity.too.large" && w.limit > 0 &&
		(got.Received > w.limit+inflateChunk || got.Received != 0 && got.Received <= w.limit) {
		return "413 after receiving " + strconv.FormatInt(got.Received, 10) + " bytes"
	}
	if w.errType != "" && got.status == 413 && got.Type != w.errType {
		return "413 of type " + got.Type + ", want " + w.errType
	}
	if got.status != 200 || !got.OK {
		if w.jsonCheck && w.jsonValid && got.status == 400 {
			return "valid JSON refused"
		}
		return ""
	}
	if w.jsonCheck && !w.jsonValid {
		return "invalid JSON accepted"
	}
	if w.kind != "" && got.Kind != w.kind {
		return "body kind " + got.Kind + ", want " + w.kind
	}
	if w.text != nil && got.Text != *w.text {
		return "text " + strconv.Quote(truncate(got.Text, 100)) + ", want " + strconv.Quote(truncate(*w.text, 100))
	}
	if w.kind == "bytes" && got.Length != w.length {
		return "raw length " + strconv.Itoa(got.Length) + ", want " + strconv.Itoa(w.length)
	}
	return ""
}

// expectBody predicts the response to a request, following body-parser's order: type, charset,
// encoding, limit, then decoding and parsing.
// A request always has a body here (a Content-Length, even 0, or chunked), as type-is decides.
func expectBody(route bodyRoute, ct, charset, encoding string, inflated []byte) bodyExpectation {
	mt := mediaType(ct)
	charset = strings.ToLower(charset)
	kind, limit, routeParser := route.kind, int64(fuzzParserLimit), true
	switch mt {
	case "application/json":
		kind, limit, routeParser = parserJSON, fuzzGlobalLimit, false
	case "application/x-www-form-urlencoded":
		kind, limit, routeParser = parserURLEncoded, fuzzGlobalLimit, false
	default:
		if !route.reads(mt) {
			return bodyExpectation{statuses: []int{200}, kind: "object"}
		}
	}
	switch {
	case kind == parserJSON && charset != "" && !strings.HasPrefix(charset, "utf-"),
		kind == parserURLEncoded && charset != "" && charset != "utf-8":
		return bodyExpectation{statuses: []int{415}}
	}
	enc := contentEncoding(encoding)
	if enc != "identity" && enc != "gzip" && enc != "deflate" {
		return bodyExpectation{statuses: []int{415}}
	}
	if inflated == nil {
		return bodyExpectation{statuses: []int{200, 400, 413, 415}, limit: limit}
	}
	errType := ""
	if routeParser {
		errType = "entity.too.large"
	}
	if int64(len(inflated)) > limit {
		return bodyExpectation{statuses: []int{413}, errType: errType, limit: limit}
	}
	w := bodyExpectation{statuses: []int{200, 400, 415}}
	if kind == parserURLEncoded {
		w.statuses = append(w.statuses, 413)
	}
	if !routeParser {
		return w // the host's parsers answer through finalhandler, which shows no error type
	}
	if kind == parserURLEncoded {
		w.errType = "parameters.too.many"
	}
	utf8Charset := charset == "" || charset == "utf-8"
	switch kind {
	case parserText:
		w.kind = "string"
		if utf8Charset {
			text := strings.ToValidUTF8(strings.TrimPrefix(string(inflated), "\uFEFF"), "\uFFFD")
			w.text = &text
			w.statuses = []int{200}
		}
	case parserRaw:
		w.kind, w.length, w.statuses = "bytes", len(inflated), []int{200}
	case parserJSON:
		if utf8Charset {
			text := strings.ToValidUTF8(strings.TrimPrefix(string(inflated), "\uFEFF"), "\uFFFD")
			w.jsonCheck, w.jsonValid = true, strictJSON(text)
			w.statuses = []int{200, 400}
		}
	}
	return w
}

// strictJSON is body-parser's acceptance of a JSON body with strict on: empty, or valid JSON whose
// first non-blank character opens an object or array.
func strictJSON(text string) bool {
	if text == "" {
		return true
	}
	trimmed := strings.TrimLeft(text, " \t\n\r")
	if trimmed == "" || (trimmed[0] != '{' && trimmed[0] != '[') {
		return false
	}
	return utf8.ValidString(text) && json.Valid([]byte(text))
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

var jsonSeeds = []string{`{"a":1}`, `[1,2,3]`, ``, ` `, `"str"`, `{"a":`, `{"__proto__":{"x":1}}`, "\uFEFF{}",
	`{"a":1e400,"b":-0,"c":"\ud800"}`, `[[[[[[[[[[]]]]]]]]]]`, "{\"a\":\"\xff\"}", `{"a" : [ true , false , null ] }`}

func FuzzBodyJSON(f *testing.F) {
	fuzzBody(f, bodyRoute{path: "/json", kind: parserJSON, types: []string{"application/vnd.api+json", "text/x-json", "text/plain"},
		reads: func(mt string) bool {
			return mt == "text/x-json" || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")
		}},
		jsonSeeds)
}

func FuzzBodyURLEncoded(f *testing.F) {
	fuzzBody(f, bodyRoute{path: "/urlencoded", kind: parserURLEncoded, types: []string{"text/x-form", "text/plain"},
		reads: func(mt string) bool { return mt == "text/x-form" }},
		[]string{"a=1&b=2", "a[b][c]=1", "a[]=1&a[]=2", strings.Repeat("a=1&", 60), "a[b][c][d][e][f]=1", "%zz=%", "a=%E2%82%AC"})
}

func FuzzBodyText(f *testing.F) {
	fuzzBody(f, bodyRoute{path: "/text", kind: parserText, types: []string{"text/plain", "text/html", "application/octet-stream"},
		reads: func(mt string) bool { return strings.HasPrefix(mt, "text/") }},
		[]string{"hello", "\uFEFFbom", "caf\xe9", "\xff\xfe", "é€😀", strings.Repeat("x", 999)})
}

func FuzzBodyRaw(f *testing.F) {
	fuzzBody(f, bodyRoute{path: "/raw", kind: parserRaw, types: []string{"application/octet-stream", "image/png", "text/plain"},
		reads: func(mt string) bool { return mt == "application/octet-stream" || strings.HasPrefix(mt, "image/") }},
		[]string{"\x00\x01\x02", "\x1f\x8b\x08\x00", "x\x9c", strings.Repeat("\xff", 1000)})
}
