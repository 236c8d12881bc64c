// Echoes the request's markers through a stream pipeline and a gzip round trip, and writes the
// response in chunks.
const { Readable, Transform, Writable } = require('stream');
const { pipeline } = require('stream/promises');
const zlib = require('zlib');
const { promisify } = require('util');

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

module.exports = {
  info: { id: 'stream-echo', name: 'Stream echo', description: 'markers through streams' },
  init(router) {
    router.post('/echo', async (req, res) => {
      const got = [];
      await pipeline(
        Readable.from([req.query.m, req.get('x-marker'), req.body.m]),
        new Transform({
          objectMode: true,
          transform(marker, _, done) { setImmediate(() => done(null, marker)); },
        }),
        new Writable({
          objectMode: true,
          write(marker, _, done) { got.push(marker); done(); },
        }),
      );
      const body = (await gunzip(await gzip(got[2]))).toString();
      res.type('json');
      res.write(`{"query":${JSON.stringify(got[0])},`);
      setImmediate(() => {
        res.write(`"header":${JSON.stringify(got[1])},`);
        setTimeout(() => res.end(`"body":${JSON.stringify(body)}}`), 1);
      });
    });
  },
};
