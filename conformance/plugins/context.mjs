// Async context fixture (single-file ESM): an AsyncLocalStorage store entered by a middleware must be
// visible wherever Node carries it: after awaits, in timers, nextTick and fs callbacks, in the error
// handler a rejected async handler reaches, and not in a request that never entered it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFile } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const info = { id: 'context', name: 'Async context fixture', description: 'AsyncLocalStorage across a request' };

const als = new AsyncLocalStorage();
const id = () => (als.getStore() ? als.getStore().id : 'none');

export function init(router) {
    router.get('/outside', (req, res) => res.json({ id: id() }));
    router.use((req, res, next) => als.run({ id: req.get('X-Request-Id') || 'anonymous' }, () => next()));
    router.get('/await', async (req, res) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        await null;
        res.json({ id: id() });
    });
    router.get('/timer', (req, res) => setTimeout(() => res.json({ id: id() }), 1));
    router.get('/tick', (req, res) => process.nextTick(() => res.json({ id: id() })));
    router.get('/immediate', (req, res) => setImmediate(() => res.json({ id: id() })));
    router.get('/fs', (req, res) => readFile(fileURLToPath(import.meta.url), () => res.json({ id: id() })));
    router.get('/nested', (req, res) => als.run({ id: 'inner' }, () => setTimeout(() => res.json({ id: id() }), 1)));
    router.get('/exit', (req, res) => als.exit(() => res.json({ id: id() })));
    router.get('/reject', async () => {
        await null;
        throw Object.assign(new Error('rejected'), { status: 418 });
    });
    router.get('/next-later', (req, res, next) => setTimeout(() => next(Object.assign(new Error('later'), { status: 409 })), 1));
    router.use((err, req, res, next) => res.status(err.status || 500).json({ error: err.message, id: id() }));
}
