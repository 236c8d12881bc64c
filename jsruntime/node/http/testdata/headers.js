// The request's header methods, and what reaches the server.
const http = require('http');

module.exports = async function (env, log) {
  const req = http.request(env.base + '/echo', { method: 'POST', headers: { 'X-Initial': 'yes', Accept: ['a', 'b'] } });
  req.setHeader('X-Custom', 'Value');
  req.setHeader('x-num', 42);
  req.setHeader('Set-Cookie', ['a=1', 'b=2']);
  log('getHeader', req.getHeader('x-custom'), req.getHeader('X-NUM'), JSON.stringify(req.getHeader('accept')));
  log('hasHeader', req.hasHeader('X-Custom'), req.hasHeader('nope'));
  const all = req.getHeaders();
  log('host header has the port', all.host === env.host);
  delete all.host;
  log('getHeaders', JSON.stringify(all), Object.getPrototypeOf(req.getHeaders()));
  log('names', JSON.stringify(req.getHeaderNames()), JSON.stringify(req.getRawHeaderNames()));
  req.removeHeader('x-initial');
  log('after remove', req.hasHeader('x-initial'));
  for (const f of [() => req.setHeader('bad header', 'x'), () => req.setHeader('x-ok', undefined), () => req.getHeader(5)]) {
    try { f(); } catch (e) { log('throws', e.name, e.code, e.message); }
  }
  req.flushHeaders();
  log('headersSent', req.headersSent);
  try { req.setHeader('x-late', 'y'); } catch (e) { log('late', e.code, e.message); }
  try { req.removeHeader('x-custom'); } catch (e) { log('late remove', e.code, e.message); }
  const body = await new Promise((resolve) => {
    req.on('response', (res) => {
      let s = '';
      res.on('data', (d) => { s += d; });
      res.on('end', () => resolve(s));
    });
    req.end('data');
  });
  log(body);

  // The array form sends the pairs as they are; setHost false and a custom Host.
  const [hostname, port] = env.host.split(':');
  const raw = await new Promise((resolve) => {
    const req = http.request({ hostname, port, path: '/echo', headers: ['Host', env.host, 'X-A', '1', 'X-B', '2', 'X-A', '3'] }, (res) => {
      let s = '';
      res.on('data', (d) => { s += d; });
      res.on('end', () => resolve(s));
    });
    log('array getHeader', req.getHeader('x-a'));
    req.end();
  });
  log(raw);
  const custom = await new Promise((resolve) => {
    http.get({ hostname, port, path: '/echo', headers: { Host: 'example.test' } }, (res) => {
      let s = '';
      res.on('data', (d) => { s += d; });
      res.on('end', () => resolve(s));
    });
  });
  log(custom);
};
