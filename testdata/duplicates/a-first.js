const info = { id: 'dup', name: 'dup plugin', description: 'test plugin' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'a-first' }));
}
module.exports = { info, init };
