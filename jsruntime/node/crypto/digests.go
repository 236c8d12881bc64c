package crypto

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"hash"
	"slices"
	"strings"
)

// digest is a hash algorithm Node knows by name. Exactly one of newHash and newShake is set.
type digest struct {
	newHash  func() hash.Hash
	newShake func() *sha3.SHAKE
	size     int // output bytes; a SHAKE's default output length
}

// digestEntry names a digest: listed are the names getHashes reports, aliases are further names
// OpenSSL accepts (case-insensitively, like every name here).
type digestEntry struct {
	digest
	listed, aliases []string
}

func hashOf[H hash.Hash](f func() H) func() hash.Hash { return func() hash.Hash { return f() } }

var digestTable = []digestEntry{
	{digest{newHash: md5.New, size: md5.Size},
		[]string{"RSA-MD5", "md5", "md5WithRSAEncryption", "ssl3-md5"}, []string{"1.2.840.113549.2.5"}},
	{digest{newHash: sha1.New, size: sha1.Size},
		[]string{"RSA-SHA1", "RSA-SHA1-2", "sha1", "sha1WithRSAEncryption", "ssl3-sha1"}, []string{"sha-1", "1.3.14.3.2.26"}},
	{digest{newHash: sha256.New224, size: sha256.Size224},
		[]string{"RSA-SHA224", "sha224", "sha224WithRSAEncryption"}, []string{"sha-224", "sha2-224", "2.16.840.1.101.3.4.2.4"}},
	{digest{newHash: sha256.New, size: sha256.Size},
		[]string{"RSA-SHA256", "sha256", "sha256WithRSAEncryption"}, []string{"sha-256", "sha2-256", "2.16.840.1.101.3.4.2.1"}},
	{digest{newHash: sha512.New384, size: sha512.Size384},
		[]string{"RSA-SHA384", "sha384", "sha384WithRSAEncryption"}, []string{"sha-384", "sha2-384", "2.16.840.1.101.3.4.2.2"}},
	{digest{newHash: sha512.New, size: sha512.Size},
		[]string{"RSA-SHA512", "sha512", "sha512WithRSAEncryption"}, []string{"sha-512", "sha2-512", "2.16.840.1.101.3.4.2.3"}},
	{digest{newHash: sha512.New512_224, size: sha512.Size224},
		[]string{"RSA-SHA512/224", "sha512-224", "sha512-224WithRSAEncryption"},
		[]string{"sha-512/224", "sha2-512/224", "2.16.840.1.101.3.4.2.5"}},
	{digest{newHash: sha512.New512_256, size: sha512.Size256},
		[]string{"RSA-SHA512/256", "sha512-256", "sha512-256WithRSAEncryption"},
		[]string{"sha-512/256", "sha2-512/256", "2.16.840.1.101.3.4.2.6"}},
	{digest{newHash: hashOf(sha3.New224), size: 28},
		[]string{"RSA-SHA3-224", "id-rsassa-pkcs1-v1_5-with-sha3-224", "sha3-224"}, []string{"2.16.840.1.101.3.4.2.7"}},
	{digest{newHash: hashOf(sha3.New256), size: 32},
		[]string{"RSA-SHA3-256", "id-rsassa-pkcs1-v1_5-with-sha3-256", "sha3-256"}, []string{"2.16.840.1.101.3.4.2.8"}},
	{digest{newHash: hashOf(sha3.New384), size: 48},
		[]string{"RSA-SHA3-384", "id-rsassa-pkcs1-v1_5-with-sha3-384", "sha3-384"}, []string{"2.16.840.1.101.3.4.2.9"}},
	{digest{newHash: hashOf(sha3.New512), size: 64},
		[]string{"RSA-SHA3-512", "id-rsassa-pkcs1-v1_5-with-sha3-512", "sha3-512"}, []string{"2.16.840.1.101.3.4.2.10"}},
	{digest{newShake: sha3.NewSHAKE128, size: 16},
		[]string{"shake128"}, []string{"shake-128", "2.16.840.1.101.3.4.2.11"}},
	{digest{newShake: sha3.NewSHAKE256, size: 32},
		[]string{"shake256"}, []string{"shake-256", "2.16.840.1.101.3.4.2.12"}},
}

// digests maps every lower-cased name and alias to its digest.
var digests = func() map[string]*digest {
	m := map[string]*digest{}
	for i := range digestTable {
		e := &digestTable[i]
		for _, n := range slices.Concat(e.listed, e.aliases) {
			m[strings.ToLower(n)] = &e.digest
		}
	}
	return m
}()

// hashNames is what crypto.getHashes returns: Node's list without the digests Go does not implement
// (RIPEMD-160, BLAKE2, SM3, MD5-SHA1).
var hashNames = func() []string {
	var names []string
	for _, e := range digestTable {
		names = append(names, e.listed...)
	}
	slices.Sort(names)
	return names
}()

// lookupDigest finds a digest by any of its names.
func lookupDigest(name string) (*digest, bool) {
	d, ok := digests[strings.ToLower(name)]
	return d, ok
}

// lookupHash finds a fixed-size digest, the kind HMAC and the key derivations take.
func lookupHash(name string) (func() hash.Hash, bool) {
	d, ok := lookupDigest(name)
	if !ok || d.newHash == nil {
		return nil, false
	}
	return d.newHash, true
}
