// Answers with what the embedding application put on req (Options.RequestContext).
module.exports = {
    info: { id: 'whoami', name: 'Who am I', description: 'shows req.user and req.session' },
    init(router) {
        router.get('/', (req, res) => res.json({ user: req.user, session: req.session }));
    },
};
