package zlib

import (
	"hash/adler32"
	"hash/crc32"
)

// inflater is zlib's inflate() in Go: a DEFLATE decoder (RFC 1951) with the zlib (RFC 1950) and gzip
// (RFC 1952) wrappers, driven by pushes of input. It reads input a byte at a time as it needs it,
// emits everything it can decode from what it was given, may stop when its output reaches a limit,
// and resumes exactly where it stopped. Corrupt input is reported with zlib's own messages ("invalid
// block type", "incorrect data check", ...) at the same point zlib reports it, so the stream errors,
// output chunking and bytesWritten counts Node's zlib streams show are reproduced.
//
// Go's compress/flate cannot do this: it pulls input from a reader, holds decoded bytes back until a
// block or its window ends, has a sticky error once input runs out, and reports all corruption as
// "corrupt input".
type inflater struct {
	wrap  int    // wrappers allowed: wrapZlib, wrapGzip (0: raw deflate)
	wbits int    // window bits from the options, 0 to take them from the zlib header
	dict  []byte // preset dictionary, if any

	mode    mode
	err     *codecError // set when mode is modeBad
	last    bool        // the current block is the final one
	gzip    bool        // the current stream has a gzip wrapper (zlib's state->flags != 0)
	flags   int         // gzip header flags
	wbitsIn int         // window bits in effect for this stream
	hcrc    uint32      // CRC of the gzip header so far
	check   uint32      // Adler-32 or CRC-32 of the output so far
	total   uint32      // output length mod 2^32, for the gzip length check
	length  int         // stored block bytes left, gzip extra bytes left, or match length
	extra   uint        // extra bits of the current length or distance code
	dist    int
	nlen    int
	ndist   int
	ncode   int
	have    int // code lengths read so far
	lens    [320]uint16
	codes   huffTable
	litTab  huffTable
	distTab huffTable
	lit     *huffTable // tables of the current block (fixed or litTab/distTab)
	dst     *huffTable

	// Input of the current call and the bit buffer, least significant bit first.
	in   []byte
	pos  int
	hold uint64
	bits uint

	// Output: win[:w] is the history matches copy from; win[r:w] is decoded but not yet handed out;
	// win[c:w] is not yet in check. whave is how far back a match may reach.
	win   []byte
	w     int
	r     int
	c     int
	whave int
}

// mode is the inflater's state, named after zlib's inflate modes.
type mode int

const (
	modeHead mode = iota
	modeFlags
	modeTime
	modeOS
	modeExLen
	modeExtra
	modeName
	modeComment
	modeHCRC
	modeDictID
	modeType
	modeStoredLen
	modeCopy
	modeTable
	modeLenLens
	modeCodeLens
	modeLen
	modeLenExt
	modeDist
	modeDistExt
	modeCheck
	modeLength
	modeDone
	modeBad
)

const (
	wrapZlib = 1
	wrapGzip = 2

	maxDist  = 32768 // the farthest a DEFLATE match reaches back
	maxMatch = 258
)

