// Workload 6: a small ES module plugin of the usual shape (a settings file, a few routes, some helper
// code run at load time). The benchmark copies it into many folders, as index.mjs or as index.js with
// "type": "module"; its id is its folder's name.
import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));

export const info = {
    id: path.basename(dir),
    name: `Start-up ${path.basename(dir)}`,
    description: 'An ES module plugin of the usual size',
};

const defaults = Object.freeze({
    enabled: true,
    maxItems: 100,
    greeting: 'Hello',
    tags: ['bench', 'startup'],
});

class Store extends EventEmitter {
    #file;
    #items = new Map();

    constructor(file) {
        super();
        this.#file = file;
    }

    load() {
        try {
            const saved = JSON.parse(fs.readFileSync(this.#file, 'utf-8'));
            for (const [key, value] of Object.entries(saved)) this.#items.set(key, value);
        } catch (err) {
            if (err.code !== 'ENOENT') console.error(`[${info.id}] cannot read ${this.#file}:`, err.message);
        }
        return this;
    }

    add(value) {
        const id = crypto.randomUUID();
        this.#items.set(id, { ...value, id, created: Date.now() });
        this.emit('change', id);
        return this.#items.get(id);
    }

    list(limit) {
        return [...this.#items.values()].slice(0, limit);
    }
}

function settings() {
    const file = path.join(dir, 'settings.json');
    if (!fs.existsSync(file)) return { ...defaults };
    return { ...defaults, ...JSON.parse(fs.readFileSync(file, 'utf-8')) };
}

const digest = (text) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);

const store = new Store(path.join(dir, 'data.json')).load();

export async function init(router) {
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

export async function exit() {
    store.removeAllListeners();
}
