// Body-parser fixture (single-file CommonJS): express.json/urlencoded/text/raw and the body-parser
// module with their options, behind Luker's global JSON and urlencoded parsers. Parser errors reach
// the error middleware at the end, which echoes their Express-visible shape.
const express = require('express');
const bodyParser = require('body-parser');

function describe(body) {
    if (Buffer.isBuffer(body)) return { kind: 'buffer', base64: body.toString('base64') };
    return { kind: body === null ? 'null' : typeof body, value: body };
}

function echo(req, res) {
    res.json({ body: describe(req.body), _body: req._body === true });
}

function reject(req, res, buf) {
    if (buf[0] === 0x78) throw new Error('verify rejects x');
}

function errorShape(err, req, res, next) {
    res.status(err.status || 500).json({
        name: err.name,
        message: err.message,
        status: err.status ?? null,
        statusCode: err.statusCode ?? null,
        expose: err.expose ?? null,
        type: err.type ?? null,
        limit: err.limit ?? null,
        length: err.length ?? null,
        expected: err.expected ?? null,
        received: err.received ?? null,
        charset: err.charset ?? null,
        encoding: err.encoding ?? null,
        body: err.body ?? null,
    });
}

module.exports = {
    info: { id: 'bodies', name: 'Body parser fixture', description: 'Exercises the body parsers' },
    init(router) {
        router.all('/echo', echo);
        router.post('/json', express.json(), echo);
        router.post('/json-limit', express.json({ limit: 10 }), echo);
        router.post('/json-plus', express.json({ type: ['application/json', '+json'] }), echo);
        router.post('/json-loose', express.json({ type: 'application/vnd.loose+json', strict: false }), echo);
        router.post('/json-strict', express.json({ type: 'application/vnd.strict+json' }), echo);
        router.post('/json-reviver', express.json({ type: '*/*', reviver: (key, value) => (typeof value === 'number' ? value * 2 : value) }), echo);
        router.post('/json-small', express.json({ type: 'application/vnd.small+json', limit: '10b' }), echo);
        router.post('/json-verify', express.json({ type: 'application/vnd.verify+json', verify: reject }), echo);
        router.post('/json-fn-type', express.json({ type: (req) => req.headers['x-parse'] === 'yes' }), echo);
        router.post('/json-no-inflate', express.json({ type: 'application/vnd.raw+json', inflate: false }), echo);
        router.post('/text', express.text(), echo);
        router.post('/text-limit', express.text({ limit: 10 }), echo);
        router.post('/text-any', express.text({ type: 'text/*' }), echo);
        router.post('/text-charset', express.text({ defaultCharset: 'iso-8859-1' }), echo);
        router.post('/raw', express.raw(), echo);
        router.post('/raw-any', express.raw({ type: () => true }), echo);
        router.post('/raw-limit', express.raw({ limit: '1kb' }), echo);
        router.post('/raw-no-inflate', express.raw({ inflate: false }), echo);
        router.post('/raw-verify', express.raw({ verify: reject }), echo);
        router.post('/form-simple', express.urlencoded({ extended: false, type: 'application/vnd.form' }), echo);
        router.post('/form-extended', express.urlencoded({ extended: true, type: 'application/vnd.form' }), echo);
        router.post('/form-params', express.urlencoded({ extended: true, parameterLimit: 3, type: 'application/vnd.form' }), echo);
        router.post('/form-simple-params', express.urlencoded({ extended: false, parameterLimit: 3, type: 'application/vnd.form' }), echo);
        router.post('/bp-json', bodyParser.json({ type: 'application/vnd.bp+json' }), echo);
        router.post('/bp-text', bodyParser.text({ type: 'text/csv' }), echo);
        router.post('/bp-raw', bodyParser.raw({ type: 'image/*' }), echo);
        router.post('/stacked', express.text(), express.raw({ type: 'text/plain' }), echo);
        router.use(errorShape);
    },
};
