let started = null;
process.on('server-started', (info, extra) => { started = { info, extra, count: (started ? started.count : 0) + 1 }; });
module.exports = {
  info: { id: 'listener', name: 'Listener', description: 'records host events' },
  init(router) { router.get('/started', (req, res) => res.json({ started })); },
};
