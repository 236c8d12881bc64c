// Echoes the request's markers; /spin never yields, so the watchdog stops and rebuilds the plugin.
module.exports = {
  info: { id: 'spin-echo', name: 'Spin echo', description: 'an echo that can be made to spin' },
  init(router) {
    router.post('/echo', (req, res) => {
      setTimeout(() => res.json({ query: req.query.m, header: req.get('x-marker'), body: req.body.m }), 1);
    });
    router.get('/spin', () => { for (;;) { /* never yields */ } });
  },
};
