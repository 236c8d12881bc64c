package crypto

import "testing"

// TestCipherMatchesNode covers AES in CBC, ECB, CTR and GCM (IV and tag lengths, AAD), chunking,
// encodings, padding, state and argument errors and streams, against output recorded from Node 20.
func TestCipherMatchesNode(t *testing.T) { compareGolden(t, "cipher") }
