// Response fixture (ESM through package.json "type": "module"): one route per response feature —
// status helpers, send/json typing, ETag and 304, header helpers, redirects, cookies, sendFile and
// download from ./files, and raw Node writes.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const info = {
    id: 'response',
    name: 'Response fixture',
    description: 'Exercises the Express 4 response',
};

const files = path.join(path.dirname(fileURLToPath(import.meta.url)), 'files');

const jsonBodies = {
    null: null,
    string: 'str',
    number: 42,
    boolean: false,
    undefined: undefined,
    nested: { a: [1, 2, { b: null }], c: '<tag>&', d: 'é€😀' },
    numbers: [1e21, -0, 0.1 + 0.2, NaN, Infinity, 1 / 3, 5e-7, 123456789012345680000],
    surrogate: '\ud800 lone',
    date: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)),
    order: { b: 1, a: 2, 10: 'ten', 2: 'two' },
    escapes: '\u0000\u001f"\\/\u2028\u2029\u007f',
};

const sendBodies = {
    string: () => 'hello',
    empty: () => '',
    buffer: () => Buffer.from('buffer body'),
    null: () => null,
    undefined: () => undefined,
    number: () => 201,
    boolean: () => true,
    object: () => ({ ok: true }),
    array: () => [1, 'two'],
};

function caught(fn) {
    try {
        fn();
        return null;
    } catch (error) {
        return { name: error.name, message: error.message, code: error.code ?? null };
    }
}

function statusRoutes(router) {
    router.get('/status', (req, res) => res.status(201).json({ created: true }));
    router.get('/status-string', (req, res) => res.status('202').send('accepted'));
    router.get('/status-invalid', (req, res) => res.status(99).send('too low'));
    router.get('/send-status/:code', (req, res) => res.sendStatus(Number(req.params.code)));
    router.get('/status-204', (req, res) => res.status(204).set('Content-Type', 'text/plain').send('dropped'));
    router.get('/status-205', (req, res) => res.status(205).send('dropped'));
    router.get('/status-304', (req, res) => res.status(304).send('dropped'));
    router.get('/chain', (req, res) => res.status(203).set('X-A', '1').type('json').send('{"raw":true}'));
}

function bodyRoutes(router) {
    router.get('/json/:kind', (req, res) => res.json(jsonBodies[req.params.kind]));
    router.get('/json-type', (req, res) => res.type('application/vnd.example+json').json({ a: 1 }));
    router.get('/json-legacy', (req, res) => res.json(201, { legacy: true }));
    router.get('/json-legacy-swapped', (req, res) => res.json({ legacy: true }, 202));
    router.get('/json-circular', (req, res) => {
        const value = {};
        value.self = value;
        res.json(value);
    });
    router.get('/jsonp', (req, res) => res.jsonp({ a: 1, html: '<\u2028>' }));
    router.get('/send/:kind', (req, res) => res.send(sendBodies[req.params.kind]()));
    router.get('/send-charset', (req, res) => res.set('Content-Type', 'text/plain; charset=iso-8859-1').send('forced'));
    router.get('/send-buffer-charset', (req, res) => res.set('Content-Type', 'text/plain; charset=iso-8859-1').send(Buffer.from('kept')));
    router.get('/send-legacy', (req, res) => res.send(404, 'legacy'));
    router.get('/send-legacy-swapped', (req, res) => res.send('swapped', 202));
    router.get('/etag', (req, res) => res.send('hello'));
    router.get('/etag-manual', (req, res) => res.set('ETag', '"fixed"').send('manual'));
    router.post('/etag', (req, res) => res.send('posted'));
    router.get('/etag-error', (req, res) => res.status(500).send('hello'));
    router.get('/big', (req, res) => res.json(Array.from({ length: 5000 }, (_, i) => ({ i, s: `item-${i}` }))));
    router.get('/format', (req, res) => res.format({
        text: () => res.send('text'),
        html: () => res.send('<b>html</b>'),
        json: () => res.json({ json: true }),
    }));
    router.get('/format-default', (req, res) => res.format({
        'application/json': () => res.json({ json: true }),
        default: () => res.status(406).send('none'),
    }));
}

