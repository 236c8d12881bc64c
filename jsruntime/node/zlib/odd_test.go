package zlib_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// TestOddArgumentsNeverCrash calls every function with odd arguments (testdata/odd.js): each must
// work or throw a JS error, and no Go panic may reach the loop.
func TestOddArgumentsNeverCrash(t *testing.T) {
	rt := newRuntime(t, nil)
	jstest.RunMain(t, rt, filepath.Join("testdata", "odd.js"))
	logs := jstest.LogsOf(rt)
	if out := logs.Stdout(); out != "calls true\n" {
		t.Errorf("output: %q", out)
	}
	if strings.Contains(logs.String(), "panic") {
		t.Errorf("a Go panic reached the loop:\n%s", logs.String())
	}
}
