// Request bodies: Content-Length when end() has the whole body, chunked when it was written in
// parts, and streamed to the server as it is written.
const http = require('http');

function send(url, opts, write) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, opts, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    write(req);
  });
}

module.exports = async function (env, log) {
  const url = env.base + '/echo';
  log(await send(url, { method: 'POST' }, (req) => req.end('hello body')));
  log(await send(url, { method: 'POST' }, (req) => req.end()));
  log(await send(url, { method: 'PUT' }, (req) => { req.write('part one,'); req.write(Buffer.from(' part two')); req.end(); }));
  log(await send(url, { method: 'post', headers: { 'Content-Length': 5 } }, (req) => { req.write('ab'); req.end('cde'); }));
  log(await send(url, { method: 'DELETE' }, (req) => req.end()));
  log(await send(url, { method: 'PATCH', headers: { 'content-type': 'application/json' } }, (req) => req.end(JSON.stringify({ a: 1 }))));
  log(await send(url, { method: 'POST' }, (req) => req.end('caf\u00e9', 'latin1')));

  // The server answers each chunk before the next one is written.
  const got = await new Promise((resolve, reject) => {
    const chunks = ['one', 'two', 'three'];
    const req = http.request(env.base + '/duplex', { method: 'POST' });
    req.on('error', reject);
    req.on('response', (res) => {
      let all = '';
      res.setEncoding('utf8');
      res.on('data', (d) => {
        all += d;
        log('server says', d);
        if (chunks.length) req.write(chunks.shift());
        else req.end();
      });
      res.on('end', () => resolve(all));
    });
    req.write(chunks.shift());
  });
  log('duplex', got);

  // write() reports backpressure and 'drain' follows.
  const big = Buffer.alloc(64 * 1024, 'x');
  const res = await new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST' }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve(body.split('\n').slice(0, 5).join(' / ')));
    });
    req.on('error', reject);
    let drains = 0;
    req.on('drain', () => { drains++; });
    const ok = req.write(big, () => log('write callback'));
    log('write returned', ok, 'writableLength', req.writableLength > 0);
    req.end(() => log('end callback, drains', drains));
  });
  log(res);
};
