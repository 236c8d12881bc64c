package child_process_test

import (
	"strings"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// 'inherit' sends a child's stdout and stderr to the runtime's logger, line by line at Info and
// Error (where the plugin's process.stdout and process.stderr go), and 'close' waits for the lines.
func TestInheritLogs(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
const c = cp.spawn('sh', ['-c', 'echo one; echo two >&2; printf tail'], { stdio: 'inherit' });
log(c.stdin, c.stdout, c.stderr, c.stdio.length);
const seen = await new Promise((res) => c.on('close', () => res(logged())));
log(seen.includes('level=INFO msg=one plugin=plugin-x child='), seen.includes('stream=stdout'));
log(seen.includes('level=ERROR msg=two plugin=plugin-x child='), seen.includes('stream=stderr'));
log(seen.includes('level=INFO msg=tail plugin=plugin-x child='));
`, `null null null 3`, `true true`, `true true`, `true`)
}

// The descriptors 1 and 2 and the process.stdout/stderr objects mean the same as 'inherit'; an
// inherited stdin is the null device.
func TestInheritByDescriptor(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
const c = cp.spawn('sh', ['-c', 'cat; echo out; echo err >&2'], { stdio: ['inherit', process.stderr, 1] });
await new Promise((res) => c.on('close', res));
const seen = logged();
log(seen.includes('level=ERROR msg=out '), seen.includes('level=INFO msg=err '));
`, `true true`)
}

// spawnSync logs inherited output before it returns; execSync's default stderr, captured as in
// Node, is written to process.stderr.
func TestSyncInherit(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
const r = cp.spawnSync('sh', ['-c', 'echo synced'], { stdio: 'inherit' });
log(r.status, JSON.stringify(r.output), logged().includes('level=INFO msg=synced plugin=plugin-x child='));
try { cp.execSync('echo complaint >&2; exit 1'); } catch (err) { log(err.status, String(err.stderr).trim()); }
log(logged().includes('level=ERROR msg=complaint '));
`, `0 [null,null,null] true`, `1 complaint`, `true`)
	if logs := jstest.LogsOf(rt).String(); strings.Count(logs, "complaint") != 1 {
		t.Errorf("execSync's stderr should be logged once:\n%s", logs)
	}
}
