// https: certificate checks, the ca option and rejectUnauthorized.
const https = require('https');

function get(url, opts) {
  return new Promise((resolve) => {
    const req = https.get(url, opts, (res) => {
      let body = '';
      const socket = res.socket;
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve(`${res.statusCode} ${body} encrypted=${socket.encrypted} authorized=${socket.authorized}`));
    });
    req.on('error', (e) => resolve(`error ${e.code} ${e.message}`));
  });
}

module.exports = async function (env, log) {
  log('untrusted', await get(env.tlsBase + '/hello', {}));
  log('ca', await get(env.tlsBase + '/hello', { ca: env.ca }));
  log('ca buffer array', await get(env.tlsBase + '/hello', { ca: [Buffer.from(env.ca)] }));
  log('insecure', await get(env.tlsBase + '/hello', { rejectUnauthorized: false }));
  const agent = new https.Agent({ ca: env.ca, keepAlive: true });
  log('agent ca', await get(env.tlsBase + '/hello', { agent }));
  agent.destroy();
  const u = new URL(env.tlsBase);
  log('wrong name', await get({ hostname: 'localhost', port: u.port, path: '/hello', ca: env.ca }));
  try {
    https.get(env.base + '/hello');
  } catch (e) {
    log('http url', e.code, e.message);
  }
};
