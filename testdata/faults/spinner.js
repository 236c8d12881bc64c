// A plugin whose JavaScript can be made to never yield, from a handler, a middleware, a timer or a
// promise callback; and the other faults a plugin can commit at run time.
let state = 'fresh';
const spin = () => { for (;;) { /* never yields */ } };

module.exports = {
  info: { id: 'spinner', name: 'Spinner', description: 'misbehaves on request' },
  init(router) {
    router.use((req, res, next) => {
      if (req.query.spinInMiddleware) spin();
      next();
    });
    router.get('/state', (req, res) => res.json({ state }));
    router.post('/state', (req, res) => { state = req.body.state; res.json({ state }); });
    router.get('/spin', () => spin());
    router.get('/buffer', (req, res) => {
      try { res.json({ length: Buffer.alloc(Number(req.query.n)).length }); } catch (err) { res.json({ error: err.code }); }
    });
    router.get('/hog', () => {
      const keep = [];
      for (;;) keep.push('x'.repeat(1 << 20) + keep.length);
    });
    router.get('/spin-timer', (req, res) => { setTimeout(spin, 1); res.json({ scheduled: 'timer' }); });
    router.get('/spin-promise', (req, res) => { Promise.resolve().then(spin); res.json({ scheduled: 'promise' }); });
    router.get('/recurse', (req, res) => {
      const down = (n) => down(n + 1) + 1;
      try { down(0); } catch (err) { return res.json({ where: 'try', name: err.name, message: err.message }); }
      res.json({ where: 'nowhere' });
    });
    router.get('/reject', (req, res) => {
      Promise.reject(new Error('nobody handles this'));
      res.json({ rejected: true });
    });
    router.get('/exit', (req, res) => {
      const out = {};
      for (const [name, call] of Object.entries({
        exit: () => process.exit(3),
        abort: () => process.abort(),
        kill: () => process.kill(process.pid, 'SIGKILL'),
      })) {
        try { call(); out[name] = 'returned'; } catch (err) { out[name] = err.code || err.message; }
      }
      res.json(out);
    });
    router.get('/exit-uncaught', () => process.exit(1));
    router.use((err, req, res, next) => {
      if (req.path !== '/recurse') return next(err);
      res.status(500).json({ where: 'error handler', name: err.name, message: err.message });
    });
  },
};
