package assert

import "testing"

func TestCallText(t *testing.T) {
	src := []byte("x\n  assert.ok(a(1), `t${f({ b: ')' })}`) // c\n  if (assert(\n      y,\n    )) {}\n  (0, assert)(z)\n  assert(\"unterminated)\n")
	for _, tc := range []struct {
		line, col int
		want      string
		ok        bool
	}{
		{2, 12, "assert.ok(a(1), `t${f({ b: ')' })}`)", true},
		{3, 13, "assert(\n  y,\n  )", true},
		{5, 14, "", false}, // the callee is not a name
		{6, 9, "", false},  // no closing parenthesis
		{2, 5, "", false},  // not at a parenthesis
		{9, 1, "", false},  // past the end
	} {
		got, ok := callText(src, tc.line, tc.col)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%d:%d: got %q, %v; want %q, %v", tc.line, tc.col, got, ok, tc.want, tc.ok)
		}
	}
}
