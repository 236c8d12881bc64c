// exit never yields: Close must still return and stop the runtime.
module.exports = {
  info: { id: 'exit-spinner', name: 'Exit spinner', description: 'exit never returns' },
  init(router) { router.get('/ok', (req, res) => res.json({ ok: true })); },
  exit() { for (;;) { /* never yields */ } },
};
