// Timeouts only emit 'timeout': the caller decides what to do.
const http = require('http');

module.exports = async function (env, log) {
  await new Promise((resolve) => {
    const req = http.get(env.base + '/slow');
    req.setTimeout(30, () => {
      log('timeout callback');
      req.destroy();
    });
    req.on('timeout', () => log('timeout event'));
    req.on('error', (e) => log('error', e.code, e.message));
    req.on('close', () => { log('close'); resolve(); });
  });
  await new Promise((resolve) => {
    const req = http.get(env.base + '/slow', { timeout: 30 });
    req.on('timeout', () => { log('option timeout', req.timeout); req.destroy(new Error('gave up')); });
    req.on('error', (e) => log('error', e.message));
    req.on('close', () => { log('close'); resolve(); });
  });
  await new Promise((resolve) => {
    const req = http.get(env.base + '/slow');
    req.on('socket', (socket) => {
      socket.setTimeout(30);
      socket.on('timeout', () => { log('socket timeout'); socket.destroy(); });
    });
    req.on('error', (e) => log('error', e.code, e.message));
    req.on('close', () => { log('close'); resolve(); });
  });
  // A response that arrives in time: no timeout, and setTimeout on it works too.
  await new Promise((resolve) => {
    const req = http.get(env.base + '/hello', (res) => {
      res.setTimeout(1000, () => log('res timeout!'));
      res.resume();
      res.on('end', () => log('end without timeout'));
    });
    req.setTimeout(1000, () => log('req timeout!'));
    req.on('close', () => setTimeout(resolve, 20));
  });
};
