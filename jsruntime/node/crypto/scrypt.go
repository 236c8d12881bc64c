package crypto

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"math"
	"math/bits"
)

// scryptDefaultMaxmem is OpenSSL's SCRYPT_MAX_MEM, Node's default maxmem.
const scryptDefaultMaxmem = 32 << 20

// scryptParams reports whether OpenSSL accepts N, r, p and maxmem (its scrypt_alg checks, in order),
// and whether a refusal is OpenSSL's "memory limit exceeded" error rather than a silent one.
func scryptParams(n, r, p, maxmem uint64) (ok, memoryLimit bool) {
	if r == 0 || p == 0 || n < 2 || n&(n-1) != 0 {
		return false, false
	}
	const prMax = 1<<30 - 1
	if p > prMax/r {
		return false, true
	}
	if 16*r <= 63 && n >= 1<<(16*r) {
		return false, true
	}
	bLen := p * 128 * r
	if bLen > math.MaxInt32 {
		return false, true
	}
	if n+2 > math.MaxUint64/(32*4)/r {
		return false, true
	}
	vLen := 32 * r * (n + 2) * 4
	if bLen > math.MaxUint64-vLen || bLen+vLen > maxmem {
		return false, true
	}
	return true, false
}

// scryptKey is scrypt (RFC 7914) for parameters scryptParams accepted. It checks ctx between rounds,
// so a plugin that stops does not leave a large derivation running.
func scryptKey(ctx context.Context, password, salt []byte, n, r, p, keyLen int) ([]byte, error) {
	b, err := pbkdf2Key(ctx, sha256.New, password, salt, 1, p*128*r)
	if err != nil {
		return nil, err
	}
	words := 32 * r
	x := make([]uint32, words)
	y := make([]uint32, words)
	v := make([]uint32, words*n)
	for i := 0; i < p; i++ {
		if err := roMix(ctx, b[i*128*r:(i+1)*128*r], r, n, x, y, v); err != nil {
			return nil, err
		}
	}
	return pbkdf2Key(ctx, sha256.New, password, b, 1, keyLen)
}

// roMix is scryptROMix over one 128*r-byte block of b, in place.
func roMix(ctx context.Context, b []byte, r, n int, x, y, v []uint32) error {
	words := 32 * r
	for i := range x {
		x[i] = binary.LittleEndian.Uint32(b[i*4:])
	}
	for i := 0; i < n; i++ {
		if i%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		copy(v[i*words:], x)
		blockMix(x, y, r)
	}
	for i := 0; i < n; i++ {
		if i%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		// Integerify: the last 64-byte block's first word; N is a power of two below 2^32.
		j := int(x[(2*r-1)*16] & uint32(n-1))
		for k, w := range v[j*words : (j+1)*words] {
			x[k] ^= w
		}
		blockMix(x, y, r)
	}
	for i, w := range x {
		binary.LittleEndian.PutUint32(b[i*4:], w)
	}
	return nil
}

// blockMix is scryptBlockMix with Salsa20/8 over the 2r 64-byte blocks of b, using y as scratch.
func blockMix(b, y []uint32, r int) {
	var x [16]uint32
	copy(x[:], b[(2*r-1)*16:])
	for i := 0; i < 2*r; i++ {
		for k := range x {
			x[k] ^= b[i*16+k]
		}
		salsa208(&x)
		// Even-numbered outputs come first, then the odd ones.
		dst := (i / 2) * 16
		if i%2 == 1 {
			dst = (r + i/2) * 16
		}
		copy(y[dst:], x[:])
	}
	copy(b, y)
}

// salsa208 is the Salsa20/8 core.
func salsa208(b *[16]uint32) {
	x := *b
	rot := bits.RotateLeft32
	for i := 0; i < 8; i += 2 {
		// Columns.
		x[4] ^= rot(x[0]+x[12], 7)
		x[8] ^= rot(x[4]+x[0], 9)
		x[12] ^= rot(x[8]+x[4], 13)
		x[0] ^= rot(x[12]+x[8], 18)
		x[9] ^= rot(x[5]+x[1], 7)
		x[13] ^= rot(x[9]+x[5], 9)
		x[1] ^= rot(x[13]+x[9], 13)
		x[5] ^= rot(x[1]+x[13], 18)
		x[14] ^= rot(x[10]+x[6], 7)
		x[2] ^= rot(x[14]+x[10], 9)
		x[6] ^= rot(x[2]+x[14], 13)
		x[10] ^= rot(x[6]+x[2], 18)
		x[3] ^= rot(x[15]+x[11], 7)
		x[7] ^= rot(x[3]+x[15], 9)
		x[11] ^= rot(x[7]+x[3], 13)
		x[15] ^= rot(x[11]+x[7], 18)
		// Rows.
		x[1] ^= rot(x[0]+x[3], 7)
		x[2] ^= rot(x[1]+x[0], 9)
		x[3] ^= rot(x[2]+x[1], 13)
		x[0] ^= rot(x[3]+x[2], 18)
		x[6] ^= rot(x[5]+x[4], 7)
		x[7] ^= rot(x[6]+x[5], 9)
		x[4] ^= rot(x[7]+x[6], 13)
		x[5] ^= rot(x[4]+x[7], 18)
		x[11] ^= rot(x[10]+x[9], 7)
		x[8] ^= rot(x[11]+x[10], 9)
		x[9] ^= rot(x[8]+x[11], 13)
		x[10] ^= rot(x[9]+x[8], 18)
		x[12] ^= rot(x[15]+x[14], 7)
		x[13] ^= rot(x[12]+x[15], 9)
		x[14] ^= rot(x[13]+x[12], 13)
		x[15] ^= rot(x[14]+x[13], 18)
	}
	for i := range b {
		b[i] += x[i]
	}
}
