package zlib

import (
	"math/bits"
	"sync"
)

// A huffTable decodes one canonical Huffman code of a DEFLATE block (RFC 1951 §3.2.2) in a single
// lookup: it is indexed by the next width bits of input, least significant bit first, and each entry
// holds the symbol, the length of its code and whether the code is unassigned.
type huffTable struct {
	entries []uint32
	width   uint
}

const (
	entrySymbol  = 0xffff  // bits 0-15: the decoded symbol
	entryLenShft = 16      // bits 16-19: the code's length in bits
	entryInvalid = 1 << 20 // a code the table does not assign (only in an incomplete one-code table)
)

// codeKind is what a table codes, which decides (as in zlib's inflate_table) which incomplete codes
// are tolerated.
type codeKind int

const (
	kindCodes codeKind = iota // the code-length code of a dynamic block header
	kindLens                  // literals and lengths
	kindDists                 // distances
)

// build makes t decode the code whose lengths are lens (0 = symbol unused). It reports false for an
// over-subscribed code and for an incomplete one, except that, as zlib allows, a literal/length or
// distance code may be a single code of one bit, and a code with no symbols at all decodes (then fails)
// like zlib's placeholder table.
func (t *huffTable) build(lens []uint16, kind codeKind) bool {
	var count [16]int
	for _, l := range lens {
		count[l]++
	}
	maxLen := 15
	for maxLen >= 1 && count[maxLen] == 0 {
		maxLen--
	}
	if maxLen == 0 {
		// zlib's table for "no symbols": every lookup takes one bit; the code-length decoder reads its
		// value 0 as a length, the other decoders report an invalid code.
		e := uint32(1 << entryLenShft)
		if kind != kindCodes {
			e |= entryInvalid
		}
		t.reset(1)
		t.entries[0], t.entries[1] = e, e
		return true
	}
	left := 1
	for l := 1; l <= 15; l++ {
		left = left<<1 - count[l]
		if left < 0 {
			return false // over-subscribed
		}
	}
	if left > 0 && (kind == kindCodes || maxLen != 1) {
		return false // incomplete
	}
	var next [16]int
	code := 0
	count[0] = 0
	for l := 1; l <= 15; l++ {
		code = (code + count[l-1]) << 1
		next[l] = code
	}
	t.reset(uint(maxLen))
	if left > 0 {
		// The one unassigned code of a one-bit table: zlib's "invalid code" entry, one bit long.
		for i := range t.entries {
			t.entries[i] = 1<<entryLenShft | entryInvalid
		}
	}
	size := len(t.entries)
	for sym, l := range lens {
		if l == 0 {
			continue
		}
		rev := int(bits.Reverse16(uint16(next[l])) >> (16 - l))
		next[l]++
		e := uint32(sym) | uint32(l)<<entryLenShft
		for i := rev; i < size; i += 1 << l {
			t.entries[i] = e
		}
	}
	return true
}

// reset sizes t for codes of up to width bits, reusing its storage.
func (t *huffTable) reset(width uint) {
	n := 1 << width
	if cap(t.entries) < n {
		t.entries = make([]uint32, n)
	}
	t.entries = t.entries[:n]
	t.width = width
}

// fixedTables are the literal/length and distance codes of a fixed-Huffman block (RFC 1951 §3.2.6),
// including the two unused literal/length codes and two unused distance codes, which decode to
// symbols the decoder then rejects, as zlib does.
var fixedTables = sync.OnceValue(func() [2]*huffTable {
	var lens [288]uint16
	for i := range lens {
		switch {
		case i < 144:
			lens[i] = 8
		case i < 256:
			lens[i] = 9
		case i < 280:
			lens[i] = 7
		default:
			lens[i] = 8
		}
	}
	var dists [32]uint16
	for i := range dists {
		dists[i] = 5
	}
	lit, dist := new(huffTable), new(huffTable)
	lit.build(lens[:], kindLens)
	dist.build(dists[:], kindDists)
	return [2]*huffTable{lit, dist}
})
