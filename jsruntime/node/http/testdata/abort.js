// Ending a request early: abort(), destroy() with and without an error, an AbortSignal, and the
// events each gives on the request and on a response in progress.
const http = require('http');

function watch(log, label, req) {
  for (const ev of ['abort', 'error', 'close', 'response', 'finish']) {
    req.on(ev, (arg) => log(label, ev, ev === 'error' ? `${arg.name} ${arg.code} ${JSON.stringify(arg.message)}` : ''));
  }
}

function closed(req) {
  return new Promise((resolve) => req.on('close', () => setTimeout(resolve, 20)));
}

module.exports = async function (env, log) {
  let req = http.get(env.base + '/slow');
  watch(log, 'abort()', req);
  req.on('socket', () => setTimeout(() => { req.abort(); log('aborted', req.aborted, 'destroyed', req.destroyed); }, 20));
  await closed(req);

  req = http.get(env.base + '/slow');
  watch(log, 'destroy()', req);
  req.on('socket', () => setTimeout(() => req.destroy(), 20));
  await closed(req);

  req = http.get(env.base + '/slow');
  watch(log, 'destroy(err)', req);
  req.on('socket', () => setTimeout(() => req.destroy(new Error('mine')), 20));
  await closed(req);

  // Destroyed before it had a socket.
  req = http.get(env.base + '/slow');
  watch(log, 'sync destroy', req);
  req.destroy();
  await closed(req);

  const ac = new AbortController();
  req = http.get(env.base + '/slow', { signal: ac.signal });
  watch(log, 'signal', req);
  req.on('socket', () => setTimeout(() => ac.abort(), 20));
  await closed(req);

  // Aborting while the response is streaming.
  await new Promise((resolve) => {
    const req = http.get(env.base + '/stall', (res) => {
      res.on('data', (d) => { log('data', String(d)); req.abort(); });
      res.on('aborted', () => log('res aborted', res.aborted));
      res.on('error', (e) => log('res error', e.code, e.message));
      res.on('end', () => log('res end'));
      res.on('close', () => { log('res close'); setTimeout(resolve, 20); });
    });
    watch(log, 'mid-response', req);
  });

  // Destroying the response instead.
  await new Promise((resolve) => {
    const req = http.get(env.base + '/stall', (res) => {
      res.on('data', () => res.destroy());
      res.on('aborted', () => log('res2 aborted'));
      res.on('close', () => { log('res2 close', res.destroyed); setTimeout(resolve, 20); });
    });
    watch(log, 'res.destroy', req);
  });
};
