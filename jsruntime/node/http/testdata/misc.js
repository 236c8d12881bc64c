// Responses net/http would otherwise rewrite: redirects (not followed), gzip (passed raw), raw and
// duplicate headers, trailers, missing reason phrases, HTTP/1.0 and empty bodies.
const http = require('http');

function get(url, opts) {
  return new Promise((resolve, reject) => {
    http.get(url, opts || {}, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => resolve([res, Buffer.concat(chunks)]));
    }).on('error', reject);
  });
}

function sorted(obj) {
  const out = {};
  for (const k of Object.keys(obj).sort()) out[k] = obj[k];
  return JSON.stringify(out);
}

module.exports = async function (env, log) {
  let [res, body] = await get(env.base + '/redirect');
  log('redirect', res.statusCode, res.statusMessage, res.headers.location, body.length > 0);

  [res, body] = await get(env.base + '/gzip');
  log('gzip', res.headers['content-encoding'], JSON.stringify(res.headers['x-accept-encoding']), body.slice(0, 2).toString('hex'), body.length);
  [res, body] = await get(env.base + '/gzip', { headers: { 'Accept-Encoding': 'gzip' } });
  log('gzip asked', res.headers['x-accept-encoding'], body.slice(0, 2).toString('hex'));

  [res, body] = await get(env.base + '/raw/headers');
  log('status', res.statusCode, res.statusMessage);
  // net/http gives the headers parsed: their order and case are not the server's (see the package
  // documentation), so they are compared sorted and lower-cased.
  log('headers', sorted(res.headers));
  log('headersDistinct', sorted(res.headersDistinct));
  const pairs = [];
  for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push(res.rawHeaders[i].toLowerCase() + ': ' + res.rawHeaders[i + 1]);
  log('rawHeaders', JSON.stringify(pairs.sort((a, b) => (a.split(':')[0] < b.split(':')[0] ? -1 : a.split(':')[0] > b.split(':')[0] ? 1 : 0))));

  [res, body] = await get(env.base + '/raw/trailers');
  log('trailers', JSON.stringify(res.trailers), JSON.stringify(res.rawTrailers), String(body), res.headers['transfer-encoding']);

  [res, body] = await get(env.base + '/raw/noreason');
  log('noreason', res.statusCode, JSON.stringify(res.statusMessage));

  [res, body] = await get(env.base + '/raw/http10');
  log('http10', res.httpVersion, String(body));

  [res, body] = await get(env.base + '/status');
  log('204', res.statusCode, body.length, res.complete);

  [res, body] = await get(env.base + '/chunked');
  log('chunked', res.headers['transfer-encoding'], String(body));

  [res, body] = await get(env.base + '/big');
  log('big', res.headers['content-length'], body.length);

  await new Promise((resolve) => {
    const req = http.request(env.base + '/hello', { method: 'HEAD' }, (res) => {
      res.on('data', () => log('HEAD data!'));
      res.on('end', () => { log('HEAD', res.statusCode, res.headers['content-length']); resolve(); });
    });
    req.end();
  });

  // 1xx responses before the final one are 'information' events.
  await new Promise((resolve) => {
    const req = http.get(env.base + '/early', (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => { log('final', res.statusCode, body, res.headers.link); resolve(); });
    });
    req.on('information', (info) => log('information', info.statusCode, info.statusMessage, info.httpVersion, info.headers.link, JSON.stringify(info.rawHeaders)));
  });

  // Reading with read() in paused mode.
  await new Promise((resolve) => {
    http.get(env.base + '/hello', (res) => {
      res.on('readable', () => {
        let c;
        while ((c = res.read()) !== null) log('read', String(c));
      });
      res.on('end', resolve);
    });
  });
};
