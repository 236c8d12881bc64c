package express

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"os"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/pluginhost/pluginhost/jsruntime/internal/jsjson"
)

// parseError is a body-parser/raw-body failure as http-errors builds it: status, type, message and
// the extra properties (limit, length, charset, …) Express error handlers may read.
type parseError struct {
	status int
	name   string // the error's name: SyntaxError, PayloadTooLargeError, …
	typ    string
	msg    string
	props  map[string]any
}

func newParseError(status int, typ, msg string, props map[string]any) *parseError {
	name := map[int]string{400: "BadRequestError", 403: "ForbiddenError", 413: "PayloadTooLargeError", 415: "UnsupportedMediaTypeError"}[status]
	return &parseError{status: status, name: name, typ: typ, msg: msg, props: props}
}

// bodyKind says which global parser consumed a body.
type bodyKind int

const (
	bodyNone bodyKind = iota
	bodyJSON
	bodyForm
)

// preBody is the outcome of the host's global parsers, computed on the HTTP goroutine.
type preBody struct {
	kind     bodyKind
	consumed bool        // req._body: a parser read the stream
	json     jsjson.Tape // nil for an empty body
	form     *qsObject
	err      *parseError
}

// requestCharset is content-type's charset parameter, lower-cased ("" if none).
func requestCharset(r *http.Request) string {
	_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return ""
	}
	return strings.ToLower(params["charset"])
}

// readGlobalBody runs Luker's bodyParser.json and bodyParser.urlencoded({extended: true}) with the
// configured limit. Other bodies are left unread for the plugin's own parsers.
func (a *App) readGlobalBody(r *http.Request) *preBody {
	if !hasBody(r) {
		return nil
	}
	mt := mediaType(r.Header.Get("Content-Type"))
	switch {
	case mt == "application/json":
		charset := requestCharset(r)
		if charset == "" {
			charset = "utf-8"
		}
		if !strings.HasPrefix(charset, "utf-") {
			return &preBody{err: unsupportedCharset(charset)}
		}
		pb := &preBody{kind: bodyJSON, consumed: true}
		raw, perr := readRaw(r, a.cfg.BodyLimit, true)
		if perr != nil {
			pb.err = perr
			return pb
		}
		text, perr := decodeCharset(raw, charset)
		if perr != nil {
			pb.err = perr
			return pb
		}
		if pb.json, pb.err = scanJSONBody(text, true); pb.err != nil {
			return pb
		}
		return pb
	case mt == "application/x-www-form-urlencoded":
		charset := requestCharset(r)
		if charset == "" {
			charset = "utf-8"
		}
		if charset != "utf-8" {
			return &preBody{err: unsupportedCharset(charset)}
		}
		pb := &preBody{kind: bodyForm, consumed: true}
		raw, perr := readRaw(r, a.cfg.BodyLimit, true)
		if perr != nil {
			pb.err = perr
			return pb
		}
		text, perr := decodeCharset(raw, charset)
		if perr != nil {
			pb.err = perr
			return pb
		}
		pb.form, pb.err = parseForm(text, true, defaultFormLimits)
		return pb
	}
	return nil
}

func unsupportedCharset(charset string) *parseError {
	return newParseError(415, "charset.unsupported", `unsupported charset "`+strings.ToUpper(charset)+`"`, map[string]any{"charset": charset})
}

// scanJSONBody is body-parser's json parse step up to building the value: empty is {} (a nil tape),
// strict wants an object or array first, and syntax errors carry V8's message.
func scanJSONBody(text string, strict bool) (jsjson.Tape, *parseError) {
	if text == "" {
		return nil, nil
	}
	if strict {
		first := strings.IndexFunc(text, func(r rune) bool { return r != ' ' && r != '\t' && r != '\n' && r != '\r' })
		if first < 0 || (text[first] != '{' && text[first] != '[') {
			return nil, jsonParseError(strictJSONError(text, first), text)
		}
	}
	tape, err := jsjson.Scan(text)
	if err != nil {
		return nil, jsonParseError(err, text)
	}
	return tape, nil
}

func jsonParseError(err error, body string) *parseError {
	pe := newParseError(400, "entity.parse.failed", err.Error(), map[string]any{"body": body})
	pe.name = "SyntaxError"
	if jerr, ok := err.(*jsjson.Error); ok {
		pe.name = jerr.Name
	}
	return pe
}

// parseForm is body-parser's urlencoded parse: the parameter limit (413), then qs (extended, with
// the depth strictly enforced) or the simple parser. Its errors carry the body, which read() adds to
// any error the parse step throws.
func parseForm(text string, extended bool, lim formLimits) (*qsObject, *parseError) {
	count := strings.Count(text, "&")
	if count >= lim.parameters {
		return nil, newParseError(413, "parameters.too.many", "too many parameters", map[string]any{"body": text})
	}
	if !extended {
		return parseSimpleForm(text), nil
	}
	opts := qsOptions{depth: lim.depth, parameterLimit: lim.parameters, arrayLimit: max(100, count), strictDepth: true}
	obj, err := parseQSStrict(text, opts)
	if err != nil {
		return nil, newParseError(400, "querystring.parse.rangeError", "The input exceeded the depth", map[string]any{"body": text})
	}
	return obj, nil
}

