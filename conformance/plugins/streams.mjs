// Streams fixture (single-file ESM): node:stream readables and transforms piped into the response,
// and the request piped through a transform.
import { Readable, Stream, Transform, Writable, pipeline } from 'node:stream';

export const info = { id: 'streams', name: 'Streams fixture', description: 'Pipes node:stream streams into responses' };

function upperCase() {
    return new Transform({
        transform(chunk, encoding, done) {
            done(null, chunk.toString().toUpperCase());
        },
    });
}

export function init(router) {
    router.get('/kinds', (req, res) => {
        res.json({
            reqReadable: req instanceof Readable,
            reqStream: req instanceof Stream,
            reqWritable: req instanceof Writable,
            readableFlowing: req.readableFlowing,
            readableEnded: req.readableEnded,
        });
    });
    router.get('/readable', (req, res) => {
        res.set('Content-Type', 'application/x-ndjson');
        Readable.from(['{"n":1}\n', '{"n":2}\n']).pipe(res);
    });
    router.post('/upper', (req, res) => {
        res.type('text');
        req.pipe(upperCase()).pipe(res);
    });
    router.get('/failing', (req, res, next) => {
        const source = new Readable({
            read() {
                this.destroy(Object.assign(new Error('source failed'), { status: 502 }));
            },
        });
        pipeline(source, res, (err) => err && !res.headersSent && next(err));
    });
}
