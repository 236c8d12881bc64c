package fs_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pluginhost/pluginhost/internal/jstest"
	"github.com/pluginhost/pluginhost/jsruntime"
	"github.com/pluginhost/pluginhost/jsruntime/node/buffer"
	"github.com/pluginhost/pluginhost/jsruntime/node/fs"
	"github.com/pluginhost/pluginhost/jsruntime/node/process"
	"github.com/pluginhost/pluginhost/jsruntime/policy"
	"github.com/pluginhost/pluginhost/jsruntime/web"
)

// policyHelpers are the globals the policy tests use: d describes an outcome ("ok", or an error's
// code, errno, syscall, path, dest and message), forms runs a call in its sync, callback and promise
// forms.
const policyHelpers = `
globalThis.d = (e) => e ? [e.code, e.errno, e.syscall, e.path, e.dest, e.message].filter((x) => x !== undefined).join(' | ') : 'ok';
globalThis.forms = async (name, ...args) => {
  const out = [];
  try { fs[name + 'Sync'](...args); out.push('ok'); } catch (e) { out.push(d(e)); }
  out.push(await new Promise((res) => fs[name](...args, (e) => res(d(e)))));
  try { await fs.promises[name](...args); out.push('ok'); } catch (e) { out.push(d(e)); }
  return out;
};
`

