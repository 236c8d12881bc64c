// Network failures in Node's shapes.
const http = require('http');

function describe(log, label, err) {
  log(label, err.name, JSON.stringify(err.message), err.code, err.errno, err.syscall, err.address, err.port, err.hostname);
}

function expectError(opts) {
  return new Promise((resolve) => {
    const events = [];
    const req = http.get(opts, () => events.push('response'));
    req.on('error', (err) => { events.push('error'); resolve([err, events]); });
    req.on('close', () => events.push('close'));
  });
}

module.exports = async function (env, log) {
  let [err, events] = await expectError('http://127.0.0.1:1/x');
  describe(log, 'refused', err);
  err = (await expectError({ host: 'nosuch.invalid', path: '/' }))[0];
  log('not found', err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN', err.syscall, err.hostname);

  // The server closes the connection without answering.
  [err, events] = await expectError(env.base + '/raw/hangup');
  describe(log, 'hangup', err);
  await new Promise((r) => setTimeout(r, 10));
  log('events', events.join(' '));

  // The body stops short of its Content-Length.
  await new Promise((resolve) => {
    http.get(env.base + '/raw/partial', (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('aborted', () => log('aborted event, res.aborted', res.aborted, 'complete', res.complete));
      res.on('error', (e) => describe(log, 'res error', e));
      res.on('end', () => log('end'));
      res.on('close', () => { log('res close, body', JSON.stringify(body)); resolve(); });
    }).on('error', (e) => describe(log, 'req error', e)).on('close', () => log('req close'));
  });

  // Headers beyond maxHeaderSize (16 KiB unless the request says otherwise).
  [err, events] = await expectError(env.base + '/bigheader');
  log('header overflow', err.code, err.message, events.join(' '));
  await new Promise((resolve) => {
    http.get(env.base + '/bigheader', { maxHeaderSize: 64 * 1024 }, (res) => {
      res.resume();
      res.on('end', () => { log('bigger limit', res.statusCode, res.headers['x-big'].length); resolve(); });
    });
  });

  // Bad arguments throw synchronously.
  const bad = [
    () => http.request({ protocol: 'https:', host: 'x' }),
    () => http.request({ path: '/a b' }),
    () => http.request({ method: 'BAD METHOD' }),
    () => http.request({ hostname: 5 }),
    () => http.request({ agent: {} }),
    () => http.request('not a url'),
    () => http.request({ timeout: -1 }),
    () => http.request({ headers: { 'bad name': 'x' } }),
    () => http.request({ headers: { 'x-bad': 'a\nb' } }),
    () => http.request({ headers: { 'x-undef': undefined } }),
  ];
  for (const f of bad) {
    try { f(); log('no throw'); } catch (e) { log('throws', e.name, e.code, JSON.stringify(e.message)); }
  }
};
