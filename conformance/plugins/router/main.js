// Router fixture (CommonJS, entry named by package.json "main"): methods, use with and without a
// path, arrays, nested routers and their options, route(), param(), HEAD/OPTIONS, the next()
// variants, error middleware and router.stack. Handlers echo what they observe as JSON.
const express = require('express');

const info = {
    id: 'router',
    name: 'Router fixture',
    description: 'Exercises the Express 4 router',
};

// Messages of the calls init expects to throw, with how much each grew the stack.
const initErrors = [];

function attempt(router, label, fn) {
    const before = router.stack.length;
    try {
        fn();
        initErrors.push({ label, threw: false, grew: router.stack.length - before });
    } catch (error) {
        initErrors.push({ label, name: error.name, message: error.message, grew: router.stack.length - before });
    }
}

function step(name) {
    return function (req, res, next) {
        req.trail = (req.trail || []).concat(name);
        next();
    };
}

function show(req, res) {
    res.json({
        method: req.method,
        url: req.url,
        path: req.path,
        baseUrl: req.baseUrl,
        originalUrl: req.originalUrl,
        params: req.params,
        keys: Object.keys(req.params),
        trail: req.trail || [],
        route: req.route ? String(req.route.path) : null,
    });
}

function describeStack(stack) {
    return stack.map((layer) => ({
        name: layer.name,
        route: layer.route ? String(layer.route.path) : null,
        methods: layer.route ? layer.route.methods : null,
        handlers: layer.route ? layer.route.stack.length : null,
        keys: layer.keys.map((key) => key.name),
    }));
}

function nested() {
    const sub = express.Router();
    sub.use(step('sub-use'));
    sub.get('/', show);
    sub.get('/deep/:x', show);
    sub.get('/pass', (req, res, next) => next());
    sub.get('/leave', (req, res, next) => next('router'));
    sub.get('/boom', () => {
        throw new Error('sub boom');
    });
    return sub;
}

function options(router) {
    const cs = express.Router({ caseSensitive: true });
    cs.get('/Exact', show);
    router.use('/cs', cs);

    const strict = express.Router({ strict: true });
    strict.get('/slash/', show);
    strict.get('/noslash', show);
    router.use('/strict', strict);

    const merged = express.Router({ mergeParams: true });
    merged.get('/:child', show);
    merged.get('/:parent/again', show);
    router.use('/mp/:parent', merged);

    const separate = express.Router();
    separate.get('/:child', show);
    router.use('/nomp/:parent', separate);
}

function errors(router) {
    router.get('/err/next', (req, res, next) => next(new Error('boom')));
    router.get('/err/throw', () => {
        throw new Error('thrown');
    });
    router.get('/err/string', (req, res, next) => next('a string error'));
    router.get('/err/falsy', (req, res, next) => next(null), (req, res, next) => next(false), (req, res, next) => next(''), show);
    router.get('/err/in-route', (req, res, next) => next(new Error('route error')), (req, res) => res.send('skipped'),
        (err, req, res, next) => res.status(500).json({ caught: err.message, where: 'route' }));
    router.get('/err/caught', (req, res, next) => next(Object.assign(new Error('teapot'), { status: 418 })));
    router.use('/err/caught', (err, req, res, next) => res.status(err.status).json({ caught: err.message }));
    router.get('/err/cleared', (req, res, next) => next(new Error('cleared')));
    router.get('/err/cleared', (req, res) => res.send('routes are skipped while an error is pending'));
    router.use('/err/cleared', (err, req, res, next) => next());
    router.get('/err/cleared', (req, res) => res.send('a route after the error was cleared'));
    router.use('/err/cleared', (req, res) => res.json({ recovered: true, trail: req.trail }));
    router.get('/err/rethrow', (req, res, next) => next(new Error('first')));
    router.use('/err/rethrow', (err, req, res, next) => {
        throw Object.assign(new Error('second'), { status: 409 });
    });
    router.get('/err/sub', nested());
    router.use('/errsub', nested());
    router.use('/errsub', (err, req, res, next) => res.status(500).json({ fromSub: err.message }));
}

