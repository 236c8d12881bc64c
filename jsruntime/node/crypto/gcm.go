package crypto

import (
	"crypto/cipher"
	"crypto/subtle"
	"encoding/binary"
)

// gcm is AES-GCM (NIST SP 800-38D) as a stream, the way OpenSSL offers it and Node's Cipheriv uses
// it: update returns its output at once, AAD may be given in pieces before the data, and the tag is
// computed at the end, for any IV length and tag length. Go's cipher.AEAD seals whole messages only,
// with a fixed 12-byte nonce or 16-byte tag, so the mode is built here from the block cipher.
type gcm struct {
	block   cipher.Block
	decrypt bool

	counter [16]byte // the next counter block; only its last 32 bits count (inc32)
	stream  [16]byte // keystream of the current counter block
	used    int      // bytes of stream already used
	tagMask [16]byte // E(K, J0)

	g       ghash
	aadLen  uint64
	dataLen uint64
	inData  bool // the AAD is complete and padded
}

func newGCM(block cipher.Block, iv []byte, decrypt bool) *gcm {
	c := &gcm{block: block, decrypt: decrypt, used: 16}
	var h [16]byte
	block.Encrypt(h[:], h[:])
	c.g.init(h)
	if len(iv) == 12 {
		copy(c.counter[:], iv)
		c.counter[15] = 1
	} else {
		// J0 = GHASH(IV || 0-pad || [0]64 || [len(IV) in bits]64)
		var j ghash
		j.init(h)
		j.update(iv)
		j.pad()
		var lens [16]byte
		binary.BigEndian.PutUint64(lens[8:], uint64(len(iv))*8)
		j.update(lens[:])
		c.counter = j.sum()
	}
	block.Encrypt(c.tagMask[:], c.counter[:])
	inc32(&c.counter)
	return c
}

func inc32(b *[16]byte) {
	binary.BigEndian.PutUint32(b[12:], binary.BigEndian.Uint32(b[12:])+1)
}

// addAAD appends authenticated data; it reports false once data has been processed.
func (c *gcm) addAAD(aad []byte) bool {
	if c.inData {
		return false
	}
	c.g.update(aad)
	c.aadLen += uint64(len(aad))
	return true
}

// update encrypts or decrypts in, returning as many output bytes as input bytes.
func (c *gcm) update(in []byte) []byte {
	if !c.inData {
		c.g.pad()
		c.inData = true
	}
	out := make([]byte, len(in))
	for i := 0; i < len(in); {
		if c.used == 16 {
			c.block.Encrypt(c.stream[:], c.counter[:])
			inc32(&c.counter)
			c.used = 0
		}
		n := subtle.XORBytes(out[i:], in[i:], c.stream[c.used:])
		c.used += n
		i += n
	}
	if c.decrypt {
		c.g.update(in)
	} else {
		c.g.update(out)
	}
	c.dataLen += uint64(len(in))
	return out
}

// tag ends the message and returns the full 16-byte tag.
func (c *gcm) tag() []byte {
	if !c.inData {
		c.g.pad()
		c.inData = true
	}
	c.g.pad()
	var lens [16]byte
	binary.BigEndian.PutUint64(lens[:8], c.aadLen*8)
	binary.BigEndian.PutUint64(lens[8:], c.dataLen*8)
	c.g.update(lens[:])
	s := c.g.sum()
	out := make([]byte, 16)
	subtle.XORBytes(out, s[:], c.tagMask[:])
	return out
}

// ghash is GHASH over a stream of bytes, with a 4-bit multiplication table (Shoup's method, as in
// Go's portable GCM before it moved into crypto/internal).
type ghash struct {
	table    [16]fieldElement
	y        fieldElement
	buf      [16]byte
	buffered int
}

// fieldElement is an element of GF(2^128) in GCM's bit order: the coefficient of x^0 is low>>63, of
// x^127 is high&1.
type fieldElement struct{ low, high uint64 }

func (g *ghash) init(h [16]byte) {
	x := fieldElement{binary.BigEndian.Uint64(h[:8]), binary.BigEndian.Uint64(h[8:])}
	// Lookups use the bits of a field element, which come in reverse order: 4*H sits at index 0b0010.
	g.table[reverseBits(1)] = x
	for i := 2; i < 16; i += 2 {
		g.table[reverseBits(i)] = double(&g.table[reverseBits(i/2)])
		t := g.table[reverseBits(i)]
		g.table[reverseBits(i+1)] = fieldElement{t.low ^ x.low, t.high ^ x.high}
	}
}

func reverseBits(i int) int {
	i = ((i << 2) & 0xc) | ((i >> 2) & 0x3)
	i = ((i << 1) & 0xa) | ((i >> 1) & 0x5)
	return i
}

// double multiplies by x, reducing by x^128 + x^7 + x^2 + x + 1.
func double(x *fieldElement) fieldElement {
	d := fieldElement{low: x.low >> 1, high: x.high>>1 | x.low<<63}
	if x.high&1 == 1 {
		d.low ^= 0xe100000000000000
	}
	return d
}

var reduction = [16]uint16{
	0x0000, 0x1c20, 0x3840, 0x2460, 0x7080, 0x6ca0, 0x48c0, 0x54e0,
	0xe100, 0xfd20, 0xd940, 0xc560, 0x9180, 0x8da0, 0xa9c0, 0xb5e0,
}

// mul sets y to y*H.
func (g *ghash) mul(y *fieldElement) {
	var z fieldElement
	for i := 0; i < 2; i++ {
		word := y.high
		if i == 1 {
			word = y.low
		}
		for j := 0; j < 64; j += 4 {
			msw := z.high & 0xf
			z.high = z.high>>4 | z.low<<60
			z.low = z.low>>4 ^ uint64(reduction[msw])<<48
			t := &g.table[word&0xf]
			z.low ^= t.low
			z.high ^= t.high
			word >>= 4
		}
	}
	*y = z
}

func (g *ghash) block(b []byte) {
	g.y.low ^= binary.BigEndian.Uint64(b)
	g.y.high ^= binary.BigEndian.Uint64(b[8:])
	g.mul(&g.y)
}

func (g *ghash) update(data []byte) {
	if g.buffered > 0 {
		n := copy(g.buf[g.buffered:], data)
		g.buffered += n
		data = data[n:]
		if g.buffered < 16 {
			return
		}
		g.block(g.buf[:])
		g.buffered = 0
	}
	for len(data) >= 16 {
		g.block(data[:16])
		data = data[16:]
	}
	g.buffered = copy(g.buf[:], data)
}

// pad completes a partial block with zeros.
func (g *ghash) pad() {
	if g.buffered > 0 {
		clear(g.buf[g.buffered:])
		g.block(g.buf[:])
		g.buffered = 0
	}
}

func (g *ghash) sum() [16]byte {
	var out [16]byte
	binary.BigEndian.PutUint64(out[:8], g.y.low)
	binary.BigEndian.PutUint64(out[8:], g.y.high)
	return out
}