function headerRoutes(router) {
    router.get('/set', (req, res) => {
        res.set('X-A', 1);
        res.set({ 'Cache-Control': 'no-cache', 'Content-Type': 'text/event-stream' });
        res.send('ok');
    });
    router.get('/set-array-type', (req, res) => res.json(caught(() => res.set('Content-Type', ['text/plain']))));
    router.get('/set-charset', (req, res) => res.set('Content-Type', 'application/json; charset=ascii').send('{}'));
    router.get('/append', (req, res) => {
        res.append('Vary', 'Accept');
        res.append('Vary', ['Origin', 'X-Y']);
        res.append('Set-Cookie', 'a=1');
        res.append('Set-Cookie', ['b=2', 'c=3']);
        res.json({ vary: res.get('Vary') });
    });
    router.get('/type/:t', (req, res) => res.type(req.params.t).send('typed'));
    router.get('/vary', (req, res) => {
        res.vary('Accept');
        res.vary('Origin');
        res.vary('accept');
        res.vary('User-Agent, origin');
        res.send('varied');
    });
    router.get('/vary-star', (req, res) => res.vary('Accept').vary('*').send('star'));
    router.get('/location', (req, res) => res.location('/über?q=ä b&x=%20').sendStatus(201));
    router.get('/location-back', (req, res) => res.location('back').end());
    router.get('/links', (req, res) => res.links({ next: '/p?page=2', last: '/p?page=5' }).json({ link: res.get('Link') }));
    router.get('/attachment', (req, res) => res.attachment().send('file'));
    router.get('/attachment/:name', (req, res) => res.attachment(req.params.name).send('file'));
    router.get('/get', (req, res) => {
        res.set('X-A', '1');
        res.json({ get: res.get('x-a'), type: res.get('content-type') ?? null, has: res.hasHeader('X-A') });
    });
    router.get('/headers-sent', (req, res) => {
        const before = res.headersSent;
        res.write('{"before":' + before);
        res.end(',"after":' + res.headersSent + '}');
    });
}

function redirectRoutes(router) {
    router.get('/redirect', (req, res) => res.redirect('/target?x=1 y&<z>'));
    router.get('/redirect-301', (req, res) => res.redirect(301, 'http://example.test/a b'));
    router.get('/redirect-legacy', (req, res) => res.redirect('/legacy', 307));
    router.get('/redirect-back', (req, res) => res.redirect('back'));
    router.post('/redirect', (req, res) => res.redirect(303, '/after-post'));
}

function cookieRoutes(router) {
    router.get('/cookie', (req, res) => {
        res.cookie('a', '1');
        res.cookie('obj', { x: 1 }, { httpOnly: true, path: '/p' });
        res.cookie('d', 'v w;', { domain: 'example.test', secure: true, sameSite: 'lax', expires: new Date(Date.UTC(2030, 0, 1)) });
        res.cookie('s', 'strict', { sameSite: true, priority: 'high', partitioned: true, secure: true });
        res.send('cookies');
    });
    router.get('/cookie-max-age', (req, res) => res.cookie('m', '1', { maxAge: 60000 }).send('max-age'));
    router.get('/cookie-encode', (req, res) => res.cookie('e', 'a b', { encode: String }).send('encode'));
    router.get('/cookie-signed', (req, res) => res.json(caught(() => res.cookie('s', 'v', { signed: true }))));
    router.get('/clear-cookie', (req, res) => {
        res.clearCookie('a');
        res.clearCookie('b', { path: '/x', domain: 'example.test' });
        res.send('cleared');
    });
}

