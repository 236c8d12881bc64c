// A plain GET: the response's fields and the order of the request's and response's events.
const http = require('http');

module.exports = async function (env, log) {
  await new Promise((resolve) => {
    const req = http.get(env.base + '/hello', (res) => {
      log('response', res.statusCode, JSON.stringify(res.statusMessage), res.httpVersion, res.httpVersionMajor, res.httpVersionMinor);
      log('content-type', res.headers['content-type'], 'x-multi', res.headers['x-multi']);
      log('set-cookie', JSON.stringify(res.headers['set-cookie']));
      log('complete before', res.complete, 'req.res', req.res === res, 'res.req', res.req === req);
      log('socket', typeof res.socket, res.socket === req.socket);
      res.setEncoding('utf8');
      res.on('data', (d) => log('data', JSON.stringify(d)));
      res.on('end', () => log('res end, complete', res.complete, 'trailers', JSON.stringify(res.trailers)));
      res.on('close', () => { log('res close'); resolve(); });
    });
    log('method', req.method, 'path', req.path, 'host', req.host, 'protocol', req.protocol);
    log('headersSent', req.headersSent, 'writableEnded', req.writableEnded, 'finished', req.finished);
    log('reusedSocket', req.reusedSocket, 'destroyed', req.destroyed, 'aborted', req.aborted);
    req.on('socket', (s) => log('socket event', typeof s.setTimeout, typeof s.setNoDelay, typeof s.setKeepAlive));
    req.on('finish', () => log('finish, headersSent', req.headersSent));
    req.on('close', () => log('req close', req.destroyed));
  });

  // A URL object and an options object with a separate callback.
  const u = new URL(env.base + '/echo?x=1');
  await new Promise((resolve) => {
    http.get(u, { headers: { 'X-From': 'url' } }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => { log(body); resolve(); });
    });
  });
  const [hostname, port] = env.host.split(':');
  await new Promise((resolve) => {
    http.get({ hostname, port, path: '/echo?y=2', method: 'GET', auth: 'user:pass' }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => { log(body); resolve(); });
    });
  });
  // A response nobody reads is dumped when there is no 'response' listener.
  await new Promise((resolve) => {
    const req = http.get(env.base + '/hello');
    req.on('close', () => { log('unlistened close'); resolve(); });
  });
};
