// Handlers that answer badly: never, twice, after the end, or throw once the response started; and
// work tied to a request that must stop when the client goes away.
const { spawn } = require('child_process');

module.exports = {
  info: { id: 'requests', name: 'Requests', description: 'answers badly on request' },
  init(router) {
    router.get('/never', () => {});
    router.get('/twice', (req, res) => {
      res.json({ first: true });
      res.json({ second: true });
    });
    router.get('/write-after-end', (req, res) => {
      res.end('a');
      res.write('b');
    });
    router.get('/throw-after-headers', (req, res) => {
      res.write('partial');
      throw new Error('failed mid-response');
    });
    // The plugin ties its own work to the request, as plugins do: an AbortController aborted on
    // 'close' before the response finished.
    router.get('/upstream', (req, res) => {
      const ac = new AbortController();
      res.on('close', () => { if (!res.writableFinished) ac.abort(); });
      fetch(String(req.query.url), { signal: ac.signal })
        .then((r) => r.text())
        .then((t) => res.send(t))
        .catch((err) => console.log('upstream fetch ended:', err.name));
    });
    router.get('/child', (req, res) => {
      const ac = new AbortController();
      res.on('close', () => { if (!res.writableFinished) ac.abort(); });
      const child = spawn('sleep', ['30'], { signal: ac.signal });
      child.on('error', (err) => console.log('child error:', err.name));
      child.on('exit', (code, signal) => console.log('child exited:', code, signal));
      console.log('child started');
    });
  },
};
