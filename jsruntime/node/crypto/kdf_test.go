package crypto

import "testing"

// TestKDFMatchesNode covers pbkdf2, scrypt (parameters, aliases, OpenSSL's limits), hkdf and
// timingSafeEqual, sync and with callbacks, against output recorded from Node 20.
func TestKDFMatchesNode(t *testing.T) { compareGolden(t, "kdf") }
