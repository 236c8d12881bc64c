// Workload 6's bundled plugin: the source of a plugin that, as the SillyTavern plugin template does,
// ships as one CommonJS file with its npm packages inlined. The benchmark bundles it with esbuild
// (packages from conformance/host/node_modules) into the start-up plugins directory: about 500 KB.
const accepts = require('accepts');
const contentDisposition = require('content-disposition');
const cookie = require('cookie');
const mime = require('mime-types');
const proxyAddr = require('proxy-addr');
const qs = require('qs');
const send = require('send');
const typeis = require('type-is');

const info = {
    id: 'bundle',
    name: 'Bundle',
    description: 'A plugin bundled with its npm packages',
};

async function init(router) {
    const trust = proxyAddr.compile('loopback');
    router.get('/ok', (req, res) => {
        res.json({ ok: true, type: mime.lookup('notes.md'), query: qs.parse('a[b]=1&c=2') });
    });
    router.get('/about', (req, res) => {
        const type = accepts(req).type(['json', 'html']);
        const session = cookie.parse(req.headers.cookie ?? '').session ?? null;
        const client = proxyAddr(req, trust);
        res.setHeader('Content-Disposition', contentDisposition('à propos.json'));
        res.json({ type, session, client, json: typeis.is('application/json', ['json']) });
    });
    router.get('/file', (req, res) => {
        send(req, __filename).pipe(res);
    });
}

module.exports = { info, init };
