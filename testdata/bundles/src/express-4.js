// A plugin carrying a whole Express 4 (a webpack bundle that did not leave express external): its
// body parsers (body-parser 1.x) through express.json() and friends, and an Express 4 router with a
// route parameter mounted on the host's router.
import express from 'express-4';
import { register } from './routes.js';

export const info = { id: 'express-4', name: 'Bundled Express 4', description: 'Express 4 inlined in the bundle' };

export async function init(router) {
    const inner = express.Router();
    inner.post('/echo/:name', express.text(), (req, res) => {
        res.json({ name: req.params.name, body: req.body, baseUrl: req.baseUrl, url: req.url, originalUrl: req.originalUrl });
    });
    inner.get('/query', (req, res) => {
        res.json({ query: req.query });
    });
    router.use('/v4', inner);
    register(router, { json: express.json, text: express.text, raw: express.raw, urlencoded: express.urlencoded });
}
