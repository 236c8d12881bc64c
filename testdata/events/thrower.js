process.on('server-started', () => { throw new Error('listener failed'); });
module.exports = {
  info: { id: 'thrower', name: 'Thrower', description: 'a listener that throws' },
  init(router) { router.get('/ok', (req, res) => res.send('ok')); },
};