// policyTree is the layout the policy tests check calls in: the plugin's own folder (readable), a
// root (readable and writable) with links that lead out, and a folder outside both. It returns the
// real path of the base folder.
func policyTree(t *testing.T) string {
	t.Helper()
	base, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"own", "root/sub", "outside/deep"} {
		if err := os.MkdirAll(filepath.Join(base, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"own/own.txt", "root/a.txt", "outside/secret.txt"} {
		if err := os.WriteFile(filepath.Join(base, f), []byte("content of "+f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"root/out":     "../outside",            // a folder link leading out
		"root/outfile": "../outside/secret.txt", // a file link leading out
		"root/deep":    "../outside/deep",       // ".." after it leads to outside, not to root
		"root/in":      "a.txt",
		"own/escape":   "../outside/secret.txt",
	} {
		if err := os.Symlink(target, filepath.Join(base, link)); err != nil {
			t.Fatal(err)
		}
	}
	return base
}

// rule is the policy the tests decide: base/root is the plugin's root.
func rule(base string) *policy.Policy {
	return &policy.Policy{Rule: "pluginHost.plugins.p", FS: []string{filepath.Join(base, "root")}}
}

// policyRuntime is a runtime whose gate starts with candidates (none: unrestricted), the plugin's
// own folder being base/own, with the globals fs, base, d and forms. The gate is installed before
// fs, as the platform does.
func policyRuntime(t *testing.T, base string, candidates ...policy.Policy) (*jsruntime.Runtime, *policy.Gate) {
	t.Helper()
	var gate *policy.Gate
	install := func(rt *jsruntime.Runtime) error {
		gate = policy.Install(rt, policy.Setup{Own: []string{filepath.Join(base, "own")}, Candidates: candidates})
		return nil
	}
	rt := jstest.NewWith(t, jsruntime.Options{}, install,
		func(rt *jsruntime.Runtime) error { return process.Install(rt, process.Config{}) },
		buffer.Install, web.Install, jstest.Global("fs", fs.Require), jstest.Set("base", base))
	jstest.Eval(t, rt, policyHelpers)
	return rt, gate
}

// denied is the outcome d gives for a refused call.
func denied(syscall, path, dest string) string {
	parts := []string{"EACCES", "-13", syscall, path}
	msg := "EACCES: permission denied, " + syscall + " '" + path + "'"
	if dest != "" {
		parts = append(parts, dest)
		msg += " -> '" + dest + "'"
	}
	return strings.Join(append(parts, msg+" (pluginHost.plugins.p.fs does not allow it)"), " | ")
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func jsonList(t *testing.T, s string) []string {
	t.Helper()
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		t.Fatalf("%v: %s", err, s)
	}
	return out
}

// TestPolicyRefusesEveryForm checks that each call on a path the policy refuses fails, in its sync,
// callback and promise forms, with Node's EACCES naming the rule, whether the path leads out
// directly, through a link, or through ".." after a link.
func TestPolicyRefusesEveryForm(t *testing.T) {
	base := policyTree(t)
	rt, gate := policyRuntime(t, base)
	gate.Decide(rule(base))
	out, own, root := base+"/outside", base+"/own", base+"/root"
	secret := out + "/secret.txt"
	// The path that looks inside the root but leads out: root/deep is outside/deep, so its ".." is
	// outside, and the file read is outside/secret.txt.
	dotdot := root + "/deep/../secret.txt"
	wd, _ := os.Getwd()
	relative, err := filepath.Rel(wd, secret)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		call, syscall, path, dest string
	}{
		{`'readFile', P`, "open", secret, ""},
		{`'readFile', P`, "open", root + "/outfile", ""},
		{`'readFile', P`, "open", root + "/out/secret.txt", ""},
		{`'readFile', P`, "open", dotdot, ""},
		{`'readFile', P`, "open", relative, ""},
		{`'readFile', P`, "open", own + "/escape", ""},
		{`'writeFile', P, 'x'`, "open", own + "/own.txt", ""},
		{`'writeFile', P, 'x'`, "open", own + "/new.txt", ""},
		{`'writeFile', P, 'x'`, "open", root + "/missing/../../outside/new.txt", ""},
		{`'appendFile', P, 'x'`, "open", secret, ""},
		{`'stat', P`, "stat", secret, ""},
		{`'stat', P`, "stat", dotdot, ""},
		{`'lstat', P`, "lstat", secret, ""},
		{`'readdir', P`, "scandir", root + "/out", ""},
		{`'readdir', P`, "scandir", base, ""},
		{`'opendir', P`, "opendir", root + "/out", ""},
		{`'access', P`, "access", secret, ""},
		{`'realpath', P`, "realpath", root + "/outfile", ""},
		{`'readlink', P`, "readlink", out + "/x", ""},
		{`'mkdir', P, {recursive: true}`, "mkdir", root + "/new/../../outside/made", ""},
		{`'mkdir', P`, "mkdir", own + "/made", ""},
		{`'mkdtemp', P.slice(0, -6)`, "mkdtemp", out + "/tmp-XXXXXX", ""},
		{`'rm', P`, "rm", secret, ""},
		{`'rm', P, {recursive: true}`, "rm", own, ""},
		{`'rmdir', P`, "rmdir", out + "/deep", ""},
		{`'unlink', P`, "unlink", own + "/own.txt", ""},
		{`'unlink', P`, "unlink", root + "/out/secret.txt", ""},
		{`'chmod', P, 0o600`, "chmod", secret, ""},
		{`'chmod', P, 0o600`, "chmod", root + "/outfile", ""},
		{`'chown', P, 0, 0`, "chown", secret, ""},
		{`'lchown', P, 0, 0`, "lchown", secret, ""},
		{`'utimes', P, 1, 1`, "utime", secret, ""},
		{`'lutimes', P, 1, 1`, "lutime", secret, ""},
		{`'truncate', P`, "open", secret, ""},
		{`'statfs', P`, "statfs", secret, ""},
		{`'open', P, 'r'`, "open", secret, ""},
		{`'open', P, 'a'`, "open", own + "/own.txt", ""},
		{`'rename', P, D`, "rename", root + "/a.txt", out + "/a.txt"},
		{`'rename', P, D`, "rename", secret, root + "/stolen"},
		{`'link', P, D`, "link", secret, root + "/hard"},
		{`'link', P, D`, "link", own + "/own.txt", root + "/hard"},
		{`'symlink', P, D`, "symlink", secret, root + "/ln"},
		{`'symlink', P, D`, "symlink", "../outside/secret.txt", root + "/ln"},
		{`'symlink', P, D`, "symlink", "a.txt", out + "/ln"},
		{`'copyFile', P, D`, "copyfile", secret, root + "/copy"},
		{`'copyFile', P, D`, "copyfile", root + "/a.txt", own + "/copy"},
		{`'cp', P, D`, "cp", secret, root + "/copy"},
		{`'cp', P, D, {recursive: true}`, "cp", root + "/sub", out + "/copy"},
	} {
		name := strings.Split(tc.call, "'")[1]
		t.Run(name+strings.ReplaceAll(strings.TrimPrefix(tc.path, base), "/", "_"), func(t *testing.T) {
			jstest.Eval(t, rt, `globalThis.P = `+quote(tc.path)+`; globalThis.D = `+quote(tc.dest))
			want := denied(tc.syscall, tc.path, tc.dest)
			for i, got := range jsonList(t, jstest.AwaitJSON(t, rt, `forms(`+tc.call+`)`)) {
				if got != want {
					t.Errorf("%s form:\n got %s\nwant %s", []string{"sync", "callback", "promise"}[i], got, want)
				}
			}
		})
	}
	if b, _ := os.ReadFile(own + "/own.txt"); string(b) != "content of own/own.txt" {
		t.Errorf("own.txt changed: %q", b)
	}
	for _, p := range []string{secret, out + "/deep", own} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s is gone: %v", p, err)
		}
	}
	for _, p := range []string{out + "/new.txt", out + "/made", out + "/a.txt", root + "/stolen", root + "/hard",
		root + "/ln", root + "/copy", out + "/copy", own + "/made", own + "/new.txt", out + "/ln"} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s was made", p)
		}
	}
}

