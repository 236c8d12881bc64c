// Agents: keep-alive reuse, agent: false, the global agents and the Agent's own fields.
const http = require('http');
const https = require('https');

function get(url, opts) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, opts || {}, (res) => {
      res.resume();
      res.on('end', () => resolve(req));
    });
    req.on('error', reject);
  });
}

module.exports = async function (env, log) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  log('agent', agent.keepAlive, agent.maxSockets, agent.maxFreeSockets, agent.defaultPort, agent.protocol, agent.keepAliveMsecs);
  const first = await get(env.base + '/hello', { agent });
  await new Promise((r) => setTimeout(r, 20));
  const second = await get(env.base + '/hello', { agent });
  log('reused', first.reusedSocket, second.reusedSocket, second.agent === agent);
  agent.destroy();

  const noAgent = await get(env.base + '/echo', { agent: false });
  log('agent false', noAgent.agent instanceof http.Agent, noAgent.agent === http.globalAgent, noAgent.agent.keepAlive);
  const v4 = await get(env.base + '/hello', { family: 4, localAddress: '127.0.0.1' });
  log('family 4', v4.socket === null || v4.res.statusCode);
  const v6 = await new Promise((resolve) => {
    http.get(env.base + '/hello', { family: 6 }, () => resolve('response')).on('error', (e) => resolve(e.code));
  });
  log('family 6 to an IPv4 address', v6);
  const port = env.host.split(':')[1];
  for (const family of [4, 6]) {
    const r = await new Promise((resolve) => {
      http.get({ host: 'localhost', port, path: '/hello', family }, (res) => { res.resume(); resolve(res.statusCode); })
        .on('error', (e) => resolve(`${e.code} ${e.address}`));
    });
    log('localhost family', family, r);
  }
  const plain = await get(env.base + '/hello');
  log('default agent', plain.agent === http.globalAgent);

  const g = http.globalAgent;
  log('globalAgent', g instanceof http.Agent, g.keepAlive, g.defaultPort, g.protocol, JSON.stringify(g.options));
  const hg = https.globalAgent;
  log('https globalAgent', hg instanceof https.Agent, hg instanceof http.Agent, hg.defaultPort, hg.protocol);
  const ka = new http.Agent();
  log('default options', ka.keepAlive, ka.maxSockets, ka.maxTotalSockets, ka.scheduling, JSON.stringify(ka.options));
  log('getName', ka.getName({ host: 'h', port: 81 }), ka.getName({}), ka.getName({ host: 'h', port: 1, localAddress: 'l', family: 6 }));
  log('Agent.defaultMaxSockets', http.Agent.defaultMaxSockets);
};
