const info = { id: 'single-js', name: 'single-js plugin', description: 'test plugin' };
async function init(router) {
    router.get('/which', (req, res) => res.json({ which: 'single-js.js' }));
}
module.exports = { info, init };
