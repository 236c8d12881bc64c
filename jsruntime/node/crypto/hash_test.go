package crypto

import "testing"

// TestHashMatchesNode covers every digest, input kind, encoding and error of Hash, Hmac and
// crypto.hash, and their stream interface, against output recorded from Node 20.
func TestHashMatchesNode(t *testing.T) { compareGolden(t, "hash") }