// parseSimpleForm is querystring.parse: flat keys, repeated keys become arrays.
func parseSimpleForm(text string) *qsObject {
	obj := newQSObject()
	if text == "" {
		return obj
	}
	for _, part := range strings.Split(text, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		key, val := qsDecode(k), qsDecode(v)
		if old, ok := obj.vals[key]; ok {
			if arr, isArr := old.(*qsArray); isArr {
				arr.items = append(arr.items, val)
			} else {
				obj.set(key, &qsArray{items: []qsValue{old, val}})
			}
			continue
		}
		obj.set(key, val)
	}
	return obj
}

// readRaw is raw-body behind body-parser's read(): Content-Encoding inflation, the limit (checked on
// the declared length before reading, then while reading without buffering past it) and the length
// check. An inflated body is measured after decompression, in zlib's chunks, so a small compressed
// body that inflates past the limit is refused without inflating the rest.
func readRaw(r *http.Request, limit int64, inflate bool) ([]byte, *parseError) {
	enc := contentEncoding(r.Header.Get("Content-Encoding"))
	length := int64(-1)
	if cl := r.Header.Get("Content-Length"); isAllDigits(cl) && enc == "identity" {
		length, _ = strconv.ParseInt(cl, 10, 64)
	}

	body := &bodyReader{r: r.Body}
	src, perr := contentStream(enc, body, inflate)
	if perr != nil {
		return nil, perr
	}
	if length >= 0 && limit >= 0 && length > limit {
		// raw-body refuses a declared length before reading anything, so nothing was received.
		return nil, newParseError(413, "entity.too.large", "request entity too large",
			map[string]any{"limit": limit, "length": length, "expected": length})
	}
	readLimit := limit
	if readLimit < 0 {
		readLimit = 1<<63 - 2
	}
	var data []byte
	var err error
	if enc == "identity" {
		data, err = io.ReadAll(io.LimitReader(src, readLimit+1))
	} else {
		data, err = readChunks(src, readLimit)
	}
	if int64(len(data)) > readLimit {
		return nil, newParseError(413, "entity.too.large", "request entity too large",
			map[string]any{"limit": limit, "received": int64(len(data))})
	}
	if err != nil {
		if enc != "identity" && body.err == nil {
			return nil, zlibError(err)
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			// Config.RequestTimeout passed with the body still arriving.
			return nil, newParseError(408, "request.timeout", "request timed out", map[string]any{"expected": length, "received": int64(len(data))})
		}
		if errors.Is(err, io.ErrUnexpectedEOF) && length >= 0 {
			return nil, newParseError(400, "request.size.invalid", "request size did not match content length",
				map[string]any{"expected": length, "length": length, "received": int64(len(data))})
		}
		return nil, newParseError(400, "request.aborted", "request aborted", map[string]any{"expected": length, "received": int64(len(data))})
	}
	if length >= 0 && int64(len(data)) != length {
		return nil, newParseError(400, "request.size.invalid", "request size did not match content length",
			map[string]any{"expected": length, "length": length, "received": int64(len(data))})
	}
	return data, nil
}

// readChunks reads an inflating stream in zlib-sized chunks until EOF or until more than limit bytes
// have arrived (the result is then longer than limit, by at most one chunk).
func readChunks(src io.Reader, limit int64) ([]byte, error) {
	var data []byte
	buf := make([]byte, inflateChunk)
	for int64(len(data)) <= limit {
		n := 0
		var err error
		for n < len(buf) && err == nil {
			var m int
			m, err = src.Read(buf[n:])
			n += m
		}
		data = append(data, buf[:n]...)
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
	return data, nil
}

// decodeCharset is iconv-lite's decode for the charsets body parsers accept: UTF-8 (BOM stripped),
// UTF-16LE/BE and Latin-1; others are 415.
func decodeCharset(data []byte, charset string) (string, *parseError) {
	switch charset {
	case "utf-8", "utf8", "":
		s := string(data)
		s = strings.TrimPrefix(s, "\uFEFF")
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		return s, nil
	case "utf-16le", "utf16le", "ucs-2", "ucs2", "utf-16":
		return decodeUTF16(data, false), nil
	case "utf-16be", "utf16be":
		return decodeUTF16(data, true), nil
	case "latin1", "iso-8859-1", "binary", "ascii", "us-ascii":
		runes := make([]rune, len(data))
		for i, b := range data {
			runes[i] = rune(b)
		}
		return string(runes), nil
	}
	return "", unsupportedCharset(charset)
}

func decodeUTF16(data []byte, bigEndian bool) string {
	units := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		if bigEndian {
			units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			units = append(units, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	if len(units) > 0 && units[0] == 0xFEFF {
		units = units[1:]
	}
	return string(utf16.Decode(units))
}

// parseBytes is the bytes package's parse for limit options: a number of bytes or "<n><unit>" with
// b, kb, mb, gb, tb, pb (powers of 1024). ok is false for values bytes.parse rejects (no limit).
func parseBytes(s string) (int64, bool) {
	s = strings.TrimSpace(strings.ToLower(s))
	units := []struct {
		suffix string
		mul    float64
	}{{"pb", 1 << 50}, {"tb", 1 << 40}, {"gb", 1 << 30}, {"mb", 1 << 20}, {"kb", 1 << 10}, {"b", 1}}
	mul := 1.0
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			mul = u.mul
			s = strings.TrimSpace(strings.TrimSuffix(s, u.suffix))
			break
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return int64(f * mul), true
}