// TestPolicyAllowsInside checks the same calls where the policy allows them: in the root, through
// links that stay inside, and reading (not writing) the plugin's own folder.
func TestPolicyAllowsInside(t *testing.T) {
	base := policyTree(t)
	rt, gate := policyRuntime(t, base)
	gate.Decide(rule(base))
	got := jstest.AwaitJSON(t, rt, `(async () => {
		const r = base + '/root', own = base + '/own';
		const out = [];
		const step = async (what, fn) => { try { await fn(); out.push(what + ' ok'); } catch (e) { out.push(what + ' ' + d(e)); } };
		await step('read own', () => fs.readFileSync(own + '/own.txt', 'utf8'));
		await step('read own cb', () => new Promise((res, rej) => fs.readFile(own + '/own.txt', (e) => e ? rej(e) : res())));
		await step('read own promise', () => fs.promises.readFile(own + '/own.txt'));
		await step('read link inside', () => fs.readFileSync(r + '/in'));
		await step('write', () => fs.writeFileSync(r + '/w.txt', 'x'));
		await step('write cb', () => new Promise((res, rej) => fs.writeFile(r + '/w2.txt', 'x', (e) => e ? rej(e) : res())));
		await step('write promise', () => fs.promises.writeFile(r + '/w3.txt', 'x'));
		await step('mkdir -p with ..', () => fs.mkdirSync(r + '/n1/../n2/n3', { recursive: true }));
		await step('mkdtemp', () => fs.mkdtempSync(r + '/tmp-'));
		await step('rename', () => fs.renameSync(r + '/w.txt', r + '/sub/w.txt'));
		await step('link', () => fs.linkSync(r + '/sub/w.txt', r + '/hard'));
		await step('symlink relative', () => fs.symlinkSync('a.txt', r + '/ln'));
		await step('symlink to own', () => fs.symlinkSync(own + '/own.txt', r + '/ln-own'));
		await step('copyFile', () => fs.copyFileSync(own + '/own.txt', r + '/copy.txt'));
		await step('cp', () => fs.cpSync(r + '/sub', r + '/sub2', { recursive: true }));
		await step('lstat of a link leading out', () => fs.lstatSync(r + '/out'));
		await step('readlink of a link leading out', () => fs.readlinkSync(r + '/out'));
		await step('unlink a link leading out', () => fs.unlinkSync(r + '/outfile'));
		await step('readdir', () => fs.readdirSync(r));
		await step('opendir', async () => { const dir = await fs.promises.opendir(r); await dir.close(); });
		await step('stat', () => fs.statSync(r + '/a.txt'));
		await step('existsSync', () => { if (!fs.existsSync(r + '/a.txt') || fs.existsSync(base + '/outside/secret.txt')) throw new Error('existsSync'); });
		await step('exists', () => new Promise((res, rej) => fs.exists(base + '/outside/secret.txt', (ok) => ok ? rej(new Error('exists')) : res())));
		await step('open fd', () => fs.closeSync(fs.openSync(r + '/a.txt', 'r+')));
		await step('FileHandle', async () => { const fh = await fs.promises.open(r + '/a.txt'); await fh.close(); });
		await step('read stream', () => new Promise((res, rej) => fs.createReadStream(own + '/own.txt').on('error', rej).on('close', res).resume()));
		await step('rm -r', () => fs.rmSync(r + '/sub2', { recursive: true }));
		return out;
	})()`)
	for _, line := range jsonList(t, got) {
		if !strings.HasSuffix(line, " ok") {
			t.Errorf("refused: %s", line)
		}
	}
	if _, err := os.Lstat(base + "/outside/secret.txt"); err != nil {
		t.Errorf("unlinking root/outfile removed its target: %v", err)
	}
}

