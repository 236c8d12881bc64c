package child_process_test

import (
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// A child's output arrives in order, and 'close' follows 'exit' and the end of both outputs.
func TestSpawnEventsAndOutputs(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
const c = cp.spawn('sh', ['-c', 'printf "a\\nb\\n"; printf oops >&2; exit 3']);
const events = [];
let out = '', err = '';
c.stdout.on('data', (b) => { out += b; });
c.stdout.on('end', () => events.push('stdout end'));
c.stderr.on('data', (b) => { err += b; });
c.on('spawn', () => events.push('spawn'));
c.on('exit', (code, signal) => events.push('exit ' + code + ' ' + signal));
const [code, signal] = await new Promise((res) => c.on('close', (...a) => res(a)));
log(JSON.stringify(out), JSON.stringify(err), code, signal, c.exitCode, c.signalCode);
log(events.includes('stdout end'), events[0], events.includes('exit 3 null'));
`, `"a\nb\n" "oops" 3 null 3 null`, `true spawn true`)
}

// stdin is a Writable whose bytes reach the child in order; end() closes the child's input.
func TestStdinReachesChild(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
const c = cp.spawn('cat');
let out = '';
c.stdout.on('data', (b) => { out += b; });
for (let i = 0; i < 100; i++) c.stdin.write('line ' + i + '\n');
c.stdin.end(Buffer.from('done'));
await new Promise((res) => c.on('close', res));
const lines = out.split('\n');
log(lines.length, lines[0], lines[99], lines[100]);
`, `101 line 0 line 99 done`)
}

// A missing command is an 'error' (not a throw) with Node's fields, followed by 'close' with -2.
func TestSpawnMissingCommand(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
const c = cp.spawn('no-such-command-here', ['x', 'y']);
log(c.pid, c.stdout !== null, c.kill());
const err = await new Promise((res) => c.on('error', res));
log(err.message, err.code, err.errno, err.syscall, err.path, JSON.stringify(err.spawnargs));
log(await new Promise((res) => c.on('close', (code, signal) => res(code + ' ' + signal))));
`, `undefined true false`,
		`spawn no-such-command-here ENOENT ENOENT -2 spawn no-such-command-here no-such-command-here ["x","y"]`,
		`-2 null`)
}

// kill sends Node's signals by name or number; an unknown signal throws ERR_UNKNOWN_SIGNAL; killing
// a reaped child reports false.
func TestKill(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
const c = cp.spawn('sleep', ['30']);
log(c.kill(0), c.killed);
try { c.kill('SIGBOGUS'); } catch (err) { log(err.name, err.code, err.message); }
try { c.kill(12345); } catch (err) { log(err.code, err.message); }
log(c.kill(9), c.killed);
log(await new Promise((res) => c.on('exit', (code, signal) => res(code + ' ' + signal))));
log(c.kill());
`, `true true`, `TypeError ERR_UNKNOWN_SIGNAL Unknown signal: SIGBOGUS`, `ERR_UNKNOWN_SIGNAL Unknown signal: 12345`,
		`true true`, `null SIGKILL`, `false`)
}

// Destroying stdout closes the host's end: a child that keeps writing dies of SIGPIPE.
func TestDestroyedOutputStopsWriter(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
const c = cp.spawn('yes');
c.stdout.once('data', () => c.stdout.destroy());
log(await new Promise((res) => c.on('close', (code, signal) => res(code + ' ' + signal))));
`, `null SIGPIPE`)
}

// Reading stops while the plugin does not consume: a paused stdout holds at most the high-water mark
// and one chunk, and the child waits on the full pipe instead of exiting.
func TestOutputBackpressure(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
const c = cp.spawn('head', ['-c', '4000000', '/dev/zero']);
let exited = false;
c.on('exit', () => { exited = true; });
c.stdout.pause();
await new Promise((res) => setTimeout(res, 300));
log('bounded', c.stdout.readableLength <= 16384 + 65536, 'exited', exited);
let n = 0;
c.stdout.on('data', (b) => { n += b.length; });
c.stdout.resume();
await new Promise((res) => c.on('close', res));
log(n);
`, `bounded true exited false`, `4000000`)
}

// The default environment is the plugin's process.env, never the host's; the command is looked up
// in the child's PATH, or in /usr/bin:/bin when it has none.
func TestEnvironment(t *testing.T) {
	t.Setenv("PLUGINHOST_HOST_SECRET", "s3cret")
	rt := newRuntime(t, map[string]string{"PLUGIN_VAR": "visible"})
	expect(t, rt, `
const env = cp.execFileSync('env', { encoding: 'utf8' });
log(env.includes('PLUGIN_VAR=visible'), env.includes('PLUGINHOST_HOST_SECRET'));
log(JSON.stringify(cp.execFileSync('sh', ['-c', 'echo "$ONLY"'], { env: { ONLY: 'x' }, encoding: 'utf8' })));
const r = cp.spawnSync('sh', ['-c', 'true'], { env: { PATH: '/nonexistent' } });
log(r.error.code);
`, `true false`, `"x\n"`, `ENOENT`)
}

// The Node APIs pluginhost does not provide throw ERR_NOT_SUPPORTED_IN_PLUGINHOST.
func TestNotSupported(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
for (const fn of [
  () => cp.fork('x.js'),
  () => cp.spawn('sh', [], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] }),
  () => cp.spawn('sh', [], { uid: 0 }),
  () => cp.spawn('sh', [], { stdio: ['pipe', 7, 'pipe'] }),
  () => cp.spawn('sh', [], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] }),
]) {
  try { fn(); log('no error'); } catch (err) { log(err.code, err.message); }
}
`, `ERR_NOT_SUPPORTED_IN_PLUGINHOST child_process.fork is not supported in pluginhost`,
		`ERR_NOT_SUPPORTED_IN_PLUGINHOST child_process stdio 'ipc' is not supported in pluginhost`,
		`ERR_NOT_SUPPORTED_IN_PLUGINHOST child_process options.uid and options.gid is not supported in pluginhost`,
		`ERR_NOT_SUPPORTED_IN_PLUGINHOST child_process stdio file descriptor 7 is not supported in pluginhost`,
		`ERR_NOT_SUPPORTED_IN_PLUGINHOST child_process stdio beyond stdin, stdout and stderr is not supported in pluginhost`)
}

// A listener that throws is logged; the runtime and the child's other events carry on.
func TestListenerExceptionIsContained(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
const c = cp.spawn('true');
c.on('exit', () => { throw new Error('listener broke'); });
log(await new Promise((res) => c.on('close', (code) => res(code))));
`, `0`)
	// The exception is logged when the job that emitted 'exit' ends, after its promise jobs (which
	// finished the script): a later job sees the log.
	jstest.Do(t, rt, func(*goja.Runtime) error { return nil })
	if logs := jstest.LogsOf(rt).String(); !strings.Contains(logs, "listener broke") {
		t.Errorf("the exception was not logged:\n%s", logs)
	}
}

// A child is disposable, as in Node 20: disposing kills it unless it was killed already.
func TestDispose(t *testing.T) {
	rt := newRuntime(t, nil)
	expect(t, rt, `
const c = cp.spawn('sleep', ['30']);
const exit = new Promise((res) => c.on('exit', (code, signal) => res(signal)));
c[Symbol.dispose]();
log(c.killed, await exit);
`, `true SIGTERM`)
}
