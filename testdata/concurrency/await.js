// Echoes the request's markers after chains of awaits over setImmediate and resolved promises.
const tick = () => new Promise((resolve) => setImmediate(resolve));

async function through(value, turns) {
  for (let i = 0; i < turns; i++) {
    await tick();
    value = await Promise.resolve(value);
  }
  return value;
}

module.exports = {
  info: { id: 'await-echo', name: 'Await echo', description: 'markers through await chains' },
  init(router) {
    router.post('/echo', async (req, res) => {
      const [query, header, body] = await Promise.all([
        through(req.query.m, 3),
        through(req.get('x-marker'), 2),
        through(req.body.m, 4),
      ]);
      res.json({ query, header, body });
    });
  },
};
