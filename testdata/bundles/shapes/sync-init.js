// A synchronous init: Luker awaits its undefined result.
module.exports = {
    info: { id: 'sync-init', name: 'Synchronous init', description: 'init returns undefined' },
    init(router) {
        router.get('/which', (req, res) => res.json({ which: 'sync-init' }));
    },
};
