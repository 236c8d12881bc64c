module.exports = {
    info: { id: 'env', name: 'Env', description: 'reports process.env' },
    init(router) {
        router.get('/', (req, res) => res.json({ env: process.env }));
    },
};
