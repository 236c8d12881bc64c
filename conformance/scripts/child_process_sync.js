// child_process.spawnSync, execSync and execFileSync: result and error shapes, input, encoding,
// timeout, maxBuffer and stdio, compared with Node.
'use strict';
const cp = require('child_process');

// shape prints a result or error without its pid (which differs between runs).
function shape(v) {
  const o = {};
  for (const k of Object.keys(v)) {
    if (k === 'pid') o.pid = typeof v.pid;
    else if (k === 'error') o.error = v.error && `${v.error.name}: ${v.error.message}`;
    else if (Buffer.isBuffer(v[k])) o[k] = `<Buffer ${v[k].toString()}>`;
    else if (Array.isArray(v[k])) o[k] = v[k].map((x) => (Buffer.isBuffer(x) ? `<Buffer ${x.toString()}>` : x));
    else o[k] = v[k];
  }
  return JSON.stringify(o);
}

function attempt(label, fn) {
  try {
    console.log(label, 'returned', JSON.stringify(String(fn())));
  } catch (e) {
    console.log(label, 'threw', e.name, JSON.stringify(e.message), shape(e));
  }
}

let r = cp.spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 2']);
console.log('status', shape(r));

r = cp.spawnSync('cat', { input: 'in put', encoding: 'utf8' });
console.log('input', shape(r));

r = cp.spawnSync('cat', { input: Buffer.from('caf\u00e9', 'latin1'), encoding: 'latin1' });
console.log('latin1', shape(r));

r = cp.spawnSync('nonexistent-command-xyz', ['q']);
console.log('enoent', shape(r), r.error.code, r.error.errno, r.error.syscall, r.error.path, r.error.spawnargs);

r = cp.spawnSync('sleep', ['10'], { timeout: 30 });
console.log('timeout', shape(r), r.error.code, r.error.errno, r.error.syscall);

r = cp.spawnSync('sh', ['-c', 'echo 1234567890; exec sleep 10'], { maxBuffer: 4 });
console.log('maxBuffer', shape(r), r.error.code, r.error.errno);

r = cp.spawnSync('sh', ['-c', 'kill -KILL $$']);
console.log('signal', r.status, r.signal);

r = cp.spawnSync('echo', ['x'], { stdio: 'ignore' });
console.log('ignore', shape(r));

r = cp.spawnSync('sh', ['-c', 'echo inherited; echo captured >&2'], { stdio: ['pipe', 'inherit', 'pipe'], encoding: 'utf8' });
console.log('inherit', shape(r));

r = cp.spawnSync('sh', ['-c', 'echo "[$ONLY] [$HOME]"'], { env: { ONLY: 'this' }, encoding: 'utf8' });
console.log('env', r.stdout.trim());

r = cp.spawnSync('echo "$0" $((1 + 2))', { shell: true, encoding: 'utf8' });
console.log('shell', r.stdout.trim());

attempt('execSync', () => cp.execSync('echo hi'));
attempt('execSync encoding', () => cp.execSync('printf hi', { encoding: 'utf8' }));
attempt('execSync fails', () => cp.execSync('echo out; echo boom >&2; exit 4'));
attempt('execSync stdio', () => cp.execSync('exit 5', { stdio: 'pipe' }));
attempt('execSync timeout', () => cp.execSync('exec sleep 10', { timeout: 30 }));
attempt('execSync input', () => cp.execSync('tr a-z A-Z', { input: 'shout' }));
attempt('execFileSync', () => cp.execFileSync('echo', ['a', 'b'], { encoding: 'utf8' }));
attempt('execFileSync fails', () => cp.execFileSync('sh', ['-c', 'exit 6']));
attempt('execFileSync enoent', () => cp.execFileSync('nonexistent-command-xyz', ['z']));
attempt('execFileSync argv0', () => cp.execFileSync('sh', ['-c', 'exit 1'], { argv0: 'named' }));
