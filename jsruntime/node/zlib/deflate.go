package zlib

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/binary"
	"hash/crc32"
)

// deflater is the engine of the Deflate, Gzip and DeflateRaw streams: compress/flate wrapped in the
// zlib or gzip framing zlib writes, with zlib's header bytes (level flags, gzip XFL and OS), its
// flush semantics and its Adler-32/CRC-32 trailers. The compressed bytes differ from zlib's (another
// implementation), but every stream decodes with zlib.
//
// What compress/flate cannot follow: windowBits and memLevel (it always uses a 32 KiB window, so a
// zlib header always declares one), the Z_FILTERED, Z_RLE and Z_FIXED strategies (compressed at the
// level instead), and Z_PARTIAL_FLUSH and Z_BLOCK, which are sync flushes here.
type deflater struct {
	mode     int // modeDeflate, modeGzip or modeDeflateRaw
	level    int // 0-9, -1 resolved to 6
	strategy int
	dict     []byte

	fw        *flate.Writer // made on first use: a compressor is large, and many streams never write
	out       bytes.Buffer  // compressed bytes not yet handed out
	started   bool          // the wrapper header is written
	finished  bool          // Z_FINISH has been processed
	check     uint32        // Adler-32 (zlib) or CRC-32 (gzip) of the input
	size      uint32        // input length mod 2^32 (gzip)
	lastFlush int           // the flush of the previous call, for zlib's duplicate-flush rule
}

// zHuffmanOnly is the first strategy zlib treats as "no string matching" for its header flags.
const zHuffmanOnly = 2

// compressPiece bounds how much input is compressed between checks of the runtime's context.
const compressPiece = 256 << 10

func newDeflater(mode, level, strategy int, dict []byte) *deflater {
	if level < 0 {
		level = 6
	}
	if mode == modeGzip {
		dict = nil // zlib has no dictionary in gzip streams
	}
	d := &deflater{mode: mode, level: level, strategy: strategy, dict: dict}
	d.reset()
	return d
}

func (d *deflater) reset() {
	d.fw = nil
	d.out.Reset()
	d.started, d.finished = false, false
	d.check = 1
	if d.mode == modeGzip {
		d.check = 0
	}
	d.size = 0
	d.lastFlush = zNoFlush
}

// newWriter makes a compressor at the current level and strategy, writing to d.out.
func (d *deflater) newWriter() *flate.Writer {
	level := d.level
	if d.strategy == zHuffmanOnly {
		level = flate.HuffmanOnly
	}
	var fw *flate.Writer
	if d.dict != nil {
		fw, _ = flate.NewWriterDict(&d.out, level, d.dict)
	} else {
		fw, _ = flate.NewWriter(&d.out, level) // level is always valid here
	}
	return fw
}

// params changes level and strategy mid-stream (zlib's deflateParams). Node has already flushed;
// compression continues in fresh blocks, which is a valid continuation of the stream.
func (d *deflater) params(level, strategy int) {
	if level < 0 {
		level = 6
	}
	if level == d.level && strategy == d.strategy {
		return
	}
	d.level, d.strategy = level, strategy
	if d.fw != nil && !d.finished {
		d.fw = d.newWriter()
	}
}

// rank orders flushes as zlib's deflate() does to skip a flush that would repeat the previous one.
func rank(flush int) int {
	if flush > zFinish {
		return flush*2 - 9
	}
	return flush * 2
}

func (d *deflater) process(ctx context.Context, flush int, in []byte, limit int) ([]byte, int, *codecError) {
	if d.out.Len() > 0 {
		// Node calls again while the output comes back full; the input was all taken before.
		return d.drain(limit), 0, nil
	}
	if d.finished {
		return nil, 0, nil
	}
	if !d.started {
		d.writeHeader()
		d.started = true
	}
	if d.fw == nil {
		d.fw = d.newWriter()
	}
	for rest := in; len(rest) > 0; {
		if err := ctx.Err(); err != nil {
			return nil, 0, &codecError{message: err.Error(), errno: -2, code: "Z_STREAM_ERROR"}
		}
		n := min(len(rest), compressPiece)
		_, _ = d.fw.Write(rest[:n]) // writes to a bytes.Buffer cannot fail
		d.sum(rest[:n])
		rest = rest[n:]
	}
	previous := d.lastFlush
	d.lastFlush = flush
	switch {
	case flush == zFinish:
		_ = d.fw.Close()
		d.writeTrailer()
		d.finished = true
	case flush == zNoFlush:
	case len(in) == 0 && rank(flush) <= rank(previous):
		// Nothing new since an equal or stronger flush: zlib writes nothing.
	default:
		_ = d.fw.Flush()
		if flush == zFullFlush && d.dict == nil {
			// A full flush also forgets the history, so decoding can restart here.
			d.fw.Reset(&d.out)
		}
	}
	return d.drain(limit), len(in), nil
}

// drain hands out up to limit bytes of compressed output.
func (d *deflater) drain(limit int) []byte {
	n := min(limit, d.out.Len())
	if n == 0 {
		return nil
	}
	out := make([]byte, n)
	_, _ = d.out.Read(out)
	return out
}

func (d *deflater) sum(p []byte) {
	switch d.mode {
	case modeDeflate:
		d.check = adler32Update(d.check, p)
	case modeGzip:
		d.check = crc32.Update(d.check, crc32.IEEETable, p)
		d.size += uint32(len(p))
	}
}

// writeHeader writes the zlib or gzip header zlib's deflate() writes.
func (d *deflater) writeHeader() {
	switch d.mode {
	case modeDeflate:
		var levelFlags uint16
		switch {
		case d.strategy >= zHuffmanOnly || d.level < 2:
			levelFlags = 0
		case d.level < 6:
			levelFlags = 1
		case d.level == 6:
			levelFlags = 2
		default:
			levelFlags = 3
		}
		// CMF: deflate with a 32 KiB window (compress/flate's), then FLG.
		header := uint16(0x78)<<8 | levelFlags<<6
		if d.dict != nil {
			header |= 0x20
		}
		header += 31 - header%31
		d.out.Write(binary.BigEndian.AppendUint16(nil, header))
		if d.dict != nil {
			d.out.Write(binary.BigEndian.AppendUint32(nil, adler32Update(1, d.dict)))
		}
	case modeGzip:
		xfl := byte(0)
		switch {
		case d.level == 9:
			xfl = 2
		case d.strategy >= zHuffmanOnly || d.level < 2:
			xfl = 4
		}
		// Magic, deflate, no flags, no mtime, XFL, OS 3 (Unix), as zlib writes it without a gzip header
		// of the caller's.
		d.out.Write([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3})
	}
}

func (d *deflater) writeTrailer() {
	switch d.mode {
	case modeDeflate:
		d.out.Write(binary.BigEndian.AppendUint32(nil, d.check))
	case modeGzip:
		d.out.Write(binary.LittleEndian.AppendUint32(nil, d.check))
		d.out.Write(binary.LittleEndian.AppendUint32(nil, d.size))
	}
}
