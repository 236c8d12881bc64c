module.exports = {
    info: { id: 'init-spins', name: 'x', description: 'x' },
    init(router) {
        router.get('/x', (req, res) => res.end());
        for (;;) {}
    },
};
