// child_process.exec and execFile: callback results, error shapes, maxBuffer, encoding, timeout,
// AbortSignal, util.promisify, and argument validation, compared with Node.
'use strict';
const cp = require('child_process');
const util = require('util');

function fields(e) {
  const o = {};
  for (const k of Object.keys(e)) o[k] = e[k];
  return JSON.stringify(o);
}

function call(fn, ...args) {
  return new Promise((resolve) => fn(...args, (err, stdout, stderr) => resolve({ err, stdout, stderr })));
}

module.exports = async function main() {
  let r = await call(cp.exec, 'echo out; echo err >&2');
  console.log('ok', r.err, JSON.stringify(r.stdout), JSON.stringify(r.stderr));

  r = await call(cp.exec, 'echo out; echo err >&2; exit 3');
  console.log('failed', r.err.name, JSON.stringify(r.err.message), fields(r.err), JSON.stringify(r.stdout));

  r = await call(cp.exec, 'printf abc', { encoding: 'buffer' });
  console.log('buffer', Buffer.isBuffer(r.stdout), r.stdout.toString('hex'), Buffer.isBuffer(r.stderr), r.stderr.length);

  r = await call(cp.exec, 'printf 616263', { encoding: 'hex' });
  console.log('hex', r.stdout);

  r = await call(cp.exec, 'printf abcdef', { maxBuffer: 3 });
  console.log('maxBuffer', r.err.name, r.err.code, r.err.message, fields(r.err), r.stdout);

  r = await call(cp.exec, 'printf abcdef >&2', { maxBuffer: 2 });
  console.log('maxBuffer stderr', r.err.message, JSON.stringify(r.stderr));

  r = await call(cp.exec, 'exec sleep 10', { timeout: 20 });
  console.log('timeout', fields(r.err), JSON.stringify(r.err.message));

  r = await call(cp.execFile, 'sh', ['-c', 'kill -TERM $$']);
  console.log('signalled', fields(r.err));

  r = await call(cp.execFile, 'nonexistent-command-xyz', ['a']);
  console.log('enoent', r.err.message, fields(r.err), JSON.stringify(r.stdout));

  r = await call(cp.execFile, 'echo', ['x', 'y']);
  console.log('execFile', JSON.stringify(r.stdout));

  r = await call(cp.execFile, 'env', { env: { V: 'from-env' } });
  console.log('execFile no args', JSON.stringify(r.stdout));

  r = await call(cp.execFile, 'echo "$V"', { shell: true, env: { V: 'from-env' } });
  console.log('execFile shell', JSON.stringify(r.stdout));

  const ac = new AbortController();
  const pending = call(cp.exec, 'exec sleep 10', { signal: ac.signal });
  ac.abort();
  r = await pending;
  console.log('aborted', r.err.name, r.err.code, r.err.message, fields(r.err), r.err.cause && r.err.cause.name);

  const execP = util.promisify(cp.exec);
  const p = execP('echo promised');
  console.log('promise child', p.child instanceof cp.ChildProcess);
  console.log('promisified', await p);
  try {
    await util.promisify(cp.execFile)('sh', ['-c', 'echo partial; exit 2']);
  } catch (e) {
    console.log('rejected', fields(e));
  }

  const child = cp.exec('echo x', () => {});
  console.log('returns', child instanceof cp.ChildProcess, typeof child.pid);
  await new Promise((resolve) => child.on('close', resolve));

  const bad = [
    () => cp.spawn(''),
    () => cp.spawn(5),
    () => cp.spawn('x', 5),
    () => cp.spawn('x', [], null),
    () => cp.spawn('x', [], { timeout: -1 }),
    () => cp.spawn('x', [], { killSignal: 'SIGNOPE' }),
    () => cp.spawn('x', [], { killSignal: {} }),
    () => cp.spawn('x', [], { stdio: 'bogus' }),
    () => cp.spawn('x', [], { stdio: ['pipe', 'text input'] }),
    () => cp.spawn('x', [], { shell: 5 }),
    () => cp.spawn('x', [], { cwd: 5 }),
    () => cp.spawn('x', [], { detached: 'yes' }),
    () => cp.spawn('x', [], { signal: {} }),
    () => cp.spawn('x\u0000y'),
    () => cp.spawn('x', [], { env: { A: 'a\u0000' } }),
    () => cp.exec(5),
    () => cp.execFile('x', [], { maxBuffer: -1 }),
    () => cp.execFile('x', [], {}, 'not a function'),
    () => cp.execSync('x', { timeout: 1.5 }),
  ];
  for (const fn of bad) {
    try {
      fn();
      console.log('no error');
    } catch (e) {
      console.log('throws', e.name, e.code, e.message);
    }
  }
};
