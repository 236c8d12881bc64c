// Errors fixture (ESM index.mjs in a folder): errors leaving the plugin for the host's
// finalhandler (status precedence, err.headers, production messages), errors after the response
// has started, fall-through, and async handlers whose promise rejects.
export const info = {
    id: 'errors',
    name: 'Errors fixture',
    description: 'Exercises error handling and fall-through',
};

function fail(props, message = 'failure') {
    return (req, res, next) => next(Object.assign(new Error(message), props));
}

export function init(router) {
    router.get('/status/:n', (req, res, next) => next(Object.assign(new Error('status'), { status: Number(req.params.n) })));
    router.get('/status-code', fail({ statusCode: 403, headers: { 'Cache-Control': 'no-store', Vary: 'X-Err' } }));
    router.get('/status-wins', fail({ status: 404, statusCode: 403 }));
    router.get('/status-string', fail({ status: '401' }));
    router.get('/headers-ignored', fail({ headers: { 'Cache-Control': 'no-store' } }));
    router.get('/res-status', (req, res, next) => {
        res.status(503);
        next(new Error('res status'));
    });
    router.get('/res-status-ok', (req, res, next) => {
        res.status(201);
        next(new Error('res status ok'));
    });
    router.get('/kept-headers', (req, res, next) => {
        res.set({ 'Cache-Control': 'private', 'Content-Range': 'bytes */10', 'Content-Disposition': 'attachment', Location: '/x' });
        next(new Error('kept'));
    });
    router.get('/message', fail({ status: 400, expose: true }, '<b>shown?</b>'));
    router.get('/string', (req, res, next) => next('a string error'));
    router.get('/throw-string', () => {
        throw 'thrown string';
    });
    router.get('/throw-object', () => {
        throw { status: 409, message: 'plain object' };
    });
    router.get('/throw-null', () => {
        throw null;
    });
    router.get('/type-error', (req, res) => res.json(undefined.property));
    router.get('/async-ok', async (req, res) => {
        await Promise.resolve();
        res.json({ ok: true });
    });
    router.get('/async-reject', async () => {
        await Promise.resolve();
        throw new Error('async boom');
    });
    router.use('/async-middleware', async (req, res, next) => {
        await Promise.resolve();
        throw Object.assign(new Error('async middleware'), { status: 422 });
    });
    router.get('/async-next', async (req, res, next) => {
        await Promise.resolve();
        next(Object.assign(new Error('async next'), { status: 418 }));
    });
    router.get('/after-send', (req, res, next) => {
        res.send('first');
        next(new Error('late'));
    });
    router.get('/next-after-send', (req, res, next) => {
        res.send('sent');
        next();
    });
    router.get('/fallthrough', (req, res, next) => next());
    router.get('/router-exit', (req, res, next) => next('router'));
    router.post('/only-post', (req, res) => res.send('post'));
    router.put('/only-put', (req, res) => res.send('put'));
}
