// The own properties V8 gives errors: stack is writable, configurable and not enumerable, whatever
// Error.stackTraceLimit says, so Object.keys and JSON.stringify of an error never show it.
const show = (label, e) => {
  const d = Object.getOwnPropertyDescriptor(e, 'stack');
  console.log(label, JSON.stringify(Object.keys(e)), d ? [typeof d.value === 'string' || typeof d.get === 'function', d.enumerable, d.configurable].join() : 'none', JSON.stringify(e));
};
show('plain', new Error('x'));
show('type', new TypeError('t'));
const saved = Error.stackTraceLimit;
Error.stackTraceLimit = 1;
function deep(n) { return n === 0 ? new Error('deep') : deep(n - 1); }
show('limited', deep(5));
Error.stackTraceLimit = 'x';
show('non-number limit', new Error('y'));
Error.stackTraceLimit = saved;
const o = {};
Error.captureStackTrace(o);
show('captured', o);
const withCode = Object.assign(new Error('c'), { code: 'E_X' });
show('with code', withCode);
