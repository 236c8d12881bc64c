// Requests over a unix socket.
const http = require('http');

module.exports = async function (env, log) {
  const body = await new Promise((resolve, reject) => {
    http.get({ socketPath: env.socketPath, path: '/echo?unix=1' }, (res) => {
      let s = '';
      res.on('data', (d) => { s += d; });
      res.on('end', () => resolve(s));
    }).on('error', reject);
  });
  log(body);
  await new Promise((resolve) => {
    http.get({ socketPath: env.socketPath + '.missing', path: '/' }).on('error', (e) => {
      log('missing', e.code, e.syscall, e.address === env.socketPath + '.missing', e.message === 'connect ENOENT ' + env.socketPath + '.missing');
      resolve();
    });
  });
};
