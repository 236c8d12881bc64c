// CommonJS plugin logging the way npm libraries do: debug (namespaces from process.env.DEBUG) and
// depd (deprecation warnings located through V8's call-site API, see lib/legacy.js).
const util = require('util');
const debug = require('debug');
const legacy = require('./lib/legacy');

const captured = [];
const log = debug('npm:a');
log.log = (...args) => captured.push(util.format(...args));
const quiet = debug('npm:quiet');
quiet.log = log.log;
const toStderr = debug('npm:stderr');

function deprecationRecord(err) {
    const lines = err.stack.split('\n');
    return { name: err.name, namespace: err.namespace, message: err.message, stackHead: lines[0], caller: lines[1].trim() };
}

module.exports = {
    info: { id: 'logging', name: 'Logging', description: 'debug and depd' },
    async init(router) {
        router.get('/debug', (req, res) => {
            captured.length = 0;
            log('hello %s, n=%d, obj=%j', 'world', 42, { k: [1] });
            quiet('never shown');
            toStderr('written to stderr by the default sink');
            res.json({
                env: process.env.DEBUG,
                enabled: { a: debug.enabled('npm:a'), quiet: debug.enabled('npm:quiet'), other: debug.enabled('other') },
                instance: { a: log.enabled, quiet: quiet.enabled, namespace: log.namespace },
                useColors: log.useColors,
                captured,
            });
        });
        router.get('/deprecations', (req, res) => {
            const events = [];
            const onDeprecation = (err) => events.push(deprecationRecord(err));
            process.on('deprecation', onDeprecation);
            const results = [];
            try {
                for (let i = 0; i < 3; i++) results.push(legacy.oldApi(i)); // deprecation-site:oldApi (one site: one event)
                results.push(legacy.helper(), legacy.helper()); // deprecation-site:helper (two sites, told apart by column)
                results.push(legacy.settings.legacy); // deprecation-site:property
            } finally {
                process.removeListener('deprecation', onDeprecation);
            }
            // No listener now: depd writes its line to process.stderr.
            results.push(legacy.legacyCompute(1)); // deprecation-site:stderr
            res.json({ results, events });
        });
    },
};
