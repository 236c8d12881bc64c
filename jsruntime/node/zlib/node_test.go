package zlib_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNodeDecompressesOurs compresses with every format, level, strategy, flush and option in the
// runtime (testdata/produce.js) and has Node 20 decompress the results (testdata/verify.js).
func TestNodeDecompressesOurs(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("SKIPPED: node is not installed, so Node cannot check pluginhost's compressed output")
	}
	dir := t.TempDir()
	out := runMain(t, "produce", map[string]string{"SCRIPT_TMPDIR": dir})
	cmd := exec.Command("node", "verify.js", dir)
	cmd.Dir = "testdata"
	res, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node verify.js: %v\n%s", err, res)
	}
	n := strings.TrimSpace(strings.Fields(out)[0])
	if want := n + " of " + n + " decompressed by Node"; !strings.Contains(string(res), want) {
		t.Errorf("Node could not decompress everything:\n%s", res)
	}
	t.Log(strings.TrimSpace(string(res)))
}
