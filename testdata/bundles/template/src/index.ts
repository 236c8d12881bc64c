// The SillyTavern plugin template's src/index.ts, with the template's /probe and /ping routes and a
// few more that exercise the bundled body-parser 1.x on bodies the host did not parse.
import bodyParser from 'body-parser';
import { Router } from 'express';
import { Chalk } from 'chalk';

interface PluginInfo {
    id: string;
    name: string;
    description: string;
}

interface Plugin {
    init: (router: Router) => Promise<void>;
    exit: () => Promise<void>;
    info: PluginInfo;
}

const chalk = new Chalk();
const MODULE_NAME = '[SillyTavern-Example-Plugin]';

/**
 * Initialize the plugin.
 * @param router Express Router
 */
export async function init(router: Router): Promise<void> {
    const jsonParser = bodyParser.json();
    // Used to check if the server plugin is running
    router.post('/probe', (_req, res) => {
        return res.sendStatus(204);
    });
    // Use body-parser to parse the request body
    router.post('/ping', jsonParser, async (req, res) => {
        try {
            const { message } = req.body;
            return res.json({ message: `Pong! ${message}` });
        } catch (error) {
            console.error(chalk.red(MODULE_NAME), 'Request failed', error);
            return res.status(500).send('Internal Server Error');
        }
    });
    // Bodies the host leaves unread: the bundled body-parser reads the request stream itself.
    router.post('/text', bodyParser.text({ limit: '1kb' }), (req, res) => {
        res.json({ text: req.body, parsed: (req as unknown as { _body?: boolean })._body === true });
    });
    router.post('/raw', bodyParser.raw({ type: () => true }), (req, res) => {
        res.json({ bytes: Buffer.isBuffer(req.body) ? req.body.length : typeof req.body });
    });
    router.get('/colors', (_req, res) => {
        res.json({ level: chalk.level, plain: new Chalk({ level: 0 }).red(MODULE_NAME) });
    });
    router.use((err: { status?: number; type?: string }, _req: unknown, res: { status: (n: number) => { json: (v: unknown) => void } }, _next: unknown) => {
        res.status(err.status || 500).json({ type: err.type });
    });

    console.log(chalk.green(MODULE_NAME), 'Plugin loaded!');
}

export async function exit(): Promise<void> {
    console.log(chalk.yellow(MODULE_NAME), 'Plugin exited');
}

export const info: PluginInfo = {
    id: 'template',
    name: 'Example Plugin',
    description: 'A simple example plugin for SillyTavern server.',
};

const plugin: Plugin = {
    init,
    exit,
    info,
};

export default plugin;
