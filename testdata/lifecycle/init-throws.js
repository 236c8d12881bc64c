module.exports = { info: { id: 'init-throws', name: 'x', description: 'x' }, init(router) { router.get('/x', (q, s) => s.end()); throw new Error('sync init failure'); } };
