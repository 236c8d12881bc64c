package jstest

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "record the golden files by running the scripts under node, in the tests that say how")

// maxDiff is how many differing lines DiffLines shows: past the first few, a shifted line makes every
// following one differ.
const maxDiff = 20

// Golden compares got, line by line, with the golden file (a newline ending either is ignored) and
// reports the first differing lines. With -update and a record command (Node running the same
// script), the command runs first and its standard output becomes the golden file.
func Golden(t testing.TB, got, golden string, record *exec.Cmd) {
	t.Helper()
	if *update && record != nil {
		out, err := record.Output()
		if err != nil {
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				err = fmt.Errorf("%w\n%s", err, exit.Stderr)
			}
			t.Fatalf("recording %s: %v", golden, err)
		}
		if err := os.WriteFile(golden, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		if record != nil {
			t.Fatalf("%v (run with -update to record it)", err)
		}
		t.Fatal(err)
	}
	if d := DiffLines(got, string(want)); d != "" {
		t.Errorf("output differs from %s (- got, + want):\n%s", golden, d)
	}
}

// DiffLines lists the lines that differ between got and want (a newline ending either is ignored),
// numbered, "-" for got's and "+" for want's, up to the first twenty; "" when they are equal.
func DiffLines(got, want string) string {
	g := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	w := strings.Split(strings.TrimSuffix(want, "\n"), "\n")
	var b strings.Builder
	shown, more := 0, 0
	for i := range max(len(g), len(w)) {
		gl, gok := line(g, i)
		wl, wok := line(w, i)
		if gok && wok && gl == wl {
			continue
		}
		if shown == maxDiff {
			more++
			continue
		}
		shown++
		if gok {
			fmt.Fprintf(&b, "%4d - %s\n", i+1, gl)
		}
		if wok {
			fmt.Fprintf(&b, "%4d + %s\n", i+1, wl)
		}
	}
	if more > 0 {
		fmt.Fprintf(&b, "… and %d more differing lines\n", more)
	}
	return b.String()
}

func line(lines []string, i int) (string, bool) {
	if i < len(lines) {
		return lines[i], true
	}
	return "", false
}
