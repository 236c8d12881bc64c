package child_process_test

import "testing"

// spawnSync's result has Node's keys and values: status or signal, output with a null stdin slot,
// strings when an encoding is given, and an error for a command that could not start.
func TestSpawnSyncResult(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
let r = cp.spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 2']);
log(Object.keys(r).join(), r.status, r.signal, String(r.stdout), String(r.stderr), r.output[0], typeof r.pid);
r = cp.spawnSync('cat', { input: 'fed', encoding: 'utf8' });
log(JSON.stringify(r.output));
r = cp.spawnSync('sh', ['-c', 'kill -KILL $$']);
log(r.status, r.signal, cp.spawnSync('false').status);
r = cp.spawnSync('no-such-command-here', ['q']);
log(Object.keys(r).join(), r.pid, r.output, r.error.message, r.error.path, JSON.stringify(r.error.spawnargs));
r = cp.spawnSync('echo', ['x'], { stdio: 'ignore' });
log(JSON.stringify(r.output));
`, `status,signal,output,pid,stdout,stderr 2 null out
 err
 null number`, `[null,"fed",""]`, `null SIGKILL 1`,
		`error,status,signal,output,pid,stdout,stderr 0 null spawnSync no-such-command-here ENOENT no-such-command-here ["q"]`,
		`[null,null,null]`)
}

// timeout and maxBuffer kill the child with killSignal and report ETIMEDOUT or ENOBUFS.
func TestSpawnSyncLimits(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
let r = cp.spawnSync('sleep', ['10'], { timeout: 20, killSignal: 'SIGKILL' });
log(r.error.code, r.error.errno, r.error.syscall, r.status, r.signal);
r = cp.spawnSync('sh', ['-c', 'echo 1234567890; exec sleep 10'], { maxBuffer: 4 });
log(r.error.code, r.signal, String(r.stdout).trim());
`, `ETIMEDOUT -110 spawnSync sleep null SIGKILL`, `ENOBUFS SIGTERM 1234567890`)
}

// execSync and execFileSync return stdout or throw Node's error, which carries the result.
func TestExecSyncForms(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
log(JSON.stringify(cp.execSync('echo "$0"', { encoding: 'utf8' })), String(cp.execFileSync('echo', ['a', 'b'])));
try { cp.execSync('echo out; echo bad >&2; exit 4', { stdio: 'pipe' }); } catch (err) {
  log(JSON.stringify(err.message), err.status, err.signal, String(err.stdout), String(err.stderr));
}
try { cp.execFileSync('sh', ['-c', 'exit 3'], { argv0: 'named' }); } catch (err) { log(err.message, err.status); }
try { cp.execFileSync('no-such-command-here'); } catch (err) { log(err.message, err.code, err.status, err.error === err); }
log(cp.execSync('tr a-z A-Z', { input: 'loud' }).toString());
`, `"/bin/sh\n" a b
`, `"Command failed: echo out; echo bad >&2; exit 4\nbad\n" 4 null out
 bad
`, `Command failed: named -c exit 3 3`, `spawnSync no-such-command-here ENOENT ENOENT null true`, `LOUD`)
}
