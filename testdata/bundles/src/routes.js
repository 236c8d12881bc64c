// Routes shared by the body-parser bundles: each bundle passes the body-parser copy it carries
// (1.x or 2.x), so the same requests exercise both against the host's already-parsed requests and
// against bodies the host left unread. Every answer is JSON that must be identical under Node +
// Express 4 and under pluginhost.
import onFinished from 'on-finished';
import getRawBody from 'raw-body';

// state is what the bundled copies of on-finished and body-parser look at to decide that a request
// body was already read.
function state(req) {
    return { finished: onFinished.isFinished(req), parsed: req._body === true };
}

function hex(buf) {
    return Buffer.isBuffer(buf) ? buf.toString('hex') : typeof buf;
}

export function register(router, bodyParser) {
    router.post('/state', (req, res) => {
        res.json({ ...state(req), body: req.body });
    });
    router.post('/json', bodyParser.json(), (req, res) => {
        res.json({ ...state(req), body: req.body });
    });
    router.post('/text', bodyParser.text(), (req, res) => {
        res.json({ ...state(req), body: req.body });
    });
    router.post('/text-twice', bodyParser.text(), bodyParser.text({ type: '*/*' }), (req, res) => {
        res.json({ ...state(req), body: req.body });
    });
    router.post('/raw', bodyParser.raw(), (req, res) => {
        res.json({ ...state(req), body: hex(req.body) });
    });
    router.post('/json-from-text', bodyParser.json({ type: 'text/plain' }), (req, res) => {
        res.json({ ...state(req), body: req.body });
    });
    router.post('/urlencoded', bodyParser.urlencoded({ extended: false }), (req, res) => {
        res.json({ ...state(req), body: req.body });
    });
    router.post('/limit', bodyParser.text({ limit: 8 }), (req, res) => {
        res.json({ ...state(req), body: req.body });
    });
    router.post('/verify', bodyParser.text({
        verify(req, res, buf) {
            if (buf.toString() === 'refuse') throw new Error('refused by verify');
        },
    }), (req, res) => {
        res.json({ ...state(req), body: req.body });
    });
    router.post('/raw-body', (req, res, next) => {
        const before = state(req);
        getRawBody(req, { length: req.headers['content-length'], limit: '1kb', encoding: 'utf8' }, (err, text) => {
            if (err) return next(err);
            res.json({ before, after: state(req), text });
        });
    });
    router.post('/on-finished', (req, res) => {
        const before = onFinished.isFinished(req);
        onFinished(req, (err) => {
            res.json({ before, err: err ? err.message : null, after: onFinished.isFinished(req) });
        });
        req.resume();
    });
    router.get('/on-finished-res', (req, res) => {
        const events = [];
        const where = req.baseUrl;
        onFinished(res, (err) => {
            events.push(`finished:${err ? err.message : 'ok'}:${onFinished.isFinished(res)}`);
            console.log('on-finished-res', where, events.join(','));
        });
        events.push(`before:${onFinished.isFinished(res)}`);
        res.json({ before: onFinished.isFinished(res) });
    });
    // body-parser's errors as an Express error handler sees them, JSON syntax errors with V8's
    // message (pluginhost's JSON.parse gives V8's messages).
    router.use((err, req, res, _next) => {
        res.status(err.status || 500).json({
            status: err.status,
            type: err.type,
            name: err.name,
            message: err.message,
            ...state(req),
        });
    });
}