async function init(router) {
    router.use(step('use-all'));
    router.get('/', show);

    for (const method of ['get', 'post', 'put', 'patch', 'delete', 'propfind', 'search', 'purge', 'lock', 'report', 'mkcol', 'copy', 'move']) {
        router[method]('/m', show);
    }
    router.all('/any', show);
    router.get('/chained', show).post('/chained', show).use('/chained-use', show);
    router.get('/handlers', step('h1'), [step('h2'), [step('h3')]], show);
    router.get(['/alias-a', '/alias-b/:x'], show);
    router.use('/arr', [step('a1'), [step('a2')]], show);
    router.use(['/u1', '/u2'], step('multi'), show);
    router.use('', step('empty-path'));
    router.use('/prefix', show);

    router.route('/chain').all(step('chain-all')).get(show).post(show);
    router.post('/multi', show);
    router.put('/multi', show);
    router.get('/multi', show);
    router.get('/multi', show);

    router.get('/head-after', (req, res) => res.send('from get'));
    router.head('/head-after', (req, res) => res.set('Content-Type', 'text/x-head').end());
    router.head('/head-first', (req, res) => res.status(203).set('Content-Type', 'text/x-head').end());
    router.get('/head-first', (req, res) => res.send('from get'));

    router.get('/skip', step('first'), (req, res, next) => next('route'), (req, res) => res.send('never'));
    router.get('/skip', show);
    router.use('/skip-mw', (req, res, next) => next('route'));
    router.get('/skip-mw', show);
    router.get('/leave', (req, res, next) => next('router'));
    router.get('/leave', show);
    router.get('/pass', (req, res, next) => next());
    router.get('/arity', (req, res, next, extra) => res.send('four args never run without an error'), show);
    router.get('/defaults', (req = null, res = null) => res, show);

    router.param('id', (req, res, next, value, name) => {
        req.paramCalls = (req.paramCalls || 0) + 1;
        req.loaded = { value, name };
        if (value === 'bad') return next(Object.assign(new Error('bad id'), { status: 422 }));
        if (value === 'throw') throw new Error('param threw');
        next();
    });
    router.get('/item/:id', step('item-first'));
    router.get('/item/:id', (req, res) => res.json({ params: req.params, paramCalls: req.paramCalls, loaded: req.loaded, trail: req.trail }));
    router.get('/pair/:id/:other', (req, res) => res.json({ params: req.params, paramCalls: req.paramCalls }));

    router.use('/sub', nested());
    router.get('/sub/pass', show);
    router.get('/sub/leave', show);
    router.use('/restore', (req, res, next) => {
        req.inner = { url: req.url, baseUrl: req.baseUrl, path: req.path };
        next();
    });
    router.get('/restore/x', (req, res) => res.json({ inner: req.inner, url: req.url, baseUrl: req.baseUrl, path: req.path }));
    router.get('/rewrite', (req, res, next) => {
        req.url = '/rewritten?by=handler';
        next();
    });
    router.get('/rewritten', show);
    router.get('/remethod', (req, res, next) => {
        req.method = 'PUT';
        next();
    });
    router.put('/remethod', show);

    options(router);
    errors(router);

    attempt(router, 'get with a number handler', () => router.get('/f', 3));
    attempt(router, 'get without a path', () => router.get(() => {}));
    attempt(router, 'use without arguments', () => router.use());
    attempt(router, 'use with a string handler', () => router.use('/h', 'x'));
    attempt(router, 'get without handlers', () => router.get('/e'));
    attempt(router, 'all with an object handler', () => router.all('/g', {}));
    attempt(router, 'param', () => router.param('unused', (req, res, next) => next()));
    attempt(router, 'use with two functions', () => router.use('/two', step('one'), step('two')));
    attempt(router, 'route', () => router.route('/r').get(show).put(show));

    router.get('/stack', (req, res) => res.json({ length: router.stack.length, layers: describeStack(router.stack) }));
    router.get('/init-errors', (req, res) => res.json(initErrors));
    router.get('/shape', (req, res) => res.json({
        router: typeof router,
        params: router.params,
        caseSensitive: router.caseSensitive ?? null,
        strict: router.strict ?? null,
        mergeParams: router.mergeParams ?? null,
        del: typeof router.del,
        methods: ['get', 'checkout', 'm-search', 'mkcalendar', 'query', 'unsubscribe'].map((m) => typeof router[m]),
    }));
}

module.exports = { info, init };