// TestPolicyDescriptorsStreamsAndWatchers checks the calls that are not plain path calls: a
// FileHandle, a read stream, a write stream, fs.watch, fs.watchFile, fs.promises.watch, and changing a
// read-only file's metadata through its descriptor.
func TestPolicyDescriptorsStreamsAndWatchers(t *testing.T) {
	base := policyTree(t)
	rt, gate := policyRuntime(t, base)
	gate.Decide(rule(base))
	got := jstest.AwaitJSON(t, rt, `(async () => {
		const secret = base + '/outside/secret.txt', own = base + '/own/own.txt';
		const out = {};
		try { await fs.promises.open(secret); } catch (e) { out.fileHandle = d(e); }
		out.readStream = await new Promise((res) => fs.createReadStream(secret).on('error', (e) => res(d(e))));
		out.writeStream = await new Promise((res) => fs.createWriteStream(own).on('error', (e) => res(d(e))));
		try { fs.watch(secret); } catch (e) { out.watch = d(e); }
		try { fs.watchFile(secret, () => {}); } catch (e) { out.watchFile = d(e); }
		try { await fs.promises.watch(secret)[Symbol.asyncIterator]().next(); } catch (e) { out.promisesWatch = d(e); }
		const fd = fs.openSync(own, 'r');
		try { fs.fchmodSync(fd, 0o600); } catch (e) { out.fchmod = d(e); }
		try { fs.futimesSync(fd, 1, 1); } catch (e) { out.futimes = d(e); }
		fs.closeSync(fd);
		const rw = fs.openSync(base + '/root/a.txt', 'r+');
		fs.fchmodSync(rw, 0o600);
		fs.closeSync(rw);
		fs.watch(base + '/root').close();
		return out;
	})()`)
	secret, own := base+"/outside/secret.txt", base+"/own/own.txt"
	want := map[string]string{
		"fileHandle":    denied("open", secret, ""),
		"readStream":    denied("open", secret, ""),
		"writeStream":   denied("open", own, ""),
		"watch":         denied("watch", secret, ""),
		"watchFile":     denied("stat", secret, ""),
		"promisesWatch": denied("watch", secret, ""),
		"fchmod":        "EACCES | -13 | fchmod | EACCES: permission denied, fchmod (pluginHost.plugins.p.fs does not allow it)",
		"futimes":       "EACCES | -13 | futime | EACCES: permission denied, futime (pluginHost.plugins.p.fs does not allow it)",
	}
	var gotMap map[string]string
	if err := json.Unmarshal([]byte(got), &gotMap); err != nil {
		t.Fatalf("%v: %s", err, got)
	}
	for k, w := range want {
		if gotMap[k] != w {
			t.Errorf("%s:\n got %s\nwant %s", k, gotMap[k], w)
		}
	}
	if info, _ := os.Stat(own); info.Mode().Perm() != 0o644 {
		t.Errorf("own.txt's mode changed to %v", info.Mode())
	}
}

