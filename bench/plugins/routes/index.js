// Workload 3: a REST-style plugin with 50 routes (ten resources, five routes each), so a request for
// one of the last resources walks most of the router's stack before it matches.
const info = {
    id: 'routes',
    name: 'Routes',
    description: 'Fifty routes with parameters and query parsing',
};

const resources = [
    'characters', 'chats', 'groups', 'worlds', 'presets',
    'backgrounds', 'avatars', 'themes', 'extensions', 'settings',
];

async function init(router) {
    for (const resource of resources) {
        router.get(`/${resource}`, (req, res) => {
            const limit = Number(req.query.limit ?? 20);
            res.json({ resource, limit, items: [] });
        });
        router.get(`/${resource}/:id`, (req, res) => {
            res.json({ resource, id: req.params.id });
        });
        router.post(`/${resource}`, (req, res) => {
            res.status(201).json({ resource, created: req.body });
        });
        router.get(`/${resource}/:id/:field`, (req, res) => {
            res.json({ resource, params: req.params, query: req.query });
        });
        router.put(`/${resource}/:id`, (req, res) => {
            res.json({ resource, id: req.params.id, updated: req.body });
        });
    }
}

module.exports = { info, init };
