package crypto

import "testing"

// TestRandomMatchesNode covers the forms, bounds and argument errors of the random functions and
// getRandomValues, sync and with callbacks, against output recorded from Node 20.
func TestRandomMatchesNode(t *testing.T) { compareGolden(t, "random") }
