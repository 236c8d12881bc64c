const info = { id: 'syntax-error', name: 'x', description: 'x' };
function init(router) {
    router.get('/x', (req, res) => { res.json({}) );
}
module.exports = { info, init };
