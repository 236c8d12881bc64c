package zlib

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math/bits"
	"reflect"

	"github.com/andybalholm/brotli"
)

// Brotli parameter keys (zlib.constants.BROTLI_PARAM_*, BROTLI_DECODER_PARAM_*).
const (
	brotliParamQuality  = 1
	brotliParamLGWin    = 2
	brotliParamSizeHint = 5
	brotliParamMax      = 8 // the highest BROTLI_PARAM_ key; Node rejects larger ones

	brotliDecoderParamMax = 1 // BROTLI_DECODER_PARAM_LARGE_WINDOW
)

// brotliEncoder is the engine of BrotliCompress, over github.com/andybalholm/brotli. Of the
// encoder parameters it follows quality, window size and size hint; the others (mode, block size,
// literal context modelling, large window, postfix and direct distance codes) only tune the
// encoder in Node and have no equivalent in that implementation.
//
// The window is never larger than the input needs when its size is known (a size hint, or the
// whole input in one finishing call, as the one-shot functions make): the encoder's tables grow with
// the window, to some 34 MiB at the default quality, which a short payload does not need.
type brotliEncoder struct {
	opts     brotli.WriterOptions
	sizeHint int            // BROTLI_PARAM_SIZE_HINT, 0 when unknown
	w        *brotli.Writer // made on first use, as it is large
	out      bytes.Buffer
	finished bool
}

// newBrotliEncoder applies params (key to value, unset ones absent) with the C encoder's clamping.
func newBrotliEncoder(params map[int]uint32) *brotliEncoder {
	opts := brotli.WriterOptions{Quality: 11, LGWin: 22}
	if q, ok := params[brotliParamQuality]; ok {
		opts.Quality = int(min(q, 11))
	}
	if w, ok := params[brotliParamLGWin]; ok {
		opts.LGWin = int(max(min(w, 24), 10))
	}
	e := &brotliEncoder{opts: opts, sizeHint: int(params[brotliParamSizeHint])}
	e.reset()
	return e
}

func (e *brotliEncoder) reset() {
	e.out.Reset()
	e.w = nil
	e.finished = false
}

func (e *brotliEncoder) process(ctx context.Context, op int, in []byte, limit int) ([]byte, int, *codecError) {
	if e.out.Len() > 0 {
		return e.drain(limit), 0, nil
	}
	if e.finished {
		return nil, 0, nil
	}
	if e.w == nil {
		size := e.sizeHint
		if op == brotliFinish && (size == 0 || len(in) < size) {
			size = len(in)
		}
		e.w = brotli.NewWriterOptions(&e.out, windowFor(e.opts, size))
	}
	for rest := in; len(rest) > 0; {
		if err := ctx.Err(); err != nil {
			return nil, 0, &codecError{message: err.Error(), errno: -2, code: "Z_STREAM_ERROR"}
		}
		n := min(len(rest), compressPiece)
		if _, err := e.w.Write(rest[:n]); err != nil {
			return nil, 0, &codecError{message: "Compression failed", errno: -2, code: "ERR_BROTLI_COMPRESSION_FAILED"}
		}
		rest = rest[n:]
	}
	var err error
	switch op {
	case brotliFinish:
		err = e.w.Close()
		e.finished = true
	case brotliFlush, brotliEmitMetadata:
		err = e.w.Flush()
	}
	if err != nil {
		return nil, 0, &codecError{message: "Compression failed", errno: -2, code: "ERR_BROTLI_COMPRESSION_FAILED"}
	}
	return e.drain(limit), len(in), nil
}

// windowFor lowers the window of opts to the smallest that holds size bytes (0: size unknown).
func windowFor(opts brotli.WriterOptions, size int) brotli.WriterOptions {
	if size > 0 {
		opts.LGWin = min(opts.LGWin, max(bits.Len(uint(size-1)), 10))
	}
	return opts
}

func (e *brotliEncoder) drain(limit int) []byte {
	n := min(limit, e.out.Len())
	if n == 0 {
		return nil
	}
	out := make([]byte, n)
	_, _ = e.out.Read(out)
	return out
}

// brotliDecoder is the engine of BrotliDecompress. The brotli.Reader pulls its input; it reads
// from a feed that returns (0, nil) when the pushed input is used up, which the Reader passes on
// without losing its state, so it can be driven by pushes.
type brotliDecoder struct {
	src  feed
	r    *brotli.Reader
	done bool
}

