package jsjson

import (
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// TestMessages: V8's JSON.parse messages and positions (Node 20).
func TestMessages(t *testing.T) {
	cases := map[string]string{
		`{bad json`: "Expected property name or '}' in JSON at position 1",
		`{"a":1,}`:  "Expected double-quoted property name in JSON at position 7",
		`{"a":1} x`: "Unexpected non-whitespace character after JSON at position 8",
		`[1 2]`:     "Expected ',' or ']' after array element in JSON at position 3",
		`{"a":x}`:   `Unexpected token 'x', "{"a":x}" is not valid JSON`,
		`"abc`:      "Unterminated string in JSON at position 4",
		`01`:        "Unexpected number in JSON at position 1",
		`[1,`:       "Unexpected end of JSON input",
		`-x`:        "No number after minus sign in JSON at position 1",
		"[1,1,1,1,x,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]": `Unexpected token 'x', "[1,1,1,1,x,1,1,1,1,"... is not valid JSON`,
	}
	for in, want := range cases {
		err := Validate(in)
		if err == nil {
			t.Errorf("%s: no error", in)
			continue
		}
		jstest.Expect(t, in, err.Error(), want)
	}
}

// TestDeepNesting: nesting is scanned and built without recursion, so depth cannot exhaust the Go
// stack (a fatal error for the whole process); past MaxDepth the text is refused with V8's RangeError.
func TestDeepNesting(t *testing.T) {
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	tape, err := Scan(deep(MaxDepth))
	if err != nil {
		t.Fatalf("MaxDepth levels: %v", err)
	}
	vm := goja.New()
	vm.Set("v", tape.Value(vm))
	got, err := vm.RunString(`let d = 0; for (let x = v; Array.isArray(x) && x.length; x = x[0]) d++; d + 1`)
	if err != nil || got.ToInteger() != MaxDepth {
		t.Fatalf("built depth = %v, %v; want %d", got, err, MaxDepth)
	}
	for _, src := range []string{deep(MaxDepth + 1), strings.Repeat(`{"a":`, 5_000_000), strings.Repeat("[", 20_000_000)} {
		err := Validate(src)
		var jerr *Error
		if e, ok := err.(*Error); ok {
			jerr = e
		}
		if jerr == nil || jerr.Name != "RangeError" || err.Error() != "Maximum call stack size exceeded" {
			t.Errorf("%d bytes of nesting: %v, want the RangeError", len(src), err)
		}
	}
	// Unterminated nesting within the limit is the usual end-of-input error.
	if err := Validate(strings.Repeat("[", 100)); err == nil || err.Error() != "Unexpected end of JSON input" {
		t.Errorf("unterminated: %v", err)
	}
}
