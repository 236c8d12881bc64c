module.exports = { info: { id: 'exit-throws', name: 'x', description: 'x' }, init(r) { r.get('/x', (q, s) => s.end()); }, exit() { throw new Error('exit failure'); } };
