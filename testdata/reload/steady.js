// A neighbour that never changes: it must keep answering whatever happens to counter.
module.exports = {
    info: { id: 'steady', name: 'Steady', description: 'Never changes' },
    init(router) {
        router.get('/ok', (req, res) => res.json({ ok: true }));
    },
};
