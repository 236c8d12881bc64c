// CommonJS plugin calling an upstream HTTP API the ways plugins do: axios and node-fetch@2, with
// multipart bodies built by form-data. The test names its upstream server in ?target=.
const axios = require('axios');
const fetch = require('node-fetch');
const FormData = require('form-data');

function buildForm() {
    const form = new FormData();
    form.append('name', 'pluginhost');
    form.append('count', 3);
    form.append('file', Buffer.from('file body\n'), { filename: 'notes.txt', contentType: 'text/plain' });
    form.append('json', JSON.stringify({ a: 1 }), { contentType: 'application/json' });
    return form;
}

function axiosErrorShape(e) {
    return { message: e.message, code: e.code, status: e.response && e.response.status, data: e.response && e.response.data };
}

module.exports = {
    info: { id: 'http-clients', name: 'HTTP clients', description: 'axios, node-fetch and form-data' },
    async init(router) {
        router.get('/axios-json', async (req, res) => {
            const r = await axios.get(`${req.query.target}/json`, { params: { q: 'a b', n: 2 }, headers: { 'X-Plugin': 'npm' } });
            res.json({ status: r.status, contentType: r.headers['content-type'], data: r.data });
        });
        router.get('/axios-gzip', async (req, res) => {
            const r = await axios.get(`${req.query.target}/gzip`);
            res.json({ status: r.status, data: r.data });
        });
        router.get('/axios-error', async (req, res) => {
            try {
                await axios.get(`${req.query.target}/missing`);
                res.json({ threw: false });
            } catch (e) {
                res.json({ threw: true, ...axiosErrorShape(e) });
            }
        });
        router.get('/axios-form', async (req, res) => {
            const form = buildForm();
            const r = await axios.post(`${req.query.target}/upload`, form, { headers: form.getHeaders() });
            res.json({ boundary: form.getBoundary(), upstream: r.data });
        });
        router.get('/fetch-json', async (req, res) => {
            const r = await fetch(`${req.query.target}/json?via=fetch`, { headers: { 'X-Plugin': 'npm' } });
            res.json({ ok: r.ok, status: r.status, contentType: r.headers.get('content-type'), data: await r.json() });
        });
        router.get('/fetch-gzip', async (req, res) => {
            const r = await fetch(`${req.query.target}/gzip`);
            res.json({ status: r.status, data: await r.json() });
        });
        router.get('/fetch-form', async (req, res) => {
            const form = buildForm();
            const r = await fetch(`${req.query.target}/upload`, { method: 'POST', body: form });
            res.json({ boundary: form.getBoundary(), upstream: await r.json() });
        });
    },
};
