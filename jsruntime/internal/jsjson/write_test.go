package jsjson

import (
	"testing"

	"github.com/dop251/goja"
)

// TestGoTextStringType: goja's strings imported from Go are told apart, so the writer copies their Go
// text instead of walking UTF-16 code units.
func TestGoTextStringType(t *testing.T) {
	if goTextStringType(goja.New()) == nil {
		t.Error("goja's strings imported from Go are not told apart: they take the UTF-16 path")
	}
}
