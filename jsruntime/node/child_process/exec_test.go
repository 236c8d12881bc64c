package child_process_test

import "testing"

// exec runs the command through /bin/sh -c and calls back with (error, stdout, stderr); a failure
// carries Node's message and code, killed, signal and cmd.
func TestExecCallback(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
const call = (...args) => new Promise((res) => cp.exec(...args, (err, stdout, stderr) => res({ err, stdout, stderr })));
let r = await call('echo "$0"; echo err >&2');
log(r.err, JSON.stringify(r.stdout), JSON.stringify(r.stderr));
r = await call('echo partial; echo why >&2; exit 7');
log(JSON.stringify(r.err.message), r.err.code, r.err.killed, r.err.signal, r.err.cmd, JSON.stringify(r.stdout));
r = await call('printf abc', { encoding: 'buffer' });
log(Buffer.isBuffer(r.stdout), r.stdout.toString());
r = await call('exec sleep 10', { timeout: 10 });
log(r.err.killed, r.err.signal, r.err.code);
r = await call('printf abcdef', { maxBuffer: 4 });
log(r.err.name, r.err.code, r.err.message, r.stdout);
`, `null "/bin/sh\n" "err\n"`,
		`"Command failed: echo partial; echo why >&2; exit 7\nwhy\n" 7 false null echo partial; echo why >&2; exit 7 "partial\n"`,
		`true abc`, `true SIGTERM null`,
		`RangeError ERR_CHILD_PROCESS_STDIO_MAXBUFFER stdout maxBuffer length exceeded abcd`)
}

// util.promisify(exec) and util.promisify(execFile) use util.promisify.custom: they resolve
// {stdout, stderr}, reject with the error carrying both, and expose the child as promise.child.
func TestExecPromisified(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
const custom = Symbol.for('nodejs.util.promisify.custom');
log(typeof cp.exec[custom], typeof cp.execFile[custom], Object.keys(cp.exec).length);
const p = util.promisify(cp.exec)('echo hi');
log(p.child instanceof cp.ChildProcess, await p);
try {
  await util.promisify(cp.execFile)('sh', ['-c', 'echo so-far; exit 2']);
} catch (err) {
  log(err.code, err.cmd, JSON.stringify(err.stdout), JSON.stringify(err.stderr));
}
`, `function function 0`, `true { stdout: 'hi\n', stderr: '' }`, `2 sh -c echo so-far; exit 2 "so-far\n" ""`)
}

// execFile reports a missing command through the callback, with cmd added, and empty outputs.
func TestExecFileMissing(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
const r = await new Promise((res) => cp.execFile('no-such-command-here', ['a'], (err, stdout, stderr) => res({ err, stdout, stderr })));
log(r.err.message, r.err.code, r.err.errno, r.err.cmd, JSON.stringify(r.stdout), JSON.stringify(r.stderr));
`, `spawn no-such-command-here ENOENT ENOENT -2 no-such-command-here a "" ""`)
}

// An AbortSignal kills the child and fails it with an AbortError whose cause is the reason.
func TestExecAbort(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
const ac = new AbortController();
const done = new Promise((res) => cp.exec('exec sleep 10', { signal: ac.signal }, (err) => res(err)));
ac.abort('stop');
const err = await done;
log(err.name, err.code, err.message, err.cause);
const pre = AbortSignal.abort();
const c = cp.spawn('sleep', ['10'], { signal: pre });
const [err2, exit] = await Promise.all([
  new Promise((res) => c.on('error', res)),
  new Promise((res) => c.on('exit', (code, signal) => res(signal))),
]);
log(err2.name, exit);
`, `AbortError ABORT_ERR The operation was aborted stop`, `AbortError SIGTERM`)
}

// Node's argument checks, with Node's codes and messages.
func TestArgumentValidation(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
for (const fn of [
  () => cp.spawn(''),
  () => cp.spawn('x', 5),
  () => cp.spawn('x', [], { timeout: -1 }),
  () => cp.spawn('x', [], { killSignal: 'SIGNOPE' }),
  () => cp.spawn('x', [], { stdio: 'bogus' }),
  () => cp.spawn('x', [], { stdio: ['pipe', 'text'] }),
  () => cp.spawn('x', [], { cwd: 5 }),
  () => cp.execFile('x', [], { maxBuffer: -1 }),
  () => cp.exec('x', {}, 'cb'),
]) {
  try { fn(); log('no error'); } catch (err) { log(err.name, err.code, err.message); }
}
`, `TypeError ERR_INVALID_ARG_VALUE The argument 'file' cannot be empty. Received ''`,
		`TypeError ERR_INVALID_ARG_TYPE The "args" argument must be of type object. Received type number (5)`,
		`RangeError ERR_OUT_OF_RANGE The value of "timeout" is out of range. It must be an unsigned integer. Received -1`,
		`TypeError ERR_UNKNOWN_SIGNAL Unknown signal: SIGNOPE`,
		`TypeError ERR_INVALID_ARG_VALUE The argument 'stdio' is invalid. Received 'bogus'`,
		`TypeError ERR_INVALID_SYNC_FORK_INPUT Asynchronous forks do not support Buffer, TypedArray, DataView or string input: 'text'`,
		`TypeError ERR_INVALID_ARG_TYPE The "options.cwd" property must be of type string or an instance of Buffer or URL. Received type number (5)`,
		`RangeError ERR_OUT_OF_RANGE The value of "options.maxBuffer" is out of range. It must be a positive number. Received -1`,
		`TypeError ERR_INVALID_ARG_TYPE The "callback" argument must be of type function. Received type string ('cb')`)
}
