package zlib

import (
	"context"
)

// engine is one compression or decompression stream behind a zlib handle. process is one call of
// zlib's deflate()/inflate() as Node makes it: it consumes what it wants of in, returns at most limit
// bytes of output and how many bytes of in it consumed. Node calls again with the rest of the input
// while the output comes back full. An engine is used by one goroutine at a time.
type engine interface {
	process(ctx context.Context, flush int, in []byte, limit int) (out []byte, consumed int, err *codecError)
	// reset starts a new stream with the same options (handle.reset()).
	reset()
}

// Node's stream modes (zlib.constants.DEFLATE ...).
const (
	modeDeflate = iota + 1
	modeInflate
	modeGzip
	modeGunzip
	modeDeflateRaw
	modeInflateRaw
	modeUnzip
	modeBrotliDecode
	modeBrotliEncode
)

// Flush values of zlib (Z_NO_FLUSH ...) and Brotli's operations.
const (
	zNoFlush      = 0
	zPartialFlush = 1
	zSyncFlush    = 2
	zFullFlush    = 3
	zFinish       = 4
	zBlock        = 5

	brotliProcess      = 0
	brotliFlush        = 1
	brotliFinish       = 2
	brotliEmitMetadata = 3
)

// decoder is the engine of the Inflate, Gunzip, Unzip and InflateRaw streams.
type decoder struct {
	inf *inflater
	// members: a gzip stream continues with the next member when one ends and input remains that
	// does not start with a zero byte (zero padding ends it), as Node does for Gunzip and for an Unzip
	// that found a gzip header.
	members bool
	mode    int
}

func newDecoder(mode, windowBits int, dict []byte) *decoder {
	var inf *inflater
	switch mode {
	case modeInflate:
		inf = newInflater(wrapZlib, windowBits, dict)
	case modeGunzip:
		inf = newInflater(wrapGzip, windowBits, nil)
	case modeUnzip:
		inf = newInflater(wrapZlib|wrapGzip, windowBits, dict)
	default:
		inf = newInflater(0, windowBits, dict)
	}
	return &decoder{inf: inf, mode: mode, members: mode == modeGunzip}
}

func (d *decoder) reset() { d.inf.resetStream() }

func (d *decoder) process(_ context.Context, flush int, in []byte, limit int) ([]byte, int, *codecError) {
	f := d.inf
	consumed := 0
	for {
		if f.done() {
			if !d.members || consumed == len(in) || in[consumed] == 0 || f.pending() >= limit {
				break
			}
			f.nextMember()
		}
		consumed += f.run(in[consumed:], limit)
		if d.mode == modeUnzip && f.gzip {
			d.members = true
		}
		if !f.done() {
			break
		}
	}
	if err := f.failed(); err != nil {
		return nil, consumed, err
	}
	out := f.take(limit)
	// zlib's inflate() with Z_FINISH returns Z_BUF_ERROR when the stream has not ended and there is
	// output space left, which Node reports as a truncated input.
	if flush == zFinish && !f.done() && len(out) < limit {
		return nil, consumed, errUnexpectedEnd
	}
	return out, consumed, nil
}
