// Express 5's router with a route parameter. Its path-to-regexp 8 tells parameter names apart with
// /[$_\p{ID_Start}]/u, which never matches in goja: pluginhost cannot load this plugin, and says why.
import express from 'express-5';

export const info = { id: 'express-5-params', name: 'Express 5 parameters', description: 'Express 5 router with a route parameter' };

export async function init(router) {
    const inner = express.Router();
    inner.get('/user/:name', (req, res) => res.json({ name: req.params.name }));
    router.use(inner);
}
