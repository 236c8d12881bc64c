// A plugin carrying a whole Express 5: its body parsers (body-parser 2.x) through express.json() and
// friends, and an Express 5 router mounted on the host's Express 4 router.
import express from 'express-5';
import { register } from './routes.js';

export const info = { id: 'express-5', name: 'Bundled Express 5', description: 'Express 5 inlined in the bundle' };

export async function init(router) {
    const inner = express.Router();
    // Static paths: route parameters are express-5-params.js's.
    inner.post('/echo', express.text(), (req, res) => {
        res.json({ body: req.body, baseUrl: req.baseUrl, url: req.url, originalUrl: req.originalUrl });
    });
    inner.get('/query', (req, res) => {
        res.json({ query: req.query });
    });
    router.use('/v5', inner);
    register(router, { json: express.json, text: express.text, raw: express.raw, urlencoded: express.urlencoded });
}
