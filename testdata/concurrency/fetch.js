// Echoes the request's markers as the upstream server echoed them, through fetch and http.request.
const http = require('http');

const upstream = () => process.env.UPSTREAM;

module.exports = {
  info: { id: 'fetch-echo', name: 'Fetch echo', description: 'markers through an upstream server' },
  init(router) {
    router.post('/fetch', async (req, res) => {
      try {
        const answer = await fetch(`${upstream()}/echo?m=${encodeURIComponent(req.query.m)}`, {
          method: 'POST',
          headers: { 'x-marker': req.get('x-marker'), 'content-type': 'application/json' },
          body: JSON.stringify({ m: req.body.m }),
        });
        res.json(await answer.json());
      } catch (err) {
        res.status(502).json({ error: String(err && err.cause || err) });
      }
    });
    router.post('/http', (req, res) => {
      const out = http.request(`${upstream()}/echo?m=${encodeURIComponent(req.query.m)}`, {
        method: 'POST',
        headers: { 'x-marker': req.get('x-marker'), 'content-type': 'application/json' },
      }, (answer) => {
        const chunks = [];
        answer.on('data', (c) => chunks.push(c));
        answer.on('end', () => res.type('json').send(Buffer.concat(chunks)));
      });
      out.on('error', (err) => res.status(502).json({ error: String(err) }));
      out.end(JSON.stringify({ m: req.body.m }));
    });
  },
};