// Base values and extra bits of the length codes 257..285 and distance codes 0..29 (RFC 1951 §3.2.5).
var (
	lenBase   = [...]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lenExtra  = [...]uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase  = [...]int{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra = [...]uint{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
	// lensOrder is the order code-length code lengths are stored in.
	lensOrder = [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
)

// newInflater returns a decoder for the given wrappers; wbits is Node's windowBits option (0 for
// "from the header"), dict the dictionary option.
func newInflater(wrap, wbits int, dict []byte) *inflater {
	f := &inflater{wrap: wrap, wbits: wbits, dict: dict}
	f.resetStream()
	return f
}

// resetStream starts a new stream, as zlib's inflateReset does, keeping the options and dropping
// pending output. A raw stream gets its dictionary at once; a zlib stream asks for it in its header.
func (f *inflater) resetStream() {
	f.w, f.r, f.c = 0, 0, 0
	f.nextMember()
	if f.wrap == 0 && len(f.dict) > 0 {
		f.setDictionary()
	}
}

// nextMember starts the next member of a gzip file after one has ended: a new stream whose history
// starts empty, while output of the previous member not yet handed out stays pending.
func (f *inflater) nextMember() {
	f.mode = modeHead
	f.err = nil
	f.last, f.gzip = false, false
	f.flags = 0
	f.wbitsIn = f.wbits
	f.total = 0
	f.hold, f.bits = 0, 0
	f.whave = 0
}

// done reports whether the stream has ended (trailer checked).
func (f *inflater) done() bool { return f.mode == modeDone }

// failed returns the stream's error, if it has one.
func (f *inflater) failed() *codecError {
	if f.mode == modeBad {
		return f.err
	}
	return nil
}

// pending is the number of decoded bytes not yet handed out.
func (f *inflater) pending() int { return f.w - f.r }

// run decodes from in until the stream ends or fails, in is used up, or at least limit decoded
// bytes are pending. It returns how many bytes of in it consumed.
func (f *inflater) run(in []byte, limit int) int {
	f.in, f.pos = in, 0
	f.decode(limit)
	f.in = nil
	return f.pos
}

// take hands out up to limit pending bytes, in a new slice.
func (f *inflater) take(limit int) []byte {
	n := min(limit, f.w-f.r)
	if n == 0 {
		return nil
	}
	f.updateCheck()
	out := make([]byte, n)
	copy(out, f.win[f.r:f.r+n])
	f.r += n
	return out
}

func (f *inflater) fail(msg string) {
	f.err = dataError(msg)
	f.mode = modeBad
}

// need makes sure n bits are in the bit buffer, reporting false when the input runs out first.
func (f *inflater) need(n uint) bool {
	for f.bits < n {
		if f.pos >= len(f.in) {
			return false
		}
		f.hold |= uint64(f.in[f.pos]) << f.bits
		f.pos++
		f.bits += 8
	}
	return true
}

// peek returns the low n bits of the bit buffer.
func (f *inflater) peek(n uint) uint32 { return uint32(f.hold & (1<<n - 1)) }

func (f *inflater) drop(n uint) {
	f.hold >>= n
	f.bits -= n
}

// getBits consumes and returns n bits already in the buffer.
func (f *inflater) getBits(n uint) int {
	v := int(f.peek(n))
	f.drop(n)
	return v
}

// alignToByte drops the bits left in the current byte.
func (f *inflater) alignToByte() { f.drop(f.bits & 7) }

// lookup decodes one symbol with t, pulling input bytes until the entry's code is complete. It
// reports false when the input runs out first. The entry is returned undropped.
func (f *inflater) lookup(t *huffTable) (uint32, bool) {
	for {
		e := t.entries[f.hold&(1<<t.width-1)]
		if uint(e>>entryLenShft&0xf) <= f.bits {
			return e, true
		}
		if f.pos >= len(f.in) {
			return 0, false
		}
		f.hold |= uint64(f.in[f.pos]) << f.bits
		f.pos++
		f.bits += 8
	}
}

// headerBytes adds the bytes of v (n of them, least significant first) to the gzip header CRC.
func (f *inflater) headerBytes(v uint64, n int) {
	var b [4]byte
	for i := range n {
		b[i] = byte(v >> (8 * i))
	}
	f.hcrc = crc32.Update(f.hcrc, crc32.IEEETable, b[:n])
}

// decode is the state machine of zlib's inflate(). Each mode first makes sure its input is there and
// returns without consuming anything of its step when it is not, so the next call resumes it.
func (f *inflater) decode(limit int) {
	for {
		switch f.mode {
		case modeHead:
			if f.wrap == 0 {
				f.mode = modeType
				continue
			}
			if !f.need(16) {
				return
			}
			if f.wrap&wrapGzip != 0 && f.hold&0xffff == 0x8b1f {
				if f.wbitsIn == 0 {
					f.wbitsIn = 15
				}
				f.hcrc = 0
				f.headerBytes(f.hold, 2)
				f.drop(16)
				f.gzip = true
				f.mode = modeFlags
				continue
			}
			if f.wrap&wrapZlib == 0 || ((f.hold&0xff)<<8+(f.hold>>8&0xff))%31 != 0 {
				f.fail("incorrect header check")
				continue
			}
			if f.hold&0xf != 8 {
				f.fail("unknown compression method")
				continue
			}
			f.drop(4)
			n := f.getBits(4) + 8
			if f.wbitsIn == 0 {
				f.wbitsIn = n
			}
			if n > 15 || n > f.wbitsIn {
				f.fail("invalid window size")
				continue
			}
			f.check = adler32.Checksum(nil)
			hasDict := f.hold&0x20 != 0
			f.drop(8)
			if hasDict {
				f.mode = modeDictID
			} else {
				f.mode = modeType
			}
		case modeFlags:
			if !f.need(16) {
				return
			}
			f.flags = int(f.hold & 0xffff)
			if f.flags&0xff != 8 {
				f.fail("unknown compression method")
				continue
			}
			if f.flags&0xe000 != 0 {
				f.fail("unknown header flags set")
				continue
			}
			f.headerBytes(f.hold, 2)
			f.drop(16)
			f.mode = modeTime
		case modeTime:
			if !f.need(32) {
				return
			}
			f.headerBytes(f.hold, 4)
			f.drop(32)
			f.mode = modeOS
		case modeOS:
			if !f.need(16) {
				return
			}
			f.headerBytes(f.hold, 2)
			f.drop(16)
			f.mode = modeExLen
		case modeExLen:
			if f.flags&0x0400 != 0 {
				if !f.need(16) {
					return
				}
				f.length = int(f.hold & 0xffff)
				f.headerBytes(f.hold, 2)
				f.drop(16)
			}
			f.mode = modeExtra
		case modeExtra:
			if f.flags&0x0400 != 0 {
				n := min(f.length, len(f.in)-f.pos)
				f.hcrc = crc32.Update(f.hcrc, crc32.IEEETable, f.in[f.pos:f.pos+n])
				f.pos += n
				f.length -= n
				if f.length > 0 {
					return
				}
			}
			f.mode = modeName
		case modeName, modeComment:
			flag := 0x0800
			if f.mode == modeComment {
				flag = 0x1000
			}
			if f.flags&flag != 0 && !f.skipZeroTerminated() {
				return
			}
			f.mode++
		case modeHCRC:
			if f.flags&0x0200 != 0 {
				if !f.need(16) {
					return
				}
				if uint32(f.hold&0xffff) != f.hcrc&0xffff {
					f.fail("header crc mismatch")
					continue
				}
				f.drop(16)
			}
			f.check = crc32.Checksum(nil, crc32.IEEETable)
			f.mode = modeType
		case modeDictID:
			if !f.need(32) {
				return
			}
			id := uint32(f.getBits(8))<<24 | uint32(f.getBits(8))<<16 | uint32(f.getBits(8))<<8 | uint32(f.getBits(8))
			// Node loads its dictionary option when zlib asks for one, and tells a missing dictionary
			// from a wrong one (zlib's Z_NEED_DICT, errno 2).
			switch {
			case len(f.dict) == 0:
				f.err = &codecError{message: "Missing dictionary", errno: zNeedDict, code: "Z_NEED_DICT"}
				f.mode = modeBad
				continue
			case adler32.Checksum(f.dict) != id:
				f.err = &codecError{message: "Bad dictionary", errno: zNeedDict, code: "Z_NEED_DICT"}
				f.mode = modeBad
				continue
			}
			f.setDictionary()
			f.mode = modeType
		case modeType:
			if f.last {
				f.alignToByte()
				f.mode = modeCheck
				continue
			}
			if !f.need(3) {
				return
			}
			f.last = f.getBits(1) == 1
			switch f.getBits(2) {
			case 0:
				f.mode = modeStoredLen
			case 1:
				fixed := fixedTables()
				f.lit, f.dst = fixed[0], fixed[1]
				f.mode = modeLen
			case 2:
				f.mode = modeTable
			default:
				f.fail("invalid block type")
			}
		case modeStoredLen:
			f.alignToByte()
			if !f.need(32) {
				return
			}
			if f.hold&0xffff != (f.hold>>16^0xffff)&0xffff {
				f.fail("invalid stored block lengths")
				continue
			}
			f.length = int(f.hold & 0xffff)
			f.drop(32)
			f.mode = modeCopy
		case modeCopy:
			for f.length > 0 {
				room := limit - f.pending()
				n := min(f.length, len(f.in)-f.pos, room, maxDist)
				if n <= 0 {
					return
				}
				f.reserve(n)
				copy(f.win[f.w:], f.in[f.pos:f.pos+n])
				f.pos += n
				f.wrote(n)
				f.length -= n
			}
			f.mode = modeType
		case modeTable:
			if !f.need(14) {
				return
			}
			f.nlen = f.getBits(5) + 257
			f.ndist = f.getBits(5) + 1
			f.ncode = f.getBits(4) + 4
			if f.nlen > 286 || f.ndist > 30 {
				f.fail("too many length or distance symbols")
				continue
			}
			f.have = 0
			f.mode = modeLenLens
		case modeLenLens:
			for f.have < f.ncode {
				if !f.need(3) {
					return
				}
				f.lens[lensOrder[f.have]] = uint16(f.getBits(3))
				f.have++
			}
			for ; f.have < 19; f.have++ {
				f.lens[lensOrder[f.have]] = 0
			}
			if !f.codes.build(f.lens[:19], kindCodes) {
				f.fail("invalid code lengths set")
				continue
			}
			f.have = 0
			f.mode = modeCodeLens
		case modeCodeLens:
			if !f.codeLengths() {
				return
			}
			if f.mode == modeBad {
				continue
			}
			if f.lens[256] == 0 {
				f.fail("invalid code -- missing end-of-block")
				continue
			}
			if !f.litTab.build(f.lens[:f.nlen], kindLens) {
				f.fail("invalid literal/lengths set")
				continue
			}
			if !f.distTab.build(f.lens[f.nlen:f.nlen+f.ndist], kindDists) {
				f.fail("invalid distances set")
				continue
			}
			f.lit, f.dst = &f.litTab, &f.distTab
			f.mode = modeLen
		case modeLen:
			if !f.literals(limit) {
				return
			}
		case modeLenExt:
			if f.extra > 0 {
				if !f.need(f.extra) {
					return
				}
				f.length += f.getBits(f.extra)
			}
			f.mode = modeDist
		case modeDist:
			e, ok := f.lookup(f.dst)
			if !ok {
				return
			}
			f.drop(uint(e >> entryLenShft & 0xf))
			sym := int(e & entrySymbol)
			if e&entryInvalid != 0 || sym > 29 {
				f.fail("invalid distance code")
				continue
			}
			f.dist = distBase[sym]
			f.extra = distExtra[sym]
			f.mode = modeDistExt
		case modeDistExt:
			if f.extra > 0 {
				if !f.need(f.extra) {
					return
				}
				f.dist += f.getBits(f.extra)
			}
			if f.dist > f.whave {
				f.fail("invalid distance too far back")
				continue
			}
			f.reserve(f.length)
			for i := range f.length {
				f.win[f.w+i] = f.win[f.w+i-f.dist]
			}
			f.wrote(f.length)
			f.mode = modeLen
		case modeCheck:
			if f.wrap != 0 {
				if !f.need(32) {
					return
				}
				f.updateCheck()
				v := uint32(f.hold)
				if !f.gzip {
					v = v>>24 | v>>8&0xff00 | v<<8&0xff0000 | v<<24
				}
				if v != f.check {
					f.fail("incorrect data check")
					continue
				}
				f.drop(32)
			}
			f.mode = modeLength
		case modeLength:
			if f.wrap != 0 && f.gzip {
				if !f.need(32) {
					return
				}
				if uint32(f.hold) != f.total {
					f.fail("incorrect length check")
					continue
				}
				f.drop(32)
			}
			f.mode = modeDone
		case modeDone, modeBad:
			return
		}
	}
}

// skipZeroTerminated consumes a gzip header's zero-terminated field, reporting false when the input
// runs out before its end.
func (f *inflater) skipZeroTerminated() bool {
	for f.pos < len(f.in) {
		b := f.in[f.pos]
		f.pos++
		f.hcrc = crc32.Update(f.hcrc, crc32.IEEETable, []byte{b})
		if b == 0 {
			return true
		}
	}
	return false
}

// codeLengths reads the literal/length and distance code lengths of a dynamic block header. It
// reports false when the input runs out; a bad repeat fails the stream.
func (f *inflater) codeLengths() bool {
	total := f.nlen + f.ndist
	for f.have < total {
		e, ok := f.lookup(&f.codes)
		if !ok {
			return false
		}
		n := uint(e >> entryLenShft & 0xf)
		sym := int(e & entrySymbol)
		if sym < 16 {
			f.drop(n)
			f.lens[f.have] = uint16(sym)
			f.have++
			continue
		}
		var val uint16
		var rep int
		switch sym {
		case 16:
			if !f.need(n + 2) {
				return false
			}
			f.drop(n)
			if f.have == 0 {
				f.fail("invalid bit length repeat")
				return true
			}
			val = f.lens[f.have-1]
			rep = 3 + f.getBits(2)
		case 17:
			if !f.need(n + 3) {
				return false
			}
			f.drop(n)
			rep = 3 + f.getBits(3)
		default:
			if !f.need(n + 7) {
				return false
			}
			f.drop(n)
			rep = 11 + f.getBits(7)
		}
		if f.have+rep > total {
			f.fail("invalid bit length repeat")
			return true
		}
		for range rep {
			f.lens[f.have] = val
			f.have++
		}
	}
	return true
}

// literals decodes symbols of a Huffman block: literals in a tight loop, until a length code (the
// mode moves on to its extra bits), the end of the block, an invalid code, the output limit, or the
// end of the input (it reports false for the last two).
func (f *inflater) literals(limit int) bool {
	for {
		if f.pending() >= limit {
			return false
		}
		e, ok := f.lookup(f.lit)
		if !ok {
			return false
		}
		f.drop(uint(e >> entryLenShft & 0xf))
		sym := int(e & entrySymbol)
		switch {
		case e&entryInvalid != 0:
			f.fail("invalid literal/length code")
			return true
		case sym < 256:
			f.reserve(1)
			f.win[f.w] = byte(sym)
			f.wrote(1)
		case sym == 256:
			f.mode = modeType
			return true
		case sym > 285:
			f.fail("invalid literal/length code")
			return true
		default:
			f.length = lenBase[sym-257]
			f.extra = lenExtra[sym-257]
			f.mode = modeLenExt
			return true
		}
	}
}

// setDictionary makes the dictionary the history of the stream, as zlib's inflateSetDictionary
// does: matches may reach into it, but it is not output.
func (f *inflater) setDictionary() {
	d := f.dict
	if len(d) > maxDist {
		d = d[len(d)-maxDist:]
	}
	f.reserve(len(d))
	copy(f.win[f.w:], d)
	f.w += len(d)
	f.r, f.c = f.w, f.w
	f.whave = len(d)
}

// reserve makes room for n more bytes at win[w:], sliding out history no match can reach and that is
// already handed out and checked.
func (f *inflater) reserve(n int) {
	if f.w+n <= len(f.win) {
		return
	}
	keep := min(f.r, f.c, max(f.w-maxDist, 0))
	if keep > 0 {
		copy(f.win, f.win[keep:f.w])
		f.w -= keep
		f.r -= keep
		f.c -= keep
	}
	if f.w+n > len(f.win) {
		grown := make([]byte, max(2*len(f.win), f.w+n, 2*maxDist+maxMatch))
		copy(grown, f.win[:f.w])
		f.win = grown
	}
}

// wrote accounts for n bytes just decoded into win[w:].
func (f *inflater) wrote(n int) {
	f.w += n
	f.total += uint32(n)
	f.whave = min(f.whave+n, maxDist)
}

// updateCheck adds the output not yet in the running checksum.
func (f *inflater) updateCheck() {
	if f.c == f.w {
		return
	}
	if f.wrap != 0 {
		if f.gzip {
			f.check = crc32.Update(f.check, crc32.IEEETable, f.win[f.c:f.w])
		} else {
			f.check = adler32Update(f.check, f.win[f.c:f.w])
		}
	}
	f.c = f.w
}
