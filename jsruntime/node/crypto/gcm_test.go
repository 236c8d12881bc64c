package crypto

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"math/rand/v2"
	"testing"
)

// TestGCMMatchesStandardLibrary checks the streaming GCM against crypto/cipher's sealed messages for
// IV lengths on both of GCM's paths, AAD and data of awkward lengths, and data fed in random pieces.
func TestGCMMatchesStandardLibrary(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	for _, keyLen := range []int{16, 24, 32} {
		for _, ivLen := range []int{1, 8, 12, 16, 17, 64} {
			for _, n := range []int{0, 1, 15, 16, 17, 100} {
				key, iv, aad, plain := random(keyLen), random(ivLen), random(n/3+ivLen%5), random(n)
				block, _ := aes.NewCipher(key)
				aead, err := cipher.NewGCMWithNonceSize(block, ivLen)
				if err != nil {
					t.Fatal(err)
				}
				want := aead.Seal(nil, iv, plain, aad)

				enc := newGCM(block, iv, false)
				enc.addAAD(aad[:len(aad)/2])
				enc.addAAD(aad[len(aad)/2:])
				var got []byte
				for rest := plain; len(rest) > 0; {
					k := min(len(rest), 1+rng.IntN(20))
					got = append(got, enc.update(rest[:k])...)
					rest = rest[k:]
				}
				got = append(got, enc.tag()...)
				if !bytes.Equal(got, want) {
					t.Fatalf("key %d iv %d len %d: sealed %x, want %x", keyLen, ivLen, n, got, want)
				}

				dec := newGCM(block, iv, true)
				dec.addAAD(aad)
				if pt := dec.update(want[:n]); !bytes.Equal(pt, plain) || !bytes.Equal(dec.tag(), want[n:]) {
					t.Fatalf("key %d iv %d len %d: decryption differs", keyLen, ivLen, n)
				}
			}
		}
	}
}

// TestGCMRefusesAADAfterData: OpenSSL takes AAD only before the data.
func TestGCMRefusesAADAfterData(t *testing.T) {
	block, _ := aes.NewCipher(make([]byte, 16))
	g := newGCM(block, make([]byte, 12), false)
	if !g.addAAD([]byte("a")) {
		t.Fatal("AAD before data refused")
	}
	g.update([]byte("x"))
	if g.addAAD([]byte("b")) {
		t.Fatal("AAD after data accepted")
	}
}

// TestScryptRFC7914 checks the scrypt implementation against the test vectors of RFC 7914 section 12.
func TestScryptRFC7914(t *testing.T) {
	for _, v := range []struct {
		password, salt string
		n, r, p        int
		prefix         string
	}{
		{"", "", 16, 1, 1, "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"},
		{"password", "NaCl", 1024, 8, 16, "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"},
		{"pleaseletmein", "SodiumChloride", 16384, 8, 1, "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"},
	} {
		key, err := scryptKey(t.Context(), []byte(v.password), []byte(v.salt), v.n, v.r, v.p, 64)
		if err != nil {
			t.Fatal(err)
		}
		if got := hexString(key[:32]); got != v.prefix {
			t.Errorf("scrypt(%q, %q, %d, %d, %d) = %s..., want %s...", v.password, v.salt, v.n, v.r, v.p, got, v.prefix)
		}
	}
}
