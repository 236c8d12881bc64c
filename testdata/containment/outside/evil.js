const info = { id: 'evil', name: 'evil plugin', description: 'test plugin' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'evil' }));
}
module.exports = { info, init };
