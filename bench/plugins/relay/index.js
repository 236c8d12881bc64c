// Workload 4: an llm-proxy-style relay. GET /relay fetches the upstream named in config.json (which
// the benchmark writes) and pipes its Server-Sent Events to the client as they arrive.
const fs = require('fs');
const path = require('path');

const info = {
    id: 'relay',
    name: 'Relay',
    description: 'Streams an upstream event stream to the client',
};

let config = {};

async function init(router) {
    config = JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf-8'));

    router.get('/relay', async (req, res) => {
        let upstream;
        try {
            upstream = await fetch(config.upstream, { headers: { Accept: 'text/event-stream' } });
        } catch (err) {
            return res.status(502).json({ error: `upstream: ${err.message}` });
        }
        if (!upstream.ok) {
            return res.status(502).json({ error: `upstream answered ${upstream.status}` });
        }
        res.status(200);
        res.setHeader('Content-Type', 'text/event-stream');
        res.setHeader('Cache-Control', 'no-cache');
        res.flushHeaders();
        const reader = upstream.body.getReader();
        try {
            for (;;) {
                const { done, value } = await reader.read();
                if (done) break;
                res.write(value);
            }
        } catch (err) {
            console.error(`[${info.id}] upstream stream failed:`, err.message);
        }
        res.end();
    });
}

module.exports = { info, init };
