package express

import (
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"
	"strings"
)

// inflateChunk is the size of the chunks Node's zlib streams emit (zlib's default chunkSize). Limits
// are checked per chunk, as raw-body counts what the inflate stream hands it.
const inflateChunk = 16 << 10

// contentStream is body-parser's contentstream: the request body, gunzipped or inflated by its
// Content-Encoding (any case). inflate false refuses every encoding but identity (415 "content
// encoding unsupported"); unknown encodings are 415 `unsupported content encoding "br"`. body
// records failures of the request body itself, so they can be told apart from corrupt compressed data.
func contentStream(enc string, body *bodyReader, inflate bool) (io.Reader, *parseError) {
	switch {
	case enc == "identity":
		return body, nil
	case !inflate:
		return nil, newParseError(415, "encoding.unsupported", "content encoding unsupported", map[string]any{"encoding": enc})
	case enc == "gzip":
		return &lazyInflater{open: func() (io.Reader, error) { return gzip.NewReader(body) }}, nil
	case enc == "deflate":
		return &lazyInflater{open: func() (io.Reader, error) { return zlib.NewReader(body) }}, nil
	}
	return nil, newParseError(415, "encoding.unsupported", `unsupported content encoding "`+enc+`"`, map[string]any{"encoding": enc})
}

// contentEncoding is the request's Content-Encoding as body-parser reads it: lower-cased, identity
// when absent.
func contentEncoding(header string) string {
	if header == "" {
		return "identity"
	}
	return strings.ToLower(header)
}

// lazyInflater opens its decompressor on the first read, so that a bad header is a read error like
// every other zlib error.
type lazyInflater struct {
	open func() (io.Reader, error)
	r    io.Reader
}

func (l *lazyInflater) Read(p []byte) (int, error) {
	if l.r == nil {
		r, err := l.open()
		if err != nil {
			return 0, err
		}
		l.r = r
	}
	return l.r.Read(p)
}

// bodyReader wraps the request body and remembers its own errors (a client that went away), which
// are "request aborted" rather than zlib errors.
type bodyReader struct {
	r   io.Reader
	err error
}

func (b *bodyReader) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err != nil && err != io.EOF {
		b.err = err
	}
	return n, err
}

// zlibError is the error Node's zlib stream emits for corrupt input, which body-parser forwards as a
// 400 keeping zlib's message, code and errno.
func zlibError(err error) *parseError {
	msg, code, errno := "incorrect data check", "Z_DATA_ERROR", -3
	var corrupt flate.CorruptInputError
	switch {
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, zlib.ErrHeader):
		msg = "incorrect header check"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		msg, code, errno = "unexpected end of file", "Z_BUF_ERROR", -5
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, zlib.ErrChecksum), errors.As(err, &corrupt):
	}
	return &parseError{status: 400, name: "Error", msg: msg, props: map[string]any{"code": code, "errno": errno}}
}
