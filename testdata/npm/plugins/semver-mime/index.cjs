// CommonJS plugin (.cjs entry) using semver and mime-types.
const semver = require('semver');
const mime = require('mime-types');

module.exports = {
    info: { id: 'semver-mime', name: 'Semver and MIME', description: 'version ranges and content types' },
    async init(router) {
        router.get('/semver', (req, res) => {
            res.json({
                version: require('semver/package.json').version,
                gt: semver.gt('1.10.0', '1.9.9'),
                satisfies: semver.satisfies('2.3.4', '^2.1.0 || ~3.0.0'),
                prerelease: semver.satisfies('2.4.0-beta.1', '^2.1.0'),
                max: semver.maxSatisfying(['1.2.3', '1.4.0', '2.0.0'], '~1.2 || ^1.3'),
                sorted: semver.sort(['10.0.0', '2.0.0', '2.0.0-rc.1', '1.0.0']),
                coerce: semver.coerce('v3.4 build 7').version,
                inc: semver.inc('1.2.3', 'preminor', 'beta'),
                invalid: semver.valid('1.2'),
                diff: semver.diff('1.2.3', '1.3.0'),
            });
        });
        router.get('/mime', (req, res) => {
            res.json({
                json: mime.lookup('json'),
                html: mime.lookup('index.html'),
                path: mime.lookup('/static/app.min.js'),
                unknown: mime.lookup('file.nope'),
                contentType: mime.contentType('markdown'),
                extension: mime.extension('image/png'),
                charset: mime.charset('text/csv'),
            });
        });
    },
};