// TestPolicyCopyChecksEachItem checks that cp refuses a tree whose items lead out through links,
// item by item, when it dereferences them, and copies links themselves only when their targets are
// readable.
func TestPolicyCopyChecksEachItem(t *testing.T) {
	base := policyTree(t)
	rt, gate := policyRuntime(t, base)
	gate.Decide(rule(base))
	if err := os.Symlink("../../outside/secret.txt", base+"/root/sub/leak"); err != nil {
		t.Fatal(err)
	}
	got := jstest.AwaitJSON(t, rt, `(async () => {
		const r = base + '/root';
		const out = [];
		try { fs.cpSync(r + '/sub', r + '/deref', { recursive: true, dereference: true }); out.push('ok'); } catch (e) { out.push(d(e)); }
		try { await fs.promises.cp(r + '/sub', r + '/verbatim', { recursive: true }); out.push('ok'); } catch (e) { out.push(d(e)); }
		return out;
	})()`)
	lines := jsonList(t, got)
	wantDeref := denied("cp", base+"/root/sub/leak", base+"/root/deref/leak")
	wantLink := denied("symlink", base+"/outside/secret.txt", base+"/root/verbatim/leak")
	if len(lines) != 2 || lines[0] != wantDeref || lines[1] != wantLink {
		t.Errorf("got  %q\nwant %q", lines, []string{wantDeref, wantLink})
	}
	if _, err := os.Lstat(base + "/root/deref/leak"); err == nil {
		t.Error("the secret was copied")
	}
}

// TestPolicyPending checks the time before the plugin's id is known: a synchronous call must be
// allowed by every candidate policy, and an asynchronous one waits for the decision and is held to
// the policy decided.
func TestPolicyPending(t *testing.T) {
	base := policyTree(t)
	open := policy.Policy{Rule: "pluginHost.plugins.open", FS: []string{"/"}}
	strict := policy.Policy{Rule: "pluginHost.plugins.strict"}
	rt, gate := policyRuntime(t, base, open, strict)
	a := base + "/root/a.txt"
	syncResult := jstest.Eval(t, rt, `try { fs.readFileSync(`+quote(a)+`); 'ok' } catch (e) { e.message }`)
	wantSync := "EACCES: permission denied, open '" + a + "' (pluginHost.plugins.strict.fs does not allow it: while its module code runs, a plugin's id is not known yet and every policy applies)"
	if syncResult != wantSync {
		t.Errorf("sync call while pending:\n got %s\nwant %s", syncResult, wantSync)
	}
	jstest.Eval(t, rt, `globalThis.pending = fs.promises.readFile(`+quote(a)+`, 'utf8').then((s) => 'read ' + s, d);
		globalThis.pendingCb = new Promise((res) => fs.readFile(`+quote(base+"/outside/secret.txt")+`, (e) => res(d(e))));`)
	gate.Decide(rule(base))
	if got := jstest.Await(t, rt, `pending`); got != "read content of root/a.txt" {
		t.Errorf("async call started while pending: %s", got)
	}
	if got, want := jstest.Await(t, rt, `pendingCb`), denied("open", base+"/outside/secret.txt", ""); got != want {
		t.Errorf("async call started while pending, refused once decided:\n got %s\nwant %s", got, want)
	}
}

// TestNoPolicyIsUnrestricted checks Luker's default: without a policy, the calls refused above work.
func TestNoPolicyIsUnrestricted(t *testing.T) {
	base := policyTree(t)
	rt, gate := policyRuntime(t, base)
	gate.Decide(nil)
	got := jstest.Eval(t, rt, `fs.readFileSync(base + '/root/deep/../secret.txt', 'utf8') + ', ' + (fs.writeFileSync(base + '/own/new.txt', 'x'), 'written')`)
	if got != "content of outside/secret.txt, written" {
		t.Errorf("got %s", got)
	}
}
