// The http and https modules without the network: tables, header validation, agents, option
// checks and the header API of requests and messages.
const http = require('http');
const https = require('https');

function attempt(label, f) {
  try {
    const v = f();
    console.log(label, 'ok', v === undefined ? '' : v);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

module.exports = function main() {
  console.log(Object.keys(http).sort().join(' '));
  console.log(Object.keys(https).sort().join(' '));
  console.log(JSON.stringify(http.STATUS_CODES), Object.getPrototypeOf(http.STATUS_CODES) === Object.prototype);
  console.log(http.METHODS.length, http.METHODS.slice(0, 8).join(','), http.maxHeaderSize);

  for (const name of ['x-ok', 'Content-Type', '', 'bad name', 'ünï', 5, undefined, 'a:b']) {
    attempt('validateHeaderName ' + JSON.stringify(name), () => http.validateHeaderName(name));
  }
  for (const value of ['fine', 'tab\tok', 'nl\nbad', undefined, 42, 'caf\u00e9', '\u0100']) {
    attempt('validateHeaderValue ' + JSON.stringify(value), () => http.validateHeaderValue('x-h', value));
  }

  const a = new http.Agent({ keepAlive: true, maxSockets: 4, timeout: 100 });
  console.log('agent', a.keepAlive, a.maxSockets, a.maxFreeSockets, a.keepAliveMsecs, a.scheduling, a.protocol, a.defaultPort, JSON.stringify(a.options));
  console.log('getName', a.getName({ host: 'example.com', port: 8080 }), a.getName({ socketPath: '/s' }));
  const ha = new https.Agent();
  console.log('https agent', ha.protocol, ha.defaultPort, ha.maxCachedSessions, ha instanceof http.Agent);
  attempt('scheduling', () => new http.Agent({ scheduling: 'random' }));
  attempt('maxTotalSockets', () => new http.Agent({ maxTotalSockets: 0 }));
  console.log('globalAgents', http.globalAgent.keepAlive, http.globalAgent.options.timeout, https.globalAgent.protocol);

  attempt('protocol', () => http.request({ protocol: 'ftp:' }));
  attempt('https protocol', () => https.request('http://localhost/'));
  attempt('method', () => http.request({ method: 'GE T' }));
  attempt('method type', () => http.request({ method: 5 }));
  attempt('path', () => http.request({ path: '/a\u0100' }));
  attempt('host', () => http.request({ host: 5 }));
  attempt('timeout', () => http.request({ timeout: 'soon' }));
  attempt('maxHeaderSize', () => http.request({ maxHeaderSize: -1 }));
  attempt('insecureHTTPParser', () => http.request({ insecureHTTPParser: 'yes' }));
  attempt('agent', () => http.request({ agent: 'x' }));
  attempt('url', () => http.request('::nope'));
  attempt('header', () => http.request({ headers: { 'x y': 1 } }));

  // A request whose connection will fail: its header API works until the headers go out.
  const req = http.request({ host: '127.0.0.1', port: 1, path: '/p?q=1', method: 'patch', auth: 'u:p', headers: { A: 1 } });
  req.on('error', () => {});
  console.log('request', req.method, req.path, req.host, req.protocol, req.headersSent, req.writableEnded, req.finished);
  req.setHeader('X-List', ['1', '2']);
  req.appendHeader('x-list', '3');
  console.log('headers', JSON.stringify(req.getHeaders()), JSON.stringify(req.getRawHeaderNames()));
  attempt('getHeader(5)', () => req.getHeader(5));
  req.removeHeader('a');
  console.log('hasHeader', req.hasHeader('A'), req.hasHeader('authorization'));
  req.setTimeout(1000);
  console.log('timeout set', typeof req.setNoDelay, typeof req.setSocketKeepAlive);
  req.destroy();
  console.log('destroyed', req.destroyed);

  const out = new http.OutgoingMessage();
  out.setHeader('Foo', 'bar');
  console.log('outgoing', out.getHeader('foo'), out.headersSent, out.writableEnded, JSON.stringify(out.getHeaderNames()));

  const msg = new http.IncomingMessage(null);
  msg.rawHeaders = ['Set-Cookie', 'a', 'set-cookie', 'b', 'Cookie', 'x', 'cookie', 'y', 'Age', '1', 'age', '2', 'X-A', '1', 'x-a', '2'];
  console.log('incoming', JSON.stringify(msg.headers), JSON.stringify(msg.headersDistinct));
  msg.headers = { replaced: true };
  console.log('assigned', JSON.stringify(msg.headers), msg.complete, msg.aborted, msg.statusCode, msg.httpVersion);
};
