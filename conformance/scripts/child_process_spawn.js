// child_process.spawn: events, streams, kill, options (env, cwd, shell, stdio, timeout, signal) and
// the ENOENT error, compared with Node.
'use strict';
const cp = require('child_process');
const path = require('path');

// run spawns a child, collects its outputs and resolves with what happened once it closed.
function run(file, args, options, feed) {
  return new Promise((resolve) => {
    const child = cp.spawn(file, args, options);
    const seen = { out: '', err: '', events: [] };
    if (child.stdout) child.stdout.on('data', (b) => { seen.out += b; });
    if (child.stderr) child.stderr.on('data', (b) => { seen.err += b; });
    child.on('spawn', () => seen.events.push('spawn'));
    child.on('exit', (code, signal) => seen.events.push(`exit ${code} ${signal}`));
    child.on('error', (e) => seen.events.push(`error ${e.message}`));
    child.on('close', (code, signal) => {
      seen.events.push(`close ${code} ${signal}`);
      seen.exitCode = child.exitCode;
      seen.signalCode = child.signalCode;
      seen.killed = child.killed;
      resolve(seen);
    });
    if (feed) feed(child);
  });
}

module.exports = async function main() {
  let r = await run('sh', ['-c', 'echo out; echo err >&2; exit 3']);
  console.log('exit status', r.events, JSON.stringify(r.out), JSON.stringify(r.err), r.exitCode, r.signalCode);

  r = await run('cat', [], {}, (child) => {
    console.log('write returns', child.stdin.write('hello '), child.stdin.write(Buffer.from('world')));
    child.stdin.end('!');
  });
  console.log('cat', JSON.stringify(r.out), r.events);

  const c = cp.spawn('echo', ['a', 'b']);
  console.log('spawnfile', c.spawnfile, c.spawnargs, typeof c.pid, c.exitCode, c.signalCode, c.killed, c.connected);
  console.log('stdio', c.stdio.length, c.stdio[0] === c.stdin, c.stdio[1] === c.stdout, c.stdio[2] === c.stderr);
  await new Promise((resolve) => c.on('close', resolve));

  r = await run('nonexistent-command-xyz', ['a', 'b']);
  console.log('missing', r.events, r.exitCode);
  const missing = cp.spawn('nonexistent-command-xyz', ['q']);
  const err = await new Promise((resolve) => missing.on('error', resolve));
  console.log('enoent', err.name, err.code, err.errno, err.syscall, err.path, err.spawnargs, Object.keys(err), missing.pid);

  r = await run('sleep', ['10'], {}, (child) => {
    console.log('kill', child.kill(), child.killed);
    try {
      child.kill('SIGNOPE');
    } catch (e) {
      console.log('bad signal', e.name, e.code, e.message);
    }
  });
  console.log('killed', r.events, r.exitCode, r.signalCode, r.killed);

  r = await run('sh', ['-c', 'kill -USR1 $$']);
  console.log('own signal', r.events, r.killed);

  r = await run('sleep', ['10'], { timeout: 20, killSignal: 'SIGKILL' });
  console.log('timeout', r.events);

  const ac = new AbortController();
  r = await run('sleep', ['10'], { signal: ac.signal }, () => ac.abort());
  console.log('abort', r.events);

  r = await run('sh', ['-c', 'echo "[$FOO] [$BAR]"'], { env: { FOO: 'foo' } });
  console.log('env', r.out.trim());

  const tmp = process.env.SCRIPT_TMPDIR;
  r = await run('pwd', [], { cwd: tmp });
  console.log('cwd', path.basename(r.out.trim()) === path.basename(tmp));

  r = await run('echo $((6 * 7)) "$0"', [], { shell: true });
  console.log('shell', r.out.trim());

  r = await run('sh', ['-c', 'echo $0'], { argv0: 'custom-name' });
  console.log('argv0', r.out.trim());

  r = await run('sh', ['-c', 'echo out; echo err >&2'], { stdio: 'ignore' });
  console.log('ignore', JSON.stringify(r.out), r.events);

  r = await run('sh', ['-c', 'echo to-parent-stdout'], { stdio: ['ignore', 'inherit', 'pipe'] });
  console.log('inherit', JSON.stringify(r.out), r.events);

  r = await run('head', ['-c', '1000000', '/dev/zero']);
  console.log('big output', r.out.length);

  const enc = cp.spawn('printf', ['caf\\303\\251']);
  enc.stdout.setEncoding('utf8');
  let text = '';
  enc.stdout.on('data', (s) => { text += s; });
  await new Promise((resolve) => enc.on('close', resolve));
  console.log('setEncoding', text, typeof text);

  const late = cp.spawn('sh', ['-c', 'echo late']);
  await new Promise((resolve) => late.on('exit', resolve));
  await new Promise((resolve) => setTimeout(resolve, 20));
  console.log('late reader', late.stdout.readable, late.stdout.destroyed);
};