// feed is the input of one process call.
type feed struct {
	b    []byte
	n    int  // bytes handed to the reader
	last bool // no more input will come: report io.EOF when empty
}

func (f *feed) Read(p []byte) (int, error) {
	if len(f.b) == 0 {
		if f.last {
			return 0, io.EOF
		}
		return 0, nil
	}
	n := copy(p, f.b)
	f.b = f.b[n:]
	f.n += n
	return n, nil
}

func newBrotliDecoder() *brotliDecoder {
	d := &brotliDecoder{}
	d.reset()
	return d
}

func (d *brotliDecoder) reset() {
	d.src = feed{}
	d.r = brotli.NewReader(&d.src)
	d.done = false
}

func (d *brotliDecoder) process(_ context.Context, op int, in []byte, limit int) ([]byte, int, *codecError) {
	if d.done {
		return nil, 0, nil
	}
	d.src.b, d.src.n, d.src.last = in, 0, op == brotliFinish
	out := make([]byte, limit)
	got := 0
	for got < limit {
		before := d.src.n
		n, err := d.r.Read(out[got:])
		got += n
		switch {
		case err == io.EOF:
			d.done = true
		case err == io.ErrUnexpectedEOF:
			return nil, d.src.n, errUnexpectedEnd
		case err != nil && err.Error() == "brotli: excessive input":
			// Data after the end of the stream is ignored, as Node does.
			d.done = true
		case err != nil:
			return nil, d.src.n, brotliError(err)
		case n == 0 && d.src.n == before && len(d.src.b) == 0 && !d.src.last:
			// The reader wants more input (or has ended, which the next input or the finish tells).
			return out[:got:got], d.src.n, nil
		}
		if d.done {
			break
		}
	}
	return out[:got:got], d.src.n, nil
}

// brotliError turns a decoding error of the brotli package into Node's: "Decompression failed" with
// the decoder's error code as errno and its name as code, as Node builds it (ERR_ followed by the C
// library's error string, hence the double underscore).
func brotliError(err error) *codecError {
	v := reflect.ValueOf(err)
	if v.Kind() == reflect.Int && v.Type().PkgPath() == "github.com/andybalholm/brotli" {
		code := int(v.Int())
		return &codecError{message: "Decompression failed", errno: code, code: "ERR_" + brotliErrorNames[code]}
	}
	var ce *codecError
	if errors.As(err, &ce) {
		return ce
	}
	return &codecError{message: "Decompression failed", errno: -31, code: "ERR__ERROR_UNREACHABLE"}
}

// brotliErrorNames are the C decoder's BrotliDecoderErrorString values.
var brotliErrorNames = map[int]string{
	-1: "_ERROR_FORMAT_EXUBERANT_NIBBLE", -2: "_ERROR_FORMAT_RESERVED",
	-3: "_ERROR_FORMAT_EXUBERANT_META_NIBBLE", -4: "_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET",
	-5: "_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME", -6: "_ERROR_FORMAT_CL_SPACE", -7: "_ERROR_FORMAT_HUFFMAN_SPACE",
	-8: "_ERROR_FORMAT_CONTEXT_MAP_REPEAT", -9: "_ERROR_FORMAT_BLOCK_LENGTH_1", -10: "_ERROR_FORMAT_BLOCK_LENGTH_2",
	-11: "_ERROR_FORMAT_TRANSFORM", -12: "_ERROR_FORMAT_DICTIONARY", -13: "_ERROR_FORMAT_WINDOW_BITS",
	-14: "_ERROR_FORMAT_PADDING_1", -15: "_ERROR_FORMAT_PADDING_2", -16: "_ERROR_FORMAT_DISTANCE",
	-17: "_ERROR_FORMAT_BLOCK_SWITCH", -19: "_ERROR_DICTIONARY_NOT_SET", -20: "_ERROR_INVALID_ARGUMENTS",
	-21: "_ERROR_ALLOC_CONTEXT_MODES", -22: "_ERROR_ALLOC_TREE_GROUPS", -25: "_ERROR_ALLOC_CONTEXT_MAP",
	-26: "_ERROR_ALLOC_RING_BUFFER_1", -27: "_ERROR_ALLOC_RING_BUFFER_2", -30: "_ERROR_ALLOC_BLOCK_TYPE_TREES",
	-31: "_ERROR_UNREACHABLE",
}
