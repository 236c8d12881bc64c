// Workload 6: a small CommonJS plugin of the usual shape (a settings file, a few routes, some helper
// code run at load time). The benchmark copies it into many folders, as index.js or index.cjs; its id
// is its folder's name.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { EventEmitter } = require('events');

const info = {
    id: path.basename(__dirname),
    name: `Start-up ${path.basename(__dirname)}`,
    description: 'A CommonJS plugin of the usual size',
};

const defaults = Object.freeze({
    enabled: true,
    maxItems: 100,
    greeting: 'Hello',
    tags: ['bench', 'startup'],
});

class Store extends EventEmitter {
    constructor(file) {
        super();
        this.file = file;
        this.items = new Map();
    }

    load() {
        try {
            const saved = JSON.parse(fs.readFileSync(this.file, 'utf-8'));
            for (const [key, value] of Object.entries(saved)) this.items.set(key, value);
        } catch (err) {
            if (err.code !== 'ENOENT') console.error(`[${info.id}] cannot read ${this.file}:`, err.message);
        }
        return this;
    }

    add(value) {
        const id = crypto.randomUUID();
        this.items.set(id, { ...value, id, created: Date.now() });
        this.emit('change', id);
        return this.items.get(id);
    }

    list(limit) {
        return [...this.items.values()].slice(0, limit);
    }
}

function settings() {
    const file = path.join(__dirname, 'settings.json');
    if (!fs.existsSync(file)) return { ...defaults };
    return { ...defaults, ...JSON.parse(fs.readFileSync(file, 'utf-8')) };
}

function digest(text) {
    return crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const store = new Store(path.join(__dirname, 'data.json')).load();

async function init(router) {
    const config = settings();
    router.get('/ok', (req, res) => {
        res.json({ id: info.id, enabled: config.enabled, digest: digest(info.id) });
    });
    router.get('/items', (req, res) => {
        res.json(store.list(Math.min(Number(req.query.limit) || config.maxItems, config.maxItems)));
    });
    router.post('/items', (req, res) => {
        if (typeof req.body?.name !== 'string') return res.status(400).json({ error: 'name required' });
        res.status(201).json(store.add({ name: req.body.name }));
    });
}

async function exit() {
    store.removeAllListeners();
}

module.exports = { info, init, exit };
