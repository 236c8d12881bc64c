package child_process_test

import (
	"os"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	childprocess "github.com/pluginhost/pluginhost/jsruntime/node/child_process"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/node/util"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
	"github.com/pluginhost/pluginhost/jsruntime/polyfill"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// newPolicyRuntime is newRuntime with a policy gate started with candidates, installed before
// child_process as the platform does.
func newPolicyRuntime(t *testing.T, candidates ...policy.Policy) (*jsruntime.Runtime, *policy.Gate) {
	t.Helper()
	var gate *policy.Gate
	rt := jstest.NewWith(t, jsruntime.Options{Name: "plugin-x"},
		func(rt *jsruntime.Runtime) error {
			gate = policy.Install(rt, policy.Setup{Candidates: candidates})
			return nil
		},
		buffer.Install,
		func(rt *jsruntime.Runtime) error {
			return process.Install(rt, process.Config{Env: map[string]string{"PATH": os.Getenv("PATH")}})
		},
		web.Install, polyfill.Install, jstest.Global("cp", childprocess.Require), jstest.Global("util", util.Require))
	return rt, gate
}

const refusedNote = " (pluginHost.plugins.p.childProcess does not allow it)"

// Every entry point refuses to start a process when the policy does not allow child processes, with
// the error Node gives for EACCES (thrown, passed to the callback, emitted or in the result, as each
// form reports its errors), naming the rule; no process starts.
func TestPolicyRefusesChildProcesses(t *testing.T) {
	rt, gate := newPolicyRuntime(t)
	gate.Decide(&policy.Policy{Rule: "pluginHost.plugins.p"})
	marker := t.TempDir() + "/ran"
	jstest.Do(t, rt, func(vm *goja.Runtime) error { return vm.Set("marker", marker) })
	expect(t, rt, `
const show = (e) => [e.message, e.code, e.errno, e.syscall, e.path, JSON.stringify(e.spawnargs)].join(' | ');
const c = cp.spawn('sh', ['-c', 'touch ' + marker]);
log(c.pid);
log(show(await new Promise((res) => c.on('error', res))));
log(await new Promise((res) => c.on('close', (code) => res('close ' + code))));
log(show(await new Promise((res) => cp.exec('touch ' + marker, (e) => res(e)))));
log(show(await new Promise((res) => cp.execFile('touch', [marker], (e) => res(e)))));
log(await util.promisify(cp.exec)('touch ' + marker).then(() => 'ran', (e) => e.code));
const r = cp.spawnSync('touch', [marker]);
log(show(r.error), r.status, r.pid);
for (const f of [() => cp.execSync('touch ' + marker), () => cp.execFileSync('touch', [marker])]) {
  try { f(); log('ran'); } catch (e) { log(show(e)); }
}
`, `undefined`,
		`spawn sh EACCES`+refusedNote+` | EACCES | -13 | spawn sh | sh | ["-c","touch `+marker+`"]`,
		`close -13`,
		`spawn /bin/sh EACCES`+refusedNote+` | EACCES | -13 | spawn /bin/sh | /bin/sh | ["-c","touch `+marker+`"]`,
		`spawn touch EACCES`+refusedNote+` | EACCES | -13 | spawn touch | touch | ["`+marker+`"]`,
		`EACCES`,
		`spawnSync touch EACCES`+refusedNote+` | EACCES | -13 | spawnSync touch | touch | ["`+marker+`"] null 0`,
		`spawnSync /bin/sh EACCES`+refusedNote+` | EACCES | -13 | spawnSync /bin/sh | /bin/sh | ["-c","touch `+marker+`"]`,
		`spawnSync touch EACCES`+refusedNote+` | EACCES | -13 | spawnSync touch | touch | ["`+marker+`"]`)
	if _, err := os.Stat(marker); err == nil {
		t.Error("a process ran")
	}
}

// A policy with childProcess allowed lets every form start processes.
func TestPolicyAllowsChildProcesses(t *testing.T) {
	rt, gate := newPolicyRuntime(t)
	gate.Decide(&policy.Policy{Rule: "pluginHost.plugins.p", ChildProcess: true})
	expect(t, rt, `
log(cp.spawnSync('sh', ['-c', 'echo sync'], { encoding: 'utf8' }).stdout.trim());
log(String(cp.execSync('echo execSync')).trim());
log(await new Promise((res) => cp.exec('echo exec', (e, out) => res(e ? e.message : out.trim()))));
const c = cp.spawn('true');
log(await new Promise((res) => c.on('close', (code) => res('close ' + code))));
`, `sync`, `execSync`, `exec`, `close 0`)
}

// While the plugin's id is unknown (its module code running), starting a process needs every
// candidate policy to allow it; once decided, the plugin's own policy applies.
func TestPolicyChildProcessWhilePending(t *testing.T) {
	rt, gate := newPolicyRuntime(t,
		policy.Policy{Rule: "pluginHost.plugins.p", ChildProcess: true},
		policy.Policy{Rule: "pluginHost.plugins.other"})
	expect(t, rt, `log(cp.spawnSync('true').error.message);`,
		`spawnSync true EACCES (pluginHost.plugins.other.childProcess does not allow it: while its module code runs, a plugin's id is not known yet and every policy applies)`)
	gate.Decide(&policy.Policy{Rule: "pluginHost.plugins.p", ChildProcess: true})
	expect(t, rt, `log(cp.spawnSync('true').status);`, `0`)
}
