package jstest

import "testing"

// Expect reports, without stopping t, that what is got where want was expected.
func Expect[T comparable](t testing.TB, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s:\n got %v\nwant %v", what, got, want)
	}
}
