// The process members bundles and packages probe beyond the basics: resource usage, ids, stdin,
// getBuiltinModule, loadEnvFile, the flags set, report, the uncaught exception capture callback and
// 'uncaughtException', and the internals (_getActiveHandles, _tickCallback, ...).
const fs = require('fs');
const path = require('path');

const tmp = (s) => String(s).split(process.env.SCRIPT_TMPDIR).join('<tmp>');
const show = (label, fn) => {
  try {
    console.log(label, JSON.stringify(fn()));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, tmp(e.message));
  }
};
const shape = (o) => Object.keys(o).map((k) => `${k}:${typeof o[k]}`).join(',');

show('cpuUsage', () => shape(process.cpuUsage()));
show('cpuUsage diff', () => { const a = process.cpuUsage(); const d = process.cpuUsage(a); return [d.user >= 0, d.system >= 0]; });
for (const bad of [5, { user: -1, system: 0 }, { user: 'x', system: 0 }, { user: 1, system: -2 }, { user: 1 }]) {
  show('cpuUsage bad', () => process.cpuUsage(bad));
}
show('resourceUsage', () => shape(process.resourceUsage()));
show('memory', () => [typeof process.availableMemory(), process.availableMemory() > 0, typeof process.constrainedMemory()]);
show('ids', () => [process.getuid() === process.geteuid() || typeof process.geteuid(), typeof process.getgid(), typeof process.getegid(),
  Array.isArray(process.getgroups()), process.getgroups().includes(process.getegid())]);
show('functions', () => ['setuid', 'seteuid', 'setgid', 'setegid', 'setgroups', 'initgroups', 'binding', '_linkedBinding', 'dlopen',
  'openStdin', 'assert', '_getActiveHandles', '_getActiveRequests', 'getActiveResourcesInfo', '_rawDebug', '_kill', '_tickCallback',
  'setSourceMapsEnabled', 'hasUncaughtExceptionCaptureCallback', 'setUncaughtExceptionCaptureCallback', 'getBuiltinModule', 'loadEnvFile']
  .map((k) => `${k}:${typeof process[k]}:${process[k].length}`));
show('dlopen missing args', () => process.dlopen({}));
show('getBuiltinModule', () => [process.getBuiltinModule('fs') === require('fs'), process.getBuiltinModule('node:path') === require('path'),
  process.getBuiltinModule('nope'), process.getBuiltinModule('express'), process.getBuiltinModule('node:nope')]);
show('getBuiltinModule bad', () => process.getBuiltinModule(5));
show('flags', () => { const f = process.allowedNodeEnvironmentFlags; return [f instanceof Set, Object.isFrozen(f), f.has('--max-old-space-size'), f.has('max_old_space_size'), f.has('--inspect=9229'), f.has('r'), f.has('--nope'), f.add('--x') === f, f.delete('--inspect'), f.has('--inspect')]; });
show('report', () => [typeof process.report, typeof process.report.getReport, process.report.signal, process.report.compact]);
show('plain', () => [process.debugPort, process.domain, process.sourceMapsEnabled, process._exiting, Array.isArray(process.moduleLoadList),
  process.mainModule === require.main, Array.isArray(process._getActiveHandles()), process._getActiveRequests()]);
show('sourceMaps', () => { process.setSourceMapsEnabled(true); const on = process.sourceMapsEnabled; process.setSourceMapsEnabled(false); return [on, process.sourceMapsEnabled]; });
show('sourceMaps bad', () => process.setSourceMapsEnabled(1));
show('emitter', () => ['_events', '_eventsCount', '_maxListeners'].map((k) => Object.prototype.hasOwnProperty.call(process, k)));
show('capture bad', () => process.setUncaughtExceptionCaptureCallback(5));

// loadEnvFile writes only variables that are not set yet.
const envFile = path.join(process.env.SCRIPT_TMPDIR, 'test.env');
fs.writeFileSync(envFile, 'PM_A=1\nexport PM_B="two\\nlines"\nPM_KEEP=file # comment\n');
process.env.PM_KEEP = 'kept';
show('loadEnvFile', () => { process.loadEnvFile(envFile); return [process.env.PM_A, process.env.PM_B, process.env.PM_KEEP]; });
show('loadEnvFile missing', () => process.loadEnvFile(path.join(process.env.SCRIPT_TMPDIR, 'nope.env')).code);
show('loadEnvFile dir', () => process.loadEnvFile(process.env.SCRIPT_TMPDIR));
show('loadEnvFile bad', () => process.loadEnvFile(5));

module.exports = async function main() {
  // stdin has ended: a consumer sees 'end' and no data.
  const chunks = [];
  await new Promise((resolve) => {
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', resolve);
  });
  console.log('stdin', chunks.length, process.stdin.readable, process.openStdin() === process.stdin);

  // _tickCallback runs the queued nextTick callbacks at once.
  const order = [];
  process.nextTick(() => order.push('tick'));
  order.push('before');
  process._tickCallback();
  order.push('after');
  console.log('tickCallback', order.join(','));

  // Uncaught exceptions go to 'uncaughtException' listeners (after 'uncaughtExceptionMonitor'), or to
  // the capture callback, which takes precedence; unhandled rejections too when no
  // 'unhandledRejection' listener takes them.
  const seen = [];
  const monitor = (err, origin) => seen.push(`monitor:${origin}:${err.message}`);
  const listener = (err, origin) => seen.push(`listener:${origin}:${err.name}:${err.message}`);
  process.on('uncaughtExceptionMonitor', monitor);
  process.on('uncaughtException', listener);
  setTimeout(() => { throw new Error('from timer'); }, 1);
  await new Promise((r) => setTimeout(r, 20));
  Promise.reject(new Error('rejected'));
  Promise.reject(5);
  await new Promise((r) => setTimeout(r, 20));
  process.setUncaughtExceptionCaptureCallback((err) => seen.push(`captured:${err.message}`));
  show('capture twice', () => process.setUncaughtExceptionCaptureCallback(() => {}));
  console.log('has capture', process.hasUncaughtExceptionCaptureCallback());
  setTimeout(() => { throw new Error('captured one'); }, 1);
  await new Promise((r) => setTimeout(r, 20));
  process.nextTick(() => { throw new Error('from tick'); });
  await new Promise((r) => setTimeout(r, 20));
  process.setUncaughtExceptionCaptureCallback(null);
  process.removeListener('uncaughtException', listener);
  process.removeListener('uncaughtExceptionMonitor', monitor);
  console.log('has capture', process.hasUncaughtExceptionCaptureCallback());
  for (const s of seen) console.log(s.split('\n')[0]);
};
