// Requests that never reach a server: a refused connection and requests ended before they start,
// with Node's error shapes and event order.
const http = require('http');

function watch(req, events) {
  for (const ev of ['socket', 'abort', 'error', 'close', 'finish', 'response']) {
    req.on(ev, (arg) => events.push(ev === 'error' ? `error(${arg.code})` : ev));
  }
}

module.exports = async function main() {
  const err = await new Promise((resolve) => {
    const events = [];
    const req = http.get('http://127.0.0.1:1/x');
    watch(req, events);
    req.on('error', (e) => resolve([e, events]));
  });
  const [e, events] = err;
  console.log(e.name, e.message, e.code, e.errno, e.syscall, e.address, e.port);
  await new Promise((r) => setTimeout(r, 20));
  console.log(events.join(' '));

  for (const how of ['destroy', 'destroy(err)', 'abort']) {
    const events = [];
    const req = http.get({ host: '127.0.0.1', port: 1 });
    watch(req, events);
    if (how === 'destroy') req.destroy();
    else if (how === 'abort') req.abort();
    else req.destroy(new Error('stop'));
    await new Promise((r) => setTimeout(r, 20));
    console.log(how, events.join(' '), req.destroyed, req.aborted);
  }

  const ac = new AbortController();
  ac.abort();
  const events2 = [];
  const req = http.get('http://127.0.0.1:1/', { signal: ac.signal });
  req.on('error', (err) => events2.push(err.name + ' ' + err.code));
  req.on('close', () => events2.push('close'));
  await new Promise((r) => setTimeout(r, 20));
  console.log('pre-aborted signal', events2.join(', '));
};
