package zlib

// codecError is a failure of a compression stream, with the message, errno and code Node puts on
// the Error it emits ("incorrect header check", -3, "Z_DATA_ERROR").
type codecError struct {
	message string
	errno   int
	code    string
}

func (e *codecError) Error() string { return e.message }

// zlib's return codes, as Node reports them in errno and code.
const (
	zNeedDict  = 2
	zDataError = -3
	zBufError  = -5
)

func dataError(msg string) *codecError {
	return &codecError{message: msg, errno: zDataError, code: "Z_DATA_ERROR"}
}

// errUnexpectedEnd is Node's error for input that stops before the end of the compressed stream
// when the stream is being finished.
var errUnexpectedEnd = &codecError{message: "unexpected end of file", errno: zBufError, code: "Z_BUF_ERROR"}
