// Reference host: loads Luker/SillyTavern server plugins into Express 4 the way
// Luker's src/plugin-loader.js does, with the parts of Luker's host stack that
// change what a plugin sees (global body parsers before the plugin routers).
// The conformance suite uses it as the ground truth for plugin-visible
// behaviour, and the benchmark compares pluginhost against it.
//
// Usage: node server.mjs --plugins DIR [--port N] [--luker-data DIR] [--shared DIR]...
//   --port 0 picks a free one. --luker-data adds Luker's host context for its
//   single default user (see luker.mjs); --shared adds a node_modules folder
//   plugins resolve bare names from, as Luker's root node_modules.
//
// NODE_ENV defaults to production, as Luker's start scripts set it. Anything
// the plugin routers leave unhandled gets Express's bare finalhandler response
// (Luker's own HTML 404 page is out of scope).
import fs from 'node:fs';
import { createRequire, Module, register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import bodyParser from 'body-parser';
import express from 'express';

import { lukerContext, serverStarted } from './luker.mjs';

const { values: args } = parseArgs({
    options: {
        plugins: { type: 'string' },
        port: { type: 'string', default: '0' },
        'luker-data': { type: 'string' },
        shared: { type: 'string', multiple: true, default: [] },
    },
});
if (!args.plugins) {
    console.error('usage: node server.mjs --plugins DIR [--port N] [--luker-data DIR] [--shared DIR]...');
    process.exit(2);
}

process.env.NODE_ENV ??= 'production';
shareHostModules(args.shared.map((dir) => path.resolve(dir)));

// Luker logs rejected async handlers and keeps serving; Node's default would exit.
process.on('unhandledRejection', (reason) => console.error('Unhandled rejection:', reason));

const app = express();
app.set('etag', 'weak'); // Express's default, stated because ETags are compared
app.use(bodyParser.json({ limit: '500mb' }));
app.use(bodyParser.urlencoded({ extended: true, limit: '500mb' }));
if (args['luker-data']) app.use(lukerContext(path.resolve(args['luker-data'])));

const loaded = new Set();
const exitHooks = [];
await loadPlugins(path.resolve(args.plugins));

const server = app.listen(Number(args.port), '127.0.0.1', () => {
    console.log(`listening on http://127.0.0.1:${server.address().port}`);
    if (args['luker-data']) serverStarted(new URL(`http://127.0.0.1:${server.address().port}`));
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
        if (stopping) return;
        stopping = true;
        server.close();
        server.closeAllConnections();
        try {
            await Promise.all(exitHooks.map((exit) => exit()));
        } catch (error) {
            console.error('Plugin exit failed:', error);
        }
        process.exit(0);
    });
}

// Luker plugins may import packages (express itself, typically) from the host's
// node_modules without installing them. Resolution normally starts at the
// plugin's own file, so point both loaders at the shared node_modules folders,
// then ours, as fallbacks: a resolve hook for import, NODE_PATH for require
// (CommonJS plugins loaded through import use the CommonJS loader, which ignores
// resolve hooks on Node 20).
function shareHostModules(shared) {
    const hostModules = path.join(path.dirname(createRequire(import.meta.url).resolve('express')), '..');
    // Resolving from a file beside a node_modules folder searches that folder first.
    const parentURLs = [...shared.map((dir) => pathToFileURL(path.join(dir, '..', 'shared.mjs')).href), import.meta.url];
    register('./host-modules.mjs', import.meta.url, { data: { parentURLs } });
    process.env.NODE_PATH = [...shared, hostModules, process.env.NODE_PATH].filter(Boolean).join(path.delimiter);
    Module._initPaths();
}

// Same order and fallbacks as Luker: every entry of DIR, sorted; directories by
// entry priority, loose files only if they are .js/.cjs/.mjs.
async function loadPlugins(dir) {
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir).sort()) {
        const file = path.join(dir, name);
        if (fs.statSync(file).isDirectory()) {
            await loadFromDirectory(file);
        } else if (['.js', '.cjs', '.mjs'].includes(path.extname(name))) {
            await loadFromFile(file);
        }
    }
    if (loaded.size > 0) console.log(`${loaded.size} server plugin(s) are currently loaded.`);
}

// A failed candidate falls through to the next one, as in Luker.
async function loadFromDirectory(dir) {
    if (fs.readdirSync(dir).length === 0) return;
    const pkgFile = path.join(dir, 'package.json');
    if (fs.existsSync(pkgFile)) {
        try {
            const { main } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
            if (main && await loadFromFile(path.join(dir, main))) return;
        } catch (error) {
            console.error(`Failed to load plugin from ${pkgFile}: ${error}`);
        }
    }
    for (const entry of ['index.js', 'index.cjs', 'index.mjs']) {
        const file = path.join(dir, entry);
        if (fs.existsSync(file) && await loadFromFile(file)) return;
    }
}

async function loadFromFile(file) {
    try {
        const plugin = await import(pathToFileURL(file).href);
        console.log(`Initializing plugin from ${file}`);
        return await initPlugin(plugin);
    } catch (error) {
        console.error(`Failed to load plugin from ${file}: ${error}`);
        return false;
    }
}

async function initPlugin(plugin) {
    const info = plugin.info || plugin.default?.info;
    if (typeof info !== 'object') {
        console.error('Failed to load plugin module; plugin info not found');
        return false;
    }
    for (const field of ['id', 'name', 'description']) {
        if (typeof info[field] !== 'string') {
            console.error(`Failed to load plugin module; plugin info missing field '${field}'`);
            return false;
        }
    }
    const init = plugin.init || plugin.default?.init;
    if (typeof init !== 'function') {
        console.error('Failed to load plugin module; no init function');
        return false;
    }
    if (!/^[a-z0-9_-]+$/.test(info.id)) {
        console.error(`Failed to load plugin module; invalid plugin ID '${info.id}'`);
        return false;
    }
    if (loaded.has(info.id)) {
        console.error(`Failed to load plugin module; plugin ID '${info.id}' is already in use`);
        return false;
    }

    const router = express.Router();
    await init(router);
    loaded.add(info.id);
    // Decided once init resolves: a router still empty then is never mounted,
    // even if the plugin adds routes to it later.
    const mounted = router.stack.length > 0;
    if (mounted) app.use(`/api/plugins/${info.id}`, router);

    const exit = plugin.exit || plugin.default?.exit;
    if (typeof exit === 'function') exitHooks.push(exit);
    console.log(`[Plugin Loader] Loaded plugin: ${info.name} (${info.id})${mounted ? '' : ', router empty: not mounted'}`);
    return true;
}
