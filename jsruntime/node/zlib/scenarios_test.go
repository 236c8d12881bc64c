package zlib_test

import "testing"

// TestScenarios runs each scenario in a fresh runtime and compares its log with Node 20's.
func TestScenarios(t *testing.T) {
	for _, name := range []string{"sync"} {
		t.Run(name, func(t *testing.T) { compareGolden(t, name) })
	}
}
