// A plugin restrained by pluginHost.plugins.jailed: each route tries one thing and answers what
// happened ("ok ..." or the error's code and message).
const fs = require('fs');
const path = require('path');
const cp = require('child_process');
const http = require('http');

const base = path.join(__dirname, '..', '..');
const outside = path.join(base, 'outside', 'secret.txt');

const describe = (e) => (e.cause ? `${e.message}: ${e.cause.code} ${e.cause.message}` : `${e.code} ${e.message}`);
const attempt = async (fn) => {
  try {
    return `ok ${await fn()}`;
  } catch (e) {
    return describe(e);
  }
};

// Module code runs before the host knows the plugin's id: a synchronous call is held to every
// configured policy, an asynchronous one waits for the id.
const atLoad = {};
atLoad.readOwn = (() => { try { return `ok ${fs.readFileSync(path.join(__dirname, 'own.txt'), 'utf8').trim()}`; } catch (e) { return describe(e); } })();
atLoad.readOutside = (() => { try { return `ok ${fs.readFileSync(outside, 'utf8')}`; } catch (e) { return describe(e); } })();
const asyncAtLoad = attempt(() => fs.promises.readFile(outside, 'utf8'));

const tries = {
  readOwn: () => fs.readFileSync(path.join(__dirname, 'own.txt'), 'utf8').trim(),
  writeOwn: () => fs.writeFileSync(path.join(__dirname, 'own.txt'), 'changed'),
  readData: () => fs.readFileSync(path.join(base, 'data', 'note.txt'), 'utf8').trim(),
  writeData: () => fs.promises.writeFile(path.join(base, 'data', 'written.txt'), 'x').then(() => 'written'),
  readOutside: () => fs.readFileSync(outside, 'utf8'),
  readThroughLink: () => fs.promises.readFile(path.join(base, 'data', 'out', 'secret.txt'), 'utf8'),
  readDotDot: () => fs.readFileSync(path.join(base, 'data', 'deep') + '/../secret.txt', 'utf8'),
  requireOutside: () => JSON.stringify(require(path.join(base, 'outside', 'secret.json'))),
  requireData: () => JSON.stringify(require(path.join(base, 'data', 'readable.json'))),
  spawn: () => new Promise((resolve, reject) => cp.execFile('true', (e) => (e ? reject(e) : resolve('ran')))),
  execSync: () => String(cp.execSync('echo ran')).trim(),
  fetch: (q) => fetch(q.url).then((r) => r.text()),
  http: (q) => new Promise((resolve, reject) => {
    http.get(q.url, (res) => { let b = ''; res.on('data', (c) => { b += c; }); res.on('end', () => resolve(b)); }).on('error', reject);
  }),
};

module.exports = {
  info: { id: 'jailed', name: 'Jailed', description: 'runs under a policy' },
  async init(router) {
    atLoad.asyncReadOutside = await asyncAtLoad;
    atLoad.readOutsideInInit = await attempt(tries.readOutside);
    router.get('/load', (req, res) => res.json(atLoad));
    router.get('/try/:what', async (req, res) => res.json({ result: await attempt(() => tries[req.params.what](req.query)) }));
  },
};
