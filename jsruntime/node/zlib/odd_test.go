package zlib_test

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// TestOddArgumentsNeverCrash calls every function with odd arguments (testdata/odd.js): each must
// work or throw a JS error, and no Go panic may reach the loop.
func TestOddArgumentsNeverCrash(t *testing.T) {
	var logs bytes.Buffer
	e := newEnvWithLogger(t, slog.New(slog.NewTextHandler(&logs, nil)))
	out, err := e.runMain(mustAbs("testdata/odd.js"))
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if out != "calls true\n" {
		t.Errorf("output: %q", out)
	}
	if strings.Contains(logs.String(), "panic") {
		t.Errorf("a Go panic reached the loop:\n%s", logs.String())
	}
}
