// Express 5's router with route parameters. Its path-to-regexp 8 tells parameter names apart with
// /^[$_\p{ID_Start}]$/u and /^[$\u200c\u200d\p{ID_Continue}]$/u, which goja alone never matches (the
// router threw "Missing parameter name"); pluginhost's RegExp translates the property escapes.
import express from 'express-5';

export const info = { id: 'express-5-params', name: 'Express 5 parameters', description: 'Express 5 router with route parameters' };

export async function init(router) {
    const inner = express.Router();
    inner.get('/user/:name', (req, res) => res.json({ name: req.params.name }));
    inner.get('/pair/:naïve-:ñ2', (req, res) => res.json(req.params));
    inner.get('/files/*path', (req, res) => res.json({ path: req.params.path }));
    inner.get('/opt{/:id}', (req, res) => res.json({ id: req.params.id ?? null }));
    router.use(inner);
}
