// Echoes the request's markers after timers of every kind.
const { setTimeout: sleep } = require('timers/promises');

// delay spreads requests over a few milliseconds, so that timers of different requests interleave.
const delay = (marker) => marker.length % 4;

module.exports = {
  info: { id: 'timers-echo', name: 'Timers echo', description: 'markers through timers' },
  init(router) {
    router.post('/echo', (req, res) => {
      const out = {};
      setTimeout(() => {
        out.query = req.query.m;
        setImmediate(() => {
          process.nextTick(() => {
            out.header = req.get('x-marker');
            queueMicrotask(() => {
              let ticks = 0;
              const interval = setInterval(async () => {
                if (++ticks < 2) return;
                clearInterval(interval);
                out.body = await sleep(1, req.body.m);
                res.json(out);
              }, 1);
            });
          });
        });
      }, delay(req.query.m));
    });
  },
};
