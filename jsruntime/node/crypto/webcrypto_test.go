package crypto

import "testing"

// TestWebCryptoMatchesNode covers subtle.digest, HMAC keys (import, export, generate, sign, verify),
// the web Crypto classes and globals and their errors, against output recorded from Node 20.
func TestWebCryptoMatchesNode(t *testing.T) { compareGolden(t, "webcrypto") }
