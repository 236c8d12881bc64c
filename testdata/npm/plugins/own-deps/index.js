// CommonJS plugin with its own node_modules (npm ci in this folder).
const bodyParser = require('body-parser');
const escapeHtml = require('escape-html');
const semver = require('semver');

module.exports = {
    info: { id: 'own-deps', name: 'Own dependencies', description: 'packages installed in the plugin folder' },
    async init(router) {
        // The host parses JSON and urlencoded bodies before plugin routes; text and raw bodies are
        // left to the plugin's own parsers.
        router.post('/text', bodyParser.text({ limit: '1kb' }), (req, res) => {
            res.json({ body: req.body, escaped: escapeHtml(req.body) });
        });
        router.post('/raw', bodyParser.raw({ type: 'application/octet-stream' }), (req, res) => {
            res.json({ isBuffer: Buffer.isBuffer(req.body), hex: req.body.toString('hex') });
        });
        router.post('/json', bodyParser.json(), (req, res) => res.json({ body: req.body }));
        router.get('/versions', (req, res) => {
            res.json({
                semver: require('semver/package.json').version,
                bodyParserFile: require.resolve('body-parser'),
                escapeHtmlFile: require.resolve('escape-html'),
            });
        });
    },
};