function fileRoutes(router) {
    router.get('/file/:name', (req, res) => res.sendFile(req.params.name, { root: files }));
    router.get('/file-path/*', (req, res) => res.sendFile(req.params[0], { root: files }));
    router.get('/file-abs', (req, res) => res.sendFile(path.join(files, 'hello.txt')));
    router.get('/file-abs-dot', (req, res) => res.sendFile(path.join(files, '.private', 'note.txt')));
    router.get('/file-relative', (req, res) => res.sendFile('files/hello.txt'));
    router.get('/file-missing-arg', (req, res) => res.sendFile());
    router.get('/file-dotfiles/:mode', (req, res) => res.sendFile('.hidden', { root: files, dotfiles: req.params.mode }));
    router.get('/file-options', (req, res) => res.sendFile('hello.txt', {
        root: files,
        maxAge: '2d',
        immutable: true,
        headers: { 'X-Custom': '1', 'Content-Disposition': 'inline' },
    }));
    router.get('/file-no-cache', (req, res) => res.sendFile('hello.txt', { root: files, cacheControl: false, lastModified: false, etag: false }));
    router.get('/file-typed', (req, res) => res.type('text/x-custom').sendFile('hello.txt', { root: files }));
    router.get('/file-callback/:name', (req, res) => res.sendFile(req.params.name, { root: files }, (err) => {
        if (err) res.status(299).json({ status: err.status ?? null, code: err.code ?? null, expose: err.expose ?? null });
    }));
    router.get('/download', (req, res) => res.download(path.join(files, 'hello.txt')));
    router.get('/download-named', (req, res) => res.download(path.join(files, 'hello.txt'), 'report final.txt'));
    router.get('/download-unicode', (req, res) => res.download(path.join(files, 'hello.txt'), 'résumé €.txt'));
    router.get('/download-root', (req, res) => res.download('data.json', 'data.json', { root: files, headers: { 'Content-Disposition': 'ignored' } }));
    router.get('/download-missing', (req, res) => res.download(path.join(files, 'nope.txt')));
}

function rawRoutes(router) {
    router.get('/write', (req, res) => {
        res.write('a');
        res.write(Buffer.from('b'));
        res.end('c');
    });
    router.get('/write-head', (req, res) => {
        res.writeHead(201, { 'Content-Type': 'text/plain', 'X-Y': '1' });
        res.end('done');
    });
    router.get('/write-head-message', (req, res) => {
        res.writeHead(202, 'Custom Message', ['Content-Type', 'application/json']);
        res.end('{}');
    });
    router.get('/end-raw', (req, res) => {
        res.statusCode = 202;
        res.end('raw end');
    });
    router.get('/end-empty', (req, res) => res.end());
    router.get('/sse', (req, res) => {
        res.set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
        res.flushHeaders();
        res.write('data: 1\n\n');
        res.write('data: 2\n\n');
        res.end();
    });
    router.get('/send-twice', (req, res) => {
        res.send('first');
        res.send('second');
    });
    router.get('/write-then-throw', (req, res) => {
        res.write('partial');
        throw new Error('after write');
    });
    router.post('/pipe-request', (req, res) => {
        res.type('text');
        req.pipe(res);
    });
    router.get('/finish', (req, res) => {
        res.on('finish', () => console.log('finish event'));
        res.json({ writableEnded: res.writableEnded, writableFinished: res.writableFinished });
    });
    router.get('/set-after-end', (req, res) => {
        res.end('ended');
        res.set('X-Late', '1');
    });
}

export function init(router) {
    router.use((req, res, next) => {
        res.locals.seen = 'middleware';
        next();
    });
    router.get('/locals', (req, res) => res.json({ locals: res.locals, nullPrototype: Object.getPrototypeOf(res.locals) === null }));
    statusRoutes(router);
    bodyRoutes(router);
    headerRoutes(router);
    redirectRoutes(router);
    cookieRoutes(router);
    fileRoutes(router);
    rawRoutes(router);
}
