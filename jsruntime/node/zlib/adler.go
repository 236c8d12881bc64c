package zlib

// adler32Update continues the Adler-32 checksum adler over p (hash/adler32 cannot resume from a
// value).
func adler32Update(adler uint32, p []byte) uint32 {
	const (
		mod  = 65521
		nmax = 5552 // the most bytes before the sums can overflow 32 bits
	)
	s1, s2 := adler&0xffff, adler>>16
	for len(p) > 0 {
		n := min(len(p), nmax)
		for _, b := range p[:n] {
			s1 += uint32(b)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
		p = p[n:]
	}
	return s2<<16 | s1
}
