// Request fixture (CommonJS index.js, no package.json): echoes what a plugin reads from req —
// query, body, headers, host and protocol details, content negotiation, freshness, cookies, the raw
// body stream and the app/res back-links.

const info = {
    id: 'request',
    name: 'Request fixture',
    description: 'Echoes the Express 4 request',
};

function list(value) {
    return value ? String(value).split(',') : [];
}

function caught(fn) {
    try {
        return { value: fn() ?? null };
    } catch (error) {
        return { name: error.name, message: error.message };
    }
}

function init(router) {
    router.get('/query', (req, res) => res.json(req.query));
    router.get('/query-keys', (req, res) => res.json({
        keys: Object.keys(req.query),
        plainPrototype: Object.getPrototypeOf(req.query) === Object.prototype,
        count: Object.keys(req.query).length,
        firstType: Array.isArray(req.query.a) ? 'array' : typeof req.query.a,
        firstLength: req.query.a && Object.keys(req.query.a).length,
    }));
    router.all('/body', (req, res) => res.json({
        body: req.body,
        type: req.body === null ? 'null' : typeof req.body,
        _body: req._body === true,
    }));
    router.get('/basics/:a?', (req, res) => res.json({
        method: req.method,
        url: req.url,
        path: req.path,
        baseUrl: req.baseUrl,
        originalUrl: req.originalUrl,
        params: req.params,
        hostname: req.hostname,
        host: req.host,
        protocol: req.protocol,
        secure: req.secure,
        xhr: req.xhr,
        ip: req.ip,
        ips: req.ips,
        subdomains: req.subdomains,
        remoteAddress: req.socket.remoteAddress,
        httpVersion: req.httpVersion,
    }));
    router.all('/headers', (req, res) => res.json({
        host: req.get('host'),
        userAgent: req.get('User-Agent') ?? null,
        referer: req.get('referer') ?? null,
        referrer: req.header('Referrer') ?? null,
        contentType: req.get('content-type') ?? null,
        multi: req.headers['x-multi'] ?? null,
        cookie: req.headers.cookie ?? null,
        accept: req.headers.accept ?? null,
        missing: req.get('x-none') ?? null,
        noName: caught(() => req.get()),
        badName: caught(() => req.get(1)),
    }));
    router.get('/headers/all', (req, res) => res.json(req.headers));
    router.get('/headers/raw', (req, res) => res.json(req.rawHeaders));
    router.all('/is', (req, res) => res.json({
        types: list(req.query.types).map((type) => req.is(type)),
        many: req.is('html', 'json', 'text/*'),
        none: req.is(),
    }));
    router.get('/accepts', (req, res) => res.json({
        types: req.accepts(list(req.query.types || 'html,json')),
        all: req.accepts(),
        charsets: req.acceptsCharsets('utf-8', 'iso-8859-1'),
        encodings: req.acceptsEncodings(['gzip', 'br', 'identity']),
        languages: req.acceptsLanguages('en', 'fr-CA', 'de'),
    }));
    router.get('/fresh', (req, res) => {
        res.set('ETag', '"v1"');
        res.json({ fresh: req.fresh, stale: req.stale });
    });
    router.get('/cookies', (req, res) => res.json({
        cookies: typeof req.cookies,
        signedCookies: typeof req.signedCookies,
        header: req.headers.cookie ?? null,
    }));
    router.get('/links', (req, res) => res.json({
        sameApp: req.app === res.app,
        reqRes: req.res === res,
        resReq: res.req === req,
        next: typeof req.next,
        appEnv: req.app.get('env'),
        etagSetting: req.app.get('etag'),
        remoteAddress: typeof req.socket.remoteAddress,
    }));
    router.post('/stream', (req, res) => {
        const chunks = [];
        req.on('data', (chunk) => chunks.push(chunk));
        req.on('end', () => res.json({ text: Buffer.concat(chunks).toString('utf8'), body: req.body, complete: req.complete }));
    });
    router.post('/iterate', async (req, res) => {
        let text = '';
        for await (const chunk of req) text += chunk;
        res.json({ text, body: req.body });
    });
    router.post('/consumed', (req, res) => res.json({
        readableEnded: req.readableEnded,
        complete: req.complete,
        body: req.body,
    }));
    router.get('/range', (req, res) => res.json({ range: req.range(1000) ?? null, combined: req.range(1000, { combine: true }) ?? null }));
    router.get('/param-fn/:name', (req, res) => res.json({ fromParams: req.param('name'), fromQuery: req.param('q') ?? null }));
}

module.exports = { info, init };
