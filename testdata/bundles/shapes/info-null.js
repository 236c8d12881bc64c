// typeof null is 'object': Luker goes on to read info.id and fails with a TypeError.
module.exports = {
    info: null,
    init(router) {
        router.get('/which', (req, res) => res.json({ which: 'info-null' }));
    },
};
