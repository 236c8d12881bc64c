// The deprecated timers.enroll/unenroll/active/_unrefActive against Node: an object becomes a timer,
// restarts, stops, fires once, and bad durations throw.
const timers = require('timers');

const wait = (ms) => new Promise((r) => setTimeout(r, ms));

module.exports = async function main() {
  console.log('keys', Object.keys(timers).join());
  const fired = [];
  const item = { _onTimeout() { fired.push('item ' + (this === item)); } };
  timers.enroll(item, 5);
  console.log('enrolled', item._idleTimeout, Boolean(item._idleNext), Boolean(item._idlePrev));
  timers.active(item);
  console.log('active', Boolean(item._idleNext), item._destroyed);
  await wait(30);
  console.log('fired', fired.join(), item._idleNext, item._idlePrev, item._destroyed);

  // Restarting with active again runs it once.
  timers.active(item);
  timers.active(item);
  await wait(30);
  console.log('restarted', fired.length);

  // unenroll stops it and marks it.
  const stopped = { _onTimeout() { fired.push('stopped'); } };
  timers.enroll(stopped, 5);
  timers._unrefActive(stopped);
  timers.unenroll(stopped);
  console.log('unenrolled', stopped._idleTimeout, stopped._destroyed, stopped._idleNext, stopped._idlePrev);
  timers.active(stopped);
  await wait(30);
  console.log('after unenroll', fired.join());

  // Re-enrolling an active item takes it out of its list first.
  const again = { _onTimeout() { fired.push('again'); } };
  timers.enroll(again, 100000);
  timers.active(again);
  timers.enroll(again, 5);
  console.log('re-enrolled', again._idleTimeout, again._destroyed);
  timers.active(again);
  await wait(30);
  console.log('re-enrolled fired', fired.filter((f) => f === 'again').length);

  // Not enrolled: active does nothing.
  const plain = { _onTimeout() { fired.push('plain'); } };
  timers.active(plain);
  await wait(10);
  console.log('plain', fired.includes('plain'), Object.keys(plain).join());

  for (const [label, ms] of [['string', '5'], ['negative', -1], ['infinite', Infinity], ['NaN', NaN]]) {
    try { timers.enroll({}, ms); console.log(label, 'ok'); } catch (e) { console.log(label, e.name, e.code, e.message); }
  }
  const big = {};
  timers.enroll(big, 2 ** 31);
  console.log('overflow', big._idleTimeout);
};
